import { commandsOf, type CommandContext, type RenderContext } from "../../src/kernel/command.js";
import { about, doc, list, p, type Doc } from "../../src/kernel/doc.js";
import { UserError } from "../../src/kernel/errors.js";
import type { Person } from "../../src/kernel/invocation.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import { scheduleCarePlanPosts } from "./posts.js";
import { actLabel, carriedBy, planBlocks, planRef, when } from "./render.js";
import type { CarePlan } from "./repository.js";
import { parsePlanRequest } from "./request.js";
import type { CareKind } from "../ledger/index.js";
import { customCareAct, findCareAct, suggestCareActs, type CareAct } from "./rules/index.js";
import type { CarePlanSlice } from "./services.js";

const command = commandsOf<CarePlanSlice>();
type Ctx = CommandContext<CarePlanSlice>;

const SUGGESTIONS = 3;
const RECENT_MS = 14 * 86_400_000;

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

/** A plan with its care act resolved: what most replies show. */
interface PlanView {
  plan: CarePlan;
  act: CareAct | undefined;
}

const viewOf = (plan: CarePlan, ctx: Ctx): PlanView => ({ plan, act: ctx.slice.act(ctx.roomId, plan.careAct) });

function mustGet(number: number, ctx: Ctx, planned = true): CarePlan {
  const plan = ctx.slice.plans.get(ctx.roomId, number);
  const list = ctx.hint("careplans");
  if (!plan) throw new UserError("careplan.unknown", { n: number, list });
  if (planned && plan.status !== "planned") throw new UserError("careplan.closed", { n: number, list });
  return plan;
}

function resolveAct(text: string, ctx: Ctx): CareAct {
  const known = findCareAct(ctx.slice.catalog(ctx.roomId), text);
  if (known) return known;
  // A new care act named by the members becomes part of this room's catalog.
  const own = customCareAct(text.slice(0, 80));
  ctx.slice.plans.addCustomAct(ctx.roomId, { id: own.id, label: own.label ?? text }, ctx.sender.userId, ctx.now);
  return own;
}

const showPlan = ({ plan, act }: PlanView, view: RenderContext): Doc => about(planRef(plan.number), doc(...planBlocks(plan, act, view)));

export const create = command({
  name: "careplan",
  aliases: ["plan"],
  group: "careplan",
  summary: "careplan.summary",
  examples: ["careplan overtime refusal at friday 17:00 for 2h care solidarity pantry", "careplan picket at monday 7:00"],
  level: Level.Member,
  params: { request: param.rest({ max: 500 }) },
  run({ request: text }, ctx) {
    const request = parsePlanRequest(text, ctx);
    const act = request.careText ? resolveAct(request.careText, ctx) : undefined;
    const plan = ctx.slice.plans.create({ roomId: ctx.roomId, action: request.action.slice(0, 200), startsAt: request.startsAt, endsAt: request.endsAt, careAct: act?.id ?? null, createdBy: ctx.sender.userId }, ctx.now);
    scheduleCarePlanPosts(ctx.jobs, plan, ctx.settings.timezone);
    const suggestions = act ? [] : suggestCareActs(ctx.slice.catalog(ctx.roomId), ctx.slice.plans.recentCareActs(ctx.roomId), SUGGESTIONS, plan.number);
    return { plan, act, suggestions };
  },
  render({ plan, act, suggestions }, view) {
    const blocks = [...planBlocks(plan, act, view)];
    if (suggestions.length > 0) {
      blocks.push(
        p(...view.t.t("careplan.suggest", { n: plan.number })),
        list(suggestions.map((s) => [{ kind: "code" as const, text: view.hint("careplan care", { plan: plan.number, act: s.aliases[0] ?? s.id }) }, " — ", actLabel(s, view)])),
      );
    }
    blocks.push(p(...view.t.t("careplan.posts", { join: view.hint("careplan join", { plan: plan.number }) })));
    return about(planRef(plan.number), doc(...blocks));
  },
});

