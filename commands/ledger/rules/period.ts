import { DateTime } from "luxon";
import { err, ok, type Result } from "../../../src/kernel/result.js";

/** A half-open interval [start, end) in epoch milliseconds. */
export interface Period {
  start: number;
  end: number;
}

export interface WeekPeriod extends Period {
  /** ISO week-numbering year and week, for a heading ("week 49 of 2026"). */
  weekYear: number;
  weekNumber: number;
}

export interface MonthPeriod extends Period {
  year: number;
  /** 1–12. */
  month: number;
}

export interface YearMonth {
  year: number;
  month: number;
}

export type YearMonthError =
  /** Not shaped YYYY-MM. */
  | { code: "month-format"; input: string }
  /** Shaped right, but no such month ("2026-13", "2026-00"). */
  | { code: "month-out-of-range"; input: string };

export type YearMonthResult = Result<YearMonth, YearMonthError>;

/*
 * Zones are validated where a room's time zone is set (luxon's IANA check), so an invalid one
 * here is a programming error and throws rather than returning a user-facing result.
 */
function inZone(epochMs: number, zone: string): DateTime {
  const local = DateTime.fromMillis(epochMs, { zone });
  if (!local.isValid) throw new RangeError(`invalid time zone for a ledger period: ${zone}`);
  return local;
}

/** The ISO week (Monday 00:00 local to the next Monday 00:00) that contains `now`. */
export function weekPeriod(now: number, zone: string): WeekPeriod {
  const start = inZone(now, zone).startOf("week", { useLocaleWeeks: false });
  return {
    start: start.toMillis(),
    end: start.plus({ weeks: 1 }).toMillis(),
    weekYear: start.weekYear,
    weekNumber: start.weekNumber,
  };
}

/** The month `which` (default: the month containing `now`), from its first day 00:00 local. */
export function monthPeriod(now: number, zone: string, which?: YearMonth): MonthPeriod {
  const current = inZone(now, zone);
  const start = which
    ? current.set({ year: which.year, month: which.month, day: 1 }).startOf("month")
    : current.startOf("month");
  return { start: start.toMillis(), end: start.plus({ months: 1 }).toMillis(), year: start.year, month: start.month };
}

/** Strict "YYYY-MM" (e.g. "2026-04"); no trimming, no other shapes. */
export function parseYearMonth(input: string): YearMonthResult {
  const match = /^(\d{4})-(\d{2})$/.exec(input);
  if (!match) return err({ code: "month-format", input });
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12 || year < 1970) return err({ code: "month-out-of-range", input });
  return ok({ year, month });
}
