import { about, doc, p, type Block, type Doc } from "../../core/doc.js";
import { chooseDecompressionPrompt, DEFAULT_CARE_ACTS, type CareAct } from "../../domain/care/index.js";
import { addDays, formatLocalDateTime, toLocal } from "../../domain/time/local-time.js";
import type { Translator } from "../../i18n/index.js";
import { carePlansRepo, type CarePlan } from "../../store/careplans.js";
import type { Db } from "../../store/db.js";
import { jobsRepo } from "../../store/jobs.js";
import { roomRhythmRepo } from "../../store/room-rhythm.js";
import { scheduleJob } from "../schedule.js";
import type { PostContext, PostHandler } from "../scheduler.js";
import { formatWhen } from "./format.js";

export const REMINDER_KIND = "careplan.reminder";
export const START_KIND = "careplan.start";
export const END_KIND = "careplan.end";

export const planRef = (number: number) => `careplan:${number}`;

/** The plan number of a ref made by `planRef`, or undefined for any other ref. */
export function planNumberOf(ref: string): number | undefined {
  const match = /^careplan:(\d+)$/.exec(ref);
  return match ? Number(match[1]) : undefined;
}

/** The built-in catalog plus the acts this room added. */
export function roomCatalog(db: Db, roomId: string): CareAct[] {
  const own = carePlansRepo(db).customActs(roomId).map((a) => ({ id: a.id, label: a.label, aliases: [a.label.toLowerCase()] }));
  return [...DEFAULT_CARE_ACTS, ...own];
}

export function careActLabel(db: Db, roomId: string, id: string, t: Translator): string {
  const act = roomCatalog(db, roomId).find((a) => a.id === id);
  if (act?.labelKey) return t.text(act.labelKey);
  return act?.label ?? id;
}

/**
 * The three posts of a plan, as one-off jobs in local time: a reminder the day before, the
 * care-mirror call at the action's start (at the same time, not after) and decompression at its end.
 */
export function scheduleCarePlanPosts(db: Db, plan: CarePlan, zone: string, now: number): void {
  const start = toLocal(zone, plan.startsAt);
  const dayBefore = { ...addDays(start, -1), hour: start.hour, minute: start.minute };
  const posts = [
    { kind: REMINDER_KIND, at: formatLocalDateTime(dayBefore) },
    { kind: START_KIND, at: formatLocalDateTime(start) },
    { kind: END_KIND, at: formatLocalDateTime(toLocal(zone, plan.endsAt)) },
  ];
  for (const post of posts) {
    const job = scheduleJob(db, { roomId: plan.roomId, kind: post.kind, rule: { kind: "once", at: post.at }, zone, ref: planRef(plan.number), payload: { plan: plan.number } }, now);
    // A reminder whose day-before is already past is simply not kept.
    if (job.nextRunUtc === null) jobsRepo(db).delete(plan.roomId, job.id);
  }
}

function planOf(ctx: PostContext): CarePlan | undefined {
  const number = Number(ctx.job.payload.plan);
  const plan = carePlansRepo(ctx.db).get(ctx.job.roomId, number);
  return plan?.status === "planned" ? plan : undefined;
}

/** Who carries the plan's care, and exactly what is still missing, with the command that fills it. */
export function carriedBy(db: Db, plan: CarePlan, t: Translator, prefix: string): Block {
  const act = plan.careAct ? careActLabel(db, plan.roomId, plan.careAct, t) : undefined;
  const pick = `${prefix}careplan ${plan.number} care …`;
  const join = `${prefix}careplan ${plan.number} join`;
  if (!act && plan.volunteers.length === 0) return p(...t.t("careplan.missing_both", { pick, join }));
  if (!act) return p(...t.t("careplan.missing_act", { who: plan.volunteers, pick }));
  if (plan.volunteers.length === 0) return p(...t.t("careplan.act_no_volunteers", { act, join }));
  return p(...t.t("careplan.act_with_volunteers", { act, who: plan.volunteers }));
}

const reminder: PostHandler = (ctx) => {
  const plan = planOf(ctx);
  if (!plan) return null;
  const when = formatWhen(plan.startsAt, ctx.settings.timezone, ctx.t.lang);
  // Reacting to the reminder or the start call volunteers for the plan; to the decompression prompt, it does not.
  return about(planRef(plan.number), doc(p(...ctx.t.t("careplan.reminder", { n: plan.number, action: plan.action, when })), carriedBy(ctx.db, plan, ctx.t, ctx.prefix)));
};

const start: PostHandler = (ctx) => {
  const plan = planOf(ctx);
  if (!plan) return null;
  const blocks = [p(...ctx.t.t("careplan.start", { n: plan.number, action: plan.action })), carriedBy(ctx.db, plan, ctx.t, ctx.prefix)];
  return about(planRef(plan.number), doc(...blocks));
};

const end: PostHandler = (ctx): Doc | null => {
  const plan = planOf(ctx);
  if (!plan) return null;
  const rhythm = roomRhythmRepo(ctx.db);
  const prompt = chooseDecompressionPrompt(rhythm.lastDecompression(ctx.job.roomId, ctx.now), Math.floor(ctx.scheduledFor / 60_000) + plan.number);
  rhythm.setLastDecompression(ctx.job.roomId, prompt, ctx.now);
  return doc(
    p(...ctx.t.t("careplan.end", { action: plan.action })),
    p(...ctx.t.t(`decompression.${prompt}`)),
    p(...ctx.t.t("decompression.question")),
    p(...ctx.t.t("careplan.end.done_hint", { done: `${ctx.prefix}careplan done ${plan.number}` })),
  );
};

export const carePlanHandlers: Record<string, PostHandler> = { [REMINDER_KIND]: reminder, [START_KIND]: start, [END_KIND]: end };
