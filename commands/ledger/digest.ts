import { z } from "zod";
import type { CommandContext } from "../../src/core/command.js";
import { defineCommand } from "../../src/core/command.js";
import { doc, heading, list, p, type Block, type Inline } from "../../src/core/doc.js";
import { UserError } from "../../src/core/errors.js";
import { Level } from "../../src/core/level.js";
import { buildDigest, monthPeriod, parseYearMonth, weekPeriod, type Period } from "../../src/domain/ledger/index.js";
import { ledgerRepo } from "../../src/store/ledger.js";
import { kindName, quantityText, shortDate } from "./render.js";

/** A digest to read aloud: everyone named with what they gave, by kind of care, never ranked. */
function digestDoc(title: Inline[], period: Period, ctx: CommandContext) {
  const entries = ledgerRepo(ctx.db).between(ctx.roomId, period.start, period.end);
  if (entries.length === 0) return doc(heading(...title), p(...ctx.t.t("ledger.digest.empty", { example: `${ctx.config.prefix}ledger thanks @ana …` })));
  const digest = buildDigest(entries);
  const blocks: Block[] = [heading(...title)];
  for (const kind of digest.kinds) {
    blocks.push(p({ kind: "strong", text: kindName(kind.kind, ctx) }));
    blocks.push(
      list(
        kind.givers.map((giver) => [
          { kind: "mention" as const, person: giver.person },
          ": ",
          ...giver.contributions.flatMap((c, i): Inline[] => [
            ...(i > 0 ? ["; "] : []),
            c.what,
            ...(c.with.length > 0 ? [" (", ...ctx.t.t("ledger.digest.with", { who: c.with }), ")"] : []),
          ]),
        ]),
      ),
    );
    if (kind.totals.length > 0) blocks.push(p(...ctx.t.t("ledger.digest.together", { totals: kind.totals.map((q) => quantityText(q, ctx)).join(", ") })));
  }
  blocks.push(p(...ctx.t.t("ledger.digest.closing", { who: digest.givers })));
  return doc(...blocks);
}

export const week = defineCommand({
  name: "ledger week",
  aliases: ["ledger semana"],
  group: "ledger",
  summary: "ledger.week.summary",
  examples: ["ledger week"],
  level: Level.Member,
  params: [],
  args: z.object({}),
  run(_args, ctx) {
    const period = weekPeriod(ctx.now, ctx.settings.timezone);
    const title = ctx.t.t("ledger.week.title", { from: shortDate(period.start, ctx), to: shortDate(period.end - 1, ctx) });
    return digestDoc(title, period, ctx);
  },
});

export const month = defineCommand({
  name: "ledger month",
  aliases: ["ledger mes"],
  group: "ledger",
  summary: "ledger.month.summary",
  examples: ["ledger month", "ledger month 2026-11"],
  level: Level.Member,
  params: [{ name: "month", kind: "word", optional: true }],
  args: z.object({ month: z.string().max(20).optional() }),
  run({ month: wanted }, ctx) {
    let which;
    if (wanted) {
      const parsed = parseYearMonth(wanted);
      if (!parsed.ok) throw new UserError("ledger.month.bad", { found: wanted });
      which = parsed.value;
    }
    const period = monthPeriod(ctx.now, ctx.settings.timezone, which);
    const name = new Intl.DateTimeFormat(ctx.settings.language, { month: "long", year: "numeric", timeZone: "UTC" }).format(Date.UTC(period.year, period.month - 1, 15));
    return digestDoc(ctx.t.t("ledger.month.title", { month: name }), period, ctx);
  },
});
