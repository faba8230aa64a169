import { DateTime } from "luxon";
import { distance } from "../suggest.js";
import { markMonthDays, parseMonthDay, resolveMonthDay, type MonthDay } from "./calendar-words.js";
import {
  addDays,
  isoWeekday,
  parseLocalDateTime,
  resolveLocal,
  toLocal,
  type LocalDate,
  type LocalDateTime,
} from "./local-time.js";
import type { Result } from "../result.js";

/**
 * Dates, times and durations as tired people type them, in English or Spanish (both are accepted
 * in every room: many members write in a second language). Results are data; error codes are
 * turned into sentences by the caller's message catalog.
 */
export type WhenError =
  | { code: "empty" }
  | { code: "unrecognised"; token: string }
  | { code: "conflict"; token: string }
  | { code: "bad-date"; text: string }
  | { code: "bad-time"; text: string }
  /** `wholeDay`: a day was typed without a time, and `utcMs` is that day's start. */
  | { code: "past"; utcMs: number; wholeDay?: boolean }
  /** More than MAX_YEARS_AHEAD away: surely a typo (9999-12-31), and beyond what calendars should plan. */
  | { code: "too-far"; utcMs: number };

/** How far ahead a plan, a burst or an absence may be set; anything further is refused as a typo. */
export const MAX_YEARS_AHEAD = 3;

/** Whether an instant is further ahead than anything the bot plans. */
export function isTooFar(utcMs: number, nowUtc: number): boolean {
  return (
    !Number.isFinite(utcMs) ||
    utcMs > DateTime.fromMillis(nowUtc, { zone: "utc" }).plus({ years: MAX_YEARS_AHEAD }).toMillis()
  );
}

export interface When {
  utcMs: number;
  local: LocalDateTime;
  /** False when no time of day was typed and the default time was used. */
  hadTime: boolean;
}

export interface WhenContext {
  zone: string;
  nowUtc: number;
  /** Used when only a day is given; 09:00 unless the caller says otherwise. */
  defaultTime?: { hour: number; minute: number };
  /** The room's language, for the order of slash dates: "12/04" is December 4 in "en", 12 April in "es". */
  lang?: string;
}

type DayPart =
  | { kind: "date"; date: LocalDate }
  | { kind: "relative"; days: number }
  | { kind: "weekday"; weekday: number }
  | { kind: "monthDay"; md: MonthDay };

interface Clock {
  hour: number;
  minute: number;
}

const WEEKDAYS: Record<string, number> = {
  monday: 1,
  mon: 1,
  lunes: 1,
  lun: 1,
  tuesday: 2,
  tue: 2,
  tues: 2,
  martes: 2,
  mar: 2,
  wednesday: 3,
  wed: 3,
  miercoles: 3,
  mie: 3,
  thursday: 4,
  thu: 4,
  thur: 4,
  thurs: 4,
  jueves: 4,
  jue: 4,
  friday: 5,
  fri: 5,
  viernes: 5,
  vie: 5,
  saturday: 6,
  sat: 6,
  sabado: 6,
  sab: 6,
  sunday: 7,
  sun: 7,
  domingo: 7,
  dom: 7,
};

const RELATIVE_DAYS: Record<string, number> = {
  today: 0,
  hoy: 0,
  tonight: 0,
  tomorrow: 1,
  tmrw: 1,
  manana: 1,
  "+2d": 2,
};

const NAMED_TIMES: Record<string, Clock> = {
  noon: { hour: 12, minute: 0 },
  mediodia: { hour: 12, minute: 0 },
  midnight: { hour: 0, minute: 0 },
  medianoche: { hour: 0, minute: 0 },
};

/** Words that carry no meaning for the date ("at", "el", "next friday" = "friday"). */
const FILLERS = new Set([
  "at",
  "on",
  "to",
  "the",
  "next",
  "this",
  "a",
  "al",
  "para",
  "las",
  "la",
  "el",
  "este",
  "esta",
  "proximo",
  "proxima",
  "de",
  "del",
  "en",
]);
/** Fillers after which a bare number is an hour ("a las 7", "at 7"). */
const HOUR_MARKERS = new Set(["at", "las", "la"]);

function normalise(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\bpasado manana\b|\bday after tomorrow\b/g, "+2d")
    .replace(/\bde la (tarde|noche)\b|\bin the (afternoon|evening)\b/g, "pm")
    .replace(/\bde la (manana|madrugada)\b|\bin the morning\b/g, "am")
    .replace(
      /\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\.?(?=\s|$)/g,
      (_m, h: string, mm: string | undefined, ap: string) => `${h}:${mm ?? "00"}${ap}m`,
    )
    .replace(/,/g, " ")
    .trim();
}

