import { z } from "zod";
import type { CommandContext } from "../../src/core/command.js";
import { defineCommand } from "../../src/core/command.js";
import { doc, p } from "../../src/core/doc.js";
import { UserError } from "../../src/core/errors.js";
import { Level } from "../../src/core/level.js";
import { parseContribution } from "../../src/domain/ledger/index.js";
import { ledgerRepo, type LedgerEntry } from "../../src/store/ledger.js";
import { contributionError, entryLine } from "./render.js";

const CORRECTION_WINDOW_MS = 24 * 60 * 60 * 1000;

/** An entry of this room that the sender may correct: their own within a day, or any as moderator. */
function correctable(number: number, ctx: CommandContext): LedgerEntry {
  const entry = ledgerRepo(ctx.db).get(ctx.roomId, number);
  if (!entry) throw new UserError("ledger.entry.missing", { n: number, list: `${ctx.config.prefix}ledger` });
  if (entry.status === "undone") throw new UserError("ledger.entry.undone", { n: number });
  const own = entry.recordedBy === ctx.sender.userId && ctx.now - entry.recordedAt < CORRECTION_WINDOW_MS;
  if (!own && ctx.level < Level.Moderator) throw new UserError("ledger.entry.not_yours", { n: number });
  return entry;
}

export const undo = defineCommand({
  name: "ledger undo",
  aliases: ["ledger deshacer"],
  group: "ledger",
  summary: "ledger.undo.summary",
  examples: ["ledger undo 12"],
  level: Level.Member,
  params: [{ name: "number", kind: "int" }],
  args: z.object({ number: z.int().min(1) }),
  run({ number }, ctx) {
    const entry = correctable(number, ctx);
    ledgerRepo(ctx.db).undo(entry, ctx.sender.userId, ctx.now);
    return doc(p(...ctx.t.t("ledger.undo.done", { n: number })));
  },
});

export const fix = defineCommand({
  name: "ledger fix",
  aliases: ["ledger corregir"],
  group: "ledger",
  summary: "ledger.fix.summary",
  examples: ["ledger fix 12 cooked 45 meals", "ledger fix 12 drove 3 nurses #transport"],
  level: Level.Member,
  params: [
    { name: "number", kind: "int" },
    { name: "what", kind: "rest" },
  ],
  args: z.object({ number: z.int().min(1), what: z.string().min(1).max(500) }),
  run({ number, what }, ctx) {
    const entry = correctable(number, ctx);
    const parsed = parseContribution(what);
    if (!parsed.ok) throw contributionError(parsed.error, ctx);
    const { contribution } = parsed;
    const repo = ledgerRepo(ctx.db);
    repo.fix(entry, { what: contribution.what, kind: contribution.kind, ...(contribution.quantity ? { quantity: contribution.quantity } : {}) }, ctx.sender.userId, ctx.now);
    return doc(p(...ctx.t.t("ledger.fix.done", { n: number })), p(...entryLine(repo.get(ctx.roomId, number)!, ctx)));
  },
});
