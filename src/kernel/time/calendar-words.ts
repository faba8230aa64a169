import { isRealDate, type LocalDate } from "./local-time.js";

/**
 * Calendar dates as people write them in a chat: "4 Dec", "December 4", "4 de diciembre",
 * "12/04". A date typed without a year means its next occurrence (today included).
 */
export interface MonthDay {
  month: number;
  day: number;
  year?: number;
}

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  enero: 1,
  ene: 1,
  february: 2,
  feb: 2,
  febrero: 2,
  march: 3,
  mar: 3,
  marzo: 3,
  april: 4,
  apr: 4,
  abril: 4,
  abr: 4,
  may: 5,
  mayo: 5,
  june: 6,
  jun: 6,
  junio: 6,
  july: 7,
  jul: 7,
  julio: 7,
  august: 8,
  aug: 8,
  agosto: 8,
  ago: 8,
  september: 9,
  sep: 9,
  sept: 9,
  septiembre: 9,
  setiembre: 9,
  october: 10,
  oct: 10,
  octubre: 10,
  november: 11,
  nov: 11,
  noviembre: 11,
  december: 12,
  dec: 12,
  diciembre: 12,
  dic: 12,
};

const MONTH_WORD = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");
// A day number is not followed by a clock ("4 dec 17:00" is fine, "dec 17:00" is not a day).
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?(?![\d:.h]|am|pm)`;
const YEAR = String.raw`(?:\s+(?:de\s+)?(\d{4})\b)?`;
const DAY_FIRST = new RegExp(String.raw`\b${DAY}\s+(?:de\s+)?(${MONTH_WORD})\.?(?![a-z])${YEAR}`, "g");
const MONTH_FIRST = new RegExp(String.raw`\b(${MONTH_WORD})\.?\s+${DAY}${YEAR}`, "g");

function token(month: number, day: string, year: string | undefined): string {
  const pad = (n: number | string) => String(n).padStart(2, "0");
  return `md:${year ?? ""}-${pad(month)}-${pad(day)}`;
}

/** Rewrites "4 de diciembre" and "December 4" in normalised text as one `md:` token each. */
export function markMonthDays(text: string): string {
  return text
    .replace(DAY_FIRST, (_m, day: string, month: string, year?: string) => token(MONTHS[month] ?? 0, day, year))
    .replace(MONTH_FIRST, (_m, month: string, day: string, year?: string) => token(MONTHS[month] ?? 0, day, year));
}

/**
 * An `md:` token or a slash date ("12/04", "12/04/2027", "12/4/27"). Slash dates follow the room's
 * language: month first in English (12/04 is December 4), day first in Spanish (12 April). A slash
 * date only one order can read (25/12) is read that way.
 */
export function parseMonthDay(token: string, lang: string | undefined): MonthDay | "bad" | undefined {
  const marked = /^md:(\d{4})?-(\d{2})-(\d{2})$/.exec(token);
  const slashed = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/.exec(token);
  let parts: MonthDay;
  if (marked) {
    parts = { month: Number(marked[2]), day: Number(marked[3]), ...(marked[1] ? { year: Number(marked[1]) } : {}) };
  } else if (slashed) {
    const [a, b] = [Number(slashed[1]), Number(slashed[2])];
    const monthFirst = (lang ?? "en") === "en" ? a <= 12 || b > 12 : b > 12 && a <= 12;
    const year = slashed[3] === undefined ? undefined : Number(slashed[3]) + (slashed[3].length === 2 ? 2000 : 0);
    parts = { month: monthFirst ? a : b, day: monthFirst ? b : a, ...(year !== undefined ? { year } : {}) };
  } else {
    return undefined;
  }
  // 29 February is real in some year; a year given must have it.
  return isRealDate({ year: parts.year ?? 2000, month: parts.month, day: parts.day }) ? parts : "bad";
}

/** The date a typed month and day means: this year's unless already gone, then the next real one. */
export function resolveMonthDay(md: MonthDay, today: LocalDate): LocalDate {
  if (md.year !== undefined) return { year: md.year, month: md.month, day: md.day };
  for (let year = today.year; ; year++) {
    const date = { year, month: md.month, day: md.day };
    const ahead =
      year > today.year || date.month > today.month || (date.month === today.month && date.day >= today.day);
    if (isRealDate(date) && ahead) return date;
  }
}
