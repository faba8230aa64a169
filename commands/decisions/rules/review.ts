import { DateTime, type DurationLikeObject } from "luxon";

/** A review is at least tomorrow and at most this many years ahead: a cell outlives few longer plans. */
const MAX_YEARS = 5;

const UNITS: Record<string, keyof DurationLikeObject> = {
  day: "days",
  days: "days",
  día: "days",
  dia: "days",
  días: "days",
  dias: "days",
  week: "weeks",
  weeks: "weeks",
  semana: "weeks",
  semanas: "weeks",
  month: "months",
  months: "months",
  mes: "months",
  meses: "months",
  year: "years",
  years: "years",
  año: "years",
  ano: "years",
  años: "years",
  anos: "years",
};

const REVIEW = "(?:review|revisar|revisión|revision)";
/** "review in 3 months", "revisar en 2 semanas", at the very end of the text. */
const IN = new RegExp(`(?:^|\\s)${REVIEW}\\s+(?:in|en)\\s+(\\d{1,3})\\s+(\\p{L}+)\\s*$`, "iu");
/** "review 2027-03-01", "review on 2027-03-01", "revisar el 2027-03-01". */
const ON = new RegExp(`(?:^|\\s)${REVIEW}\\s+(?:(?:on|el)\\s+)?(\\d{4}-\\d{2}-\\d{2})\\s*$`, "iu");
/** "review none": a review date taken away. */
const NONE = /^(?:none|no|off|ninguna|ninguno|nada)$/iu;

export type ReviewError = "bad" | "past" | "far";
export type ReviewWhen = { on: string } | { error: ReviewError };

/** What follows `review`: "in 3 months", "2027-03-01"; the day it falls on in the room's zone, or why not. */
export function reviewDay(words: string, now: number, zone: string): ReviewWhen | { none: true } {
  const text = words.trim();
  if (NONE.test(text)) return { none: true };
  const found = IN.exec(`review ${text}`) ?? ON.exec(`review ${text}`);
  return found ? dayOf(found, now, zone) : { error: "bad" };
}

/**
 * Takes a trailing review ("… review in 3 months", "… review 2027-03-01") off a decision's text.
 * Text that merely ends with the word ("we review the rota") stays as written.
 */
export function takeReview(raw: string, now: number, zone: string): { text: string; review?: ReviewWhen } {
  const found = IN.exec(raw) ?? ON.exec(raw);
  if (!found) return { text: raw };
  return { text: raw.slice(0, found.index), review: dayOf(found, now, zone) };
}

function dayOf(found: RegExpExecArray, now: number, zone: string): ReviewWhen {
  const today = DateTime.fromMillis(now, { zone }).startOf("day");
  let day: DateTime;
  if (found[2] !== undefined) {
    const unit = UNITS[found[2].toLocaleLowerCase()];
    if (!unit) return { error: "bad" };
    day = today.plus({ [unit]: Number(found[1]) });
  } else {
    day = DateTime.fromISO(found[1]!, { zone });
    if (!day.isValid) return { error: "bad" };
  }
  if (day <= today) return { error: "past" };
  if (day > today.plus({ years: MAX_YEARS })) return { error: "far" };
  return { on: day.toISODate()! };
}

/** Noon of a review day in the room's zone: a moment to format it by (never near a day's edge). */
export const reviewMoment = (on: string, zone: string): number => DateTime.fromISO(`${on}T12:00`, { zone }).toMillis();
