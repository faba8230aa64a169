import {
  type CommandContext,
  commandsOf,
  doc,
  Level,
  mayChangeRecord,
  orRefuse,
  p,
  param,
  UserError,
} from "../../src/kernel/authoring.js";
import { decisionBlocks, reviewDay } from "./render.js";
import type { Decision } from "./repository.js";
import { reviewOrRefuse, scheduleReview } from "./review.js";
import { readDecision } from "./rules/decision-text.js";
import { takeReview } from "./rules/review.js";
import type { DecisionSlice } from "./services.js";

const command = commandsOf<DecisionSlice>();
type Ctx = CommandContext<DecisionSlice>;

function mustGet(number: number, ctx: Ctx): Decision {
  return orRefuse(
    ctx.slice.log.get(ctx.roomId, number),
    () => new UserError("decision.unknown", { n: number, list: ctx.hint("decisions") }),
  );
}

function mayChange(decision: Decision, ctx: Ctx): void {
  if (!mayChangeRecord(decision, { userId: ctx.sender.userId, level: ctx.level, now: ctx.now }))
    throw new UserError("decision.not_yours", { n: decision.number });
  if (decision.revoked) throw new UserError("decision.already_revoked", { n: decision.number });
}

/** Plans listed in a refusal: the latest few are what a member most likely meant. */
const PLANS_LISTED = 10;

function readOrRefuse(raw: string, ctx: Ctx) {
  const read = readDecision(raw);
  if (!read.ok)
    throw new UserError("decision.empty", { example: ctx.hint("decision", { text: ctx.t.text("decision.example") }) });
  const decided = read.value;
  if (decided.plan !== undefined) {
    const plans = ctx.slice.planNumbers(ctx.roomId);
    if (plans.length === 0) throw new UserError("decision.plan_none", { plan: decided.plan });
    if (!plans.includes(decided.plan))
      throw new UserError("decision.plan_unknown", {
        plan: decided.plan,
        plans: plans
          .slice(-PLANS_LISTED)
          .map((n) => `#${n}`)
          .join(", "),
        list: ctx.hint("careplans"),
      });
  }
  return decided;
}

export const record = command({
  name: "decision",
  es: "decisión",
  aliases: ["decision record", "decision add", "decisión registrar", "decision registrar"],
  group: "decision",
  summary: "decision.summary",
  examples: {
    en: [
      "decision We meet on Thursdays at 19:00 #meetings",
      "decision Overtime refusal starts on Monday plan 3",
      "decision We rotate the night shift review in 3 months",
    ],
    es: [
      "decisión Nos reunimos los jueves a las 19:00 #reuniones",
      "decisión La negativa a las horas extra empieza el lunes plan 3",
      "decisión Rotamos el turno de noche revisar en 3 meses",
    ],
  },
  level: Level.Member,
  params: { text: param.rest({ max: 1000 }) },
  uses: ["jobs"],
  run({ text }, ctx) {
    // "… review in 3 months" at the end is when the cell looks at it again, not part of the decision.
    const taken = takeReview(text, ctx.now, ctx.settings.timezone);
    const reviewOn = taken.review && reviewOrRefuse(taken.review, ctx);
    const read = readOrRefuse(taken.text, ctx);
    const decision = ctx.slice.log.record({
      roomId: ctx.roomId,
      ...read,
      recordedBy: ctx.sender.userId,
      recordedAt: ctx.now,
      ...(reviewOn ? { reviewOn } : {}),
    });
    if (reviewOn) scheduleReview(ctx, decision.number, reviewOn);
    return decision;
  },
  render: (d, view) =>
    doc(
      p(...view.t.t("decision.recorded", { n: d.number, text: d.text })),
      ...(d.plan !== null
        ? [p(...view.t.t("decision.plan", { plan: d.plan, show: view.hint("careplan show", { plan: d.plan }) }))]
        : []),
      ...(d.reviewOn !== null
        ? [
            p(
              ...view.t.t("decision.review.set", {
                n: d.number,
                day: reviewDay(d.reviewOn, view),
                due: view.hint("decisions due"),
              }),
            ),
          ]
        : []),
    ),
});

export const show = command({
  name: "decision show",
  es: "decisión #",
  aliases: ["decision #", "decision ver"],
  group: "decision",
  summary: "decision.show.summary",
  examples: { en: ["decision 12"], es: ["decisión 12"] },
  level: Level.Member,
  params: { decision: param.int() },
  run({ decision: number }, ctx) {
    const decision = mustGet(number, ctx);
    return { decision, revisions: ctx.slice.log.revisions(decision) };
  },
  render: ({ decision, revisions }, view) => doc(...decisionBlocks(decision, revisions, view)),
});

export const fix = command({
  name: "decision fix",
  es: "decisión # corregir",
  aliases: ["decision # fix", "decision # corregir"],
  group: "decision",
  summary: "decision.fix.summary",
  examples: {
    en: ["decision 12 fix We meet on Thursdays at 19:30"],
    es: ["decisión 12 corregir Nos reunimos los jueves a las 19:30"],
  },
  level: Level.Member,
  params: { decision: param.int(), text: param.rest({ max: 1000 }) },
  run({ decision: number, text }, ctx) {
    const decision = mustGet(number, ctx);
    mayChange(decision, ctx);
    const read = readOrRefuse(text, ctx);
    ctx.slice.log.revise(decision, read.text, ctx.sender.userId, ctx.now);
    return { number, text: read.text };
  },
  render: ({ number, text }, view) =>
    doc(
      p(...view.t.t("decision.fixed", { n: number, text, history: view.hint("decision show", { decision: number }) })),
    ),
});

export const revoke = command({
  name: "decision revoke",
  es: "decisión # revocar",
  aliases: ["decision # revoke", "decision # revocar"],
  group: "decision",
  summary: "decision.revoke.summary",
  examples: {
    en: ["decision 12 revoke we moved the meeting to Wednesdays"],
    es: ["decisión 12 revocar pasamos la reunión a los miércoles"],
  },
  level: Level.Member,
  params: { decision: param.int(), reason: param.rest({ max: 300 }) },
  run({ decision: number, reason }, ctx) {
    const decision = mustGet(number, ctx);
    mayChange(decision, ctx);
    ctx.slice.log.revoke(decision, reason, ctx.sender.userId, ctx.now);
    return { number };
  },
  render: ({ number }, view) =>
    doc(p(...view.t.t("decision.revoked.done", { n: number, show: view.hint("decision show", { decision: number }) }))),
});
