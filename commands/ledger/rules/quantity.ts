import { readsTwoWays } from "../../../src/kernel/amounts.js";
import { NUMBER_WORDS as ALL_NUMBER_WORDS } from "../../../src/kernel/number-words.js";
import { foldWord } from "./kinds.js";
import { TIME_UNIT, unitCategory, unitKey, type CurrencyUnit, type Quantity } from "./units.js";

/*
 * Finds the first meaningful quantity in what a giver typed. Numbers that are dates, clock
 * times, ordinals, percentages, years or bare (no unit) are passed over, and the next one tried.
 *
 * Number format: "1.5" and "2,5" are decimals (Spanish users write commas); a separator followed
 * by exactly three digits is a thousands separator ("1,000 meals", "1.000 comidas").
 */

// Articles ("un", "una", "uno") and the Spanish "once" (11, but "one time" in English) are no counts in free text.
const NOT_COUNTS = new Set(["un", "una", "uno", "once"]);
const NUMBER_WORDS = Object.fromEntries(Object.entries(ALL_NUMBER_WORDS).filter(([word]) => !NOT_COUNTS.has(word)));

/** Phrases that carry both the amount and (for time) the unit. */
const PHRASES: readonly { pattern: RegExp; amount: number; unit?: string }[] = [
  { pattern: /^(?:half an hour|media hora)/i, amount: 0.5, unit: TIME_UNIT },
  { pattern: /^(?:an hour|una hora)/i, amount: 1, unit: TIME_UNIT },
  { pattern: /^(?:a dozen|una docena)(?:\s+(?:of|de))?/i, amount: 12 },
];

const CANDIDATE = new RegExp(
  [
    String.raw`\d+(?:[.,:/-]\d+)*`,
    String.raw`(?<![\p{L}\p{N}])(?:half an hour|media hora|an hour|una hora|a dozen|una docena)(?![\p{L}])`,
    String.raw`(?<![\p{L}\p{N}])(?:${Object.keys(NUMBER_WORDS).join("|")})(?![\p{L}])`,
  ].join("|"),
  "giu",
);

const CURRENCY_SYMBOLS: Readonly<Record<string, CurrencyUnit>> = { "€": "EUR", $: "USD", "£": "GBP" };
// "pounds" is left out on purpose: "5 pounds of rice" is a weight.
const CURRENCY_AFTER = /^\s?(€|\$|£|eur(?:os?)?|usd|dollars?|d[oó]lar(?:es)?|gbp)(?![\p{L}])/iu;
const CURRENCY_CODE_BEFORE = /(?:^|[^\p{L}])(eur|usd|gbp)\s?$/iu;
const CURRENCY_SYMBOL_BEFORE = /([€$£])\s?[-−]?$/u;

const HOURS_AND_MINUTES = /^\s?h\s?(\d{1,2})\s?(?:m|min|mins|minutes|minutos)?(?![\p{L}\p{N}])/iu;
const HOURS = /^\s?(?:h|hs|hr|hrs|hour|hours|hora|horas)(?![\p{L}\p{N}])/iu;
// A bare "m" counts as minutes only written against the number ("45m"): "5 m" may be metres.
const MINUTES = /^(?:\s?(?:min|mins|minute|minutes|minuto|minutos)|m)(?![\p{L}\p{N}])/iu;

const MEASURES: readonly [RegExp, string][] = [
  [/^\s?(?:kg|kgs|kilos?|kilograms?|kilogramos?)(?![\p{L}\p{N}])/iu, "kg"],
  [/^\s?(?:g|grams?|gramos?)(?![\p{L}\p{N}])/iu, "g"],
  [/^\s?(?:l|litres?|liters?|litros?)(?![\p{L}\p{N}])/iu, "l"],
  [/^\s?(?:km|kms|kilometres?|kilometers?|kil[oó]metros?)(?![\p{L}\p{N}])/iu, "km"],
];

