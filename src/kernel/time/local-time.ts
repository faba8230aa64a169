import { IANAZone } from "luxon";

/** A wall-clock date and time in some zone, without the zone. Months and days start at 1. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

function zoneOf(zone: string): IANAZone {
  if (!IANAZone.isValidZone(zone)) throw new RangeError(`unknown time zone: ${zone}`);
  return IANAZone.create(zone);
}

/**
 * The instant at which a wall-clock time happens in a zone, decided here rather than by luxon
 * because luxon's choice for ambiguous times depends on the current date.
 * - A time that exists twice (fall back) resolves to the first of the two instants.
 * - A time that does not exist (spring forward) resolves to the instant the clocks show it
 *   shifted by the gap (02:30 on a one-hour gap fires at 03:30), so it still happens once.
 */
export function resolveLocal(zone: string, local: LocalDateTime): number {
  const tz = zoneOf(zone);
  const wallAsUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const offsetBefore = tz.offset(wallAsUtc - DAY_MS);
  const offsetAfter = tz.offset(wallAsUtc + DAY_MS);
  const valid = [offsetBefore, offsetAfter]
    .map((offset) => wallAsUtc - offset * MINUTE_MS)
    .filter((instant) => wallAsUtc - tz.offset(instant) * MINUTE_MS === instant);
  if (valid.length > 0) return Math.min(...valid);
  return wallAsUtc - offsetBefore * MINUTE_MS;
}

/** The wall-clock reading of an instant in a zone. */
export function toLocal(zone: string, utcMs: number): LocalDateTime {
  const tz = zoneOf(zone);
  const shifted = new Date(utcMs + tz.offset(utcMs) * MINUTE_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

/** Calendar arithmetic on dates alone, free of zones. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const js = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return js === 0 ? 7 : js;
}

export function isRealDate(date: LocalDate): boolean {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day));
  return d.getUTCFullYear() === date.year && d.getUTCMonth() + 1 === date.month && d.getUTCDate() === date.day;
}

export function formatLocalDate(date: LocalDate): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${String(date.year).padStart(4, "0")}-${pad(date.month)}-${pad(date.day)}`;
}

/** Parses "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" (also with a space); undefined when malformed or unreal. */
export function parseLocalDateTime(text: string): LocalDateTime | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const local = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: m[4] === undefined ? 0 : Number(m[4]),
    minute: m[5] === undefined ? 0 : Number(m[5]),
  };
  if (!isRealDate(local) || local.hour > 23 || local.minute > 59) return undefined;
  return local;
}
