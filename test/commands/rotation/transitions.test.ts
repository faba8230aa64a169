import { DateTime } from "luxon";
import {
  addRole,
  advance,
  calendarFromRule,
  DEFAULT_ANNOUNCE_RULE,
  emptyRotation,
  endAway,
  joinRole,
  leaveRole,
  removeRole,
  roleHistory,
  rotationOrder,
  setAway,
  setOrder,
  skipTurn,
  swapTurns,
  findRole,
  type RotationResult,
  type RotationState,
} from "../../../commands/rotation/rules/index.js";

const ZONE = "Europe/Madrid";
const calendar = calendarFromRule(DEFAULT_ANNOUNCE_RULE, ZONE);
const DAY = 86_400_000;
// Monday 2026-11-23 09:00 Madrid, the announcement instant.
const monday = Date.parse("2026-11-23T08:00Z");
const show = (ms: number | null) =>
  ms === null ? null : DateTime.fromMillis(ms, { zone: ZONE }).toFormat("yyyy-MM-dd HH:mm");

function must(result: RotationResult): RotationState {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value.state;
}

function withRole(name: string, members: string[], weeks = 1, state = emptyRotation()): RotationState {
  let s = must(addRole(state, name, weeks));
  for (const m of members) s = must(joinRole(s, name, m));
  return s;
}

const holder = (s: RotationState, role: string) => findRole(s, role)?.holder ?? null;

describe("rotation order", () => {
  it("gives the role to the first in order and hands over at each announcement", () => {
    let s = must(advance(withRole("facilitator", ["ana", "bo", "cy"]), monday, calendar));
    expect(holder(s, "facilitator")).toBe("ana");
    expect(show(findRole(s, "facilitator")?.termEndUtc ?? null)).toBe("2026-11-30 09:00");
    s = must(advance(s, monday + 7 * DAY, calendar));
    expect(holder(s, "facilitator")).toBe("bo");
    s = must(advance(s, monday + 14 * DAY, calendar));
    expect(holder(s, "facilitator")).toBe("cy");
    s = must(advance(s, monday + 21 * DAY, calendar));
    expect(holder(s, "facilitator")).toBe("ana");
  });

  it("keeps terms of N weeks", () => {
    let s = must(advance(withRole("treasurer", ["ana", "bo"], 2), monday, calendar));
    s = must(advance(s, monday + 7 * DAY, calendar));
    expect(holder(s, "treasurer")).toBe("ana");
    s = must(advance(s, monday + 14 * DAY, calendar));
    expect(holder(s, "treasurer")).toBe("bo");
  });

  it("ends a term started mid-week at the next announcement", () => {
    const wednesday = monday + 2 * DAY;
    const s = must(advance(withRole("facilitator", ["ana", "bo"]), wednesday, calendar));
    expect(show(findRole(s, "facilitator")?.termEndUtc ?? null)).toBe("2026-11-30 09:00");
  });

  it("catches up on every missed term in order after downtime", () => {
    const s0 = must(advance(withRole("facilitator", ["ana", "bo", "cy"]), monday, calendar));
    const result = advance(s0, monday + 14 * DAY + 3600_000, calendar);
    expect(result.ok && result.value.handovers.map((h) => [h.from, h.to])).toEqual([
      ["ana", "bo"],
      ["bo", "cy"],
    ]);
  });

  it("puts a late joiner at the back of the line", () => {
    let s = must(advance(withRole("facilitator", ["ana", "bo", "cy"]), monday, calendar));
    s = must(advance(s, monday + 7 * DAY, calendar)); // bo holds; line: cy, ana
    s = must(joinRole(s, "facilitator", "dee"));
    expect(rotationOrder(findRole(s, "facilitator")!)).toEqual(["bo", "cy", "ana", "dee"]);
    const holders: (string | null)[] = [];
    for (let w = 2; w <= 5; w++) {
      s = must(advance(s, monday + w * 7 * DAY, calendar));
      holders.push(holder(s, "facilitator"));
    }
    expect(holders).toEqual(["cy", "ana", "dee", "bo"]);
  });

  it("refuses joining twice and unknown roles", () => {
    const s = withRole("facilitator", ["ana"]);
    expect(joinRole(s, "facilitator", "ana")).toEqual({
      ok: false,
      error: { code: "already-member", role: "facilitator", member: "ana" },
    });
    expect(joinRole(s, "cook", "ana")).toEqual({ ok: false, error: { code: "unknown-role", role: "cook" } });
    expect(addRole(s, "Facilitator", 1)).toEqual({ ok: false, error: { code: "role-exists", role: "Facilitator" } });
    expect(addRole(s, "cook", 0)).toEqual({ ok: false, error: { code: "bad-term", weeks: 0 } });
  });
});

