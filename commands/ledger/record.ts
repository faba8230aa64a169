import {
  type CommandContext,
  commandsOf,
  doc,
  Level,
  mayChangeRecord,
  p,
  param,
  UserError,
} from "../../src/kernel/authoring.js";
import type { Person } from "../../src/kernel/invocation.js";
import { entryNumberParam, entryOf } from "./entry-number.js";
import type { LedgerEntry } from "./repository.js";
import { CARE_KINDS, parseContribution, personKey, suggestKinds, type CareKind } from "./rules/index.js";
import { contributionError, entryLine, kindName, kindTag } from "./render.js";
import type { LedgerSlice } from "./services.js";

const command = commandsOf<LedgerSlice>();
const MAX_GIVERS = 20;

export const thanks = command({
  name: "ledger thanks",
  es: "registro gracias",
  aliases: ["thanks", "gracias", "ledger gracias"],
  group: "ledger",
  summary: "ledger.thanks.summary",
  examples: {
    en: [
      "ledger thanks @ana cooked 40 meals",
      "ledger thanks @bo @cy drove 3 nurses #transport",
      "ledger thanks @dee 2h childcare",
    ],
    es: [
      "registro gracias @ana cocinó 40 comidas",
      "registro gracias @bo @cy llevaron a 3 enfermeras #transporte",
      "registro gracias @dee 2h cuidando criaturas",
    ],
  },
  level: Level.Member,
  params: { givers: param.people({ max: MAX_GIVERS }), what: param.rest({ max: 500 }) },
  // Counted in memory per member and room; a flood of thanks is more likely a mistake than care.
  rateLimit: {
    bucket: "ledger.record",
    perHour: (config) => config.ledger.maxEntriesPerHour,
    refusal: "ledger.slow_down",
  },
  uses: ["room"],
  run(args, ctx) {
    const { givers, what } = joinedGivers(args.givers, args.what, ctx.room.person);
    const parsed = parseContribution(what);
    if (!parsed.ok) throw contributionError(parsed.error, ctx);
    const contribution = parsed.value;
    const entry = ctx.slice.record({
      roomId: ctx.roomId,
      givers: uniqueBy(givers, personKey),
      what: contribution.what,
      ...(contribution.quantity ? { quantity: contribution.quantity } : {}),
      kind: contribution.kind,
      recordedBy: ctx.sender.userId,
      recordedAt: ctx.now,
    });
    return { entry, kindUnknown: !contribution.kindExplicit && entry.kind === "other" };
  },
  render({ entry, kindUnknown }, view) {
    const recorded = p(
      ...view.t.t("ledger.recorded", {
        who: entry.givers,
        n: entry.number,
        what: entry.what,
        kind: kindName(entry.kind, view),
      }),
    );
    if (!kindUnknown) return doc(recorded);
    // The words follow the command unquoted: `fix` reads the rest of the line verbatim.
    const fix = view.hint("ledger fix", { number: entry.number });
    const fitting = fittingKinds(entry.what);
    if (fitting.length > 0) {
      return doc(
        recorded,
        p(
          ...view.t.t("ledger.kind_hint_fits", {
            fix: `${fix} ${kindTag(fitting[0]!, view)}`,
            kinds: fitting.map((k) => kindTag(k, view)).join(", "),
          }),
        ),
      );
    }
    const kinds = CARE_KINDS.filter((k) => k !== "other")
      .map((k) => kindTag(k, view))
      .join(" ");
    return doc(recorded, p(...view.t.t("ledger.kind_hint", { fix, kinds })));
  },
});

/** "and @bo", "& @bo", "y @bo", "e @inés": a joining word, then a mention (the binder stops at the word). */
const JOINED_GIVER = /^(?:and|&|y|e|\+)\s+(@\S+)\s*/iu;

/**
 * Givers written as people say it, "@ana and @bo made soup", are all givers: the binder takes
 * "@ana" and leaves "and @bo made soup", so mentions after a joining word are taken here.
 */
function joinedGivers(
  givers: Person[],
  what: string,
  resolve: (word: string) => Person | undefined,
): { givers: Person[]; what: string } {
  let rest = what;
  const all = [...givers];
  for (let match = JOINED_GIVER.exec(rest); match; match = JOINED_GIVER.exec(rest)) {
    const person = resolve(match[1]!);
    if (!person) break;
    all.push(person);
    rest = rest.slice(match[0].length);
  }
  if (all.length > MAX_GIVERS) throw new UserError("error.arg.too_many", { arg: "givers", max: MAX_GIVERS }, true);
  return { givers: all, what: rest };
}

