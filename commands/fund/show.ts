import { roleWord } from "../rotation/index.js";
import { DateTime } from "luxon";
import { commandsOf } from "../../src/kernel/command.js";
import { csvChunks, toCsv } from "../../src/kernel/csv.js";
import { doc, list, p, pre, type Block, type Doc } from "../../src/kernel/doc.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import { UserError } from "../../src/kernel/errors.js";
import { EARLIEST_YEAR, monthPeriod, readMonth } from "../ledger/index.js";
import { inCell, type Ctx } from "./keeper.js";
import { money, movementLine } from "./render.js";
import { balances, pledgeTotals, totals } from "./rules/balance.js";
import { plainAmount } from "./rules/money.js";
import type { FundSlice } from "./services.js";

const command = commandsOf<FundSlice>();
const RECENT = 5;

export const show = command({
  name: "fund",
  es: "fondo",
  group: "fund",
  summary: "fund.summary",
  examples: { en: ["fund"], es: ["fondo"] },
  level: Level.Member,
  params: {},
  uses: ["room"],
  run(_args, ctx) {
    inCell(ctx);
    const { repo } = ctx.slice;
    const { code, keeperRole } = repo.room(ctx.roomId);
    return {
      code,
      keeperRole,
      keeper: ctx.slice.keeper(ctx.roomId, ctx.settings.timezone, ctx.now),
      balances: balances(repo.done(ctx.roomId)),
      recent: repo.recent(ctx.roomId, RECENT),
      pledges: pledgeTotals(repo.pledges(ctx.roomId)),
      pledgers: new Set(repo.pledges(ctx.roomId).map((pl) => pl.person)).size,
      waiting: repo.waiting(ctx.roomId).length,
    };
  },
  render(r, view) {
    const blocks: Block[] = [];
    const held = r.balances.filter((b) => b.minor !== 0);
    if (held.length === 0 && r.recent.length === 0)
      blocks.push(
        p(...view.t.t("fund.empty", { in: view.hint("fund in", { text: view.t.text("fund.in.example_text") }) })),
      );
    else
      blocks.push(
        p(
          ...view.t.t("fund.balance", {
            amounts: (held.length ? held : r.balances).map((b) => money(b, view)).join(" · "),
          }),
        ),
      );
    if (r.recent.length > 0)
      blocks.push(p(...view.t.t("fund.recent")), list(r.recent.map((m) => movementLine(m, view))));
    if (r.pledges.length > 0)
      blocks.push(
        p(
          ...view.t.t("fund.pledges.total", {
            count: r.pledgers,
            amounts: r.pledges.map((m) => money(m, view)).join(" · "),
          }),
        ),
      );
    if (r.waiting > 0) blocks.push(p(...view.t.t("fund.requests.waiting", { count: r.waiting })));
    blocks.push(
      p(
        ...view.t.t(r.keeper ? "fund.keeper.is" : "fund.keeper.nobody", {
          role: roleWord(r.keeperRole, view.t.lang),
          keeper: r.keeper ? view.personOf(r.keeper) : "",
        }),
      ),
    );
    blocks.push(
      p(
        ...view.t.t("fund.code", {
          code: r.code,
          ask: view.hint("fund ask", { fundcode: r.code, text: view.t.text("fund.ask.example") }),
        }),
      ),
    );
    return doc(...blocks);
  },
});

const MONTH_WORDS = new Set(["month", "mes"]);
const YEAR_WORDS = new Set(["year", "año", "ano"]);

/** The period a statement covers: this month, a month as `!ledger month` reads it, or a calendar year. */
function statementPeriod(words: string | undefined, ctx: Ctx): { start: DateTime; months: number } {
  const zone = ctx.settings.timezone;
  const today = DateTime.fromMillis(ctx.now, { zone });
  const [first = "", ...others] = (words ?? "").trim().split(/\s+/u);
  const folded = first.toLocaleLowerCase();
  if (YEAR_WORDS.has(folded)) {
    const year = others.length === 0 ? today.year : /^\d{4}$/.test(others.join("")) ? Number(others[0]) : NaN;
    if (!(year >= EARLIEST_YEAR && year <= today.year))
      throw new UserError("fund.statement.bad", {
        found: words ?? "",
        example: ctx.hint("fund statement", { month: "2026-11" }),
      });
    return { start: today.set({ year }).startOf("year"), months: 12 };
  }
  const wanted = (MONTH_WORDS.has(folded) ? others : [first, ...others]).join(" ");
  if (!wanted) return { start: today.startOf("month"), months: 1 };
  const read = readMonth(wanted, { year: today.year, month: today.month });
  if (!read.ok)
    throw new UserError("fund.statement.bad", {
      found: wanted,
      example: ctx.hint("fund statement", { month: "2026-11" }),
    });
  return { start: DateTime.fromMillis(monthPeriod(ctx.now, zone, read.value).start, { zone }), months: 1 };
}

