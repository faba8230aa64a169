import { commandsOf } from "../../src/kernel/command.js";
import { doc, list, listing, p } from "../../src/kernel/doc.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import { entryLine, thanksExample } from "./render.js";
import type { LedgerSlice } from "./services.js";

const command = commandsOf<LedgerSlice>();
const RECENT = 10;

export const show = command({
  name: "ledger",
  es: "registro",
  group: "ledger",
  summary: "ledger.show.summary",
  examples: { en: ["ledger", "ledger @ana"], es: ["registro", "registro @ana"] },
  level: Level.Member,
  params: { person: param.person({ optional: true }) },
  run({ person }, ctx) {
    const entries = person ? ctx.slice.byGiver(ctx.roomId, person, RECENT) : ctx.slice.recent(ctx.roomId, RECENT);
    return { person, entries };
  },
  render({ person, entries }, view) {
    if (entries.length === 0) {
      return person
        ? doc(p(...view.t.t("ledger.show.none_for", { who: person })))
        : doc(
            p(...view.t.t("ledger.show.empty", { example: thanksExample(view.t.text("ledger.show.example"), view) })),
          );
    }
    const intro = person
      ? view.t.t("ledger.show.for", { who: person, count: entries.length })
      : view.t.t("ledger.show.recent", { count: entries.length });
    return listing(doc(p(...intro), list(entries.map((e) => entryLine(e, view)))));
  },
});
