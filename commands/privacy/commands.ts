import type { TextKey } from "../../src/kernel/i18n/catalog.js";
import { commandsOf, type CommandContext, type RenderContext } from "../../src/kernel/command.js";
import { doc, list, p } from "../../src/kernel/doc.js";
import { UserError } from "../../src/kernel/errors.js";
import type { Person } from "../../src/kernel/invocation.js";
import { Level } from "../../src/kernel/level.js";
import { isUserId, localpart } from "../../src/kernel/mentions.js";
import { param } from "../../src/kernel/params.js";
import { personMatch, type BoundRoomData, type KnownPerson } from "../../src/kernel/room-data.js";
import { forgetKey } from "../../src/kernel/text-hygiene.js";

const command = commandsOf<undefined>();

const CONFIRM = { confirm: ["confirmar"] } as const;
const SELF = ["me", "yo", "myself"];
/** The preview line counting free texts that name the person, summed over every part. */
const MENTIONS: TextKey = "privacy.part.mentions";

/** How many of what each feature keeps would be touched. */
type Counted = { key: TextKey; n: number }[];

const fold = (s: string) => forgetKey(s).replace(/\s+/g, "");

/**
 * A bare `@ana` who is no longer in the room (on Matrix, people who ask to be forgotten have often
 * left) is looked for among the user ids the room's data holds: one fits, it is her; several fit,
 * the moderator is asked which; none fits, `ana` is a name typed in plain text.
 */
function knownPerson(typed: string, all: readonly BoundRoomData[], ctx: CommandContext<undefined>): Person | undefined {
  const wanted = fold(typed);
  const fits = new Map<string, KnownPerson[]>();
  for (const known of all.flatMap((part) => part.people())) {
    if (fold(localpart(known.userId)) !== wanted && fold(known.name) !== wanted) continue;
    fits.set(known.userId, [...(fits.get(known.userId) ?? []), known]);
  }
  const ids = [...fits.keys()].sort();
  if (ids.length > 1) {
    throw new UserError("privacy.forget.which", {
      who: `@${typed}`,
      candidates: ids.join(", "),
      example: ctx.hint("forget", { who: ids[0]! }),
    });
  }
  const userId = ids[0];
  if (!userId) return undefined;
  // The name the data knows her by, rather than the bare localpart, when there is one.
  const name =
    fits
      .get(userId)!
      .map((k) => k.name)
      .find((n) => n !== localpart(userId)) ?? localpart(userId);
  return { userId, name };
}

function target(word: string, all: readonly BoundRoomData[], ctx: CommandContext<undefined, "room">): Person {
  if (SELF.includes(word.toLocaleLowerCase())) return ctx.sender;
  const person = ctx.room.person(word);
  if (!person) throw new UserError("error.arg.person", { arg: "who" }, true);
  if (person.userId || isUserId(word)) return person;
  // Only a moderator may forget someone else, so only a moderator is shown whose ids the room holds.
  if (ctx.level < Level.Moderator)
    throw new UserError("privacy.forget.not_allowed", {
      me: ctx.hint("forget", { who: ctx.t.text("privacy.word.me") }),
    });
  return knownPerson(person.name, all, ctx) ?? person;
}

const counted = (
  parts: readonly BoundRoomData[],
  count: (part: BoundRoomData) => number,
  key: (part: BoundRoomData) => TextKey,
): Counted => parts.map((part) => ({ key: key(part), n: count(part) })).filter((x) => x.n > 0);

const partList = (parts: Counted, view: RenderContext) => list(parts.map(({ key, n }) => view.t.t(key, { count: n })));

type ForgetResult = { person: Person; typed: string; parts: Counted; forms: string[]; done: boolean };

/** The forms of the name the preview met, so a moderator sees "ÁLVARO" and "alvaro" before confirming. */
const formsOf = (found: Set<string>, person: Person) =>
  [...new Set([...found].filter((form) => form !== person.userId).map((form) => form.replace(/^@/, "")))].sort((a, b) =>
    a.localeCompare(b),
  );

