import { commandsOf } from "../../src/kernel/command.js";
import { doc, list, p, type Block, type Inline } from "../../src/kernel/doc.js";
import { Level } from "../../src/kernel/level.js";
import { entryNumberParam, entryOf } from "./entry-number.js";
import { entryLine, kindName, shortDate } from "./render.js";
import type { LedgerSlice } from "./services.js";

const command = commandsOf<LedgerSlice>();

/** One entry as it stands, with every earlier version: a committee can see who changed what. */
export const showEntry = command({
  name: "ledger entry",
  es: "registro #",
  // First alias with a number slot: hints write `!ledger 12`, as members say it.
  aliases: ["ledger #"],
  group: "ledger",
  summary: "ledger.entry.summary",
  examples: { en: ["ledger 12"], es: ["registro 12"] },
  level: Level.Member,
  params: { number: entryNumberParam() },
  run({ number }, ctx) {
    const entry = entryOf(number, ctx);
    return { entry, corrections: ctx.slice.corrections(entry) };
  },
  render({ entry, corrections }, view) {
    const blocks: Block[] = [p(...entryLine(entry, view))];
    if (entry.status === "undone")
      blocks.push(
        p(...view.t.t("ledger.entry.is_undone", { redo: view.hint("ledger redo", { number: entry.number }) })),
      );
    if (corrections.length === 0) return doc(...blocks, p(...view.t.t("ledger.history.none")));
    const lines = corrections.map((c, i): Inline[] => {
      const who = view.personOf(c.by);
      const date = shortDate(c.at, view);
      if (c.action === "fix")
        return view.t.t("ledger.history.fix", {
          who,
          date,
          what: c.previousWhat,
          kind: kindName(c.previousKind, view),
        });
      // Restores leave no row: an undo followed by anything, or by a live entry, was restored.
      const restored = i < corrections.length - 1 || entry.status !== "undone";
      return view.t.t(restored ? "ledger.history.undo_restored" : "ledger.history.undo", { who, date });
    });
    return doc(...blocks, p(...view.t.t("ledger.history.title")), list(lines));
  },
});
