import type { RenderContext } from "../../src/kernel/command.js";
import { p, type Block } from "../../src/kernel/doc.js";
import { formatWhen } from "../../src/kernel/time/format.js";
import type { CarePlan } from "./repository.js";
import type { CareAct } from "./rules/index.js";

/** What both replies and scheduled posts need to write about a plan. */
export type Words = Pick<RenderContext, "t" | "hint" | "settings" | "now">;

export const planRef = (number: number) => `careplan:${number}`;

/** The plan number of a ref made by `planRef`, or undefined for any other ref. */
export function planNumberOf(ref: string): number | undefined {
  const match = /^careplan:(\d+)$/.exec(ref);
  return match ? Number(match[1]) : undefined;
}

export function actLabel(act: CareAct, words: Pick<Words, "t">): string {
  return act.labelKey ? words.t.text(act.labelKey) : (act.label ?? act.id);
}

export function when(utcMs: number, words: Words): string {
  return formatWhen(utcMs, words.settings.timezone, words.t.lang, words.now);
}

/** Who carries the plan's care, and exactly what is still missing, with the command that fills it. */
export function carriedBy(plan: CarePlan, act: CareAct | undefined, words: Words): Block {
  const label = act ? actLabel(act, words) : undefined;
  const pick = words.hint("careplan care", { plan: plan.number, act: "…" });
  const join = words.hint("careplan join", { plan: plan.number });
  const { t } = words;
  if (!label && plan.volunteers.length === 0) return p(...t.t("careplan.missing_both", { pick, join }));
  if (!label) return p(...t.t("careplan.missing_act", { who: plan.volunteers, pick }));
  if (plan.volunteers.length === 0) return p(...t.t("careplan.act_no_volunteers", { act: label, join }));
  return p(...t.t("careplan.act_with_volunteers", { act: label, who: plan.volunteers }));
}

/** The plan in one line, then who carries it. */
export function planBlocks(plan: CarePlan, act: CareAct | undefined, words: Words): Block[] {
  return [
    p(
      ...words.t.t(`careplan.show.${plan.status}`, {
        n: plan.number,
        action: plan.action,
        from: when(plan.startsAt, words),
        to: when(plan.endsAt, words),
      }),
    ),
    carriedBy(plan, act, words),
  ];
}
