import { err, ok, type Result } from "../../../src/kernel/result.js";
import { readMoney, type AmbiguousAmount, type Money, type MoneyError } from "./money.js";

/** A failed reading of an amount keeps both ways an ambiguous one reads, to ask back. */
type Read<T, E> = Result<T, E> & { ambiguous?: AmbiguousAmount };

/** What follows `!fund in` or `!fund out`: an amount, maybe who it came from or went to, maybe a note. */
export interface MovementText {
  money: Money;
  /** The word naming the person (`@ana`, `Ana`), still to be resolved in the room. */
  personWord?: string;
  note: string;
}

const LINK_WORDS = new Set(["from", "to", "de", "desde", "a", "para"]);

export function readMovementText(text: string): Read<MovementText, MoneyError> {
  const read = readMoney(text);
  if (!read.ok) return read;
  const words = read.value.rest.split(/\s+/).filter(Boolean);
  let personWord: string | undefined;
  if (words.length >= 2 && LINK_WORDS.has(words[0]!.toLowerCase())) {
    personWord = words[1];
    words.splice(0, 2);
  } else if (words[0]?.startsWith("@")) {
    personWord = words.shift();
  }
  return ok({ money: read.value.money, ...(personWord ? { personWord } : {}), note: words.join(" ") });
}

const MONTHLY = new Set(["monthly", "a month", "per month", "mensual", "mensuales", "al mes", "cada mes", "por mes"]);
const STOP = new Set(["stop", "cancel", "end", "parar", "cancelar", "dejar"]);

/** `€10 monthly` (the word may be left out: pledges are monthly) or `stop`. */
export function readPledgeText(text: string): Read<Money | "stop", MoneyError | "not-monthly"> {
  const trimmed = text.trim().toLowerCase();
  if (STOP.has(trimmed)) return ok("stop");
  const read = readMoney(text);
  if (!read.ok) return read;
  const { money, rest } = read.value;
  if (rest && !MONTHLY.has(rest.toLowerCase())) return err("not-monthly");
  return ok(money);
}
