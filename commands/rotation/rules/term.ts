import { NUMBER_WORDS as ALL_NUMBER_WORDS } from "../../../src/kernel/number-words.js";
/** Terms count weeks up to twelve in words ("every two weeks", "cada once semanas"). */
const NUMBER_WORDS = Object.fromEntries(Object.entries(ALL_NUMBER_WORDS).filter(([, n]) => n <= 12));

/**
 * Terms that have a name. Roles change hands at the weekly announcement, so "monthly" is four
 * weeks (the reply says so) rather than a calendar month.
 */
const NAMED_TERMS: Readonly<Record<string, number>> = {
  weekly: 1,
  "every week": 1,
  "cada semana": 1,
  semanal: 1,
  fortnightly: 2,
  biweekly: 2,
  quincenal: 2,
  monthly: 4,
  "every month": 4,
  mensual: 4,
  "cada mes": 4,
};

const EVERY_N_WEEKS = /^(?:every|each|cada)?\s*([a-z\d]+)\s*(?:weeks?|wks?|semanas?)$/;

/**
 * "every 2 weeks", "every two weeks", "cada dos semanas", "weekly", "monthly", "mensual" → weeks;
 * undefined when unreadable, and for fractions ("1.5 weeks"): terms are whole weeks.
 */
export function parseTerm(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === "") return 1;
  const normal = text.trim().toLocaleLowerCase().replace(/\s+/g, " ");
  const named = NAMED_TERMS[normal];
  if (named !== undefined) return named;
  const count = EVERY_N_WEEKS.exec(normal)?.[1];
  if (count === undefined) return undefined;
  return /^\d+$/.test(count) ? Number(count) : NUMBER_WORDS[count];
}
