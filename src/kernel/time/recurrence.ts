import { DateTime } from "luxon";
import { z } from "zod";
import { cronMatchesDay, parseCron, type CronError } from "./cron.js";
import { isValidZone, parseLocalDateTime, resolveLocal, toLocal, type LocalDate } from "./local-time.js";

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

/** A calendar day as a luxon value, held in UTC so that stepping by days never meets a clock change. */
type Day = DateTime;
type Clock = { hour: number; minute: number };

const dayOf = (date: LocalDate): Day => DateTime.utc(date.year, date.month, date.day);

/** A Monday, so rules without an anchor still pick the same weeks on every machine. */
const DEFAULT_ANCHOR: LocalDate = { year: 1970, month: 1, day: 5 };
/** Far enough to find "29 February on a Monday" style cron days; beyond it there is no next run. */
const CRON_SEARCH_DAYS = 366 * 29;
/** An nth weekday of a month comes back within five weeks. */
const MONTHLY_SEARCH_DAYS = 7 * 5 + 2;

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

function weekFires(day: Day, everyWeeks: number, anchor: Day): boolean {
  const weeks = Math.round(day.startOf("week").diff(anchor.startOf("week"), "days").days / 7);
  return ((weeks % everyWeeks) + everyWeeks) % everyWeeks === 0;
}

/** Whether a day is the `nth` of its weekday in its month (nth -1: the last one). */
function isNthOfMonth(day: Day, nth: number): boolean {
  return nth > 0 ? Math.ceil(day.day / 7) === nth : day.plus({ days: 7 }).month !== day.month;
}

/** The wall times at which a recurring rule fires on a day (none on most days), and how far to look. */
interface Firings {
  on(day: Day): readonly Clock[];
  searchDays: number;
}

function firingsOf(rule: Exclude<Rule, { kind: "once" }>): Firings {
  switch (rule.kind) {
    case "weekly": {
      const clock = parseClock(rule.time);
      if (!clock) throw new RangeError(`bad weekly time: ${rule.time}`);
      const everyWeeks = rule.everyWeeks ?? 1;
      const anchor = rule.anchor === undefined ? DEFAULT_ANCHOR : parseLocalDateTime(rule.anchor);
      if (!anchor) throw new RangeError(`bad weekly anchor: ${rule.anchor}`);
      const anchorDay = dayOf(anchor);
      return {
        on: (day) => (day.weekday === rule.weekday && weekFires(day, everyWeeks, anchorDay) ? [clock] : []),
        searchDays: 7 * everyWeeks + 2,
      };
    }
    case "monthly": {
      const clock = parseClock(rule.time);
      if (!clock) throw new RangeError(`bad monthly time: ${rule.time}`);
      return {
        on: (day) => (day.weekday === rule.weekday && isNthOfMonth(day, rule.nth) ? [clock] : []),
        searchDays: MONTHLY_SEARCH_DAYS,
      };
    }
    case "cron": {
      const parsed = parseCron(rule.expression);
      if (!parsed.ok) throw new RangeError(`bad cron expression: ${rule.expression}`);
      const spec = parsed.value;
      const clocks = [...spec.hours].flatMap((hour) => [...spec.minutes].map((minute) => ({ hour, minute })));
      return {
        on: (day) => (cronMatchesDay(spec, day.month, day.day, day.weekday % 7) ? clocks : []),
        searchDays: CRON_SEARCH_DAYS,
      };
    }
  }
}

/** The earliest of a day's wall times that happens after `after`, in `zone`. */
function earliestOn(day: Day, clocks: readonly Clock[], zone: string, after: number): number | null {
  let best: number | null = null;
  // Shifted spring-forward times can land after later wall times of the same day, so take the min.
  for (const clock of clocks) {
    const instant = resolveLocal(zone, { year: day.year, month: day.month, day: day.day, ...clock });
    if (instant > after && (best === null || instant < best)) best = instant;
  }
  return best;
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
  if (rule.kind === "once") {
    const instant = onceInstant(rule, zone);
    return instant > afterUtcMs ? instant : null;
  }
  const firings = firingsOf(rule);
  // Start a day early: the local date of `after` may lag the date on which the next run falls.
  let day = dayOf(toLocal(zone, afterUtcMs)).minus({ days: 1 });
  for (let i = 0; i <= firings.searchDays; i++) {
    const next = day.plus({ days: 1 });
    const found = earliestOn(day, firings.on(day), zone, afterUtcMs);
    if (found !== null) {
      // A run shifted by a spring-forward gap may fall after the next day's first run.
      const following = earliestOn(next, firings.on(next), zone, afterUtcMs);
      return following === null ? found : Math.min(found, following);
    }
    day = next;
  }
  return null;
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