/** ISO weekday (1 = Monday) of an English or Spanish day name or abbreviation. */
export function parseWeekday(word: string): number | undefined {
  return WEEKDAYS[normalise(word)];
}

/** "09:00", "9am", "19h" → hour and minute. */
export function parseTimeOfDay(text: string): { hour: number; minute: number } | undefined {
  const clock = parseClockToken(normalise(text).replace(/\s+/g, ""), true);
  return clock === "bad" ? undefined : clock;
}

function parseClockToken(token: string, afterHourMarker: boolean): Clock | "bad" | undefined {
  const named = NAMED_TIMES[token];
  if (named) return named;
  const m = /^(\d{1,2})(?:[:.h](\d{2}))?(h|am|pm)?$/.exec(token);
  if (!m) return undefined;
  const hasMinutes = m[2] !== undefined;
  const suffix = m[3];
  if (!hasMinutes && suffix === undefined && !afterHourMarker) return undefined;
  let hour = Number(m[1]);
  const minute = hasMinutes ? Number(m[2]) : 0;
  if (minute > 59) return "bad";
  if (suffix === "am" || suffix === "pm") {
    if (hour < 1 || hour > 12) return "bad";
    hour = (hour % 12) + (suffix === "pm" ? 12 : 0);
  }
  if (hour > 23) return "bad";
  return { hour, minute };
}

function parseDayToken(token: string, lang: string | undefined): DayPart | "bad" | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(token)) {
    const date = parseLocalDateTime(token);
    return date ? { kind: "date", date } : "bad";
  }
  const md = parseMonthDay(token, lang);
  if (md === "bad") return "bad";
  if (md) return { kind: "monthDay", md };
  const weekday = WEEKDAYS[token];
  if (weekday !== undefined) return { kind: "weekday", weekday };
  const days = RELATIVE_DAYS[token];
  if (days !== undefined) return { kind: "relative", days };
  return undefined;
}

function tokens(text: string): string[] {
  // "2026-12-04T08:00" is one token in, two tokens out.
  return markMonthDays(normalise(text))
    .split(/\s+/)
    .flatMap((t) => {
      const m = /^(\d{4}-\d{2}-\d{2})t(\d{2}:\d{2})$/.exec(t);
      return m ? [m[1] ?? "", m[2] ?? ""] : [t];
    })
    .filter((t) => t.length > 0);
}

function pickDate(
  day: DayPart | undefined,
  clock: Clock | undefined,
  ctx: WhenContext,
): { date: LocalDate; clock: Clock } {
  const today: LocalDate = toLocal(ctx.zone, ctx.nowUtc);
  const time = clock ?? ctx.defaultTime ?? { hour: 9, minute: 0 };
  const at = (date: LocalDate) => resolveLocal(ctx.zone, { ...date, ...time });
  if (day === undefined) {
    // A bare time means its next occurrence: today if still ahead, otherwise tomorrow.
    return { date: at(today) > ctx.nowUtc ? today : addDays(today, 1), clock: time };
  }
  switch (day.kind) {
    case "date":
    case "monthDay":
      return { date: dateOf(day, today), clock: time };
    case "relative":
      return { date: addDays(today, day.days), clock: time };
    case "weekday": {
      // "friday 17:00" on a Friday morning means today; "friday" alone means the coming one.
      const first = clock === undefined ? 1 : 0;
      for (let i = first; i <= 7; i++) {
        const date = addDays(today, i);
        if (isoWeekday(date) === day.weekday && at(date) > ctx.nowUtc) return { date, clock: time };
      }
      return { date: addDays(today, 7), clock: time };
    }
  }
}

/** The calendar date of a typed date, resolved against today when no year was typed. */
function dateOf(day: Extract<DayPart, { kind: "date" | "monthDay" }>, today: LocalDate): LocalDate {
  return day.kind === "date"
    ? { year: day.date.year, month: day.date.month, day: day.date.day }
    : resolveMonthDay(day.md, today);
}

/** A weekday and a date typed together, in either order; undefined for any other pair of days. */
function weekdayBesideDate(
  first: DayPart,
  firstWord: string,
  second: DayPart,
  secondWord: string,
): { day: DayPart; weekday: { weekday: number; word: string } } | undefined {
  const [named, word, dated] = first.kind === "weekday" ? [first, firstWord, second] : [second, secondWord, first];
  if (named.kind !== "weekday" || (dated.kind !== "date" && dated.kind !== "monthDay")) return undefined;
  return { day: dated, weekday: { weekday: named.weekday, word } };
}

