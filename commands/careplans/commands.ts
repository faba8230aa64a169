import type { TextKey } from "../../src/kernel/i18n/catalog.js";
import { commandsOf, type RenderContext } from "../../src/kernel/command.js";
import { about, doc, list, p, type Doc } from "../../src/kernel/doc.js";
import { UserError } from "../../src/kernel/errors.js";
import type { Person } from "../../src/kernel/invocation.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import { scheduleCarePlanPosts } from "./posts.js";
import { actLabel, carriedBy, planBlocks, planRef, when } from "./render.js";
import { parsePlanRequest } from "./request.js";
import { cancel, done, move, reopen } from "./closing.js";
import { mustGet, viewOf, type Ctx, type PlanView } from "./lookup.js";
import {
  actWord,
  customCareAct,
  findCareAct,
  namesCareAct,
  normaliseCareText,
  suggestCareActs,
  type CareAct,
} from "./rules/index.js";
import type { CarePlanSlice } from "./services.js";

const command = commandsOf<CarePlanSlice>();

const SUGGESTIONS = 3;
const RECENT_MS = 14 * 86_400_000;
/** Lines per page of `!careplans`: a chat reply stays readable. */
const PAGE = 10;
/** A care act's name is at least two letters, so a stray key is not added to the catalog. */
const MIN_ACT_NAME = 2;

function resolveAct(text: string, ctx: Ctx): CareAct {
  const known = findCareAct(ctx.slice.catalog(ctx.roomId), text);
  if (known) return known;
  // A new care act named by the members becomes part of this room's catalog.
  const own = customCareAct(text.slice(0, 80));
  ctx.slice.plans.addCustomAct(ctx.roomId, { id: own.id, label: own.label ?? text }, ctx.sender.userId, ctx.now);
  return own;
}

const showPlan = ({ plan, act }: PlanView, view: RenderContext): Doc =>
  about(planRef(plan.number), doc(...planBlocks(plan, act, view)));

export const create = command({
  name: "careplan",
  es: "plan",
  group: "careplan",
  summary: "careplan.summary",
  examples: {
    en: ["careplan overtime refusal at friday 17:00 for 2h care solidarity pantry", "careplan picket at monday 7:00"],
    es: [
      "plan negativa a las horas extra el viernes a las 17:00 durante 2h cuidado despensa solidaria",
      "plan piquete el lunes a las 7:00",
    ],
  },
  level: Level.Member,
  params: { request: param.rest({ max: 500 }) },
  uses: ["jobs"],
  run({ request: text }, ctx) {
    const request = parsePlanRequest(text, ctx, (words) => namesCareAct(ctx.slice.catalog(ctx.roomId), words));
    const act = request.careText ? resolveAct(request.careText, ctx) : undefined;
    const plan = ctx.slice.plans.create(
      {
        roomId: ctx.roomId,
        action: request.action.slice(0, 200),
        startsAt: request.startsAt,
        endsAt: request.endsAt,
        careAct: act?.id ?? null,
        createdBy: ctx.sender.userId,
      },
      ctx.now,
    );
    scheduleCarePlanPosts(ctx.jobs, plan, ctx.settings.timezone);
    const suggestions = act
      ? []
      : suggestCareActs(
          ctx.slice.catalog(ctx.roomId),
          ctx.slice.plans.recentCareActs(ctx.roomId),
          SUGGESTIONS,
          plan.number,
        );
    return { plan, act, suggestions };
  },
  render({ plan, act, suggestions }, view) {
    const blocks = [...planBlocks(plan, act, view)];
    if (suggestions.length > 0) {
      blocks.push(
        p(...view.t.t("careplan.suggest", { n: plan.number })),
        list(
          suggestions.map((s) => [
            {
              kind: "code" as const,
              text: view.hint("careplan care", { plan: plan.number, act: actWord(s, view.t.lang) }),
            },
            " — ",
            actLabel(s, view),
          ]),
        ),
      );
    }
    blocks.push(p(...view.t.t("careplan.posts", { join: view.hint("careplan join", { plan: plan.number }) })));
    return about(planRef(plan.number), doc(...blocks));
  },
});

export const show = command({
  name: "careplan show",
  es: "plan #",
  aliases: ["careplan #", "plan show"],
  group: "careplan",
  summary: "careplan.show.summary",
  examples: { en: ["careplan 3"], es: ["plan 3"] },
  level: Level.Member,
  params: { plan: param.int() },
  run: ({ plan }, ctx) => viewOf(mustGet(plan, ctx, false), ctx),
  render: showPlan,
});

/** Joining and leaving answer alike: what changed for the person, then who carries the plan now. */
function volunteering(key: { changed: TextKey; unchanged: TextKey }) {
  return (result: PlanView & { changed: boolean; who: Person }, view: RenderContext): Doc => {
    const { plan, act, changed, who } = result;
    const join = view.hint("careplan join", { plan: plan.number });
    return doc(
      p(...view.t.t(changed ? key.changed : key.unchanged, { who, n: plan.number, join })),
      carriedBy(plan, act, view),
    );
  };
}

