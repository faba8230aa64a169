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
export { toCsv, CSV_COLUMNS } from "./csv.js";
export { isOverRate, rateRetryAfterMs, RATE_WINDOW_MS } from "./rate.js";