const NOT_A_QUANTITY_AFTER = /^(?:st|nd|rd|th|º|ª|°|\s?%|\s?(?:am|pm|a\.m\.|p\.m\.)(?![\p{L}]))/iu;
const UNIT_WORD = /^\s*([\p{L}][\p{L}\p{M}'’-]*)/u;

/** After these words a number is a clock time or a date, not an amount. */
const TIME_MARKERS = new Set(["at", "from", "until", "till", "on", "las", "la", "desde", "hasta", "el"]);
/** After these words a four-digit number is a year; "in 3 hours" stays an amount. */
const YEAR_MARKERS = new Set(["in", "since", "en", "year", "ano", "of", "de"]);

const MONTHS_AND_DAYS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "enero",
  "febrero",
  "marzo",
  "abril",
  "mayo",
  "junio",
  "julio",
  "agosto",
  "septiembre",
  "setiembre",
  "octubre",
  "noviembre",
  "diciembre",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "lunes",
  "martes",
  "miercoles",
  "jueves",
  "viernes",
  "sabado",
  "domingo",
];

/** Words that cannot be a unit: "40 of us", "3 de mayo", "4 and", "5 more". */
const NOT_A_UNIT = new Set([
  ...MONTHS_AND_DAYS,
  "a",
  "an",
  "the",
  "of",
  "to",
  "and",
  "or",
  "for",
  "with",
  "at",
  "in",
  "on",
  "by",
  "from",
  "per",
  "x",
  "am",
  "pm",
  "more",
  "less",
  "us",
  "them",
  "you",
  "we",
  "it",
  "is",
  "was",
  "were",
  "are",
  "de",
  "del",
  "la",
  "las",
  "el",
  "los",
  "lo",
  "y",
  "o",
  "u",
  "e",
  "en",
  "con",
  "por",
  "para",
  "al",
  "mas",
  "menos",
  "que",
  "nos",
  "les",
]);

function previousWord(text: string, index: number): string | undefined {
  const match = /([\p{L}]+)[^\p{L}\p{N}]*$/u.exec(text.slice(Math.max(0, index - 40), index));
  return match?.[1] ? foldWord(match[1]) : undefined;
}

/**
 * "40" → 40, "2,5" → 2.5, "1,000" → 1000, "1,234.56" and "1.234,56" → 1234.56;
 * undefined for "17:00", "2026-12-04", "1.2.3".
 */
function numericValue(run: string): number | undefined {
  if (/[:/-]/.test(run)) return undefined;
  const separators = run.match(/[.,]/g) ?? [];
  if (separators.length === 0) return Number(run);
  // Both separators: thousands groups of three, then the decimal mark (English or Spanish style).
  if (/^\d{1,3}(?:,\d{3})+\.\d+$/.test(run)) return Number(run.replace(/,/g, ""));
  if (/^\d{1,3}(?:\.\d{3})+,\d+$/.test(run)) return Number(run.replace(/\./g, "").replace(",", "."));
  const groups = run.split(/[.,]/);
  const thousands = groups.slice(1).every((g) => g.length === 3) && !/^0+$/.test(groups[0] ?? "");
  if (new Set(separators).size === 1 && thousands) return Number(groups.join(""));
  if (separators.length === 1) return Number(run.replace(",", "."));
  return undefined;
}

function isYear(value: number, run: string): boolean {
  return /^\d{4}$/.test(run) && value >= 1900 && value <= 2100;
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** The unit written right after an amount, or undefined when there is none worth counting. */
function unitAfter(rest: string, amount: number): { quantity: Quantity } | undefined {
  const currency = CURRENCY_AFTER.exec(rest);
  if (currency?.[1]) {
    const code = currencyCode(currency[1]);
    return { quantity: { amount: roundTo(amount, 2), unit: code } };
  }
  const hoursAndMinutes = HOURS_AND_MINUTES.exec(rest);
  if (hoursAndMinutes?.[1] !== undefined) {
    return { quantity: { amount: amount + Number(hoursAndMinutes[1]) / 60, unit: TIME_UNIT } };
  }
  if (HOURS.test(rest)) return { quantity: { amount, unit: TIME_UNIT } };
  if (MINUTES.test(rest)) return { quantity: { amount: amount / 60, unit: TIME_UNIT } };
  for (const [pattern, unit] of MEASURES) if (pattern.test(rest)) return { quantity: { amount, unit } };
  const word = UNIT_WORD.exec(rest)?.[1];
  if (!word) return undefined;
  const unit = word.replace(/['’-]+$/u, "").toLowerCase();
  if (unit.length < 2 || NOT_A_UNIT.has(foldWord(unit))) return undefined;
  return { quantity: { amount, unit } };
}

function currencyCode(written: string): CurrencyUnit {
  const symbol = CURRENCY_SYMBOLS[written];
  if (symbol) return symbol;
  const folded = foldWord(written);
  if (folded.startsWith("eur")) return "EUR";
  if (folded === "gbp") return "GBP";
  return "USD";
}

/**
 * The first meaningful quantity in `text`, with later ones of the same unit added to it ("worked
 * 3h and 2 hours" is 5 h, "3 hours 30 minutes" 3.5 h); amounts of other units are left as words.
 */
export function parseQuantity(text: string): Quantity | undefined {
  let first: Quantity | undefined;
  // "1h 30min" is one amount: its minutes are not read again as a second one.
  let readUntil = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    if (match.index < readUntil) continue;
    const found = quantityAt(text, match[0], match.index);
    if (!found) continue;
    const end = match.index + match[0].length;
    readUntil = end + (/^\d/.test(match[0]) ? (HOURS_AND_MINUTES.exec(text.slice(end))?.[0].length ?? 0) : 0);
    if (!first) first = found;
    else if (unitKey(found.unit) === unitKey(first.unit) && found.amount > 0)
      first = { ...first, amount: first.amount + found.amount };
  }
  return first && unitCategory(first.unit) === "money" ? { ...first, amount: roundTo(first.amount, 2) } : first;
}

/** Money written with a currency sign or word, before or after the number. */
const MONEY = /(?:[€$£]\s?(\d[\d.,]*\d))|(?:(?<![\d.,])(\d[\d.,]*\d)\s?(?:€|\$|£|eur(?:os?)?|usd|gbp)(?![\p{L}]))/giu;

/** An amount of money that reads two ways, as typed, with the thousands and the cents reading. */
export function ambiguousMoneyIn(text: string): { found: string; whole: string; cents: string } | undefined {
  for (const match of text.matchAll(MONEY)) {
    const digits = match[1] ?? match[2] ?? "";
    if (!readsTwoWays(digits)) continue;
    const found = match[0].trim();
    return {
      found,
      whole: found.replace(digits, digits.replace(/[.,]/, "")),
      cents: found.replace(digits, digits.slice(0, -1)),
    };
  }
  return undefined;
}

/** "1e6", "2.5E3": a number in scientific notation, which no member means as care given. */
const EXPONENT = /(?<![\p{L}\p{N}])\d+(?:[.,]\d+)?[eE][+-]?\d+(?![\p{L}\p{N}])/u;

/** The first number written in scientific notation, if any: it is refused rather than read in part. */
export const exponentIn = (text: string): string | undefined => EXPONENT.exec(text)?.[0];

/** A minus written against the number ("-5 meals", "€-5", "−5"), not a dash between words. */
const MINUS_BEFORE = /(?:^|[\s€$£(])[-−]$|[-−]\s?[€$£]$/u;

function quantityAt(text: string, candidate: string, index: number): Quantity | undefined {
  const before = text.slice(0, index);
  const rest = text.slice(index + candidate.length);
  if (/^\d/.test(candidate)) {
    if (/[\p{L}\p{N}#_.,]$/u.test(before) && !CURRENCY_CODE_BEFORE.test(before)) return undefined;
    const magnitude = numericValue(candidate);
    // Negative amounts are kept negative so the contribution can refuse them with a sentence.
    const value = magnitude !== undefined && MINUS_BEFORE.test(before) ? -magnitude : magnitude;
    if (value === undefined || NOT_A_QUANTITY_AFTER.test(rest)) return undefined;
    const symbol = CURRENCY_SYMBOL_BEFORE.exec(before)?.[1] ?? CURRENCY_CODE_BEFORE.exec(before)?.[1];
    if (symbol) return { amount: roundTo(value, 2), unit: currencyCode(symbol) };
    const previous = previousWord(before, before.length);
    if (previous && (TIME_MARKERS.has(previous) || MONTHS_AND_DAYS.includes(previous))) return undefined;
    if (isYear(value, candidate) && (YEAR_MARKERS.has(previous ?? "") || !/^\s*[\p{L}€$£]/u.test(rest))) {
      return undefined;
    }
    return unitAfter(rest, value)?.quantity;
  }
  const phrase = PHRASES.find((p) => p.pattern.test(text.slice(index)));
  if (phrase?.unit) return { amount: phrase.amount, unit: phrase.unit };
  if (phrase) {
    const afterPhrase = text.slice(index).replace(phrase.pattern, "");
    return unitAfter(afterPhrase, phrase.amount)?.quantity;
  }
  const value = NUMBER_WORDS[candidate.toLowerCase()];
  return value === undefined ? undefined : unitAfter(rest, value)?.quantity;
}
