import { commandsOf, type RenderContext } from "../../src/kernel/command.js";
import { doc, heading, list, p, type Block, type Inline } from "../../src/kernel/doc.js";
import { UserError } from "../../src/kernel/errors.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import { buildDigest, monthPeriod, parseYearMonth, weekPeriod, type Digest } from "./rules/index.js";
import { kindName, quantityText, shortDate, thanksExample } from "./render.js";
import type { LedgerSlice } from "./services.js";

const command = commandsOf<LedgerSlice>();

/** A digest to read aloud: everyone named with what they gave, by kind of care, never ranked. */
function digestDoc(title: Inline[], digest: Digest, view: RenderContext) {
  if (digest.entryCount === 0) return doc(heading(...title), p(...view.t.t("ledger.digest.empty", { example: thanksExample("…", view) })));
  const blocks: Block[] = [heading(...title)];
  for (const kind of digest.kinds) {
    blocks.push(p({ kind: "strong", text: kindName(kind.kind, view) }));
    blocks.push(
      list(
        kind.givers.map((giver) => [
          { kind: "mention" as const, person: giver.person },
          ": ",
          ...giver.contributions.flatMap((c, i): Inline[] => [
            ...(i > 0 ? ["; "] : []),
            c.what,
            ...(c.with.length > 0 ? [" (", ...view.t.t("ledger.digest.with", { who: c.with }), ")"] : []),
          ]),
        ]),
      ),
    );
    if (kind.totals.length > 0) blocks.push(p(...view.t.t("ledger.digest.together", { totals: kind.totals.map((q) => quantityText(q, view)).join(", ") })));
  }
  blocks.push(p(...view.t.t("ledger.digest.closing", { who: digest.givers })));
  return doc(...blocks);
}

export const week = command({
  name: "ledger week",
  es: "ledger semana",
  group: "ledger",
  summary: "ledger.week.summary",
  examples: ["ledger week"],
  level: Level.Member,
  params: {},
  run(_args, ctx) {
    const period = weekPeriod(ctx.now, ctx.settings.timezone);
    return { period, digest: buildDigest(ctx.slice.between(ctx.roomId, period.start, period.end)) };
  },
  render({ period, digest }, view) {
    const title = view.t.t("ledger.week.title", { from: shortDate(period.start, view), to: shortDate(period.end - 1, view) });
    return digestDoc(title, digest, view);
  },
});

export const month = command({
  name: "ledger month",
  es: "ledger mes",
  group: "ledger",
  summary: "ledger.month.summary",
  examples: ["ledger month", "ledger month 2026-11"],
  level: Level.Member,
  params: { month: param.word({ max: 20, optional: true }) },
  run({ month: wanted }, ctx) {
    let which;
    if (wanted) {
      const parsed = parseYearMonth(wanted);
      if (!parsed.ok) throw new UserError("ledger.month.bad", { found: wanted });
      which = parsed.value;
    }
    const period = monthPeriod(ctx.now, ctx.settings.timezone, which);
    return { period, digest: buildDigest(ctx.slice.between(ctx.roomId, period.start, period.end)) };
  },
  render({ period, digest }, view) {
    const name = new Intl.DateTimeFormat(view.settings.language, { month: "long", year: "numeric", timeZone: "UTC" }).format(Date.UTC(period.year, period.month - 1, 15));
    return digestDoc(view.t.t("ledger.month.title", { month: name }), digest, view);
  },
});
