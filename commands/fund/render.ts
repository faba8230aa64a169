import type { TextKey } from "../../src/kernel/i18n/catalog.js";
import type { RenderContext } from "../../src/kernel/command.js";
import type { Inline } from "../../src/kernel/doc.js";
import { formatDay } from "../../src/kernel/time/format.js";
import type { Movement } from "./repository.js";
import { formatMoney, type Money } from "./rules/money.js";

export const money = (m: Money, view: Pick<RenderContext, "t">): string => formatMoney(m, view.t.lang);

export const day = (utcMs: number, view: RenderContext): string =>
  formatDay(utcMs, view.settings.timezone, view.t.lang, view.now);

/** "#4 in €50.00 from Ana: May dues (3 Dec)"; a granted request never names who asked. */
export function movementLine(m: Movement, view: RenderContext): Inline[] {
  const amount = money(m, view);
  const when = day(m.effectiveAt ?? m.proposedAt, view);
  const note = m.note ? `: ${m.note}` : "";
  const key: TextKey =
    m.status === "cancelled" || m.status === "expired" || m.status === "undone"
      ? `fund.line.${m.status}`
      : m.request !== null
        ? "fund.line.support"
        : m.status === "proposed"
          ? `fund.line.proposed${m.person ? ".person" : ""}`
          : `fund.line.${m.direction}${m.person ? ".person" : ""}`;
  return [
    { kind: "strong", text: `#${m.number}` },
    " ",
    ...view.t.t(key, {
      amount,
      who: m.person ? view.personOf(m.person) : "",
      note,
      day: when,
      request: m.request ?? 0,
    }),
  ];
}