export const forget = command({
  name: "forget",
  es: "olvidar",
  group: "privacy",
  summary: "privacy.forget.summary",
  examples: {
    en: ["forget me", "forget @ana", "forget @ana confirm"],
    es: ["olvidar yo", "olvidar @ana", "olvidar @ana confirmar"],
  },
  level: Level.Member,
  params: { who: param.word({ max: 200 }), confirm: param.choice(CONFIRM, { optional: true }) },
  uses: ["kernel", "room"],
  run({ who, confirm }, ctx): ForgetResult {
    const all = ctx.kernel.roomData();
    const person = target(who, all, ctx);
    const self = person.userId === ctx.sender.userId;
    if (!self && ctx.level < Level.Moderator)
      throw new UserError("privacy.forget.not_allowed", {
        me: ctx.hint("forget", { who: ctx.t.text("privacy.word.me") }),
      });
    const match = personMatch(
      person,
      all.flatMap((part) => part.typedNames()),
    );
    const mentions = all.reduce((n, part) => n + part.countMentions(match), 0);
    const parts = [
      ...counted(
        all,
        (part) => part.countPerson(match),
        (part) => part.key,
      ),
      ...(mentions > 0 ? [{ key: MENTIONS, n: mentions }] : []),
    ];
    // Never "Done" when nothing matched: the preview then says there is nothing to forget.
    const forms = formsOf(match.found, person);
    if (parts.length === 0 || !confirm) return { person, typed: who, parts, forms, done: false };
    const someone = ctx.t.text("privacy.someone");
    for (const part of all) part.forgetPerson(match, someone);
    // Forgotten rows must leave the disk too: the dispatcher checkpoints and truncates the log after commit.
    ctx.kernel.afterCommit("compact");
    ctx.kernel.afterCommit({ forget: match });
    return { person, typed: who, parts, forms, done: true };
  },
  render({ person, typed, parts, forms, done }, view) {
    if (parts.length === 0) return doc(p(...view.t.t("privacy.forget.nothing", { who: person })));
    if (done) return doc(p(...view.t.t(person.userId ? "privacy.forget.done_matrix" : "privacy.forget.done")));
    return doc(
      p(...view.t.t("privacy.forget.preview", { who: person })),
      partList(parts, view),
      ...(forms.length > 0 ? [p(...view.t.t("privacy.forget.forms", { forms: forms.join(", ") }))] : []),
      p(
        ...view.t.t("privacy.forget.ask", {
          confirm: view.hint("forget", { who: typed, confirm: view.t.text("privacy.word.confirm") }),
        }),
      ),
    );
  },
});

export const wipe = command({
  name: "cell wipe",
  es: "célula borrar",
  aliases: ["celula borrar"],
  group: "privacy",
  summary: "privacy.wipe.summary",
  examples: { en: ["cell wipe", "cell wipe confirm"], es: ["célula borrar", "célula borrar confirmar"] },
  level: Level.Moderator,
  params: { confirm: param.choice(CONFIRM, { optional: true }) },
  uses: ["kernel"],
  run({ confirm }, ctx) {
    const all = ctx.kernel.roomData();
    const parts = counted(
      all,
      (part) => part.countRoom(),
      (part) => part.wipeKey,
    );
    if (parts.length === 0 || !confirm) return { parts, done: false };
    // Every part, not only the counted ones: settings and old messages' refs are not counted, yet must go.
    for (const part of all) part.wipeRoom();
    ctx.kernel.afterCommit("compact");
    ctx.kernel.afterCommit("wipe");
    return { parts, done: true };
  },
  render({ parts, done }, view) {
    if (parts.length === 0) return doc(p(...view.t.t("privacy.wipe.nothing")));
    if (done) return doc(p(...view.t.t("privacy.wipe.done")));
    return doc(
      p(...view.t.t("privacy.wipe.preview")),
      partList(parts, view),
      p(
        ...view.t.t("privacy.wipe.ask", {
          export: view.hint("ledger export"),
          confirm: view.hint("cell wipe", { confirm: view.t.text("privacy.word.confirm") }),
        }),
      ),
    );
  },
});
