import type { Money } from "./money.js";

/** A movement that took effect: money in (positive) or out of the fund. */
export interface Flow {
  direction: "in" | "out";
  currency: string;
  minor: number;
}

/** Balance per currency, in integer minor units, sorted by currency code. */
export function balances(flows: readonly Flow[]): Money[] {
  const totals = new Map<string, number>();
  for (const f of flows)
    totals.set(f.currency, (totals.get(f.currency) ?? 0) + (f.direction === "in" ? f.minor : -f.minor));
  return [...totals].sort(([a], [b]) => a.localeCompare(b)).map(([currency, minor]) => ({ currency, minor }));
}

/** Totals in and out per currency over some movements (a month's statement). */
export function totals(flows: readonly Flow[]): { currency: string; in: number; out: number }[] {
  const byCurrency = new Map<string, { in: number; out: number }>();
  for (const f of flows) {
    const t = byCurrency.get(f.currency) ?? { in: 0, out: 0 };
    t[f.direction] += f.minor;
    byCurrency.set(f.currency, t);
  }
  return [...byCurrency].sort(([a], [b]) => a.localeCompare(b)).map(([currency, t]) => ({ currency, ...t }));
}

/** Whether paying `money` out leaves the fund at zero or above in that currency. */
export function canPay(flows: readonly Flow[], money: Money): boolean {
  const held = balances(flows).find((b) => b.currency === money.currency)?.minor ?? 0;
  return held >= money.minor;
}

/** The sum of pledges per currency. */
export function pledgeTotals(pledges: readonly Money[]): Money[] {
  return balances(pledges.map((m) => ({ direction: "in" as const, ...m })));
}

/**
 * The two-person rule: a payout or a grant takes effect only with two different people, and when
 * the room has a keeper, one of them is the keeper.
 */
export function secondSignature(
  first: string,
  second: string,
  keeper: string | null,
): "ok" | "same-person" | "keeper-missing" {
  if (first === second) return "same-person";
  if (keeper !== null && first !== keeper && second !== keeper) return "keeper-missing";
  return "ok";
}
