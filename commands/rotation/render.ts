import type { RenderContext } from "../../src/kernel/command.js";
import { doc, list, type Block, type Doc, type Inline } from "../../src/kernel/doc.js";
import { formatWhen } from "../../src/kernel/time/format.js";
import type { Handover, RolePlan } from "./rules/index.js";

/** What both replies and the weekly post need to write about roles. */
export type Words = Pick<RenderContext, "t" | "settings" | "personOf" | "hint" | "now">;

function planLine(plan: RolePlan, words: Words): Inline[] {
  const { t, personOf } = words;
  if (!plan.current) {
    return t.t(plan.order.length === 0 ? "rotation.line.empty" : "rotation.line.vacant", { role: plan.role });
  }
  // Someone who keeps the role for lack of others is not "next".
  const next = plan.upcoming.find((term) => term.holder !== plan.current?.holder);
  const until = formatWhen(plan.current.untilUtc, words.settings.timezone, t.lang, words.now);
  const holder = personOf(plan.current.holder);
  return next
    ? t.t("rotation.line.next", { role: plan.role, holder, until, next: personOf(next.holder) })
    : t.t("rotation.line", { role: plan.role, holder, until });
}

/** Each role: who holds it until when, and who is next. */
export function rolesBlock(plans: RolePlan[], words: Words): Block {
  return list(plans.map((plan) => planLine(plan, words)));
}

export function handoverLine(h: Handover, words: Words): Inline[] {
  const { t, personOf } = words;
  if (h.to === null && h.emptied)
    return t.t("rotation.handover.emptied", { role: h.role, join: words.hint("role join", { role: h.role }) });
  if (h.to === null) return t.t("rotation.handover.nobody", { role: h.role });
  if (h.from === null) return t.t("rotation.handover.start", { role: h.role, to: personOf(h.to) });
  if (h.reason === "shared")
    return t.t("rotation.handover.shared", { role: h.role, from: personOf(h.from), to: personOf(h.to) });
  if (h.from === h.to) return t.t("rotation.handover.again", { role: h.role, to: personOf(h.to) });
  return t.t("rotation.handover", { role: h.role, from: personOf(h.from), to: personOf(h.to) });
}

/** The handovers a change caused, as one list block (none when nothing changed hands). */
export function handoverBlocks(handovers: Handover[], words: Words): Block[] {
  return handovers.length > 0 ? [list(handovers.map((h) => handoverLine(h, words)))] : [];
}

/** A reply to a change: what was done, then whatever changed hands because of it. */
export function withHandovers(done: Block, handovers: Handover[], words: Words): Doc {
  return doc(done, ...handoverBlocks(handovers, words));
}