describe("away", () => {
  it("skips someone away and gives them the next turn once back", () => {
    let s = must(advance(withRole("facilitator", ["ana", "bo", "cy"]), monday, calendar));
    s = must(setAway(s, "bo", monday + DAY, monday + 10 * DAY));
    s = must(advance(s, monday + 7 * DAY, calendar));
    expect(holder(s, "facilitator")).toBe("cy");
    expect(findRole(s, "facilitator")?.queue).toEqual(["bo", "ana"]);
    s = must(advance(s, monday + 14 * DAY, calendar));
    expect(holder(s, "facilitator")).toBe("bo");
  });

  it("hands over a role whose holder goes away", () => {
    let s = must(advance(withRole("facilitator", ["ana", "bo"]), monday, calendar));
    s = must(setAway(s, "ana", monday + DAY, monday + 20 * DAY));
    const result = advance(s, monday + DAY, calendar);
    expect(result.ok && result.value.handovers).toEqual([
      { role: "facilitator", from: "ana", to: "bo", atUtc: monday + DAY, reason: "away" },
    ]);
  });

  it("leaves the role vacant when everyone is away, and fills it on return", () => {
    let s = must(setAway(withRole("facilitator", ["ana"]), "ana", monday - DAY, monday + DAY));
    s = must(advance(s, monday, calendar));
    expect(holder(s, "facilitator")).toBeNull();
    s = must(advance(s, monday + 2 * DAY, calendar));
    expect(holder(s, "facilitator")).toBe("ana");
    expect(s.away).toEqual([]);
  });

  it("ends an away period early", () => {
    let s = must(setAway(withRole("facilitator", ["ana"]), "ana", monday - DAY, monday + 9 * DAY));
    s = must(endAway(s, "ana", monday));
    s = must(advance(s, monday, calendar));
    expect(holder(s, "facilitator")).toBe("ana");
    expect(setAway(s, "ana", monday, monday)).toEqual({ ok: false, error: { code: "bad-away-period" } });
  });
});

