import { commandsOf, type RenderContext } from "../../src/kernel/command.js";
import { doc, heading, p, type Block, type Doc } from "../../src/kernel/doc.js";
import { UserError } from "../../src/kernel/errors.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import type { PostHandler } from "../../src/kernel/scheduler/post.js";
import { toLocal } from "../../src/kernel/time/local-time.js";
import { monthName, monthPeriod } from "../ledger/index.js";
import { aggregateBlocks, federateHint } from "./render.js";
import { inviteHash, INVITE_VALID_MS, newInviteCode } from "./rules/invite-code.js";
import type { FederationSlice } from "./services.js";

const command = commandsOf<FederationSlice>();
export const REPORT_KIND = "federation.report";
/** On the 1st of each month, 09:00 in the assembly's zone: last month's figures, and the next host. */
const MONTHLY = { kind: "cron", expression: "0 9 1 * *" } as const;

export const start = command({
  name: "assembly start",
  es: "asamblea iniciar",
  aliases: ["asamblea empezar"],
  group: "federation",
  summary: "fed.start.summary",
  examples: ["assembly start Health workers of the north"],
  level: Level.Moderator,
  params: { name: param.rest({ max: 80 }) },
  run({ name }, ctx) {
    const existing = ctx.slice.repo.assembly(ctx.roomId);
    if (existing) throw new UserError("fed.already_assembly", { name: existing.name });
    if (ctx.slice.repo.link(ctx.roomId)) throw new UserError("fed.is_cell");
    ctx.slice.repo.startAssembly(ctx.roomId, name.trim(), ctx.sender.userId, ctx.now);
    ctx.jobs.upsert({ kind: REPORT_KIND, rule: MONTHLY });
    return { name: name.trim() };
  },
  render: ({ name }, view) => doc(p(...view.t.t("fed.started", { name, invite: view.hint("assembly invite") }))),
});

export const invite = command({
  name: "assembly invite",
  es: "asamblea invitar",
  group: "federation",
  summary: "fed.invite.summary",
  examples: ["assembly invite"],
  level: Level.Moderator,
  params: {},
  run(_args, ctx) {
    if (!ctx.slice.repo.assembly(ctx.roomId)) throw new UserError("fed.not_assembly", { start: ctx.hint("assembly start", { name: "…" }) });
    const code = newInviteCode();
    ctx.slice.repo.addInvite(inviteHash(code), ctx.roomId, ctx.sender.userId, ctx.now + INVITE_VALID_MS);
    return { code };
  },
  render: ({ code }, view) => doc(p(...view.t.t("fed.invite", { code, federate: federateHint(code, view) }))),
});

type Report = ReturnType<FederationSlice["report"]> & { name: string; period: { year: number; month: number }; newHost?: string | undefined };

/** The assembly's report: only pseudonyms and aggregates, with small numbers hidden. */
function reportDoc(r: Report, view: RenderContext): Doc {
  const blocks: Block[] = [heading(view.t.text("fed.report_title", { name: r.name, month: monthName(r.period, view) }))];
  if (r.cells.length === 0) blocks.push(p(...view.t.t("fed.report_none", { invite: view.hint("assembly invite") })));
  for (const cell of r.cells) blocks.push(...aggregateBlocks([{ kind: "strong", text: cell.pseudonym }], cell.shared, view));
  if (r.cells.length > 1) blocks.push(...aggregateBlocks([{ kind: "strong", text: view.t.text("fed.report_total") }], r.total, view));
  if (r.waiting.length > 0) blocks.push(p(...view.t.t("fed.report_waiting", { cells: r.waiting.join(", ") })));
  if (r.paused > 0) blocks.push(p(...view.t.t("fed.report_paused", { count: r.paused })));
  if (r.newHost) blocks.push(p(...view.t.t("fed.new_host", { host: r.newHost })));
  else if (r.host) blocks.push(p(...view.t.t("fed.host", { host: r.host })));
  return doc(...blocks);
}

export const report = command({
  name: "assembly report",
  es: "asamblea informe",
  group: "federation",
  summary: "fed.report.summary",
  examples: ["assembly report"],
  level: Level.Member,
  params: {},
  run(_args, ctx): Report {
    const assembly = ctx.slice.repo.assembly(ctx.roomId);
    if (!assembly) throw new UserError("fed.not_assembly", { start: ctx.hint("assembly start", { name: "…" }) });
    const period = monthPeriod(ctx.now, ctx.settings.timezone);
    return { ...ctx.slice.report(ctx.roomId, period.start, Math.min(period.end, ctx.now + 1)), name: assembly.name, period };
  },
  render: (r, view) => reportDoc(r, view),
});

/** Monthly, in the assembly room: last month's figures, then hosting passes to the next cell. */
export const reportPost: PostHandler<FederationSlice> = (ctx) => {
  const assembly = ctx.slice.repo.assembly(ctx.job.roomId);
  if (!assembly) return null;
  const local = toLocal(ctx.job.zone, ctx.scheduledFor);
  const previous = local.month === 1 ? { year: local.year - 1, month: 12 } : { year: local.year, month: local.month - 1 };
  const period = monthPeriod(ctx.scheduledFor, ctx.job.zone, previous);
  const shared = ctx.slice.report(ctx.job.roomId, period.start, period.end);
  const newHost = ctx.slice.rotateHost(ctx.job.roomId, ctx.now);
  return reportDoc({ ...shared, name: assembly.name, period, newHost }, ctx);
};

export const assemblyCommands = [start, invite, report];