export const show = command({
  name: "careplan show",
  aliases: ["careplan #", "plan #", "plan show"],
  group: "careplan",
  summary: "careplan.show.summary",
  examples: ["careplan 3"],
  level: Level.Member,
  params: { plan: param.int() },
  run: ({ plan }, ctx) => viewOf(mustGet(plan, ctx, false), ctx),
  render: showPlan,
});

/** Joining and leaving answer alike: what changed for the person, then who carries the plan now. */
function volunteering(key: { changed: string; unchanged: string }) {
  return (result: PlanView & { changed: boolean; who: Person }, view: RenderContext): Doc => {
    const { plan, act, changed, who } = result;
    const join = view.hint("careplan join", { plan: plan.number });
    return doc(p(...view.t.t(changed ? key.changed : key.unchanged, { who, n: plan.number, join })), carriedBy(plan, act, view));
  };
}

export const join = command({
  name: "careplan join",
  es: "careplan # unirme",
  aliases: ["careplan # join", "plan # join", "careplan # me apunto", "plan # unirme", "plan join"],
  group: "careplan",
  summary: "careplan.join.summary",
  examples: ["careplan 3 join"],
  level: Level.Member,
  params: { plan: param.int() },
  run({ plan: number }, ctx) {
    const changed = ctx.slice.plans.addVolunteer(mustGet(number, ctx), ctx.sender, ctx.now);
    return { ...viewOf(mustGet(number, ctx), ctx), changed, who: ctx.sender };
  },
  render: volunteering({ changed: "careplan.joined", unchanged: "careplan.already_joined" }),
});

export const leave = command({
  name: "careplan leave",
  es: "careplan # salir",
  aliases: ["careplan # leave", "plan # leave", "careplan # me bajo", "plan # salir", "plan leave"],
  group: "careplan",
  summary: "careplan.leave.summary",
  examples: ["careplan 3 leave"],
  level: Level.Member,
  params: { plan: param.int() },
  run({ plan: number }, ctx) {
    const changed = ctx.slice.plans.removeVolunteer(mustGet(number, ctx), ctx.sender);
    return { ...viewOf(mustGet(number, ctx), ctx), changed, who: ctx.sender };
  },
  render: volunteering({ changed: "careplan.left", unchanged: "careplan.not_joined" }),
});

export const pickCare = command({
  name: "careplan care",
  es: "careplan # cuidado",
  aliases: ["careplan # care", "plan # care", "plan # cuidado", "plan care"],
  group: "careplan",
  summary: "careplan.care.summary",
  examples: ["careplan 3 care kitchen"],
  level: Level.Member,
  params: { plan: param.int(), act: param.rest({ max: 80 }) },
  run({ plan: number, act: text }, ctx) {
    const plan = mustGet(number, ctx);
    const act = resolveAct(text, ctx);
    ctx.slice.plans.setCareAct(plan, act.id);
    return { plan, act };
  },
  render: ({ plan, act }, view) => doc(p(...view.t.t("careplan.act_set", { n: plan.number, act: actLabel(act, view) }))),
});

export const done = command({
  name: "careplan done",
  es: "careplan hecho",
  aliases: ["plan done", "careplan # done", "careplan # hecho", "plan # done", "plan # hecho"],
  group: "careplan",
  summary: "careplan.done.summary",
  examples: ["careplan done 3"],
  level: Level.Member,
  params: { plan: param.int() },
  // Closing records the volunteers' care in the ledger in the same step, so nobody has to remember.
  run({ plan: number }, ctx) {
    const plan = mustGet(number, ctx);
    ctx.slice.plans.close(plan, "done", ctx.now);
    ctx.jobs.deleteByRef(planRef(plan.number));
    if (plan.volunteers.length === 0) return { plan, entry: undefined };
    const act = ctx.slice.act(ctx.roomId, plan.careAct);
    const entry = ctx.slice.ledger.record({
      roomId: ctx.roomId,
      givers: plan.volunteers,
      what: ctx.t.text("careplan.done.what", { act: act ? actLabel(act, ctx) : ctx.t.text("careplan.done.some_care"), action: plan.action }).slice(0, 500),
      kind: (plan.careAct && ACT_KINDS[plan.careAct]) || "other",
      recordedBy: ctx.sender.userId,
      recordedAt: ctx.now,
    });
    return { plan, entry: entry.number };
  },
  render({ plan, entry }, view) {
    if (entry === undefined) return doc(p(...view.t.t("careplan.done.nobody", { n: plan.number })));
    return doc(p(...view.t.t("careplan.done.recorded", { n: plan.number, who: plan.volunteers, entry, undo: view.hint("ledger undo", { number: entry }) })));
  },
});

