import { readsTwoWays } from "../../../src/kernel/amounts.js";
import { err, ok, type Result } from "../../../src/kernel/result.js";

/*
 * Money as members write it, read exactly: integer minor units per currency, never floating point.
 * "€1.234,56", "1,234.56 €", "$20", "20 USD", "20 euros" all read. When both "." and "," appear,
 * the last one is the decimal mark; when one appears, it is a decimal mark unless exactly three
 * digits follow it ("1.000 €" is a thousand, "2,5 €" is two and a half); one that reads two ways
 * ("€50.999", see `readsTwoWays`) is asked back.
 */

export interface Money {
  currency: string;
  /** Integer minor units (cents): 1234.56 € is 123456. */
  minor: number;
}

export type MoneyError =
  | "missing"
  | "no-currency"
  | "negative"
  | "zero"
  | "too-many-decimals"
  | "too-large"
  | "unknown-currency"
  | "not-a-number"
  | "ambiguous";

/** The two ways an ambiguous amount reads, written as the member would type each. */
export interface AmbiguousAmount {
  typed: string;
  thousands: Money;
  /** The thousands reading without its mark ("€50999"). */
  whole: string;
  /** The cents reading, one digit less ("€50.99"). */
  cents: string;
}

/** An amount and the words after it; an ambiguous amount also says both ways it reads. */
export type MoneyRead = Result<{ money: Money; rest: string }, MoneyError> & { ambiguous?: AmbiguousAmount };

/** Minor digits of the currencies a cell may hold; a currency missing here is refused, not guessed. */
const MINOR_DIGITS: Readonly<Record<string, number>> = {
  EUR: 2,
  USD: 2,
  GBP: 2,
  CHF: 2,
  MXN: 2,
  ARS: 2,
  COP: 2,
  PEN: 2,
  UYU: 2,
  BRL: 2,
  CAD: 2,
  AUD: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  PLN: 2,
  CZK: 2,
  BOB: 2,
  VES: 2,
  CLP: 0,
  PYG: 0,
  JPY: 0,
};

/** The codes a fund can hold, for a refusal that lists them. */
export const KNOWN_CURRENCIES: readonly string[] = Object.keys(MINOR_DIGITS);

const SYMBOLS: Readonly<Record<string, string>> = { "€": "EUR", $: "USD", "£": "GBP" };
/** A currency sign we do not hold (¥, ₹, ₽…), before or right after the number. */
const OTHER_SIGN = /^\p{Sc}/u;
const WORDS: Readonly<Record<string, string>> = {
  euro: "EUR",
  euros: "EUR",
  dollar: "USD",
  dollars: "USD",
  dolar: "USD",
  dólar: "USD",
  dolares: "USD",
  dólares: "USD",
  pound: "GBP",
  pounds: "GBP",
  libras: "GBP",
};

/** No fund of a workers' cell moves ten million in one go: more is a typo. */
export const MAX_MAJOR = 10_000_000;

const NUMBER = String.raw`[-−]?\d[\d.,\u00a0\u202f]*`;
const SYMBOL_FIRST = new RegExp(String.raw`^([-−]?)\s*([€$£])\s*(${NUMBER})`, "u");
const CODE_FIRST = new RegExp(String.raw`^([A-Za-z]{3})\s+(${NUMBER})`, "u");
const NUMBER_FIRST = new RegExp(String.raw`^(${NUMBER})\s*([€$£]|[\p{L}]+)?`, "u");

function currencyOf(word: string): string | undefined {
  const symbol = SYMBOLS[word];
  if (symbol) return symbol;
  const upper = word.toUpperCase();
  if (upper in MINOR_DIGITS) return upper;
  return WORDS[word.toLowerCase()];
}

export const minorDigits = (currency: string): number => MINOR_DIGITS[currency] ?? 2;

/** The digits of a written amount as minor units, marked when a point or comma could be read two ways. */
export function readAmount(raw: string, currency: string): Result<{ minor: number; ambiguous?: true }, MoneyError> {
  const text = raw.replace(/[\u00a0\u202f]/g, "").replace(/[.,]+$/, "");
  if (/^[-−]/.test(text)) return err("negative");
  if (!/^\d[\d.,]*$/.test(text)) return err("not-a-number");
  const lastMark = Math.max(text.lastIndexOf("."), text.lastIndexOf(","));
  const marks = new Set(text.replace(/\d/g, ""));
  let whole = text;
  let fraction = "";
  if (lastMark >= 0) {
    const after = text.slice(lastMark + 1);
    const single = marks.size === 1;
    const repeated = single && text.split(text[lastMark]!).length > 2;
    const thousands = single && (repeated || after.length === 3);
    if (!thousands) {
      whole = text.slice(0, lastMark);
      fraction = after;
      if (/[.,]/.test(whole) && !validGroups(whole)) return err("not-a-number");
    } else if (!validGroups(text)) {
      return err("not-a-number");
    }
  }
  whole = whole.replace(/[.,]/g, "");
  const digits = minorDigits(currency);
  if (fraction.length > digits) return err("too-many-decimals");
  if (whole.length > String(MAX_MAJOR).length) return err("too-large");
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  if (minor > MAX_MAJOR * 10 ** digits) return err("too-large");
  if (minor === 0) return err("zero");
  if (digits > 0 && readsTwoWays(text)) return ok({ minor, ambiguous: true as const });
  return ok({ minor });
}

