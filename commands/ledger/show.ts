import { z } from "zod";
import { defineCommand } from "../../src/core/command.js";
import { doc, list, p } from "../../src/core/doc.js";
import { Level } from "../../src/core/level.js";
import { ledgerRepo } from "../../src/store/ledger.js";
import { entryLine } from "./render.js";

const RECENT = 10;

export const show = defineCommand({
  name: "ledger",
  aliases: ["registro"],
  group: "ledger",
  summary: "ledger.show.summary",
  examples: ["ledger", "ledger @ana"],
  level: Level.Member,
  params: [{ name: "person", kind: "person", optional: true }],
  args: z.object({ person: z.object({ userId: z.string().optional(), name: z.string() }).optional() }),
  run({ person }, ctx) {
    const ledger = ledgerRepo(ctx.db);
    const entries = person ? ledger.byGiver(ctx.roomId, person, RECENT) : ledger.recent(ctx.roomId, RECENT);
    if (entries.length === 0) {
      return person
        ? doc(p(...ctx.t.t("ledger.show.none_for", { who: person })))
        : doc(p(...ctx.t.t("ledger.show.empty", { example: `${ctx.config.prefix}ledger thanks @ana cooked 40 meals` })));
    }
    const intro = person ? ctx.t.t("ledger.show.for", { who: person, count: entries.length }) : ctx.t.t("ledger.show.recent", { count: entries.length });
    return doc(p(...intro), list(entries.map((e) => entryLine(e, ctx))));
  },
});