export const cancel = command({
  name: "careplan cancel",
  es: "careplan cancelar",
  aliases: ["plan cancel", "careplan # cancel", "careplan # cancelar", "plan # cancel", "plan # cancelar"],
  group: "careplan",
  summary: "careplan.cancel.summary",
  examples: ["careplan cancel 3"],
  level: Level.Member,
  params: { plan: param.int() },
  run({ plan: number }, ctx) {
    const plan = mustGet(number, ctx);
    if (plan.createdBy !== ctx.sender.userId && ctx.level < Level.Moderator) throw new UserError("careplan.cancel.not_yours", { n: number });
    ctx.slice.plans.close(plan, "cancelled", ctx.now);
    ctx.jobs.deleteByRef(planRef(plan.number));
    return plan;
  },
  render: (plan, view) => doc(p(...view.t.t("careplan.cancel.done", { n: plan.number }))),
});

export const plans = command({
  name: "careplans",
  es: "planes",
  aliases: ["plans"],
  group: "careplan",
  summary: "careplans.summary",
  examples: ["careplans"],
  level: Level.Member,
  params: {},
  run: (_args, ctx) => ctx.slice.plans.list(ctx.roomId, ctx.now - RECENT_MS).map((plan) => viewOf(plan, ctx)),
  render(views, view) {
    if (views.length === 0) return doc(p(...view.t.t("careplans.none", { example: view.hint("careplan", { request: "overtime refusal at friday 17:00 for 2h" }) })));
    const line = ({ plan, act }: PlanView) =>
      view.t.t(`careplans.line.${plan.status}`, { n: plan.number, action: plan.action, when: when(plan.startsAt, view), act: act ? actLabel(act, view) : "—", count: plan.volunteers.length });
    return doc(p(...view.t.t("careplans.title")), list(views.map(line)));
  },
});

export const catalog = command({
  name: "careplan catalog",
  es: "careplan catálogo",
  aliases: ["careplan catalogo"],
  group: "careplan",
  summary: "careplan.catalog.summary",
  examples: ["careplan catalog"],
  level: Level.Member,
  params: {},
  run: (_args, ctx) => ctx.slice.catalog(ctx.roomId),
  render: (acts, view) => doc(p(...view.t.t("careplan.catalog.title")), list(acts.map((act) => [actLabel(act, view)]))),
});

export const catalogAdd = command({
  name: "careplan catalog add",
  es: "careplan catálogo añadir",
  aliases: ["careplan catalogo añadir"],
  group: "careplan",
  summary: "careplan.catalog.add.summary",
  examples: ["careplan catalog add bicycle workshop"],
  level: Level.Member,
  params: { act: param.rest({ min: 2, max: 80 }) },
  run({ act: text }, ctx) {
    const existing = findCareAct(ctx.slice.catalog(ctx.roomId), text);
    return { act: existing ?? resolveAct(text, ctx), existed: existing !== undefined };
  },
  render: ({ act, existed }, view) => doc(p(...view.t.t(existed ? "careplan.catalog.exists" : "careplan.catalog.added", { act: actLabel(act, view) }))),
});

export const carePlanCommands = [create, show, join, leave, pickCare, done, cancel, plans, catalog, catalogAdd];
