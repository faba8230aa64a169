import { commandsOf, type CommandContext } from "../../src/kernel/command.js";
import { doc, p } from "../../src/kernel/doc.js";
import { UserError } from "../../src/kernel/errors.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import { parseContribution } from "./rules/index.js";
import type { LedgerEntry } from "./repository.js";
import { contributionError, entryLine } from "./render.js";
import type { LedgerSlice } from "./services.js";

const command = commandsOf<LedgerSlice>();
const CORRECTION_WINDOW_MS = 24 * 60 * 60 * 1000;

/** An entry of this room that the sender may correct: their own within a day, or any as moderator. */
function correctable(number: number, ctx: CommandContext<LedgerSlice>): LedgerEntry {
  const entry = ctx.slice.get(ctx.roomId, number);
  if (!entry) throw new UserError("ledger.entry.missing", { n: number, list: ctx.hint("ledger") });
  if (entry.status === "undone") throw new UserError("ledger.entry.undone", { n: number });
  const own = entry.recordedBy === ctx.sender.userId && ctx.now - entry.recordedAt < CORRECTION_WINDOW_MS;
  if (!own && ctx.level < Level.Moderator) throw new UserError("ledger.entry.not_yours", { n: number });
  return entry;
}

export const undo = command({
  name: "ledger undo",
  es: "ledger deshacer",
  group: "ledger",
  summary: "ledger.undo.summary",
  examples: ["ledger undo 12"],
  level: Level.Member,
  params: { number: param.int() },
  run({ number }, ctx) {
    ctx.slice.undo(correctable(number, ctx), ctx.sender.userId, ctx.now);
    return { number };
  },
  render: ({ number }, view) => doc(p(...view.t.t("ledger.undo.done", { n: number }))),
});

export const fix = command({
  name: "ledger fix",
  es: "ledger corregir",
  group: "ledger",
  summary: "ledger.fix.summary",
  examples: ["ledger fix 12 cooked 45 meals", "ledger fix 12 drove 3 nurses #transport"],
  level: Level.Member,
  params: { number: param.int(), what: param.rest({ max: 500 }) },
  run({ number, what }, ctx) {
    const entry = correctable(number, ctx);
    const parsed = parseContribution(what);
    if (!parsed.ok) throw contributionError(parsed.error, ctx);
    const { contribution } = parsed;
    const change = { what: contribution.what, kind: contribution.kind, ...(contribution.quantity ? { quantity: contribution.quantity } : {}) };
    ctx.slice.fix(entry, change, ctx.sender.userId, ctx.now);
    return { entry: ctx.slice.get(ctx.roomId, number)! };
  },
  render: ({ entry }, view) => doc(p(...view.t.t("ledger.fix.done", { n: entry.number })), p(...entryLine(entry, view))),
});
