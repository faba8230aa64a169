import { commandsOf, type RenderContext } from "../../src/kernel/command.js";
import { about, doc, p } from "../../src/kernel/doc.js";
import { UserError } from "../../src/kernel/errors.js";
import type { Person } from "../../src/kernel/invocation.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import type { CareKind } from "../ledger/index.js";
import { mayManage, mustGet, type Ctx } from "./lookup.js";
import { scheduleLessonPrompt } from "../lessons/index.js";
import { scheduleCarePlanPosts } from "./posts.js";
import { actLabel, planRef, when } from "./render.js";
import type { CarePlan } from "./repository.js";
import type { CarePlanSlice } from "./services.js";

const command = commandsOf<CarePlanSlice>();

/** The kind of care each built-in act is, so closing a plan records it in the ledger correctly. */
const ACT_KINDS: Record<string, CareKind> = {
  pantry: "food",
  kitchen: "food",
  "hospital-rides": "transport",
  childcare: "childcare",
  "repair-clinic": "repair",
  "mental-health-circle": "emotional",
  "strike-fund": "money",
  "legal-aid": "knowledge",
  tutoring: "knowledge",
};

/**
 * Before its start a plan's care has not happened yet: closing it then would record care that
 * never took place and silence its posts, so only whoever made it or a moderator may, and only
 * after confirming.
 */
function mayCloseNow(plan: CarePlan, confirmed: boolean, ctx: Ctx): void {
  if (ctx.now >= plan.startsAt) return;
  const at = (view: RenderContext) => when(plan.startsAt, view);
  if (!mayManage(plan, ctx)) throw new UserError("careplan.done.not_started", { n: plan.number, when: at });
  if (!confirmed) {
    const confirm = ctx.hint("careplan done", { plan: plan.number, confirm: ctx.t.text("careplan.confirm_word") });
    throw new UserError("careplan.done.confirm", {
      n: plan.number,
      when: at,
      confirm,
      cancel: ctx.hint("careplan cancel", { plan: plan.number }),
    });
  }
}

export const done = command({
  name: "careplan done",
  es: "plan # hecho",
  aliases: ["plan done", "careplan # done", "careplan # hecho", "plan # done", "careplan hecho"],
  group: "careplan",
  summary: "careplan.done.summary",
  examples: { en: ["careplan done 3"], es: ["plan 3 hecho"] },
  level: Level.Member,
  params: {
    plan: param.int(),
    confirm: param.choice({ confirm: ["confirmar", "yes", "si", "sí"] }, { optional: true }),
  },
  uses: ["jobs"],
  // Closing records the volunteers' care in the ledger in the same step, so nobody has to remember.
  run({ plan: number, confirm }, ctx) {
    const plan = mustGet(number, ctx);
    mayCloseNow(plan, confirm !== undefined, ctx);
    ctx.slice.plans.close(plan, "done", ctx.now);
    ctx.jobs.deleteByRef(planRef(plan.number));
    // A plan done is exactly one whose lessons are worth asking for: its morning-after prompt stays.
    scheduleLessonPrompt(ctx.jobs, plan, ctx.settings.timezone);
    if (plan.volunteers.length === 0) return { plan, entry: undefined };
    const act = ctx.slice.act(ctx.roomId, plan.careAct);
    const entry = ctx.slice.ledger.record({
      roomId: ctx.roomId,
      givers: plan.volunteers,
      what: ctx.t
        .text("careplan.done.what", {
          act: act ? actLabel(act, ctx) : ctx.t.text("careplan.done.some_care"),
          action: plan.action,
        })
        .slice(0, 500),
      kind: (plan.careAct && ACT_KINDS[plan.careAct]) || "other",
      recordedBy: ctx.sender.userId,
      recordedAt: ctx.now,
    });
    return { plan, entry: entry.number };
  },
  render({ plan, entry }, view) {
    if (entry === undefined) return doc(p(...view.t.t("careplan.done.nobody", { n: plan.number })));
    return doc(
      p(
        ...view.t.t("careplan.done.recorded", {
          n: plan.number,
          who: plan.volunteers,
          entry,
          undo: view.hint("ledger undo", { number: entry }),
        }),
      ),
    );
  },
});

const personKey = (person: Person) => person.userId ?? `name:${person.name.toLowerCase()}`;
const sameGivers = (a: readonly Person[], b: readonly Person[]) =>
  a.map(personKey).sort().join("\n") === b.map(personKey).sort().join("\n");

/**
 * The ledger entry closing recorded: written at the very moment the plan was closed, for its
 * volunteers. (The schema keeps no link between the two; this pair of facts identifies it.)
 */
