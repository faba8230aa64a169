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
import { entryNumberParam, entryOf } from "./entry-number.js";
import { parseContribution } from "./rules/index.js";
import type { LedgerEntry } from "./repository.js";
import { contributionError, entryLine } from "./render.js";
import type { LedgerSlice } from "./services.js";

const command = commandsOf<LedgerSlice>();

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