interface WhenParts {
  day?: DayPart;
  clock?: Clock;
  /** A weekday typed next to a date, as the bot writes them ("Saturday 4 Dec"): the two must agree. */
  weekday?: { weekday: number; word: string };
}

function parseParts(text: string, lang: string | undefined): Result<WhenParts, WhenError> {
  const words = tokens(text);
  if (words.length === 0) return { ok: false, error: { code: "empty" } };
  let day: DayPart | undefined;
  let clock: Clock | undefined;
  let weekday: WhenParts["weekday"];
  let previous = "";
  let previousDayWord = "";
  for (const word of words) {
    const afterMarker = HOUR_MARKERS.has(previous);
    previous = word;
    const dayPart = parseDayToken(word, lang);
    if (dayPart === "bad") return { ok: false, error: { code: "bad-date", text: word.replace(/^md:/, "") } };
    if (dayPart) {
      if (day) {
        // A weekday beside a date, as the bot writes them ("Friday 4 Dec"): keep the date, check the weekday later.
        const paired = weekday ? undefined : weekdayBesideDate(day, previousDayWord, dayPart, word);
        if (!paired) return { ok: false, error: { code: "conflict", token: word } };
        ({ day, weekday } = paired);
        continue;
      }
      day = dayPart;
      previousDayWord = word;
      continue;
    }
    const clockPart = parseClockToken(word, afterMarker);
    if (clockPart === "bad") return { ok: false, error: { code: "bad-time", text: word } };
    if (clockPart) {
      if (clock) return { ok: false, error: { code: "conflict", token: word } };
      clock = clockPart;
      continue;
    }
    if (FILLERS.has(word)) continue;
    return { ok: false, error: { code: "unrecognised", token: word } };
  }
  if (!day && !clock) return { ok: false, error: { code: "unrecognised", token: words[0] ?? "" } };
  return { ok: true, value: { ...(day ? { day } : {}), ...(clock ? { clock } : {}), ...(weekday ? { weekday } : {}) } };
}

/** "Friday 5 Dec" when 5 Dec is a Saturday: say so rather than pick one. */
function weekdayDisagrees(parts: WhenParts, date: LocalDate): WhenError | undefined {
  return parts.weekday && isoWeekday(date) !== parts.weekday.weekday
    ? { code: "conflict", token: parts.weekday.word }
    : undefined;
}

/** "in 2 hours", "en 2 horas", "dentro de 3 días": that long from now. */
function parseRelative(text: string, ctx: WhenContext): Result<When, WhenError> | undefined {
  const m = /^(?:in|en|dentro de)\s+(.+)$/.exec(normalise(text));
  const duration = m?.[1] === undefined ? undefined : parseDuration(m[1]);
  if (!duration) return undefined;
  if (!duration.ok)
    return duration.error.code === "too-long"
      ? { ok: false, error: { code: "too-far", utcMs: Number.POSITIVE_INFINITY } }
      : undefined;
  return ahead(addDuration(ctx.zone, ctx.nowUtc, duration.value), ctx, true);
}

/** An instant read from a member's words, if it is ahead and not absurdly far. */
function ahead(utcMs: number, ctx: WhenContext, hadTime: boolean): Result<When, WhenError> {
  if (utcMs <= ctx.nowUtc) return { ok: false, error: { code: "past", utcMs } };
  if (isTooFar(utcMs, ctx.nowUtc)) return { ok: false, error: { code: "too-far", utcMs } };
  return { ok: true, value: { utcMs, local: toLocal(ctx.zone, utcMs), hadTime } };
}

/**
 * "friday 17:00", "viernes 17:00", "2026-12-04 08:00", "tomorrow 7am", "mañana a las 7",
 * "today 18:30", "17:00" (its next occurrence), "monday" (the coming Monday, at the default time).
 * An instant that is not after now is an error ("past"), so nothing is planned in the past.
 */
export function parseWhen(text: string, ctx: WhenContext): Result<When, WhenError> {
  const relative = parseRelative(text, ctx);
  if (relative) return relative;
  const parts = parseParts(text, ctx.lang);
  if (!parts.ok) return parts;
  const picked = pickDate(parts.value.day, parts.value.clock, ctx);
  const disagrees = weekdayDisagrees(parts.value, picked.date);
  if (disagrees) return { ok: false, error: disagrees };
  return ahead(resolveLocal(ctx.zone, { ...picked.date, ...picked.clock }), ctx, parts.value.clock !== undefined);
}

export interface Until {
  /** The first instant that is no longer included. */
  utcMs: number;
  /** The last local day included, when a whole day was meant ("until 2026-12-20"). */
  lastDay?: LocalDate;
}

