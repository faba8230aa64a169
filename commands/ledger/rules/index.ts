/**
 * The care ledger's pure rules: reading a contribution ("cooked 40 meals #food"), digests to read
 * aloud, week/month periods and the CSV export. No I/O, no clock (time is passed in), no
 * sentences: results and errors are data the command layer renders through i18n.
 *
 * Decisions worth knowing when wiring commands:
 * - Time is always in hours (unit "h"): "90 min" is 1.5 h. Money uses ISO codes (EUR, USD, GBP).
 * - Counted units keep the giver's word ("meal", "meals"); `unitKey` makes them meet in totals.
 * - A bare number ("cooked 40") has no quantity: nothing to add it to.
 * - Digests never rank: givers in order of first contribution, kinds in CARE_KINDS order.
 * - Undone entries and superseded versions of corrected ones are filtered by the caller.
 */
export { CARE_KINDS, isCareKind, kindFromTag, suggestKinds, type CareKind } from "./kinds.js";
export { inferKind } from "./infer-kind.js";
export {
  TIME_UNIT,
  CURRENCY_UNITS,
  unitCategory,
  unitKey,
  pluralUnit,
  type Quantity,
  type CurrencyUnit,
  type UnitCategory,
} from "./units.js";
export { parseQuantity } from "./quantity.js";
export {
  parseContribution,
  MAX_AMOUNT,
  type Contribution,
  type ContributionError,
  type ContributionResult,
} from "./contribution.js";
export { personKey, type LedgerEntryView, type LedgerExportEntry, type LedgerEntryStatus } from "./entry.js";
export {
  buildDigest,
  type Digest,
  type DigestKind,
  type DigestGiver,
  type DigestContribution,
} from "./digest.js";
export {
  weekPeriod,
  monthPeriod,
  parseYearMonth,
  type Period,
  type WeekPeriod,
  type MonthPeriod,
  type YearMonth,
  type YearMonthError,
  type YearMonthResult,
} from "./period.js";
export { readMonth, EARLIEST_YEAR, type MonthReading } from "./month.js";
export { toCsv, CSV_COLUMNS } from "./csv.js";
