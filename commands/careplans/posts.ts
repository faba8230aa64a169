import { about, doc, p, type Doc } from "../../src/kernel/doc.js";
import type { RoomJobs } from "../../src/kernel/scheduler/room-jobs.js";
import type { PostContext, PostHandler } from "../../src/kernel/scheduler/post.js";
import { addDays, resolveLocal, toLocal } from "../../src/kernel/time/local-time.js";
import { scheduleLessonPrompt } from "../lessons/index.js";
import { carriedBy, planRef, when } from "./render.js";
import type { CarePlan } from "./repository.js";
import { chooseDecompressionPrompt } from "./rules/index.js";
import type { CarePlanSlice } from "./services.js";

export const REMINDER_KIND = "careplan.reminder";
export const START_KIND = "careplan.start";
export const END_KIND = "careplan.end";

/**
 * The three posts of a plan, as one-off jobs: a reminder the day before (at the same wall time, on
 * a day that changes the clock too), the care-mirror call at the action's start (at the same time,
 * not after) and decompression at its end.
 */
export function scheduleCarePlanPosts(jobs: RoomJobs, plan: CarePlan, zone: string): void {
  const start = toLocal(zone, plan.startsAt);
  const dayBefore = { ...addDays(start, -1), hour: start.hour, minute: start.minute };
  const posts = [
    { kind: REMINDER_KIND, at: resolveLocal(zone, dayBefore) },
    { kind: START_KIND, at: plan.startsAt },
    { kind: END_KIND, at: plan.endsAt },
  ];
  for (const post of posts) {
    const job = jobs.schedule({
      kind: post.kind,
      rule: { kind: "once", at: post.at },
      ref: planRef(plan.number),
      payload: { plan: plan.number },
    });
    // A reminder whose day-before is already past is simply not kept.
    if (job.nextRunUtc === null) jobs.delete(job.id);
  }
  // The morning after, what the action taught; same ref, so moving or cancelling the plan takes it along.
  scheduleLessonPrompt(jobs, plan, zone);
}

type Post = PostContext<CarePlanSlice>;

function planOf(ctx: Post): CarePlan | undefined {
  const plan = ctx.slice.plans.get(ctx.job.roomId, Number(ctx.job.payload.plan));
  return plan?.status === "planned" ? plan : undefined;
}

const actOf = (plan: CarePlan, ctx: Post) => ctx.slice.act(plan.roomId, plan.careAct);

// Reacting to the reminder or the start call volunteers for the plan; to the decompression prompt, it does not.
const reminder = (ctx: Post): Doc | null => {
  const plan = planOf(ctx);
  if (!plan) return null;
  return about(
    planRef(plan.number),
    doc(
      p(...ctx.t.t("careplan.reminder", { n: plan.number, action: plan.action, when: when(plan.startsAt, ctx) })),
      carriedBy(plan, actOf(plan, ctx), ctx),
    ),
  );
};

const start = (ctx: Post): Doc | null => {
  const plan = planOf(ctx);
  if (!plan) return null;
  return about(
    planRef(plan.number),
    doc(
      p(...ctx.t.t("careplan.start", { n: plan.number, action: plan.action })),
      carriedBy(plan, actOf(plan, ctx), ctx),
    ),
  );
};

const end = (ctx: Post): Doc | null => {
  const plan = planOf(ctx);
  if (!plan) return null;
  const rhythm = ctx.slice.rhythm;
  const prompt = chooseDecompressionPrompt(
    rhythm.lastDecompression(ctx.job.roomId, ctx.now),
    Math.floor(ctx.scheduledFor / 60_000) + plan.number,
  );
  rhythm.setLastDecompression(ctx.job.roomId, prompt, ctx.now);
  return doc(
    p(...ctx.t.t("careplan.end", { action: plan.action })),
    p(...ctx.t.t(`decompression.${prompt}`)),
    p(...ctx.t.t("decompression.question")),
    p(...ctx.t.t("careplan.end.done_hint", { done: ctx.hint("careplan done", { plan: plan.number }) })),
  );
};

export const carePlanPosts: Readonly<Record<string, PostHandler<CarePlanSlice>>> = {
  [REMINDER_KIND]: reminder,
  [START_KIND]: start,
  [END_KIND]: end,
};
