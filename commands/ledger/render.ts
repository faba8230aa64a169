import { DateTime } from "luxon";
import type { RenderContext } from "../../src/kernel/command.js";
import { p, type Block, type Inline } from "../../src/kernel/doc.js";
import { UserError } from "../../src/kernel/errors.js";
import { joinPeople } from "../../src/kernel/i18n/template.js";
import { CARE_KINDS, unitCategory, type CareKind, type ContributionError, type Quantity } from "./rules/index.js";
import type { LedgerEntry } from "./repository.js";

export function quantityText(q: Quantity, view: RenderContext): string {
  const lang = view.settings.language;
  switch (unitCategory(q.unit)) {
    case "money":
      return new Intl.NumberFormat(lang, {
        style: "currency",
        currency: q.unit,
        minimumFractionDigits: Number.isInteger(q.amount) ? 0 : 2,
      }).format(q.amount);
    case "time":
      return view.t.text("unit.hours", { count: q.amount });
    default:
      return `${new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(q.amount)} ${q.unit}`;
  }
}

export function kindName(kind: CareKind, view: RenderContext): string {
  return view.t.text(`kind.${kind}`);
}

/** "3 Dec", with the year only when it is not this year's ("3 Dec 2025"). */
export function shortDate(epochMs: number, view: RenderContext): string {
  const zone = view.settings.timezone;
  const date = DateTime.fromMillis(epochMs, { zone }).setLocale(view.settings.language);
  const thisYear = date.year === DateTime.fromMillis(view.now, { zone }).year;
  return date.toLocaleString(
    thisYear ? { day: "numeric", month: "short" } : { day: "numeric", month: "short", year: "numeric" },
  );
}

/** "#12 Ana and Bo: cooked 40 meals (food, 3 Dec)" */
export function entryLine(entry: LedgerEntry, view: RenderContext): Inline[] {
  return [
    { kind: "strong", text: `#${entry.number}` },
    " ",
    ...joinPeople(entry.givers, view.settings.language),
    `: ${entry.what} (${kindName(entry.kind, view)}, ${shortDate(entry.recordedAt, view)})`,
  ];
}

/** "… and 40 more: `!ledger export`", closing a list that was cut short. */
export function moreLine(count: number, view: RenderContext): Block {
  return p(...view.t.t("ledger.more", { count, export: view.hint("ledger export") }));
}

/**
 * A thanks as a member would type it, for examples: the command through `hint`, then the words
 * as typed (a contribution is read verbatim, so its words must not be quoted).
 */
export function thanksExample(what: string, view: RenderContext): string {
  return `${view.hint("ledger thanks", { givers: "@ana" })} ${what}`;
}

export function contributionError(error: ContributionError, view: RenderContext): UserError {
  const kinds = CARE_KINDS.map((k) => kindTag(k, view)).join(" ");
  switch (error.code) {
    case "unknown-kind":
      return error.suggestions.length > 0
        ? new UserError("ledger.kind.unknown_suggest", {
            tag: `#${error.tag}`,
            suggestion: kindTag(error.suggestions[0]!, view),
            kinds,
          })
        : new UserError("ledger.kind.unknown", { tag: `#${error.tag}`, kinds });
    case "several-kinds":
      return new UserError("ledger.kind.several", { kinds: error.kinds.map((k) => kindTag(k, view)).join(", ") });
    case "empty":
      return new UserError("error.arg.missing", { arg: "what" }, true);
    case "negative-amount":
      return new UserError("ledger.amount.negative", {
        amount: quantityText({ ...error.quantity, amount: -error.quantity.amount }, view),
      });
    case "amount-too-large":
      return new UserError("ledger.amount.too_large", {
        max: new Intl.NumberFormat(view.settings.language).format(error.max),
      });
    case "exponent":
      return new UserError("ledger.amount.exponent", { found: error.found });
    case "ambiguous-amount":
      return new UserError("ledger.amount.ambiguous", { found: error.found, whole: error.whole, cents: error.cents });
  }
}

/** The `#tag` members type for a kind, in the room's language ("#food", "#comida"). */
export function kindTag(kind: CareKind, view: RenderContext): string {
  return `#${view.t.text(`kindtag.${kind}`)}`;
}
