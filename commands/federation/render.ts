import type { RenderContext } from "../../src/kernel/command.js";
import { list, p, type Block, type Inline } from "../../src/kernel/doc.js";
import { kindName, type CareKind } from "../ledger/index.js";
import type { SharedAggregate, Shown } from "./rules/aggregate.js";

const count = (n: Shown, view: RenderContext): string => (n === "few" ? view.t.text("fed.few") : String(n));

// Kinds that cross rooms were checked against the ledger's CARE_KINDS where they were read (protocol/messages.ts).

/** One cell's (or all cells') shared figures: a summary line, then care by kind and unit. */
export function aggregateBlocks(title: Inline[], shared: SharedAggregate, view: RenderContext): Block[] {
  const line = view.t.text("fed.line", {
    givers: count(shared.givers, view),
    plans: count(shared.plansCarried, view),
    decisions: count(shared.decisionsTaken, view),
  });
  const care: Inline[][] = shared.care.map((c) => {
    const kind = kindName(c.kind as CareKind, view);
    if (c.amount === undefined) return [view.t.text("fed.care_hidden", { kind })];
    const givers = count(c.givers, view);
    return [
      c.unit === null
        ? view.t.text("fed.care_acts", { kind, amount: c.amount, givers })
        : view.t.text("fed.care", { kind, amount: c.amount, unit: c.unit, givers }),
    ];
  });
  return [p(...title, " — ", line), care.length > 0 ? list(care) : p(view.t.text("fed.no_care"))];
}

/** A federate hint: `!federate K7PM-XQ4R-T2 as Riverside`, in the room's language. */
export function federateHint(code: string, view: RenderContext): string {
  return view.hint("federate", { link: `${code} ${view.t.text("fed.as")} ${view.t.text("fed.example_pseudonym")}` });
}

/**
 * The assembly opens with thanks, from the cells' shared totals: the largest kinds of care given,
 * never who gave them.
 */
export function gratitudeOpener(total: SharedAggregate, view: RenderContext): Block[] {
  const shown = total.care
    .filter((c) => c.amount !== undefined)
    .sort((a, b) => (b.givers === "few" ? 0 : b.givers) - (a.givers === "few" ? 0 : a.givers))
    .slice(0, 3);
  if (shown.length === 0) return [p(...view.t.t("fed.opener_quiet"))];
  const parts = shown.map((c) => {
    const kind = kindName(c.kind as CareKind, view);
    return c.unit === null
      ? view.t.text("fed.opener_acts", { kind, amount: c.amount ?? 0 })
      : view.t.text("fed.opener_amount", { kind, amount: c.amount ?? 0, unit: c.unit });
  });
  return [p(...view.t.t("fed.opener", { care: parts.join("; "), givers: count(total.givers, view) }))];
}