/** "1.234.567" or "1,234": groups of three after the first. */
function validGroups(text: string): boolean {
  return /^[1-9]\d{0,2}(?:[.,]\d{3})*$/.test(text);
}

/** Reads the amount at the start of a text ("€50 from @ana"), and what follows it. */
export function readMoney(input: string): MoneyRead {
  const text = input.trim();
  if (!text) return err("missing");
  let currency: string | undefined;
  let amount: string;
  let consumed: number;
  let sign = "";
  const symbolFirst = SYMBOL_FIRST.exec(text);
  const codeFirst = CODE_FIRST.exec(text);
  const numberFirst = NUMBER_FIRST.exec(text);
  if (symbolFirst) {
    [, sign = "", , amount = ""] = symbolFirst;
    currency = SYMBOLS[symbolFirst[2]!];
    consumed = symbolFirst[0].length;
  } else if (codeFirst && currencyOf(codeFirst[1]!)) {
    currency = currencyOf(codeFirst[1]!);
    amount = codeFirst[2]!;
    consumed = codeFirst[0].length;
  } else if (numberFirst) {
    amount = numberFirst[1]!;
    consumed = numberFirst[0].length;
    const unit = numberFirst[2];
    if (!unit && OTHER_SIGN.test(text.slice(consumed).trim())) return err("unknown-currency");
    if (!unit) return err(/^[-−]/.test(amount) ? "negative" : "no-currency");
    currency = currencyOf(unit);
    if (!currency) return err(/^[A-Z]{3}$/.test(unit) ? "unknown-currency" : "no-currency");
  } else {
    return err(/^[A-Z]{3}\s+\d/.test(text) || OTHER_SIGN.test(text) ? "unknown-currency" : "missing");
  }
  if (sign) return err("negative");
  const read = readAmount(amount.trim(), currency!);
  if (!read.ok) return read;
  if (read.value.ambiguous) {
    const typed = text.slice(0, consumed).trim();
    const digits = amount.trim();
    const thousands = { currency: currency!, minor: read.value.minor };
    return {
      ...err("ambiguous" as const),
      ambiguous: {
        typed,
        thousands,
        whole: typed.replace(digits, digits.replace(/[.,]/g, "")),
        cents: typed.replace(digits, digits.slice(0, -1)),
      },
    };
  }
  return ok({ money: { currency: currency!, minor: read.value.minor }, rest: text.slice(consumed).trim() });
}

const PREFIXED: Readonly<Record<string, string>> = { EUR: "€", USD: "$", GBP: "£" };

/** "€1,234.56" in English, "1.234,56 €" in Spanish; other currencies by their code. */
export function formatMoney(money: Money, lang: string): string {
  const digits = minorDigits(money.currency);
  const negative = money.minor < 0;
  const abs = Math.abs(money.minor);
  const whole = Math.floor(abs / 10 ** digits);
  const fraction = String(abs % 10 ** digits).padStart(digits, "0");
  const [group, mark] = lang === "es" ? [".", ","] : [",", "."];
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const number = `${negative ? "-" : ""}${grouped}${digits > 0 ? mark + fraction : ""}`;
  const symbol = PREFIXED[money.currency];
  if (lang === "es") return `${number} ${symbol ?? money.currency}`;
  return symbol ? `${negative ? "-" : ""}${symbol}${number.replace(/^-/, "")}` : `${number} ${money.currency}`;
}

/** Plain "1234.56" for spreadsheets. */
export function plainAmount(money: Money): string {
  const digits = minorDigits(money.currency);
  const abs = Math.abs(money.minor);
  const fraction = digits > 0 ? "." + String(abs % 10 ** digits).padStart(digits, "0") : "";
  return `${money.minor < 0 ? "-" : ""}${Math.floor(abs / 10 ** digits)}${fraction}`;
}
