/**
 * What a cell shares with its assembly: sums and counts only. The input holds names and texts
 * (ledger entries); the output never does: kinds are a fixed list, units are short words, and every
 * count under SMALL is replaced by "few" so that nobody can be singled out.
 */
export const SMALL = 3;

/** A count as it may cross: the number, or "few" (fewer than SMALL, zero included). */
export type Shown = number | "few";

export interface CareInput {
  kind: string;
  quantity?: { amount: number; unit: string };
  givers: readonly { userId?: string; name: string }[];
}

export interface CellActivity {
  care: readonly CareInput[];
  plansCarried: number;
  decisionsTaken: number;
}

/** One kind of care in one unit ("acts" when entries carried no quantity). */
export interface CareTotal {
  kind: string;
  unit: string | null;
  /** The summed amount, or the number of acts; undefined when hidden (fewer than SMALL givers). */
  amount?: number | undefined;
  givers: Shown;
}

export interface SharedAggregate {
  care: CareTotal[];
  givers: Shown;
  plansCarried: Shown;
  decisionsTaken: Shown;
}

export const shown = (n: number): Shown => (n < SMALL ? "few" : n);

const giverKey = (g: { userId?: string; name: string }) => g.userId ?? `name:${g.name.trim().toLowerCase()}`;
/** Units are member-typed words: only a short plain word crosses, anything else counts as acts. */
const safeUnit = (unit: string): string | null => (/^\p{L}{1,12}$/u.test(unit) ? unit.toLowerCase() : null);

/** Sums a cell's month: per kind and unit, with distinct givers; small numbers hidden. */
export function aggregateCell(activity: CellActivity): SharedAggregate {
  const groups = new Map<string, { kind: string; unit: string | null; amount: number; givers: Set<string> }>();
  const everyone = new Set<string>();
  for (const entry of activity.care) {
    const unit = entry.quantity ? safeUnit(entry.quantity.unit) : null;
    const key = `${entry.kind}\u0000${unit ?? ""}`;
    const group = groups.get(key) ?? { kind: entry.kind, unit, amount: 0, givers: new Set<string>() };
    group.amount += unit !== null && entry.quantity ? entry.quantity.amount : 1;
    for (const g of entry.givers) {
      group.givers.add(giverKey(g));
      everyone.add(giverKey(g));
    }
    groups.set(key, group);
  }
  const care = [...groups.values()]
    .sort((a, b) => a.kind.localeCompare(b.kind) || (a.unit ?? "").localeCompare(b.unit ?? ""))
    .map((g) => ({
      kind: g.kind,
      unit: g.unit,
      amount: g.givers.size < SMALL ? undefined : round(g.amount),
      givers: shown(g.givers.size),
    }));
  return {
    care,
    givers: shown(everyone.size),
    plansCarried: shown(activity.plansCarried),
    decisionsTaken: shown(activity.decisionsTaken),
  };
}

/**
 * The assembly's total: the sum of what each cell showed, hidden again as a whole. A cell's hidden
 * figures stay out of it (adding them back would reveal them by subtraction), so it may undercount.
 */
export function sumShared(cells: readonly SharedAggregate[]): SharedAggregate {
  const value = (n: Shown) => (n === "few" ? 0 : n);
  const groups = new Map<string, { kind: string; unit: string | null; amount: number; givers: number }>();
  for (const cell of cells) {
    for (const c of cell.care) {
      if (c.amount === undefined) continue;
      const key = `${c.kind}\u0000${c.unit ?? ""}`;
      const group = groups.get(key) ?? { kind: c.kind, unit: c.unit, amount: 0, givers: 0 };
      group.amount += c.amount;
      group.givers += value(c.givers);
      groups.set(key, group);
    }
  }
  const sum = (pick: (c: SharedAggregate) => Shown) => cells.reduce((s, c) => s + value(pick(c)), 0);
  const care = [...groups.values()]
    .sort((a, b) => a.kind.localeCompare(b.kind) || (a.unit ?? "").localeCompare(b.unit ?? ""))
    .map((g) => ({
      kind: g.kind,
      unit: g.unit,
      amount: g.givers < SMALL ? undefined : round(g.amount),
      givers: shown(g.givers),
    }));
  return {
    care,
    givers: shown(sum((c) => c.givers)),
    plansCarried: shown(sum((c) => c.plansCarried)),
    decisionsTaken: shown(sum((c) => c.decisionsTaken)),
  };
}

const round = (n: number) => Math.round(n * 10) / 10;
