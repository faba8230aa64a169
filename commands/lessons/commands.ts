import { type CommandContext, commandsOf, doc, Level, list, p, param, UserError } from "../../src/kernel/authoring.js";
import { PROMPT_KIND } from "./posts.js";
import { lessonLine } from "./render.js";
import { readLesson, tagOf } from "./rules/index.js";
import type { LessonSlice } from "./services.js";

const command = commandsOf<LessonSlice>();
/** The list shows the latest lessons; a #tag narrows it. */
const SHOWN = 15;

/** Plans listed in a refusal: the latest few are what a member most likely meant. */
const PLANS_LISTED = 10;

/**
 * A lesson names a plan the lessons know: one asked about, or one whose prompt is planned (care
 * plans plan it when a plan is made, and take it away when it is cancelled). Lessons cannot ask the
 * care plans themselves: care plans already use lessons.
 */
function knownPlans(ctx: CommandContext<LessonSlice, "jobs">): number[] {
  const planned = ctx.jobs.byKind(PROMPT_KIND).map((job) => Number(job.payload.plan));
  return [...new Set([...ctx.slice.lessons.askedPlans(ctx.roomId), ...planned])].sort((a, b) => a - b);
}

function mustExist(plan: number, ctx: CommandContext<LessonSlice, "jobs">): void {
  const plans = knownPlans(ctx);
  if (plans.length === 0) throw new UserError("lesson.plan_none", { plan });
  if (!plans.includes(plan))
    throw new UserError("lesson.plan_unknown", {
      plan,
      plans: plans
        .slice(-PLANS_LISTED)
        .map((n) => `#${n}`)
        .join(", "),
      list: ctx.hint("careplans"),
    });
}

export const record = command({
  name: "lesson",
  es: "lección",
  aliases: ["leccion", "lesson add", "lección anotar"],
  group: "lesson",
  summary: "lesson.summary",
  examples: {
    en: ["lesson 3 Two people at each door was enough #picket", "lesson Management backed down once we all signed"],
    es: [
      "lección 3 Con dos personas en cada puerta bastó #piquete",
      "lección La dirección cedió en cuanto firmamos todas",
    ],
  },
  level: Level.Member,
  params: { plan: param.int({ optional: true }), text: param.rest({ max: 1000 }) },
  uses: ["jobs"],
  // Without a number, the lesson belongs to the plan asked about last (if any was).
  run({ plan, text }, ctx) {
    const read = readLesson(text);
    if (!read.ok)
      throw new UserError("lesson.empty", { example: ctx.hint("lesson", { text: ctx.t.text("lesson.example") }) });
    if (plan !== undefined) mustExist(plan, ctx);
    const forPlan = plan ?? ctx.slice.lessons.latestAsked(ctx.roomId) ?? null;
    return ctx.slice.lessons.record(ctx.roomId, {
      plan: forPlan,
      ...read.value,
      recordedBy: ctx.sender.userId,
      recordedAt: ctx.now,
    });
  },
  render: (lesson, view) =>
    doc(
      p(
        ...view.t.t(lesson.plan === null ? "lesson.recorded" : "lesson.recorded.plan", {
          n: lesson.number,
          plan: lesson.plan ?? "",
          list: view.hint("lessons"),
        }),
      ),
    ),
});

export const latest = command({
  name: "lessons",
  es: "lecciones",
  group: "lesson",
  summary: "lessons.summary",
  examples: { en: ["lessons", "lessons #picket"], es: ["lecciones", "lecciones #piquete"] },
  level: Level.Member,
  params: { tag: param.word({ max: 41, optional: true }) },
  run({ tag }, ctx) {
    const wanted = tag === undefined ? undefined : tagOf(tag);
    if (tag !== undefined && wanted === undefined) throw new UserError("lessons.tag_expected", { found: tag });
    const all = ctx.slice.lessons.all(ctx.roomId).filter((l) => wanted === undefined || l.tags.includes(wanted));
    return { shown: all.slice(-SHOWN).reverse(), total: all.length, tag };
  },
  render({ shown, total, tag }, view) {
    const { t } = view;
    if (total === 0)
      return doc(
        p(
          ...t.t(tag ? "lessons.none_tagged" : "lessons.none", {
            tag: tag ?? "",
            example: view.hint("lesson", { text: t.text("lesson.example") }),
          }),
        ),
      );
    const blocks = [
      p(...t.t("lessons.title", { count: total })),
      list(shown.map((lesson) => lessonLine(lesson, view))),
    ];
    if (total > shown.length) blocks.push(p(...t.t("lessons.more", { count: total - shown.length })));
    return doc(...blocks);
  },
});

export const lessonCommands = [record, latest];