/**
 * "until 2026-12-20", "hasta el viernes", "until friday 18:00". A day without a time includes that
 * whole day, so someone away "until the 20th" is back on the 21st, and "until friday" typed on a
 * Friday means the end of today.
 */
export function parseUntil(text: string, ctx: WhenContext): Result<Until, WhenError> {
  const stripped = text.trim().replace(/^(until|till|til|hasta)(\s+|$)/i, "");
  // "until in 2 hours", "hasta dentro de 3 días": that instant, as "at" would read it.
  const relative = parseRelative(stripped, ctx);
  if (relative) return relative.ok ? { ok: true, value: { utcMs: relative.value.utcMs } } : relative;
  const parts = parseParts(stripped, ctx.lang);
  if (!parts.ok) return parts;
  const { day, clock } = parts.value;
  if (clock) {
    const when = parseWhen(stripped, ctx);
    return when.ok ? { ok: true, value: { utcMs: when.value.utcMs } } : when;
  }
  const today: LocalDate = toLocal(ctx.zone, ctx.nowUtc);
  let lastDay: LocalDate;
  if (day?.kind === "date" || day?.kind === "monthDay") lastDay = dateOf(day, today);
  else if (day?.kind === "relative") lastDay = addDays(today, day.days);
  else {
    const weekday = day?.kind === "weekday" ? day.weekday : isoWeekday(today);
    const offset = (weekday - isoWeekday(today) + 7) % 7;
    lastDay = addDays(today, offset);
  }
  const disagrees = weekdayDisagrees(parts.value, lastDay);
  if (disagrees) return { ok: false, error: disagrees };
  const utcMs = resolveLocal(ctx.zone, { ...addDays(lastDay, 1), hour: 0, minute: 0 });
  // Say which day is over, the one typed: not the midnight after it.
  if (utcMs <= ctx.nowUtc)
    return {
      ok: false,
      error: { code: "past", utcMs: resolveLocal(ctx.zone, { ...lastDay, hour: 0, minute: 0 }), wholeDay: true },
    };
  if (isTooFar(utcMs, ctx.nowUtc)) return { ok: false, error: { code: "too-far", utcMs } };
  return { ok: true, value: { utcMs, lastDay } };
}

/** A time read at the end of a text, and the words before it. */
export interface TimedText {
  before: string;
  when: When;
  /** The words read as the time, as typed. */
  typed: string;
}

export type TimedTextError = { error: WhenError; typed: string };

/** Words after which a time follows and which are not part of it ("walkout at friday 17:00", "el", "a las"). */
const LEADING_MARKER = /\s(at|on|el|a las)\s/gi;
/** Words that start a time and belong to it ("in 2 hours", "en 2 horas", "dentro de 3 días"). */
const RELATIVE_MARKER = /\s(?=(?:in|en|dentro de)\s)/gi;

/** Words a typo of which should not be quietly read as part of an action ("fridya 17:00"). */
const DAY_WORDS = [
  ...Object.keys(WEEKDAYS).filter((w) => w.length > 3),
  ...Object.keys(RELATIVE_DAYS).filter((w) => /^[a-z]{4,}$/.test(w)),
];

function nearDayWord(word: string): boolean {
  const folded = normalise(word);
  if (folded.length < 4 || DAY_WORDS.includes(folded)) return false;
  return DAY_WORDS.some((w) => Math.abs(w.length - folded.length) <= 1 && distance(folded, w) <= 1);
}

/** Whether an error means "this is a time, but not a good one" rather than "these are not time words". */
const isTimeLike = (error: WhenError) => error.code !== "unrecognised" && error.code !== "empty";

/**
 * A text that ends with a time, in any language's form: "walkout in 2 hours", "marcha en 2 horas",
 * "huelga viernes 17:00", "sit-in at the office at friday 9:00". A marker (at, on, el, a las, in,
 * en, dentro de) says where the time starts, each tried from the first; without one that reads, the
 * longest ending that reads as a time is taken. Undefined when no part of the text reads as a time;
 * an error when the time read is not a good one (past, too far, 31 February), or when the word
 * before it looks like a mistyped day ("walkout fridya 17:00" is not "walkout fridya" at 17:00).
 */
