import type { Person } from "../../../src/kernel/invocation.js";
import { buildDigest } from "../../../commands/ledger/rules/digest.js";
import type { LedgerEntryView } from "../../../commands/ledger/rules/entry.js";
import type { CareKind } from "../../../commands/ledger/rules/kinds.js";
import type { Quantity } from "../../../commands/ledger/rules/units.js";

const ana: Person = { userId: "@ana:example.org", name: "Ana" };
const bo: Person = { userId: "@bo:example.org", name: "Bo" };
const cy: Person = { name: "Cy" };
const T0 = Date.UTC(2026, 3, 6, 9, 0);
const HOUR = 3_600_000;

let nextNumber = 1;
function entry(
  givers: Person[],
  what: string,
  kind: CareKind,
  hoursAfter: number,
  quantity?: Quantity,
): LedgerEntryView {
  const view: LedgerEntryView = { number: nextNumber++, givers, what, kind, recordedAt: T0 + hoursAfter * HOUR };
  if (quantity) view.quantity = quantity;
  return view;
}

beforeEach(() => {
  nextNumber = 1;
});

describe("buildDigest", () => {
  test("no entries, empty digest", () => {
    expect(buildDigest([])).toEqual({ kinds: [], givers: [], entryCount: 0, totals: [] });
  });

  test("kinds come in the fixed order, whatever the order of entries", () => {
    const digest = buildDigest([
      entry([ana], "listened", "emotional", 0),
      entry([bo], "fixed the printer", "repair", 1),
      entry([cy], "cooked soup", "food", 2),
      entry([ana], "misc", "other", 3),
      entry([bo], "drove", "transport", 4),
    ]);
    expect(digest.kinds.map((k) => k.kind)).toEqual(["food", "transport", "repair", "emotional", "other"]);
  });

  test("givers come by first contribution, never by amount", () => {
    const digest = buildDigest([
      entry([ana], "cooked 2 meals", "food", 0, { amount: 2, unit: "meals" }),
      entry([bo], "cooked 400 meals", "food", 1, { amount: 400, unit: "meals" }),
      entry([cy], "cooked 40 meals", "food", 2, { amount: 40, unit: "meals" }),
    ]);
    expect(digest.kinds[0]?.givers.map((g) => g.person.name)).toEqual(["Ana", "Bo", "Cy"]);
    expect(digest.givers.map((g) => g.name)).toEqual(["Ana", "Bo", "Cy"]);
  });

  test("entries are ordered by time even when passed out of order", () => {
    const late = entry([bo], "soup", "food", 5);
    const early = entry([ana], "bread", "food", 1);
    expect(buildDigest([late, early]).kinds[0]?.givers.map((g) => g.person.name)).toEqual(["Ana", "Bo"]);
  });

  test("the same instant is ordered by entry number", () => {
    const second = { ...entry([bo], "soup", "food", 0), number: 2 };
    const first = { ...entry([ana], "bread", "food", 0), number: 1 };
    expect(buildDigest([second, first]).kinds[0]?.givers.map((g) => g.person.name)).toEqual(["Ana", "Bo"]);
  });

  test("a giver's several entries of one kind come together, in time order", () => {
    const digest = buildDigest([
      entry([ana], "soup", "food", 0),
      entry([bo], "bread", "food", 1),
      entry([ana], "lunch", "food", 2),
    ]);
    const food = digest.kinds[0];
    expect(food?.givers).toHaveLength(2);
    expect(food?.givers[0]?.contributions.map((c) => c.what)).toEqual(["soup", "lunch"]);
    expect(food?.givers[1]?.contributions.map((c) => c.what)).toEqual(["bread"]);
  });

  test("the same person is recognised by id, or by name ignoring case and accents", () => {
    const digest = buildDigest([
      entry([{ userId: "@ana:example.org", name: "Ana" }], "soup", "food", 0),
      entry([{ userId: "@ana:example.org", name: "Ana García" }], "bread", "food", 1),
      entry([{ name: "José" }], "rice", "food", 2),
      entry([{ name: " jose " }], "beans", "food", 3),
    ]);
    const givers = digest.kinds[0]?.givers ?? [];
    expect(givers.map((g) => [g.person.name, g.contributions.length])).toEqual([
      ["Ana", 2],
      ["José", 2],
    ]);
  });

  test("a Matrix user and a plain-text namesake stay two people", () => {
    const digest = buildDigest([entry([ana], "soup", "food", 0), entry([{ name: "Ana" }], "bread", "food", 1)]);
    expect(digest.givers).toHaveLength(2);
  });

  test("an entry with several givers names each of them, with the others", () => {
    const digest = buildDigest([entry([bo, cy], "drove 3 nurses", "transport", 0, { amount: 3, unit: "nurses" })]);
    const transport = digest.kinds[0];
    expect(transport?.givers.map((g) => g.person.name)).toEqual(["Bo", "Cy"]);
    expect(transport?.givers[0]?.contributions[0]?.with).toEqual([cy]);
    expect(transport?.givers[1]?.contributions[0]?.with).toEqual([bo]);
  });

  test("an entry with several givers counts once in the totals", () => {
    const digest = buildDigest([
      entry([bo, cy, ana], "drove 3 nurses", "transport", 0, { amount: 3, unit: "nurses" }),
      entry([ana], "drove 2 nurses", "transport", 1, { amount: 2, unit: "nurses" }),
    ]);
    expect(digest.kinds[0]?.totals).toEqual([{ amount: 5, unit: "nurses" }]);
    expect(digest.kinds[0]?.entryCount).toBe(2);
    expect(digest.entryCount).toBe(2);
    expect(digest.totals).toEqual([{ amount: 5, unit: "nurses" }]);
  });

  test("a giver named twice in one entry is named once", () => {
    const digest = buildDigest([entry([ana, { ...ana }], "soup", "food", 0)]);
    expect(digest.kinds[0]?.givers).toHaveLength(1);
    expect(digest.kinds[0]?.givers[0]?.contributions[0]?.with).toEqual([]);
  });

  test("singular and plural units add up, shown in the plural", () => {
    const digest = buildDigest([
      entry([ana], "1 meal", "food", 0, { amount: 1, unit: "meal" }),
      entry([bo], "40 meals", "food", 1, { amount: 40, unit: "meals" }),
      entry([cy], "2 comidas", "food", 2, { amount: 2, unit: "comidas" }),
      entry([cy], "1 comida", "food", 3, { amount: 1, unit: "comida" }),
    ]);
    expect(digest.kinds[0]?.totals).toEqual([
      { amount: 41, unit: "meals" },
      { amount: 3, unit: "comidas" },
    ]);
  });

  test("a total of singulars is pluralised; a total of one stays singular", () => {
    const digest = buildDigest([
      entry([ana], "1 meal", "food", 0, { amount: 1, unit: "meal" }),
      entry([bo], "1 meal", "food", 1, { amount: 1, unit: "meal" }),
      entry([bo], "fixed 1 bike", "repair", 2, { amount: 1, unit: "bike" }),
    ]);
    expect(digest.kinds[0]?.totals).toEqual([{ amount: 2, unit: "meals" }]);
    expect(digest.kinds[1]?.totals).toEqual([{ amount: 1, unit: "bike" }]);
  });

  test("money is totalled per currency, time in hours, per kind and overall", () => {
    const digest = buildDigest([
      entry([ana], "€50", "money", 0, { amount: 50, unit: "EUR" }),
      entry([bo], "$20", "money", 1, { amount: 20, unit: "USD" }),
      entry([cy], "€12.50", "money", 2, { amount: 12.5, unit: "EUR" }),
      entry([ana], "babysat 3h", "childcare", 3, { amount: 3, unit: "h" }),
      entry([bo], "listened 20 min", "emotional", 4, { amount: 1 / 3, unit: "h" }),
      entry([bo], "listened 20 min", "emotional", 5, { amount: 1 / 3, unit: "h" }),
      entry([bo], "listened 20 min", "emotional", 6, { amount: 1 / 3, unit: "h" }),
    ]);
    const byKind = Object.fromEntries(digest.kinds.map((k) => [k.kind, k.totals]));
    expect(byKind["money"]).toEqual([
      { amount: 62.5, unit: "EUR" },
      { amount: 20, unit: "USD" },
    ]);
    expect(byKind["childcare"]).toEqual([{ amount: 3, unit: "h" }]);
    expect(byKind["emotional"]).toEqual([{ amount: 1, unit: "h" }]);
    expect(digest.totals).toEqual([
      { amount: 62.5, unit: "EUR" },
      { amount: 20, unit: "USD" },
      { amount: 4, unit: "h" },
    ]);
  });

  test("decimal sums do not drift", () => {
    const digest = buildDigest([
      entry([ana], "€0.10", "money", 0, { amount: 0.1, unit: "EUR" }),
      entry([bo], "€0.20", "money", 1, { amount: 0.2, unit: "EUR" }),
    ]);
    expect(digest.totals).toEqual([{ amount: 0.3, unit: "EUR" }]);
  });

  test("entries without a quantity are named but add nothing to totals", () => {
    const digest = buildDigest([entry([ana], "listened", "emotional", 0)]);
    expect(digest.kinds[0]?.givers[0]?.contributions[0]).toEqual({
      number: 1,
      what: "listened",
      recordedAt: T0,
      with: [],
    });
    expect(digest.kinds[0]?.totals).toEqual([]);
    expect(digest.totals).toEqual([]);
  });

  test("a contribution carries its number, quantity and time for the renderer", () => {
    const digest = buildDigest([entry([ana], "cooked 40 meals", "food", 2, { amount: 40, unit: "meals" })]);
    expect(digest.kinds[0]?.givers[0]?.contributions[0]).toEqual({
      number: 1,
      what: "cooked 40 meals",
      quantity: { amount: 40, unit: "meals" },
      recordedAt: T0 + 2 * HOUR,
      with: [],
    });
  });

  test("a person who gave several kinds appears under each kind", () => {
    const digest = buildDigest([entry([ana], "soup", "food", 0), entry([ana], "drove", "transport", 1)]);
    expect(digest.kinds.map((k) => [k.kind, k.givers.map((g) => g.person.name)])).toEqual([
      ["food", ["Ana"]],
      ["transport", ["Ana"]],
    ]);
    expect(digest.givers).toEqual([ana]);
  });

  test("the input array is left as it was", () => {
    const entries = [entry([bo], "soup", "food", 5), entry([ana], "bread", "food", 1)];
    const copy = structuredClone(entries);
    buildDigest(entries);
    expect(entries).toEqual(copy);
  });
});
