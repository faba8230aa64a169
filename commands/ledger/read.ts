import { DateTime } from "luxon";
import {
  type Block,
  type CommandContext,
  commandsOf,
  doc,
  heading,
  type Inline,
  Level,
  list,
  listing,
  p,
  param,
  type RenderContext,
  UserError,
} from "../../src/kernel/authoring.js";
import { entryNumberParam, entryOf } from "./entry-number.js";
import {
  buildDigest,
  EARLIEST_YEAR,
  monthPeriod,
  readMonth,
  weekPeriod,
  type Digest,
  type MonthPeriod,
  type YearMonth,
} from "./rules/index.js";
import { entryLine, kindName, moreLine, quantityText, shortDate, thanksExample } from "./render.js";
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

/** Contributions a digest lists before it points to the export: no reply grows huge. */
const MAX_LISTED = 40;

/** A digest to read aloud: everyone named with what they gave, by kind of care, never ranked; it notifies nobody. */
export function digestDoc(title: Inline[], digest: Digest, view: RenderContext) {
  if (digest.entryCount === 0)
    return doc(heading(...title), p(...view.t.t("ledger.digest.empty", { example: thanksExample("…", view) })));
  const blocks: Block[] = [heading(...title)];
  let budget = MAX_LISTED;
  let left = 0;
  for (const kind of digest.kinds) {
    const lines: Inline[][] = [];
    for (const giver of kind.givers) {
      const shown = giver.contributions.slice(0, Math.max(0, budget));
      budget -= shown.length;
      left += giver.contributions.length - shown.length;
      if (shown.length === 0) continue;
      lines.push([
        { kind: "mention" as const, person: giver.person },
        ": ",
        ...shown.flatMap((c, i): Inline[] => [
          ...(i > 0 ? ["; "] : []),
          c.what,
          ...(c.with.length > 0 ? [" (", ...view.t.t("ledger.digest.with", { who: c.with }), ")"] : []),
        ]),
      ]);
    }
    if (lines.length === 0) continue;
    blocks.push(p({ kind: "strong", text: kindName(kind.kind, view) }));
    blocks.push(list(lines));
    if (kind.totals.length > 0)
      blocks.push(
        p(...view.t.t("ledger.digest.together", { totals: kind.totals.map((q) => quantityText(q, view)).join(", ") })),
      );
  }
  if (left > 0) blocks.push(moreLine(left, view));
  blocks.push(p(...view.t.t("ledger.digest.closing", { who: digest.givers })));
  return listing(doc(...blocks));
}

export const week = command({
  name: "ledger week",
  es: "registro semana",
  aliases: ["ledger semana"],
  group: "ledger",
  summary: "ledger.week.summary",
  examples: { en: ["ledger week"], es: ["registro semana"] },
  level: Level.Member,
  params: {},
  run(_args, ctx) {
    const period = weekPeriod(ctx.now, ctx.settings.timezone);
    return { period, digest: buildDigest(ctx.slice.between(ctx.roomId, period.start, period.end)) };
  },
  render({ period, digest }, view) {
    const title = view.t.t("ledger.week.title", {
      from: shortDate(period.start, view),
      to: shortDate(period.end - 1, view),
    });
    return digestDoc(title, digest, view);
  },
});

/** The month typed ("2026-11", "february"), or this month, and its digest; `!ledger poster` reads the same. */
export function monthDigest(
  wanted: string | undefined,
  ctx: CommandContext<LedgerSlice>,
): { period: MonthPeriod; digest: Digest } {
  let which: YearMonth | undefined;
  if (wanted) {
    const today = DateTime.fromMillis(ctx.now, { zone: ctx.settings.timezone });
    const read = readMonth(wanted, { year: today.year, month: today.month });
    if (!read.ok && read.error === "month-too-early")
      throw new UserError("ledger.month.too_early", { found: wanted, year: String(EARLIEST_YEAR) });
    if (!read.ok)
      throw new UserError("ledger.month.bad", {
        found: wanted,
        example: ctx.hint("ledger month", { month: "2026-11" }),
      });
    which = read.value;
  }
  const period = monthPeriod(ctx.now, ctx.settings.timezone, which);
  return { period, digest: buildDigest(ctx.slice.between(ctx.roomId, period.start, period.end)) };
}

/** "November 2026", "noviembre de 2026". */
export const monthName = (period: { year: number; month: number }, view: RenderContext): string =>
  new Intl.DateTimeFormat(view.settings.language, { month: "long", year: "numeric", timeZone: "UTC" }).format(
    Date.UTC(period.year, period.month - 1, 15),
  );

export const month = command({
  name: "ledger month",
  es: "registro mes",
  aliases: ["ledger mes"],
  group: "ledger",
  summary: "ledger.month.summary",
  examples: {
    en: ["ledger month", "ledger month 2026-11", "ledger month february"],
    es: ["registro mes", "registro mes 2026-11", "registro mes febrero"],
  },
  level: Level.Member,
  params: { month: param.word({ max: 20, optional: true }) },
  run: ({ month: wanted }, ctx) => monthDigest(wanted, ctx),
  render: ({ period, digest }, view) =>
    digestDoc(view.t.t("ledger.month.title", { month: monthName(period, view) }), digest, view),
});