function recordedOnClosing(plan: CarePlan, ctx: Ctx): number | undefined {
  if (plan.status !== "done" || plan.closedAt === null || plan.volunteers.length === 0) return undefined;
  return ctx.slice.ledger
    .between(ctx.roomId, plan.closedAt, plan.closedAt + 1)
    .find((entry) => sameGivers(entry.givers, plan.volunteers))?.number;
}

export const reopen = command({
  name: "careplan reopen",
  es: "plan # reabrir",
  aliases: ["careplan # reopen", "plan # reopen", "plan reopen", "careplan reabrir", "careplan # reabrir"],
  group: "careplan",
  summary: "careplan.reopen.summary",
  examples: { en: ["careplan 3 reopen"], es: ["plan 3 reabrir"] },
  level: Level.Member,
  params: { plan: param.int() },
  uses: ["jobs"],
  run({ plan: number }, ctx) {
    const plan = mustGet(number, ctx, false);
    if (plan.status === "planned")
      throw new UserError("careplan.reopen.open", { n: number, show: ctx.hint("careplan show", { plan: number }) });
    if (!mayManage(plan, ctx)) throw new UserError("careplan.reopen.not_yours", { n: number });
    const recorded = recordedOnClosing(plan, ctx);
    const entry =
      recorded !== undefined && ctx.slice.ledger.retract(ctx.roomId, recorded, ctx.sender.userId, ctx.now)
        ? recorded
        : undefined;
    ctx.slice.plans.reopen(plan);
    // Posts whose time is still ahead come back; those already past are not posted late.
    ctx.jobs.deleteByRef(planRef(plan.number));
    scheduleCarePlanPosts(ctx.jobs, plan, ctx.settings.timezone);
    return { plan, entry };
  },
  render: ({ plan, entry }, view) =>
    doc(
      p(
        ...view.t.t(entry === undefined ? "careplan.reopen.done" : "careplan.reopen.done_entry", {
          n: plan.number,
          entry: entry ?? 0,
        }),
      ),
    ),
});

export const cancel = command({
  name: "careplan cancel",
  es: "plan # cancelar",
  aliases: ["plan cancel", "careplan # cancel", "careplan # cancelar", "plan # cancel", "careplan cancelar"],
  group: "careplan",
  summary: "careplan.cancel.summary",
  examples: { en: ["careplan cancel 3"], es: ["plan 3 cancelar"] },
  level: Level.Member,
  params: { plan: param.int() },
  uses: ["jobs", "elsewhere"],
  run({ plan: number }, ctx) {
    const plan = mustGet(number, ctx);
    if (!mayManage(plan, ctx)) throw new UserError("careplan.cancel.not_yours", { n: number });
    ctx.slice.plans.close(plan, "cancelled", ctx.now);
    ctx.jobs.deleteByRef(planRef(plan.number));
    const heard = ctx.slice.cancelled({ roomId: ctx.roomId, number, now: ctx.now, elsewhere: ctx.elsewhere });
    return { plan, heard };
  },
  render: ({ plan, heard }, view) =>
    doc(p(...view.t.t("careplan.cancel.done", { n: plan.number })), ...heard.flatMap((said) => said(view))),
});

export const move = command({
  name: "careplan move",
  es: "plan # mover",
  aliases: ["careplan # move", "plan # move", "plan move", "careplan mover", "careplan # mover"],
  group: "careplan",
  summary: "careplan.move.summary",
  examples: { en: ["careplan 2 move to saturday 10:00"], es: ["plan 2 mover al sábado 10:00"] },
  level: Level.Member,
  // "move to saturday 10:00", "mover al sábado 10:00": the little word before the time is optional.
  params: { plan: param.int(), when: param.when() },
  uses: ["jobs"],
  // The plan keeps its length; its reminder and calls move with it.
  run({ plan: number, when: moveTo }, ctx) {
    const plan = mustGet(number, ctx);
    if (!mayManage(plan, ctx)) throw new UserError("careplan.move.not_yours", { n: number });
    const startsAt = moveTo.utcMs;
    const endsAt = startsAt + (plan.endsAt - plan.startsAt);
    ctx.slice.plans.move(plan, startsAt, endsAt);
    const moved = { ...plan, startsAt, endsAt };
    ctx.jobs.deleteByRef(planRef(plan.number));
    scheduleCarePlanPosts(ctx.jobs, moved, ctx.settings.timezone);
    return moved;
  },
  render: (plan, view) =>
    about(
      planRef(plan.number),
      doc(
        p(
          ...view.t.t("careplan.move.done", {
            n: plan.number,
            action: plan.action,
            from: when(plan.startsAt, view),
            to: when(plan.endsAt, view),
          }),
        ),
      ),
    ),
});
