import { z } from "zod";
import { cronMatchesDay, parseCron, type CronError, type CronSpec } from "./cron.js";
import {
  addDays,
  daysBetween,
  isoWeekday,
  isValidZone,
  parseLocalDateTime,
  resolveLocal,
  toLocal,
  type LocalDate,
} from "./local-time.js";

/**
 * When a scheduled post happens, in the wall-clock time of the room's zone. Stored as JSON in
 * the jobs table, so every field is plain data.
 */
export const RuleSchema = z.discriminatedUnion("kind", [
  /**
   * A one-off post at an instant (epoch milliseconds): the caller knows the instant, so the rule
   * keeps it. Jobs planned before December 2026 hold a local wall time ("2026-12-04T08:00") instead.
   */
  z.object({ kind: z.literal("once"), at: z.union([z.number().int(), z.string()]) }),
  z.object({
    kind: z.literal("weekly"),
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    weekday: z.number().int().min(1).max(7),
    time: z.string(),
    everyWeeks: z.number().int().min(1).max(52).optional(),
    /** A date in the first week of the cycle; decides which weeks fire when everyWeeks > 1. */
    anchor: z.string().optional(),
  }),
  z.object({ kind: z.literal("cron"), expression: z.string() }),
  z.object({
    kind: z.literal("monthly"),
    /** Which of the month's `weekday`s: 1 = first … 4 = fourth, -1 = last. */
    nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]),
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    weekday: z.number().int().min(1).max(7),
    time: z.string(),
  }),
]);
export type Rule = z.infer<typeof RuleSchema>;

export type RuleError =
  | { code: "bad-local-date-time"; text: string }
  | { code: "bad-time"; text: string }
  | { code: "bad-anchor"; text: string }
  | { code: "unknown-zone"; zone: string }
  | CronError;

/** A Monday, so rules without an anchor still pick the same weeks on every machine. */
const DEFAULT_ANCHOR: LocalDate = { year: 1970, month: 1, day: 5 };
/** Far enough to find "29 February on a Monday" style cron days; beyond it there is no next run. */
const CRON_SEARCH_DAYS = 366 * 29;

export function parseClock(text: string): { hour: number; minute: number } | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  return hour <= 23 && minute <= 59 ? { hour, minute } : undefined;
}

export function validateRule(rule: Rule, zone: string): RuleError | undefined {
  if (!isValidZone(zone)) return { code: "unknown-zone", zone };
  switch (rule.kind) {
    case "once": {
      if (typeof rule.at === "number") return undefined;
      const hasTime = /[T ]\d{2}:\d{2}$/.test(rule.at);
      return hasTime && parseLocalDateTime(rule.at) ? undefined : { code: "bad-local-date-time", text: rule.at };
    }
    case "weekly":
      if (!parseClock(rule.time)) return { code: "bad-time", text: rule.time };
      if (rule.anchor !== undefined && !parseLocalDateTime(rule.anchor))
        return { code: "bad-anchor", text: rule.anchor };
      return undefined;
    case "cron": {
      const parsed = parseCron(rule.expression);
      return parsed.ok ? undefined : parsed.error;
    }
    case "monthly":
      return parseClock(rule.time) ? undefined : { code: "bad-time", text: rule.time };
  }
}

function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoWeekday(date));
}

function weekFires(date: LocalDate, everyWeeks: number, anchor: LocalDate): boolean {
  const weeks = Math.round(daysBetween(mondayOf(anchor), mondayOf(date)) / 7);
  return ((weeks % everyWeeks) + everyWeeks) % everyWeeks === 0;
}

function nextWeekly(rule: Extract<Rule, { kind: "weekly" }>, zone: string, after: number): number | null {
  const clock = parseClock(rule.time);
  if (!clock) throw new RangeError(`bad weekly time: ${rule.time}`);
  const everyWeeks = rule.everyWeeks ?? 1;
  const anchor = rule.anchor === undefined ? DEFAULT_ANCHOR : parseLocalDateTime(rule.anchor);
  if (!anchor) throw new RangeError(`bad weekly anchor: ${rule.anchor}`);
  // Start a day early: the local date of `after` may lag the date on which the next run falls.
  const start = addDays(toLocal(zone, after), -1);
  for (let i = 0; i <= 7 * everyWeeks + 2; i++) {
    const date = addDays(start, i);
    if (isoWeekday(date) !== rule.weekday || !weekFires(date, everyWeeks, anchor)) continue;
    const instant = resolveLocal(zone, { ...date, ...clock });
    if (instant > after) return instant;
  }
  return null;
}

