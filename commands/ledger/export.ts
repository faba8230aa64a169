import { z } from "zod";
import { defineCommand } from "../../src/core/command.js";
import { doc, p, pre, type Doc } from "../../src/core/doc.js";
import { Level } from "../../src/core/level.js";
import { toCsv } from "../../src/domain/ledger/index.js";
import { ledgerRepo } from "../../src/store/ledger.js";

/** Matrix events must stay well under 64 KiB once encrypted; CSV is split on line ends below this. */
const CHUNK_CHARS = 24_000;

function chunks(csv: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (const line of csv.split(/(?<=\r\n)/)) {
    if (current.length + line.length > CHUNK_CHARS && current) {
      parts.push(current);
      current = "";
    }
    current += line;
  }
  if (current) parts.push(current);
  return parts;
}

export const exportLedger = defineCommand({
  name: "ledger export",
  aliases: ["ledger exportar"],
  group: "ledger",
  summary: "ledger.export.summary",
  examples: ["ledger export"],
  level: Level.Member,
  params: [],
  args: z.object({}),
  run(_args, ctx) {
    const entries = ledgerRepo(ctx.db).all(ctx.roomId);
    if (entries.length === 0) return doc(p(...ctx.t.t("ledger.export.empty")));
    const parts = chunks(toCsv(entries));
    return parts.map((part, i): Doc =>
      doc(p(...ctx.t.t(parts.length === 1 ? "ledger.export.intro" : "ledger.export.part", { count: entries.length, part: i + 1, parts: parts.length })), pre(part.replace(/\r\n/g, "\n").trimEnd())),
    );
  },
});
