import { foldWord } from "./kinds.js";

/** A counted or measured amount: 40 meals, 1.5 h, 50 EUR. */
export interface Quantity {
  amount: number;
  /**
   * "h" for time (always hours: "90 min" is 1.5 h), an ISO 4217 code for money ("EUR", "USD",
   * "GBP"), "kg" / "g" / "l" / "km" for measures, otherwise the giver's own word in lower case,
   * singular or plural as typed ("meal", "meals"): use `unitKey` to compare units.
   */
  unit: string;
}

export const TIME_UNIT = "h";
export const CURRENCY_UNITS = ["EUR", "USD", "GBP"] as const;
export type CurrencyUnit = (typeof CURRENCY_UNITS)[number];

export type UnitCategory = "time" | "money" | "count";

/** Lets a renderer say "1.5 hours" / "1,5 horas" or "€50" without guessing from the string. */
export function unitCategory(unit: string): UnitCategory {
  if (unit === TIME_UNIT) return "time";
  if ((CURRENCY_UNITS as readonly string[]).includes(unit)) return "money";
  return "count";
}

const IRREGULAR_SINGULAR: Readonly<Record<string, string>> = {
  people: "person",
  children: "child",
  men: "man",
  women: "woman",
  feet: "foot",
  teeth: "tooth",
  mice: "mouse",
};

/**
 * A key under which singular and plural spellings of a unit meet, in English and Spanish:
 * meal/meals, comida/comidas, box/boxes, baby/babies, cookie/cookies, niño/niños,
 * reparación/reparaciones, tomato/tomatoes, tomate/tomates. Only for grouping; never shown.
 */
export function unitKey(unit: string): string {
  if (unitCategory(unit) !== "count") return unit;
  let key = foldWord(unit);
  key = IRREGULAR_SINGULAR[key] ?? key;
  if (key.length > 3 && key.endsWith("s") && !key.endsWith("ss")) key = key.slice(0, -1);
  if (key.length > 3 && key.endsWith("e")) key = key.slice(0, -1);
  // baby/babies and cookie/cookies both end up on "-i".
  return key.replace(/y$/, "i");
}

/**
 * The plural to show for a total when givers only ever typed the singular ("1 meal" twice).
 * English rules; a Spanish word ending in a consonant gets "-s" too, an accepted approximation.
 */
export function pluralUnit(unit: string): string {
  if (unitCategory(unit) !== "count" || /^(kg|g|l|km)$/.test(unit)) return unit;
  const irregular = Object.entries(IRREGULAR_SINGULAR).find(([, singular]) => singular === unit);
  if (irregular) return irregular[0];
  if (/(s|x|z|ch|sh)$/.test(unit)) return unit + "es";
  if (/[^aeiou]y$/.test(unit)) return unit.slice(0, -1) + "ies";
  return unit + "s";
}
