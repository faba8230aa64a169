import { commandsOf, type CommandContext, type RenderContext } from "../../src/kernel/command.js";
import { doc, list, p } from "../../src/kernel/doc.js";
import { UserError } from "../../src/kernel/errors.js";
import type { Person } from "../../src/kernel/invocation.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import { personMatch, type BoundRoomData } from "../../src/kernel/room-data.js";

const command = commandsOf<undefined>();

const CONFIRM = { confirm: ["confirmar"] } as const;
const SELF = ["me", "yo", "myself"];

/** How many of what each feature keeps would be touched. */
type Counted = { key: string; n: number }[];

function target(word: string, ctx: CommandContext<undefined>): Person {
  if (SELF.includes(word.toLocaleLowerCase())) return ctx.sender;
  const person = ctx.person(word);
  if (!person) throw new UserError("error.arg.person", { arg: "who" }, true);
  return person;
}

const counted = (parts: readonly BoundRoomData[], count: (part: BoundRoomData) => number): Counted =>
  parts.map((part) => ({ key: part.key, n: count(part) })).filter((x) => x.n > 0);

const partList = (parts: Counted, view: RenderContext) => list(parts.map(({ key, n }) => view.t.t(key, { count: n })));

type ForgetResult = { person: Person; typed: string; parts: Counted; done: boolean };

export const forget = command({
  name: "forget",
  es: "olvidar",
  group: "privacy",
  summary: "privacy.forget.summary",
  examples: ["forget me", "forget @ana", "forget @ana confirm"],
  level: Level.Member,
  params: { who: param.word({ max: 200 }), confirm: param.choice(CONFIRM, { optional: true }) },
  run({ who, confirm }, ctx): ForgetResult {
    const person = target(who, ctx);
    const self = person.userId === ctx.sender.userId;
    if (!self && ctx.level < Level.Moderator) throw new UserError("privacy.forget.not_allowed", { me: ctx.hint("forget", { who: "me" }) });
    const match = personMatch(person);
    const all = ctx.kernel.roomData();
    const parts = counted(all, (part) => part.countPerson(match));
    if (parts.length === 0 || !confirm) return { person, typed: who, parts, done: false };
    const someone = ctx.t.text("privacy.someone");
    for (const part of all) if (parts.some((c) => c.key === part.key)) part.forgetPerson(match, someone);
    return { person, typed: who, parts, done: true };
  },
  render({ person, typed, parts, done }, view) {
    if (parts.length === 0) return doc(p(...view.t.t("privacy.forget.nothing", { who: person })));
    if (done) return doc(p(...view.t.t("privacy.forget.done", { name: person.name })));
    return doc(
      p(...view.t.t("privacy.forget.preview", { who: person })),
      partList(parts, view),
      p(...view.t.t("privacy.forget.ask", { confirm: view.hint("forget", { who: typed, confirm: "confirm" }) })),
    );
  },
});

export const wipe = command({
  name: "cell wipe",
  es: "celula borrar",
  group: "privacy",
  summary: "privacy.wipe.summary",
  examples: ["cell wipe", "cell wipe confirm"],
  level: Level.Moderator,
  params: { confirm: param.choice(CONFIRM, { optional: true }) },
  run({ confirm }, ctx) {
    const all = ctx.kernel.roomData();
    const parts = counted(all, (part) => part.countRoom());
    if (parts.length === 0 || !confirm) return { parts, done: false };
    // Every part, not only the counted ones: settings and old messages' refs are not counted, yet must go.
    for (const part of all) part.wipeRoom();
    return { parts, done: true };
  },
  render({ parts, done }, view) {
    if (parts.length === 0) return doc(p(...view.t.t("privacy.wipe.nothing")));
    if (done) return doc(p(...view.t.t("privacy.wipe.done")));
    return doc(
      p(...view.t.t("privacy.wipe.preview")),
      partList(parts, view),
      p(...view.t.t("privacy.wipe.ask", { export: view.hint("ledger export"), confirm: view.hint("cell wipe", { confirm: "confirm" }) })),
    );
  },
});