/** Kinds whose names are close to a word of the entry ("kichen" is not a tag, but close to one). */
function fittingKinds(what: string): CareKind[] {
  const words = what.match(/[\p{L}]{4,}/gu) ?? [];
  const kinds = new Set(words.flatMap((word) => suggestKinds(word, 2)));
  kinds.delete("other");
  return CARE_KINDS.filter((k) => kinds.has(k));
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item] as const)).values()];
}

/** The sender may change an entry they recorded within a day, or any entry as moderator. */
function mayChange(entry: LedgerEntry, ctx: CommandContext<LedgerSlice>): LedgerEntry {
  if (!mayChangeRecord(entry, { userId: ctx.sender.userId, level: ctx.level, now: ctx.now }))
    throw new UserError("ledger.entry.not_yours", { n: entry.number });
  return entry;
}

/** An entry of this room, not taken back, that the sender may change. */
function correctable(number: number, ctx: CommandContext<LedgerSlice>): LedgerEntry {
  const entry = entryOf(number, ctx);
  if (entry.status === "undone")
    throw new UserError("ledger.entry.undone", { n: number, redo: ctx.hint("ledger redo", { number }) });
  return mayChange(entry, ctx);
}

export const undo = command({
  name: "ledger undo",
  es: "registro deshacer",
  aliases: ["ledger deshacer"],
  group: "ledger",
  summary: "ledger.undo.summary",
  examples: { en: ["ledger undo 12"], es: ["registro deshacer 12"] },
  level: Level.Member,
  params: { number: entryNumberParam() },
  run({ number }, ctx) {
    ctx.slice.undo(correctable(number, ctx), ctx.sender.userId, ctx.now);
    return { number };
  },
  render: ({ number }, view) =>
    doc(p(...view.t.t("ledger.undo.done", { n: number, redo: view.hint("ledger redo", { number }) }))),
});

export const redo = command({
  name: "ledger redo",
  es: "registro rehacer",
  aliases: ["ledger rehacer"],
  group: "ledger",
  summary: "ledger.redo.summary",
  examples: { en: ["ledger redo 12"], es: ["registro rehacer 12"] },
  level: Level.Member,
  params: { number: entryNumberParam() },
  run({ number }, ctx) {
    const entry = entryOf(number, ctx);
    if (entry.status !== "undone") throw new UserError("ledger.redo.not_undone", { n: number });
    ctx.slice.redo(mayChange(entry, ctx));
    return { entry: ctx.slice.get(ctx.roomId, number)! };
  },
  render: ({ entry }, view) =>
    doc(p(...view.t.t("ledger.redo.done", { n: entry.number })), p(...entryLine(entry, view))),
});

export const fix = command({
  name: "ledger fix",
  es: "registro corregir",
  aliases: ["ledger corregir"],
  group: "ledger",
  summary: "ledger.fix.summary",
  examples: {
    en: ["ledger fix 12 cooked 45 meals", "ledger fix 12 drove 3 nurses #transport", "ledger fix 12 #food"],
    es: [
      "registro corregir 12 cocinó 45 comidas",
      "registro corregir 12 llevó a 3 enfermeras #transporte",
      "registro corregir 12 #comida",
    ],
  },
  level: Level.Member,
  params: { number: entryNumberParam(), what: param.rest({ max: 500 }) },
  run({ number, what }, ctx) {
    const entry = correctable(number, ctx);
    const parsed = parseContribution(what);
    if (!parsed.ok && parsed.error.code === "empty" && parsed.error.kind) {
      // A tag alone changes only the kind: the words and the amount stay as recorded.
      const { kind } = parsed.error;
      ctx.slice.fix(
        entry,
        { what: entry.what, kind, ...(entry.quantity ? { quantity: entry.quantity } : {}) },
        ctx.sender.userId,
        ctx.now,
      );
      return { entry: ctx.slice.get(ctx.roomId, number)! };
    }
    if (!parsed.ok) throw contributionError(parsed.error, ctx);
    const contribution = parsed.value;
    const change = {
      what: contribution.what,
      kind: contribution.kind,
      ...(contribution.quantity ? { quantity: contribution.quantity } : {}),
    };
    ctx.slice.fix(entry, change, ctx.sender.userId, ctx.now);
    return { entry: ctx.slice.get(ctx.roomId, number)! };
  },
  render: ({ entry }, view) =>
    doc(p(...view.t.t("ledger.fix.done", { n: entry.number })), p(...entryLine(entry, view))),
});
