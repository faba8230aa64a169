import { DateTime } from "luxon";
import {
  addRole,
  advance,
  calendarFromRule,
  DEFAULT_ANNOUNCE_RULE,
  emptyRotation,
  joinRole,
  planTerms,
  setAway,
  type RotationResult,
  type RotationState,
} from "../../../commands/rotation/rules/index.js";

const ZONE = "Europe/Madrid";
const calendar = calendarFromRule(DEFAULT_ANNOUNCE_RULE, ZONE);
const DAY = 86_400_000;
const monday = Date.parse("2026-11-23T08:00Z");
const show = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE }).toFormat("MM-dd HH:mm");

function must(result: RotationResult): RotationState {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value.state;
}

describe("planTerms", () => {
  let state: RotationState;
  beforeEach(() => {
    state = must(addRole(emptyRotation(), "facilitator", 1));
    for (const m of ["ana", "bo", "cy"]) state = must(joinRole(state, "facilitator", m));
    state = must(advance(state, monday, calendar));
  });

  it("shows who holds the role now, until when, and who comes next", () => {
    const [plan] = planTerms(state, monday + DAY, calendar, 3);
    expect(plan?.current && [plan.current.holder, show(plan.current.untilUtc)]).toEqual(["ana", "11-30 09:00"]);
    expect(plan?.upcoming.map((t) => [t.holder, show(t.fromUtc), show(t.untilUtc)])).toEqual([
      ["bo", "11-30 09:00", "12-07 09:00"],
      ["cy", "12-07 09:00", "12-14 09:00"],
      ["ana", "12-14 09:00", "12-21 09:00"],
    ]);
    expect(plan?.order).toEqual(["ana", "bo", "cy"]);
  });

  it("takes away periods into account without changing the real state", () => {
    const away = must(setAway(state, "bo", monday, monday + 10 * DAY));
    const [plan] = planTerms(away, monday + DAY, calendar, 2);
    expect(plan?.upcoming.map((t) => t.holder)).toEqual(["cy", "bo"]);
    expect(away.roles[0]?.holder).toBe("ana");
  });

  it("is empty for a role nobody has joined", () => {
    const s = must(addRole(emptyRotation(), "spokesperson", 1));
    expect(planTerms(s, monday, calendar)).toEqual([
      { role: "spokesperson", termWeeks: 1, current: null, upcoming: [], order: [] },
    ]);
  });
});
