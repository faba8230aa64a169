import { roleWord } from "../rotation/index.js";
import { DateTime } from "luxon";
import { commandsOf } from "../../src/kernel/command.js";
import { csvChunks, toCsv } from "../../src/kernel/csv.js";
import { doc, list, p, pre, type Block, type Doc } from "../../src/kernel/doc.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import { inCell } from "./keeper.js";
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
    if (held.length === 0 && r.recent.length === 0) blocks.push(p(...view.t.t("fund.empty", { in: view.hint("fund in", { text: view.t.text("fund.in.example_text") }) })));
    else blocks.push(p(...view.t.t("fund.balance", { amounts: (held.length ? held : r.balances).map((b) => money(b, view)).join(" · ") })));
    if (r.recent.length > 0) blocks.push(p(...view.t.t("fund.recent")), list(r.recent.map((m) => movementLine(m, view))));
    if (r.pledges.length > 0) blocks.push(p(...view.t.t("fund.pledges.total", { count: r.pledgers, amounts: r.pledges.map((m) => money(m, view)).join(" · ") })));
    if (r.waiting > 0) blocks.push(p(...view.t.t("fund.requests.waiting", { count: r.waiting })));
    blocks.push(p(...view.t.t(r.keeper ? "fund.keeper.is" : "fund.keeper.nobody", { role: roleWord(r.keeperRole, view.t.lang), keeper: r.keeper ? view.personOf(r.keeper) : "" })));
    blocks.push(p(...view.t.t("fund.code", { code: r.code, ask: view.hint("fund ask", { fundcode: r.code, text: view.t.text("fund.ask.example") }) })));
    return doc(...blocks);
  },
});

export const statement = command({
  name: "fund statement",
  es: "fondo extracto",
  group: "fund",
  summary: "fund.statement.summary",
  examples: { en: ["fund statement month"], es: ["fondo extracto mes"] },
  level: Level.Member,
  params: { month: param.choice({ month: ["mes"] }, { optional: true }) },
  run(_args, ctx) {
    inCell(ctx);
    const start = DateTime.fromMillis(ctx.now, { zone: ctx.settings.timezone }).startOf("month");
    const movements = ctx.slice.repo.between(ctx.roomId, start.toMillis(), start.plus({ months: 1 }).toMillis());
    return { month: start.setLocale(ctx.t.lang).toFormat("LLLL yyyy"), movements, totals: totals(movements) };
  },
  render({ month, movements, totals: sums }, view) {
    if (movements.length === 0) return doc(p(...view.t.t("fund.statement.none", { month })));
    const lines = sums.map((s) => view.t.t("fund.statement.totals", { in: money({ currency: s.currency, minor: s.in }, view), out: money({ currency: s.currency, minor: s.out }, view) }));
    return doc(p(...view.t.t("fund.statement.title", { month })), list(movements.map((m) => movementLine(m, view))), list(lines));
  },
});

const CSV_HEADER = ["number", "date", "direction", "amount", "currency", "person", "note", "support_request", "proposed_by", "approved_by"];

export const exportFund = command({
  name: "fund export",
  es: "fondo exportar",
  group: "fund",
  summary: "fund.export.summary",
  examples: { en: ["fund export"], es: ["fondo exportar"] },
  level: Level.Member,
  params: {},
  run(_args, ctx) {
    inCell(ctx);
    const all = ctx.slice.repo.done(ctx.roomId);
    const rows = all.map((m) => [
      String(m.number), new Date(m.effectiveAt ?? m.proposedAt).toISOString(), m.direction, plainAmount(m), m.currency,
      m.person ?? "", m.note, m.request === null ? "" : String(m.request), m.proposedBy, m.approvedBy ?? "",
    ]);
    return { count: all.length, parts: all.length === 0 ? [] : csvChunks(toCsv(CSV_HEADER, rows)) };
  },
  render({ count, parts }, view) {
    if (count === 0) return doc(p(...view.t.t("fund.export.none")));
    return parts.map((part, i): Doc =>
      doc(p(...view.t.t(parts.length === 1 ? "fund.export.intro" : "fund.export.part", { count, part: i + 1, parts: parts.length })), pre(part.replace(/\r\n/g, "\n").trimEnd())),
    );
  },
});

export const showCommands = [show, statement, exportFund];
