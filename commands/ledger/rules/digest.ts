import type { Person } from "../../../src/kernel/invocation.js";
import { personKey, type LedgerEntryView } from "./entry.js";
import { CARE_KINDS, type CareKind } from "./kinds.js";
import { pluralUnit, unitCategory, unitKey, type Quantity } from "./units.js";

/*
 * A digest is read aloud at an assembly to honour everyone, so it is never a ranking:
 * - kinds come in the fixed CARE_KINDS order;
 * - givers come in the order of their first contribution in the period (ties: entry number),
 *   never by amount, and nothing "top" or "most" is computed;
 * - totals are listed in the order their unit first appeared.
 * An entry with several givers is listed under each of them (each is thanked) but counted once
 * in the totals.
 * The caller passes only the entries to read: undone entries and the superseded versions of
 * corrected entries are left out by the caller (the repository), not here.
 */

export interface DigestContribution {
  number: number;
  what: string;
  quantity?: Quantity;
  recordedAt: number;
  /** The other givers of the same entry, so a renderer can say "with Bo". */
  with: Person[];
}

export interface DigestGiver {
  person: Person;
  contributions: DigestContribution[];
}

export interface DigestKind {
  kind: CareKind;
  givers: DigestGiver[];
  /** Entries of this kind (an entry with three givers counts once). */
  entryCount: number;
  totals: Quantity[];
}

export interface Digest {
  /** Only the kinds that have entries, in CARE_KINDS order. */
  kinds: DigestKind[];
  /** Everyone thanked in the period, in order of first contribution; handy for an opener. */
  givers: Person[];
  entryCount: number;
  /** Per unit across all kinds; money stays per currency. */
  totals: Quantity[];
}

export function buildDigest(entries: readonly LedgerEntryView[]): Digest {
  const ordered = [...entries].sort((a, b) => a.recordedAt - b.recordedAt || a.number - b.number);
  const kinds: DigestKind[] = [];
  for (const kind of CARE_KINDS) {
    const ofKind = ordered.filter((entry) => entry.kind === kind);
    if (ofKind.length > 0) {
      kinds.push({ kind, givers: giversOf(ofKind), entryCount: ofKind.length, totals: totalsOf(ofKind) });
    }
  }
  return {
    kinds,
    givers: uniquePeople(ordered.flatMap((entry) => entry.givers)),
    entryCount: ordered.length,
    totals: totalsOf(ordered),
  };
}

function giversOf(entries: readonly LedgerEntryView[]): DigestGiver[] {
  const byPerson = new Map<string, DigestGiver>();
  for (const entry of entries) {
    const givers = uniquePeople(entry.givers);
    for (const giver of givers) {
      const key = personKey(giver);
      let digestGiver = byPerson.get(key);
      if (!digestGiver) {
        digestGiver = { person: giver, contributions: [] };
        byPerson.set(key, digestGiver);
      }
      digestGiver.contributions.push(
        contributionOf(
          entry,
          givers.filter((other) => other !== giver),
        ),
      );
    }
  }
  return [...byPerson.values()];
}

function contributionOf(entry: LedgerEntryView, others: Person[]): DigestContribution {
  const contribution: DigestContribution = {
    number: entry.number,
    what: entry.what,
    recordedAt: entry.recordedAt,
    with: others,
  };
  if (entry.quantity) contribution.quantity = entry.quantity;
  return contribution;
}

function uniquePeople(people: readonly Person[]): Person[] {
  const seen = new Map<string, Person>();
  for (const person of people) if (!seen.has(personKey(person))) seen.set(personKey(person), person);
  return [...seen.values()];
}

interface Running {
  amount: number;
  /** Spelling typed with an amount of one, and with any other amount. */
  singular?: string;
  plural?: string;
}

function totalsOf(entries: readonly LedgerEntryView[]): Quantity[] {
  const byUnit = new Map<string, Running>();
  for (const { quantity } of entries) {
    if (!quantity) continue;
    const key = unitKey(quantity.unit);
    const running = byUnit.get(key) ?? { amount: 0 };
    // Money is summed in whole cents, so €0.10 + €0.20 is exactly €0.30 however many entries add up.
    running.amount += unitCategory(quantity.unit) === "money" ? Math.round(quantity.amount * 100) : quantity.amount;
    if (quantity.amount === 1) running.singular ??= quantity.unit;
    else running.plural ??= quantity.unit;
    byUnit.set(key, running);
  }
  return [...byUnit.entries()].map(([key, running]) => {
    const amount = unitCategory(key) === "money" ? running.amount / 100 : roundTotal(running.amount);
    return { amount, unit: displayUnit(running, amount) };
  });
}

function displayUnit(running: Running, amount: number): string {
  if (amount === 1) return running.singular ?? running.plural ?? "";
  if (running.plural) return running.plural;
  return pluralUnit(running.singular ?? "");
}

/** Sums of decimals drift (0.1 + 0.2, or thirds of an hour); cents are precise enough for all units. */
function roundTotal(amount: number): number {
  return Math.round(amount * 100) / 100;
}
