import { doc, list, p, type Doc } from "../../src/kernel/doc.js";
import type { PostContext, PostHandler } from "../../src/kernel/scheduler/post.js";
import type { RoomJobs } from "../../src/kernel/scheduler/room-jobs.js";
import { lessonPromptAt } from "./rules/index.js";
import type { LessonSlice } from "./services.js";

export const PROMPT_KIND = "lesson.prompt";

/**
 * Plans lesson prompt for a care plan: the morning after its action, in the room's zone. Its ref
 * is the plan's own (`careplan:N`), so moving or cancelling the plan takes the prompt with it.
 */
export function scheduleLessonPrompt(jobs: RoomJobs, plan: { number: number; endsAt: number }, zone: string): void {
  const job = jobs.schedule({
    kind: PROMPT_KIND,
    rule: { kind: "once", at: lessonPromptAt(plan.endsAt, zone) },
    ref: `careplan:${plan.number}`,
    payload: { plan: plan.number },
  });
  if (job.nextRunUtc === null) jobs.delete(job.id);
}

/** Three questions, to answer in the message's thread; nothing is recorded unless someone writes a lesson. */
const prompt = (ctx: PostContext<LessonSlice>): Doc => {
  const plan = Number(ctx.job.payload.plan);
  ctx.slice.lessons.asked(ctx.job.roomId, plan, ctx.scheduledFor);
  return doc(
    p(...ctx.t.t("lesson.prompt", { plan })),
    list([ctx.t.t("lesson.prompt.worked"), ctx.t.t("lesson.prompt.management"), ctx.t.t("lesson.prompt.together")]),
    p(...ctx.t.t("lesson.prompt.how", { record: ctx.hint("lesson", { plan, text: ctx.t.text("lesson.example") }) })),
  );
};

export const lessonPosts: Readonly<Record<string, PostHandler<LessonSlice>>> = { [PROMPT_KIND]: prompt };