export const join = command({
  name: "careplan join",
  es: "plan # unirme",
  aliases: ["careplan # join", "plan # join", "careplan # me apunto", "plan join", "careplan # unirme"],
  group: "careplan",
  summary: "careplan.join.summary",
  examples: { en: ["careplan 3 join"], es: ["plan 3 unirme"] },
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
  es: "plan # salir",
  aliases: ["careplan # leave", "plan # leave", "careplan # me bajo", "plan leave", "careplan # salir"],
  group: "careplan",
  summary: "careplan.leave.summary",
  examples: { en: ["careplan 3 leave"], es: ["plan 3 salir"] },
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
  es: "plan # cuidado",
  aliases: ["careplan # care", "plan # care", "plan care", "careplan # cuidado"],
  group: "careplan",
  summary: "careplan.care.summary",
  examples: { en: ["careplan 3 care kitchen"], es: ["plan 3 cuidado cocina"] },
  level: Level.Member,
  params: { plan: param.int(), act: param.rest({ max: 80 }) },
  run({ plan: number, act: text }, ctx) {
    const plan = mustGet(number, ctx);
    const act = resolveAct(text, ctx);
    ctx.slice.plans.setCareAct(plan, act.id);
    return { plan, act };
  },
  render: ({ plan, act }, view) =>
    doc(p(...view.t.t("careplan.act_set", { n: plan.number, act: actLabel(act, view) }))),
});

export const plans = command({
  name: "careplans",
  es: "planes",
  aliases: ["plans"],
  group: "careplan",
  summary: "careplans.summary",
  examples: { en: ["careplans", "careplans 2"], es: ["planes", "planes 2"] },
  level: Level.Member,
  params: { page: param.int({ optional: true }) },
  // Open plans come first, so a busy fortnight of closed ones never hides what is coming.
  run({ page = 1 }, ctx) {
    const since = ctx.now - RECENT_MS;
    const total = ctx.slice.plans.count(ctx.roomId, since);
    const views = ctx.slice.plans.list(ctx.roomId, since, PAGE, (page - 1) * PAGE).map((plan) => viewOf(plan, ctx));
    return { views, page, total };
  },
  render({ views, page, total }, view) {
    if (total === 0)
      return doc(
        p(
          ...view.t.t("careplans.none", {
            example: view.hint("careplan", { request: view.t.text("careplan.example.request_short") }),
          }),
        ),
      );
    const pages = Math.ceil(total / PAGE);
    if (views.length === 0)
      return doc(p(...view.t.t("careplans.no_page", { page, pages, first: view.hint("careplans") })));
    const line = ({ plan, act }: PlanView) =>
      view.t.t(`careplans.line.${plan.status}`, {
        n: plan.number,
        action: plan.action,
        when: when(plan.startsAt, view),
        act: act ? actLabel(act, view) : "—",
        count: plan.volunteers.length,
      });
    const blocks = [
      p(...(pages > 1 ? view.t.t("careplans.title_page", { page, pages }) : view.t.t("careplans.title"))),
      list(views.map(line)),
    ];
    const more = total - (page - 1) * PAGE - views.length;
    if (more > 0)
      blocks.push(p(...view.t.t("careplans.more", { count: more, next: view.hint("careplans", { page: page + 1 }) })));
    return doc(...blocks);
  },
});

export const catalog = command({
  name: "careplan catalog",
  es: "plan catálogo",
  aliases: ["careplan catalogo", "careplan catálogo"],
  group: "careplan",
  summary: "careplan.catalog.summary",
  examples: { en: ["careplan catalog"], es: ["plan catálogo"] },
  level: Level.Member,
  params: {},
  run: (_args, ctx) => ctx.slice.catalog(ctx.roomId),
  render: (acts, view) => doc(p(...view.t.t("careplan.catalog.title")), list(acts.map((act) => [actLabel(act, view)]))),
});

export const catalogAdd = command({
  name: "careplan catalog add",
  es: "plan catálogo añadir",
  aliases: ["careplan catalogo añadir", "careplan catálogo añadir"],
  group: "careplan",
  summary: "careplan.catalog.add.summary",
  examples: { en: ["careplan catalog add bicycle workshop"], es: ["plan catálogo añadir taller de bicis"] },
  level: Level.Member,
  params: { act: param.rest({ max: 80 }) },
  run({ act: text }, ctx) {
    if (normaliseCareText(text).length < MIN_ACT_NAME) {
      throw new UserError("careplan.catalog.too_short", {
        min: MIN_ACT_NAME,
        example: ctx.hint("careplan catalog add", { act: ctx.t.text("careplan.catalog.example") }),
      });
    }
    const existing = findCareAct(ctx.slice.catalog(ctx.roomId), text);
    return { act: existing ?? resolveAct(text, ctx), existed: existing !== undefined };
  },
  render: ({ act, existed }, view) =>
    doc(p(...view.t.t(existed ? "careplan.catalog.exists" : "careplan.catalog.added", { act: actLabel(act, view) }))),
});

export const carePlanCommands = [
  create,
  show,
  join,
  leave,
  pickCare,
  done,
  reopen,
  move,
  cancel,
  plans,
  catalog,
  catalogAdd,
];