/** The `nth` `weekday` of a month (nth -1: the last one); every month has four of each weekday. */
export function nthWeekdayOf(year: number, month: number, weekday: number, nth: number): LocalDate {
  if (nth > 0) {
    const first: LocalDate = { year, month, day: 1 };
    return addDays(first, ((weekday - isoWeekday(first) + 7) % 7) + 7 * (nth - 1));
  }
  const last = addDays({ year: month === 12 ? year + 1 : year, month: month === 12 ? 1 : month + 1, day: 1 }, -1);
  return addDays(last, -((isoWeekday(last) - weekday + 7) % 7));
}

function nextMonthly(rule: Extract<Rule, { kind: "monthly" }>, zone: string, after: number): number | null {
  const clock = parseClock(rule.time);
  if (!clock) throw new RangeError(`bad monthly time: ${rule.time}`);
  const start = toLocal(zone, after);
  // This month's day may have passed; next month's never has.
  for (let i = 0; i <= 2; i++) {
    const index = start.year * 12 + start.month - 1 + i;
    const date = nthWeekdayOf(Math.floor(index / 12), (index % 12) + 1, rule.weekday, rule.nth);
    const instant = resolveLocal(zone, { ...date, ...clock });
    if (instant > after) return instant;
  }
  return null;
}

function earliestOnDay(spec: CronSpec, zone: string, date: LocalDate, after: number): number | null {
  if (!cronMatchesDay(spec, date.month, date.day, isoWeekday(date) % 7)) return null;
  let best: number | null = null;
  // Shifted spring-forward times can land after later wall times of the same day, so take the min.
  for (const hour of spec.hours) {
    for (const minute of spec.minutes) {
      const instant = resolveLocal(zone, { ...date, hour, minute });
      if (instant > after && (best === null || instant < best)) best = instant;
    }
  }
  return best;
}

function nextCron(rule: Extract<Rule, { kind: "cron" }>, zone: string, after: number): number | null {
  const parsed = parseCron(rule.expression);
  if (!parsed.ok) throw new RangeError(`bad cron expression: ${rule.expression}`);
  const start = addDays(toLocal(zone, after), -1);
  for (let i = 0; i <= CRON_SEARCH_DAYS; i++) {
    const found = earliestOnDay(parsed.value, zone, addDays(start, i), after);
    if (found === null) continue;
    const following = earliestOnDay(parsed.value, zone, addDays(start, i + 1), after);
    return following === null ? found : Math.min(found, following);
  }
  return null;
}

/** The instant of a one-off rule; one planned before December 2026 is read in `zone`. */
export function onceInstant(rule: Extract<Rule, { kind: "once" }>, zone: string): number {
  if (typeof rule.at === "number") return rule.at;
  const at = parseLocalDateTime(rule.at);
  if (!at) throw new RangeError(`bad one-off time: ${rule.at}`);
  return resolveLocal(zone, at);
}

/**
 * The first instant strictly after `afterUtcMs` at which the rule fires in `zone`, or null when it
 * never fires again. Each local day contributes each wall time once, so DST days fire once.
 */
export function nextOccurrence(rule: Rule, zone: string, afterUtcMs: number): number | null {
  switch (rule.kind) {
    case "once": {
      const instant = onceInstant(rule, zone);
      return instant > afterUtcMs ? instant : null;
    }
    case "weekly":
      return nextWeekly(rule, zone, afterUtcMs);
    case "cron":
      return nextCron(rule, zone, afterUtcMs);
    case "monthly":
      return nextMonthly(rule, zone, afterUtcMs);
  }
}

/** The occurrences in (fromUtcMs, toUtcMs], at most `limit` of them, in order. */
export function occurrencesBetween(
  rule: Rule,
  zone: string,
  fromUtcMs: number,
  toUtcMs: number,
  limit = 1000,
): number[] {
  const found: number[] = [];
  let cursor = fromUtcMs;
  while (found.length < limit) {
    const next = nextOccurrence(rule, zone, cursor);
    if (next === null || next > toUtcMs) break;
    found.push(next);
    cursor = next;
  }
  return found;
}
