import {
  addRole,
  advance,
  calendarFromRule,
  DEFAULT_ANNOUNCE_RULE,
  emptyRotation,
  findRole,
  joinRole,
  parseTerm,
  type RotationResult,
  type RotationState,
} from "../../../commands/rotation/rules/index.js";

describe("reading a role's term", () => {
  it("reads whole weeks in figures or words, and named terms, in English and Spanish", () => {
    const read = [
      "",
      "every 2 weeks",
      "every two weeks",
      "3 weeks",
      "weekly",
      "monthly",
      "fortnightly",
      "cada dos semanas",
      "cada 3 semanas",
      "mensual",
      "semanal",
      "Every Two Weeks",
    ];
    expect(read.map(parseTerm)).toEqual([1, 2, 2, 3, 1, 4, 2, 2, 3, 4, 1, 2]);
  });

  it("refuses fractions and words it does not know rather than rounding them", () => {
    expect(["every 1.5 weeks", "cada 1,5 semanas", "every few weeks", "every 2 days", "yearly"].map(parseTerm)).toEqual(
      [undefined, undefined, undefined, undefined, undefined],
    );
  });
});

describe("sharing roles right after a join", () => {
  const calendar = calendarFromRule(DEFAULT_ANNOUNCE_RULE, "Europe/Madrid");
  const now = Date.parse("2026-11-24T10:00Z");
  const must = (r: RotationResult): RotationState => {
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value.state;
  };
  const settle = (s: RotationState) => must(advance(s, now, calendar));

  it("has the person holding two roles pass the newest one to a free person in its line, keeping the front of it", () => {
    let s = must(addRole(must(addRole(emptyRotation(), "facilitator", 1)), "treasurer", 1));
    s = settle(must(joinRole(s, "facilitator", "ana")));
    s = settle(must(joinRole(s, "treasurer", "ana")));
    expect([findRole(s, "facilitator")?.holder, findRole(s, "treasurer")?.holder]).toEqual(["ana", "ana"]);
    const result = advance(must(joinRole(s, "facilitator", "bo")), now, calendar);
    s = must(result);
    expect([findRole(s, "facilitator")?.holder, findRole(s, "treasurer")?.holder]).toEqual(["bo", "ana"]);
    expect(findRole(s, "facilitator")?.queue).toEqual(["ana"]);
    expect(result.ok && result.value.handovers).toEqual([
      { role: "facilitator", from: "ana", to: "bo", atUtc: now, reason: "shared" },
    ]);
    expect(s.history.at(-1)).toMatchObject({ role: "facilitator", member: "ana", ended: "shared" });
  });
});
