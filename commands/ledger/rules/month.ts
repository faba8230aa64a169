import { err, ok, type Result } from "../../../src/kernel/result.js";
import { foldWord } from "./kinds.js";
import type { YearMonth } from "./period.js";

/** The ledger cannot hold care given before this year (entries are dated by the bot's clock). */
export const EARLIEST_YEAR = 1970;

export type MonthReading = Result<
  YearMonth,
  /** Neither a month name nor year-month. */
  | "month-format"
  /** Year-month shaped, but no such month ("2026-13"). */
  | "month-out-of-range"
  /** A real month, before the ledger could have anything ("1900-01"). */
  | "month-too-early"
>;

/** Month names and short forms, English and Spanish, folded; index + 1 is the month. */
const NAMES: readonly (readonly string[])[] = [
  ["january", "jan", "enero", "ene"],
  ["february", "feb", "febrero"],
  ["march", "mar", "marzo"],
  ["april", "apr", "abril", "abr"],
  ["may", "mayo"],
  ["june", "jun", "junio"],
  ["july", "jul", "julio"],
  ["august", "aug", "agosto", "ago"],
  ["september", "sep", "sept", "septiembre", "setiembre", "set"],
  ["october", "oct", "octubre"],
  ["november", "nov", "noviembre"],
  ["december", "dec", "diciembre", "dic"],
];

/**
 * A month as members write it: "2026-02", "2026-2", "february", "febrero" (a name alone is the
 * latest such month up to `today`, so "december" read in January is last December).
 */
export function readMonth(input: string, today: YearMonth): MonthReading {
  const numeric = /^(\d{4})-(\d{1,2})$/.exec(input.trim());
  if (numeric) {
    const year = Number(numeric[1]);
    const month = Number(numeric[2]);
    if (month < 1 || month > 12) return err("month-out-of-range");
    if (year < EARLIEST_YEAR) return err("month-too-early");
    return ok({ year, month });
  }
  const folded = foldWord(input.trim().replace(/\.$/, ""));
  const index = NAMES.findIndex((names) => names.includes(folded));
  if (index < 0) return err("month-format");
  const month = index + 1;
  return ok({ year: month <= today.month ? today.year : today.year - 1, month });
}
