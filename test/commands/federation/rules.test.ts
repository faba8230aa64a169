import { aggregateCell, sumShared } from "../../../commands/federation/rules/aggregate.js";
import { nextHost, type HostCandidate } from "../../../commands/federation/rules/host-rotation.js";
import {
  inviteHash,
  newCellId,
  newInviteCode,
  proofHolds,
  proofKeyOf,
  pseudonymProblem,
  readFederate,
  readSector,
  welcomeProof,
} from "../../../commands/federation/rules/invite-code.js";

const g = (name: string) => ({ userId: `@${name}:x.org`, name });

describe("federation rules", () => {
  it("sums care by kind and unit with distinct givers, and hides what fewer than 3 gave", () => {
    const shared = aggregateCell({
      care: [
        { kind: "food", quantity: { amount: 40, unit: "meals" }, givers: [g("ana"), g("bo")] },
        { kind: "food", quantity: { amount: 10, unit: "meals" }, givers: [g("cy")] },
        { kind: "childcare", quantity: { amount: 2, unit: "h" }, givers: [g("ana")] },
        { kind: "repair", givers: [g("ana"), g("bo"), { name: "Dee" }] },
      ],
      plansCarried: 2,
      decisionsTaken: 5,
    });
    expect(shared).toEqual({
      care: [
        { kind: "childcare", unit: "h", amount: undefined, givers: "few" },
        { kind: "food", unit: "meals", amount: 50, givers: 3 },
        { kind: "repair", unit: null, amount: 1, givers: 3 },
      ],
      givers: 4,
      plansCarried: "few",
      decisionsTaken: 5,
    });
  });

  it("shows zero as 'few' too, and never lets an odd unit through", () => {
    const shared = aggregateCell({
      care: [{ kind: "other", quantity: { amount: 3, unit: "for Ana's mum" }, givers: [g("a"), g("b"), g("c")] }],
      plansCarried: 0,
      decisionsTaken: 0,
    });
    expect(shared.care).toEqual([{ kind: "other", unit: null, amount: 1, givers: 3 }]);
    expect(shared.plansCarried).toBe("few");
    expect(JSON.stringify(shared)).not.toMatch(/Ana|@/);
  });

  it("totals what the cells showed, hides small totals again, and never adds back what a cell hid", () => {
    const shown = aggregateCell({
      care: [{ kind: "food", quantity: { amount: 5, unit: "meals" }, givers: [g("ana"), g("bo"), g("cy")] }],
      plansCarried: 3,
      decisionsTaken: 2,
    });
    const hidden = aggregateCell({
      care: [
        { kind: "food", quantity: { amount: 7, unit: "meals" }, givers: [g("dee")] },
        { kind: "repair", givers: [g("dee")] },
      ],
      plansCarried: 1,
      decisionsTaken: 1,
    });
    expect(sumShared([shown, shown, hidden])).toEqual({
      care: [{ kind: "food", unit: "meals", amount: 10, givers: 6 }],
      givers: 6,
      plansCarried: 6,
      decisionsTaken: "few",
    });
    expect(sumShared([hidden]).care).toEqual([]);
    expect(sumShared([])).toEqual({ care: [], givers: "few", plansCarried: "few", decisionsTaken: "few" });
  });

  const c = (
    cell: string,
    sector: string | null,
    timesHosted = 0,
    lastHosted: number | null = null,
    joinedAt = 0,
  ): HostCandidate => ({ cell, sector, timesHosted, lastHosted, joinedAt });

  it("rotates hosting fairly: least hosted first, then longest waiting, never the same cell twice when others exist", () => {
    expect(
      nextHost([c("a", null, 1, 10), c("b", null, 0, null, 1), c("c", null, 0, null, 2)], { cell: "a", sector: null }),
    ).toBe("b");
    expect(nextHost([c("a", null, 1, 10), c("b", null, 1, 20)], { cell: "b", sector: null })).toBe("a");
    expect(nextHost([c("a", null)], { cell: "a", sector: null })).toBe("a");
    expect(nextHost([], null)).toBeUndefined();
  });

  it("alternates sectors where it can, without breaking fairness", () => {
    const cells = [c("h1", "health", 1, 10), c("h2", "health", 0, null, 1), c("l1", "logistics", 0, null, 2)];
    expect(nextHost(cells, { cell: "h1", sector: "health" })).toBe("l1");
    // Only health cells are left among the least hosted: fairness wins over alternation.
    expect(
      nextHost([c("h1", "health", 1, 10), c("h2", "health", 0), c("l1", "logistics", 1, 5)], {
        cell: "h1",
        sector: "health",
      }),
    ).toBe("h2");
  });

  it("reads codes, pseudonyms and sectors", () => {
    const code = newInviteCode();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{3}$/);
    expect(inviteHash(code.toLowerCase().replace(/-/g, ""))).toBe(inviteHash(code));
    expect(readFederate("K7PM-XQ4R-T2 as River Side")).toEqual({
      code: "K7PM-XQ4R-T2",
      assemblyRoom: undefined,
      pseudonym: "River Side",
    });
    expect(readFederate("K7PM como Ribera")).toEqual({ code: "K7PM", assemblyRoom: undefined, pseudonym: "Ribera" });
    expect(readFederate("K7PM-XQ4R-T2/!hall:hs-a.org as Riverside")).toEqual({
      code: "K7PM-XQ4R-T2",
      assemblyRoom: "!hall:hs-a.org",
      pseudonym: "Riverside",
    });
    expect(readFederate("K7PM")).toBeUndefined();
    expect(pseudonymProblem("Riverside", "!cell:test.org")).toBeUndefined();
    expect(pseudonymProblem("The Cell", "!cell:test.org")).toBe("room");
    expect(pseudonymProblem("<b>x</b>", "!cell:test.org")).toBe("shape");
    expect(readSector("Health")).toBe("health");
    expect(readSector("a b")).toBeUndefined();
  });

  it("signs a welcome with a key only the code's holders can derive, not from what the join message shows", () => {
    const code = newInviteCode();
    const cell = newCellId();
    const proof = welcomeProof(proofKeyOf(code), cell);
    expect(proofHolds(proofKeyOf(code.toLowerCase()), cell, proof)).toBe(true);
    expect(proofHolds(proofKeyOf(code), newCellId(), proof)).toBe(false);
    // The join message carries inviteHash(code): a welcome keyed with it does not hold.
    expect(proofHolds(proofKeyOf(code), cell, welcomeProof(inviteHash(code), cell))).toBe(false);
    expect(proofHolds(proofKeyOf(code), cell, "00")).toBe(false);
  });
});
