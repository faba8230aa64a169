import type { RenderContext } from "../../src/kernel/command.js";
import { list, p, type Block, type Inline } from "../../src/kernel/doc.js";
import { formatDay } from "../../src/kernel/time/format.js";
import type { Decision, Revision } from "./repository.js";
import { reviewMoment } from "./rules/review.js";

export const day = (utcMs: number, view: RenderContext) => formatDay(utcMs, view.settings.timezone, view.t.lang);

/** A review day (YYYY-MM-DD in the room's zone) as the room reads it, with its year when not this one. */
export const reviewDay = (on: string, view: RenderContext) =>
  formatDay(reviewMoment(on, view.settings.timezone), view.settings.timezone, view.t.lang, view.now);

const tagText = (d: Decision) => d.tags.map((tag) => `#${tag}`).join(" ");

/** "#12 We meet on Thursdays (3 Dec) #meetings", marked when revoked. */
export function decisionLine(d: Decision, view: RenderContext): Inline[] {
  const key = d.revoked ? "decision.line.revoked" : "decision.line";
  const review =
    d.reviewOn !== null && !d.revoked
      ? [" ", ...view.t.t("decision.line.review", { day: reviewDay(d.reviewOn, view) })]
      : [];
  return [
    { kind: "strong", text: `#${d.number}` },
    " ",
    ...view.t.t(key, { text: d.text, day: day(d.recordedAt, view), tags: tagText(d) }),
    ...review,
  ];
}

/** One decision in full: its text, when and by whom, its plan, its revisions and revocation. */
export function decisionBlocks(d: Decision, revisions: Revision[], view: RenderContext): Block[] {
  const blocks: Block[] = [
    p(...view.t.t("decision.show", { n: d.number, text: d.text, day: day(d.recordedAt, view) })),
  ];
  const who = d.recordedBy ? view.personOf(d.recordedBy) : undefined;
  if (who) blocks.push(p(...view.t.t("decision.recorded_by", { who })));
  if (d.tags.length > 0) blocks.push(p(...view.t.t("decision.tags", { tags: tagText(d) })));
  if (d.plan !== null)
    blocks.push(p(...view.t.t("decision.plan", { plan: d.plan, show: view.hint("careplan show", { plan: d.plan }) })));
  if (revisions.length > 0) {
    blocks.push(p(...view.t.t("decision.history")));
    blocks.push(
      list(revisions.map((r) => view.t.t("decision.revision", { text: r.previousText, day: day(r.revisedAt, view) }))),
    );
  }
  if (d.reviewOn !== null && !d.revoked)
    blocks.push(
      p(
        ...view.t.t("decision.review.on", {
          day: reviewDay(d.reviewOn, view),
          change: view.hint("decision review", { decision: d.number, when: "…" }),
        }),
      ),
    );
  if (d.revoked)
    blocks.push(p(...view.t.t("decision.revoked", { day: day(d.revoked.at, view), reason: d.revoked.reason })));
  return blocks;
}