export const statement = command({
  name: "fund statement",
  es: "fondo extracto",
  group: "fund",
  summary: "fund.statement.summary",
  examples: {
    en: ["fund statement", "fund statement november", "fund statement 2026-11", "fund statement year"],
    es: ["fondo extracto", "fondo extracto noviembre", "fondo extracto 2026-11", "fondo extracto año"],
  },
  level: Level.Member,
  params: { month: param.rest({ max: 40, optional: true }) },
  uses: ["room"],
  run({ month: words }, ctx) {
    inCell(ctx);
    const { start, months } = statementPeriod(words, ctx);
    const movements = ctx.slice.repo.between(ctx.roomId, start.toMillis(), start.plus({ months }).toMillis());
    return {
      period: { start, months },
      movements,
      totals: totals(movements),
    };
  },
  render({ period, movements, totals: sums }, view) {
    // The month's name is the room's word for it: "noviembre 2026" in a Spanish room.
    const month = period.start.setLocale(view.t.lang).toFormat(period.months === 12 ? "yyyy" : "LLLL yyyy");
    if (movements.length === 0) return doc(p(...view.t.t("fund.statement.none", { month })));
    const lines = sums.map((s) =>
      view.t.t("fund.statement.totals", {
        in: money({ currency: s.currency, minor: s.in }, view),
        out: money({ currency: s.currency, minor: s.out }, view),
      }),
    );
    return doc(
      p(...view.t.t("fund.statement.title", { month })),
      list(movements.map((m) => movementLine(m, view))),
      list(lines),
    );
  },
});

const CSV_HEADER = [
  "number",
  "date",
  "direction",
  "amount",
  "currency",
  "person",
  "note",
  "support_request",
  "proposed_by",
  "approved_by",
  "status",
  "changed_by",
];

/** A person as the export shows them: a Matrix id as it is, a name typed in plain text as the name. */
const personCell = (key: string | null): string =>
  key === null ? "" : key.startsWith("name:") ? key.slice("name:".length) : key;

export const exportFund = command({
  name: "fund export",
  es: "fondo exportar",
  group: "fund",
  summary: "fund.export.summary",
  examples: { en: ["fund export"], es: ["fondo exportar"] },
  level: Level.Member,
  params: {},
  uses: ["room"],
  run(_args, ctx) {
    inCell(ctx);
    const all = ctx.slice.repo.all(ctx.roomId);
    const corrections = ctx.slice.repo.corrections(ctx.roomId);
    // Every movement, whatever became of it; before each correction, what it said then (the original is never lost).
    const rows = all.flatMap((m) => {
      const own = corrections.filter((c) => c.movement === m.number);
      const before = own
        .filter((c) => c.action === "fix")
        .map((c) => [
          String(m.number),
          new Date(c.at).toISOString(),
          m.direction,
          plainAmount(c.previous),
          c.previous.currency,
          personCell(c.previous.person),
          c.previous.note,
          "",
          m.proposedBy,
          "",
          "before_fix",
          c.by,
        ]);
      const fixed = before.length > 0 && m.status === "done" ? "corrected" : m.status;
      return [
        ...before,
        [
          String(m.number),
          new Date(m.effectiveAt ?? m.proposedAt).toISOString(),
          m.direction,
          plainAmount(m),
          m.currency,
          personCell(m.person),
          m.note,
          m.request === null ? "" : String(m.request),
          m.proposedBy,
          m.approvedBy ?? "",
          fixed,
          own.at(-1)?.by ?? "",
        ],
      ];
    });
    return { count: all.length, parts: all.length === 0 ? [] : csvChunks(toCsv(CSV_HEADER, rows)) };
  },
  render({ count, parts }, view) {
    if (count === 0) return doc(p(...view.t.t("fund.export.none")));
    return parts.map(
      (part, i): Doc =>
        doc(
          p(
            ...view.t.t(parts.length === 1 ? "fund.export.intro" : "fund.export.part", {
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

export const showCommands = [show, statement, exportFund];
