import { commandsOf } from "../../src/kernel/command.js";
import { csvChunks } from "../../src/kernel/csv.js";
import { doc, p, pre, type Doc } from "../../src/kernel/doc.js";
import { Level } from "../../src/kernel/level.js";
import { toCsv } from "./rules/index.js";
import type { LedgerSlice } from "./services.js";

const command = commandsOf<LedgerSlice>();

export const exportLedger = command({
  name: "ledger export",
  es: "registro exportar",
  aliases: ["ledger exportar"],
  group: "ledger",
  summary: "ledger.export.summary",
  examples: { en: ["ledger export"], es: ["registro exportar"] },
  level: Level.Member,
  params: {},
  run(_args, ctx) {
    const entries = ctx.slice.all(ctx.roomId);
    return { count: entries.length, parts: entries.length === 0 ? [] : csvChunks(toCsv(entries)) };
  },
  render({ count, parts }, view) {
    if (count === 0) return doc(p(...view.t.t("ledger.export.empty")));
    return parts.map(
      (part, i): Doc =>
        doc(
          p(
            ...view.t.t(parts.length === 1 ? "ledger.export.intro" : "ledger.export.part", {
              count,
              part: i + 1,
              parts: parts.length,
            }),
          ),
          pre(part.replace(/\r\n/g, "\n").trimEnd()),
        ),
    );
  },
});
