import { commandsOf } from "../../src/kernel/command.js";
import { doc, p } from "../../src/kernel/doc.js";
import { UserError } from "../../src/kernel/errors.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import type { PostHandler } from "../../src/kernel/scheduler/post.js";
import { toLocal } from "../../src/kernel/time/local-time.js";
import { monthPeriod } from "../ledger/index.js";
import { crossingText } from "./board/link.js";
import { sideOf } from "./bus.js";
import { ASSEMBLY_NAME_MAX } from "./protocol/messages.js";
import { federateHint } from "./render.js";
import { finishRound, startRound } from "./rounds.js";
import { inviteHash, INVITE_VALID_MS, joinCode, newInviteCode, proofKeyOf } from "./rules/invite-code.js";
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
  examples: { en: ["assembly start Health workers of the north"], es: ["asamblea iniciar Sanitarias del norte"] },
  level: Level.Moderator,
  params: { name: param.rest({ max: ASSEMBLY_NAME_MAX }) },
  uses: ["jobs"],
  run({ name: typed }, ctx) {
    const existing = ctx.slice.repo.assembly(ctx.roomId);
    if (existing) throw new UserError("fed.already_assembly", { name: existing.name });
    if (ctx.slice.repo.membership(ctx.roomId)) throw new UserError("fed.is_cell");
    // Every cell of the assembly reads its name: it is cleaned like anything else that crosses.
    const { text: name } = crossingText(typed, ctx.t, ASSEMBLY_NAME_MAX);
    ctx.slice.repo.startAssembly(ctx.roomId, name, ctx.sender.userId, ctx.now);
    ctx.jobs.upsert({ kind: REPORT_KIND, rule: MONTHLY });
    return { name };
  },
  render: ({ name }, view) => doc(p(...view.t.t("fed.started", { name, invite: view.hint("assembly invite") }))),
});

export const invite = command({
  name: "assembly invite",
  es: "asamblea invitar",
  group: "federation",
  summary: "fed.invite.summary",
  examples: { en: ["assembly invite"], es: ["asamblea invitar"] },
  level: Level.Moderator,
  params: {},
  run(_args, ctx) {
    if (!ctx.slice.repo.assembly(ctx.roomId))
      throw new UserError("fed.not_assembly", { start: ctx.hint("assembly start", { name: "…" }) });
    const code = newInviteCode();
    ctx.slice.repo.addInvite(
      inviteHash(code),
      ctx.roomId,
      ctx.sender.userId,
      ctx.now + INVITE_VALID_MS,
      proofKeyOf(code),
    );
    return { code: joinCode(code, ctx.roomId) };
  },
  render: ({ code }, view) => doc(p(...view.t.t("fed.invite", { code, federate: federateHint(code, view) }))),
});

export const report = command({
  name: "assembly report",
  es: "asamblea informe",
  group: "federation",
  summary: "fed.report.summary",
  examples: { en: ["assembly report"], es: ["asamblea informe"] },
  level: Level.Member,
  params: {},
  uses: ["elsewhere"],
  run(_args, ctx) {
    if (!ctx.slice.repo.assembly(ctx.roomId))
      throw new UserError("fed.not_assembly", { start: ctx.hint("assembly start", { name: "…" }) });
    const period = monthPeriod(ctx.now, ctx.settings.timezone);
    return startRound(
      sideOf(ctx.slice, ctx.now, ctx.elsewhere),
      ctx.roomId,
      period,
      Math.min(period.end, ctx.now + 1),
      false,
    );
  },
  // Cells on other Tandems answer with events: then the report follows when they did.
  render: ({ report, waitingFor }, view) =>
    report.length > 0 ? report : doc(p(...view.t.t("fed.report_asked", { count: waitingFor }))),
});

/** Monthly, in the assembly room: last month's figures, then hosting passes to the next cell. */
export const reportPost: PostHandler<FederationSlice> = (ctx) => {
  if (!ctx.slice.repo.assembly(ctx.job.roomId)) return null;
  const local = toLocal(ctx.job.zone, ctx.scheduledFor);
  const previous =
    local.month === 1 ? { year: local.year - 1, month: 12 } : { year: local.year, month: local.month - 1 };
  const period = monthPeriod(ctx.scheduledFor, ctx.job.zone, previous);
  const { report } = startRound(sideOf(ctx.slice, ctx.now, ctx.elsewhere), ctx.job.roomId, period, period.end, true);
  return report.length > 0 ? report : null;
};

/** The wait for cells on other Tandems is over: the report goes out with what arrived. */
export const roundDuePost: PostHandler<FederationSlice> = (ctx) => {
  const round = Number(ctx.job.payload.round);
  const report = finishRound(sideOf(ctx.slice, ctx.now, ctx.elsewhere), round);
  return report.length > 0 ? report : null;
};

export const assemblyCommands = [start, invite, report];
