import { DateTime } from "luxon";
import type { CommandContext } from "../../src/core/command.js";
import type { Inline } from "../../src/core/doc.js";
import { UserError } from "../../src/core/errors.js";
import { CARE_KINDS, unitCategory, type ContributionError, type Quantity } from "../../src/domain/ledger/index.js";
import type { LedgerEntry } from "../../src/store/ledger.js";
import { joinPeople } from "../../src/i18n/template.js";

export function quantityText(q: Quantity, ctx: CommandContext): string {
  const lang = ctx.settings.language;
  switch (unitCategory(q.unit)) {
    case "money":
      return new Intl.NumberFormat(lang, { style: "currency", currency: q.unit, minimumFractionDigits: Number.isInteger(q.amount) ? 0 : 2 }).format(q.amount);
    case "time":
      return ctx.t.text("unit.hours", { count: q.amount });
    default:
      return `${new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(q.amount)} ${q.unit}`;
  }
}

export function kindName(kind: string, ctx: CommandContext): string {
  return ctx.t.text(`kind.${kind}`);
}

/** "3 Dec", with the year only when it is not this year's ("3 Dec 2025"). */
export function shortDate(epochMs: number, ctx: CommandContext): string {
  const zone = ctx.settings.timezone;
  const date = DateTime.fromMillis(epochMs, { zone }).setLocale(ctx.settings.language);
  const thisYear = date.year === DateTime.fromMillis(ctx.now, { zone }).year;
  return date.toLocaleString(thisYear ? { day: "numeric", month: "short" } : { day: "numeric", month: "short", year: "numeric" });
}

/** "#12 Ana and Bo: cooked 40 meals (food, 3 Dec)" */
export function entryLine(entry: LedgerEntry, ctx: CommandContext): Inline[] {
  return [
    { kind: "strong", text: `#${entry.number}` },
    " ",
    ...joinPeople(entry.givers, ctx.settings.language),
    `: ${entry.what} (${kindName(entry.kind, ctx)}, ${shortDate(entry.recordedAt, ctx)})`,
  ];
}

export function contributionError(error: ContributionError, ctx: CommandContext): UserError {
  const kinds = CARE_KINDS.map((k) => kindTag(k, ctx)).join(" ");
  switch (error.code) {
    case "unknown-kind":
      return error.suggestions.length > 0
        ? new UserError("ledger.kind.unknown_suggest", { tag: `#${error.tag}`, suggestion: kindTag(error.suggestions[0]!, ctx), kinds })
        : new UserError("ledger.kind.unknown", { tag: `#${error.tag}`, kinds });
    case "several-kinds":
      return new UserError("ledger.kind.several", { kinds: error.kinds.map((k) => kindTag(k, ctx)).join(", ") });
    case "empty":
      return new UserError("error.arg.missing", { arg: "what" }, true);
  }
}

/** The `#tag` members type for a kind, in the room's language ("#food", "#comida"). */
export function kindTag(kind: string, ctx: CommandContext): string {
  return `#${ctx.t.text(`kindtag.${kind}`)}`;
}