describe("skip, swap, leave, order", () => {
  it("skip hands over now, for a full term, and records why", () => {
    let s = must(advance(withRole("facilitator", ["ana", "bo", "cy"]), monday, calendar));
    const wednesday = monday + 2 * DAY;
    s = must(skipTurn(s, "facilitator", wednesday, calendar));
    expect(holder(s, "facilitator")).toBe("bo");
    expect(findRole(s, "facilitator")?.termStartUtc).toBe(wednesday);
    expect(rotationOrder(findRole(s, "facilitator")!)).toEqual(["bo", "cy", "ana"]);
    expect(roleHistory(s, "facilitator")).toEqual([
      { role: "facilitator", member: "ana", fromUtc: monday, toUtc: wednesday, ended: "skip" },
    ]);
  });

  it("skip does not hand the role straight back to the skipper", () => {
    let s = withRole("facilitator", ["ana", "bo"]);
    s = withRole("treasurer", ["bo", "ana"], 1, s);
    s = must(advance(s, monday, calendar)); // ana facilitates, bo treasures
    s = must(skipTurn(s, "facilitator", monday + DAY, calendar));
    expect(holder(s, "facilitator")).toBe("bo");
    expect(skipTurn(withRole("solo", ["ana"]), "solo", monday, calendar)).toEqual({
      ok: false,
      error: { code: "nobody-to-hand-over", role: "solo" },
    });
  });

  it("swaps two waiting turns", () => {
    let s = must(advance(withRole("facilitator", ["ana", "bo", "cy"]), monday, calendar));
    s = must(swapTurns(s, "facilitator", "bo", "cy", monday + DAY));
    expect(rotationOrder(findRole(s, "facilitator")!)).toEqual(["ana", "cy", "bo"]);
  });

  it("swapping with the holder hands over the rest of the term", () => {
    let s = must(advance(withRole("facilitator", ["ana", "bo", "cy"]), monday, calendar));
    s = must(swapTurns(s, "facilitator", "cy", "ana", monday + DAY));
    const role = findRole(s, "facilitator")!;
    expect(rotationOrder(role)).toEqual(["cy", "bo", "ana"]);
    expect(role.termEndUtc).toBe(monday + 7 * DAY);
    expect(swapTurns(s, "facilitator", "cy", "zed", monday)).toEqual({
      ok: false,
      error: { code: "not-member", role: "facilitator", member: "zed" },
    });
  });

  it("a holder who leaves hands over and does not come back", () => {
    let s = must(advance(withRole("facilitator", ["ana", "bo"]), monday, calendar));
    s = must(leaveRole(s, "facilitator", "ana", monday + DAY, calendar));
    expect(rotationOrder(findRole(s, "facilitator")!)).toEqual(["bo"]);
    s = must(leaveRole(s, "facilitator", "bo", monday + DAY, calendar));
    expect(holder(s, "facilitator")).toBeNull();
  });

  it("setting the order keeps the holder and continues after them", () => {
    let s = must(advance(withRole("facilitator", ["ana", "bo", "cy"]), monday, calendar));
    s = must(setOrder(s, "facilitator", ["cy", "ana", "bo"], monday + DAY, calendar));
    expect(rotationOrder(findRole(s, "facilitator")!)).toEqual(["ana", "bo", "cy"]);
    s = must(setOrder(s, "facilitator", ["bo", "cy"], monday + DAY, calendar));
    expect(rotationOrder(findRole(s, "facilitator")!)).toEqual(["bo", "cy"]);
    expect(setOrder(s, "facilitator", ["bo", "bo"], monday, calendar)).toEqual({
      ok: false,
      error: { code: "duplicate-member", member: "bo" },
    });
  });

  it("removing a role closes its holder's term", () => {
    let s = must(advance(withRole("facilitator", ["ana"]), monday, calendar));
    s = must(removeRole(s, "facilitator", monday + DAY));
    expect(s.roles).toEqual([]);
    expect(s.history.at(-1)?.ended).toBe("removed");
  });
});

describe("fairness across roles", () => {
  it("nobody holds two roles at once while someone else is free", () => {
    let s = withRole("facilitator", ["ana", "bo", "cy"]);
    s = withRole("treasurer", ["ana", "cy", "bo"], 1, s);
    s = must(advance(s, monday, calendar));
    expect([holder(s, "facilitator"), holder(s, "treasurer")]).toEqual(["ana", "cy"]);
    // Passed over, ana keeps her place at the front of the treasurer line.
    expect(findRole(s, "treasurer")?.queue[0]).toBe("ana");
    s = must(advance(s, monday + 7 * DAY, calendar));
    expect([holder(s, "facilitator"), holder(s, "treasurer")]).toEqual(["bo", "ana"]);
  });

  it("doubles up only when nobody else is available", () => {
    let s = withRole("facilitator", ["ana"]);
    s = withRole("treasurer", ["ana"], 1, s);
    s = must(advance(s, monday, calendar));
    expect([holder(s, "facilitator"), holder(s, "treasurer")]).toEqual(["ana", "ana"]);
  });
});