export function parseTrailingWhen(text: string, ctx: WhenContext): Result<TimedText, TimedTextError> | undefined {
  const whole = ` ${text.trim()} `;
  let firstError: TimedTextError | undefined;
  const splits = [
    ...[...whole.matchAll(LEADING_MARKER)].map((m) => ({ at: m.index ?? 0, from: (m.index ?? 0) + m[0].length })),
    ...[...whole.matchAll(RELATIVE_MARKER)].map((m) => ({ at: m.index ?? 0, from: (m.index ?? 0) + 1 })),
  ].sort((a, b) => a.at - b.at);
  for (const { at, from } of splits) {
    const before = whole.slice(0, at).trim();
    const typed = whole.slice(from).trim();
    if (!before || !typed) continue;
    const when = parseWhen(typed, ctx);
    if (when.ok) return { ok: true, value: { before, when: when.value, typed } };
    firstError ??= { error: when.error, typed };
  }
  // "at 9999-12-31 21:00" is a time, only a wrong one: say so rather than look further.
  if (firstError && isTimeLike(firstError.error)) return { ok: false, error: firstError };
  const words = [...whole.matchAll(/\S+/g)];
  for (let i = 1; i < words.length; i++) {
    const start = words[i]?.index ?? 0;
    const typed = whole.slice(start).trim();
    const when = parseWhen(typed, ctx);
    if (!when.ok && !isTimeLike(when.error)) continue;
    const previous = words[i - 1]?.[0] ?? "";
    if (nearDayWord(previous))
      return { ok: false, error: { error: { code: "unrecognised", token: previous }, typed: `${previous} ${typed}` } };
    if (!when.ok) return { ok: false, error: { error: when.error, typed } };
    return { ok: true, value: { before: whole.slice(0, start).trim(), when: when.value, typed } };
  }
  return firstError ? { ok: false, error: firstError } : undefined;
}

export interface Duration {
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
}

export type DurationError =
  | { code: "empty" }
  | { code: "unrecognised"; token: string }
  | { code: "zero" }
  | { code: "too-long" };

const DURATION_UNITS: Array<[RegExp, keyof Duration]> = [
  [/^(w|wk|wks|week|weeks|sem|semana|semanas)$/, "weeks"],
  [/^(d|day|days|dia|dias)$/, "days"],
  [/^(h|hr|hrs|hour|hours|hora|horas)$/, "hours"],
  [/^(m|min|mins|minute|minutes|minuto|minutos)$/, "minutes"],
];

/** "2h", "90m", "1h30", "1h 30m", "2 weeks", "3 días", "1.5 hours". */
export function parseDuration(text: string): Result<Duration, DurationError> {
  const compact = normalise(text).replace(/\s+(y|and)\s+/g, " ");
  if (compact.length === 0) return { ok: false, error: { code: "empty" } };
  const duration: Duration = { weeks: 0, days: 0, hours: 0, minutes: 0 };
  const pattern = /(\d+(?:[.,]\d+)?)\s*([a-z]*)\s*/gy;
  let lastUnit: keyof Duration | undefined;
  let consumed = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(compact)) !== null && m[0].length > 0) {
    consumed = pattern.lastIndex;
    const amount = Number((m[1] ?? "").replace(",", "."));
    const word = m[2] ?? "";
    // "1h30": a bare number right after hours means minutes.
    const unit =
      word === "" ? (lastUnit === "hours" ? "minutes" : undefined) : DURATION_UNITS.find(([re]) => re.test(word))?.[1];
    if (unit === undefined) return { ok: false, error: { code: "unrecognised", token: m[0].trim() } };
    duration[unit] += amount;
    lastUnit = unit;
  }
  if (consumed !== compact.length)
    return { ok: false, error: { code: "unrecognised", token: compact.slice(consumed) } };
  const minutes = durationMinutes(duration);
  if (minutes <= 0) return { ok: false, error: { code: "zero" } };
  // Nothing the bot plans lasts years; "for 9999 weeks" is a typo, and would break calendar maths.
  if (!Number.isFinite(minutes) || minutes > MAX_YEARS_AHEAD * 366 * 24 * 60)
    return { ok: false, error: { code: "too-long" } };
  return { ok: true, value: duration };
}

export function durationMinutes(d: Duration): number {
  return Math.round(((d.weeks * 7 + d.days) * 24 + d.hours) * 60 + d.minutes);
}

/** Adds a duration in a zone: days and weeks keep the wall-clock time across DST changes. */
export function addDuration(zone: string, utcMs: number, d: Duration): number {
  const wholeDays = d.weeks * 7 + d.days;
  const calendarDays = Math.trunc(wholeDays);
  const restMinutes = (wholeDays - calendarDays) * 24 * 60 + d.hours * 60 + d.minutes;
  return DateTime.fromMillis(utcMs, { zone })
    .plus({ days: calendarDays })
    .plus({ minutes: Math.round(restMinutes) })
    .toMillis();
}
