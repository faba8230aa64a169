import { DateTime } from "luxon";
import { commandsOf, type CommandContext, type RenderContext } from "../../src/kernel/command.js";
import { doc, list, p, type Inline } from "../../src/kernel/doc.js";
import { UserError } from "../../src/kernel/errors.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import type { PostHandler } from "../../src/kernel/scheduler/post.js";
import { day, reviewDay } from "./render.js";
import type { Decision } from "./repository.js";
import { reviewDay as readReviewDay, type ReviewWhen } from "./rules/review.js";
import type { DecisionSlice } from "./services.js";

const command = commandsOf<DecisionSlice>();
type Ctx = CommandContext<DecisionSlice>;

export const REVIEW_KIND = "decision.review";
/** The morning of the review day, in the room's zone: the room reads it over the day. */
const REVIEW_TIME = "10:00";
const reviewRef = (number: number) => `decision-review:${number}`;

/** A review day read from a member's words, or the sentence that says what to type instead. */
export function reviewOrRefuse(when: ReviewWhen, ctx: Ctx): string {
  if ("on" in when) return when.on;
  throw new UserError(`decision.review.error.${when.error}`, { example: ctx.t.text("decision.review.sample") });
}

/** Plans the reminder of a decision's review (one per decision: a new day replaces the old). */
export function scheduleReview(ctx: CommandContext<DecisionSlice, "jobs">, number: number, on: string | null): void {
  ctx.jobs.deleteByRef(reviewRef(number));
  if (on !== null)
    ctx.jobs.schedule({
      kind: REVIEW_KIND,
      rule: { kind: "once", at: `${on}T${REVIEW_TIME}` },
      ref: reviewRef(number),
      payload: { decision: number, on },
    });
}

export const review = command({
  name: "decision review",
  es: "decisión # revisar",
  aliases: ["decision # review", "decision # revisar", "decision # renew"],
  group: "decision",
  summary: "decision.review.summary",
  examples: {
    en: ["decision 12 review in 6 months", "decision 12 review 2027-09-01", "decision 12 review none"],
    es: ["decisión 12 revisar en 6 meses", "decisión 12 revisar 2027-09-01", "decisión 12 revisar ninguna"],
  },
  level: Level.Member,
  params: { decision: param.int(), when: param.rest({ max: 40 }) },
  uses: ["jobs"],
  run({ decision: number, when }, ctx) {
    const decision = ctx.slice.log.get(ctx.roomId, number);
    if (!decision) throw new UserError("decision.unknown", { n: number, list: ctx.hint("decisions") });
    if (decision.revoked) throw new UserError("decision.already_revoked", { n: number });
    const read = readReviewDay(when, ctx.now, ctx.settings.timezone);
    const on = "none" in read ? null : reviewOrRefuse(read, ctx);
    ctx.slice.log.setReview(decision, on);
    scheduleReview(ctx, number, on);
    return { number, on };
  },
  render: ({ number, on }, view) =>
    doc(
      p(
        ...(on === null
          ? view.t.t("decision.review.cleared", { n: number })
          : view.t.t("decision.review.set", { n: number, day: reviewDay(on, view), due: view.hint("decisions due") })),
      ),
    ),
});

function dueLine(d: Decision, today: string, view: RenderContext): Inline[] {
  const key = d.reviewOn! < today ? "decisions.due.line.past" : "decisions.due.line";
  return [
    { kind: "strong", text: `#${d.number}` },
    " ",
    ...view.t.t(key, { text: d.text, day: reviewDay(d.reviewOn!, view) }),
  ];
}

export const due = command({
  name: "decisions due",
  es: "decisiones revisar",
  aliases: ["decisions reviews", "decisiones pendientes"],
  group: "decision",
  summary: "decisions.due.summary",
  examples: { en: ["decisions due"], es: ["decisiones revisar"] },
  level: Level.Member,
  params: {},
  run: (_args, ctx) => ctx.slice.log.withReview(ctx.roomId),
  render(found, view) {
    if (found.length === 0)
      return doc(
        p(
          ...view.t.t("decisions.due.none", {
            example: view.hint("decision", { text: view.t.text("decision.review.example") }),
          }),
        ),
      );
    const today = DateTime.fromMillis(view.now, { zone: view.settings.timezone }).toISODate()!;
    return doc(p(...view.t.t("decisions.due.title")), list(found.map((d) => dueLine(d, today, view))));
  },
});

/**
 * On the review day: the decision and how to keep, change or revoke it. Nothing when it was revoked
 * or its review moved since (the moved one has its own reminder).
 */
export const reviewPost: PostHandler<DecisionSlice> = (ctx) => {
  const number = Number(ctx.job.payload.decision);
  const decision = ctx.slice.log.get(ctx.job.roomId, number);
  if (!decision || decision.revoked || decision.reviewOn !== ctx.job.payload.on) return null;
  return doc(
    p(...ctx.t.t("decision.review.due", { n: number, text: decision.text, day: day(decision.recordedAt, ctx) })),
    p(
      ...ctx.t.t("decision.review.how", {
        renew: ctx.hint("decision review", { decision: number, when: ctx.t.text("decision.review.sample") }),
        fix: ctx.hint("decision fix", { decision: number, text: "…" }),
        revoke: ctx.hint("decision revoke", { decision: number, reason: "…" }),
      }),
    ),
  );
};
