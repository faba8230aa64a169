import { DateTime } from "luxon";
import { nextOccurrence, occurrencesBetween, validateRule, type Rule } from "../../../src/kernel/time/recurrence.js";

const MADRID = "Europe/Madrid";
const local = (ms: number, zone = MADRID) => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd HH:mm ccc");

describe("monthly nth-weekday rule", () => {
  const firstMonday: Rule = { kind: "monthly", nth: 1, weekday: 1, time: "19:00" };

  it("finds the first, fourth and last weekday of a month", () => {
    const firstIn = (nth: 1 | 4 | -1, weekday: number, month: string) =>
      local(
        nextOccurrence({ kind: "monthly", nth, weekday, time: "12:00" }, MADRID, Date.parse(`${month}-01T00:00:00Z`)) ??
          0,
      );
    expect(firstIn(1, 1, "2026-12")).toBe("2026-12-07 12:00 Mon");
    expect(firstIn(1, 1, "2026-06")).toBe("2026-06-01 12:00 Mon");
    expect(firstIn(4, 4, "2026-12")).toBe("2026-12-24 12:00 Thu");
    expect(firstIn(-1, 4, "2026-12")).toBe("2026-12-31 12:00 Thu");
    expect(firstIn(-1, 7, "2027-02")).toBe("2027-02-28 12:00 Sun");
  });

  it("fires on the first Monday of each month at the room's wall time, across DST", () => {
    const from = Date.parse("2026-02-15T00:00:00Z");
    const runs = occurrencesBetween(firstMonday, MADRID, from, Date.parse("2026-12-31T00:00:00Z")).map((ms) =>
      local(ms),
    );
    expect(runs.slice(0, 4)).toEqual([
      "2026-03-02 19:00 Mon",
      "2026-04-06 19:00 Mon",
      "2026-05-04 19:00 Mon",
      "2026-06-01 19:00 Mon",
    ]);
    expect(runs).toContain("2026-11-02 19:00 Mon");
    expect(runs).toHaveLength(10);
    // Winter (CET, +1) and summer (CEST, +2) put the same wall time at different UTC hours.
    expect(new Date(nextOccurrence(firstMonday, MADRID, from) as number).toISOString()).toBe(
      "2026-03-02T18:00:00.000Z",
    );
    expect(
      new Date(nextOccurrence(firstMonday, MADRID, Date.parse("2026-03-03T00:00:00Z")) as number).toISOString(),
    ).toBe("2026-04-06T17:00:00.000Z");
  });

  it("moves to next month once this month's day has passed, and crosses the year", () => {
    const afterDecember = Date.parse("2026-12-07T18:00:00Z");
    expect(local(nextOccurrence(firstMonday, MADRID, afterDecember) as number)).toBe("2027-01-04 19:00 Mon");
    expect(local(nextOccurrence(firstMonday, MADRID, afterDecember - 1) as number)).toBe("2026-12-07 19:00 Mon");
  });

  it("follows the zone: the same rule in New York is another instant", () => {
    const at = nextOccurrence(firstMonday, "America/New_York", Date.parse("2026-11-20T00:00:00Z")) as number;
    expect(local(at, "America/New_York")).toBe("2026-12-07 19:00 Mon");
  });

  it("rejects a bad time", () => {
    expect(validateRule({ ...firstMonday, time: "25:00" }, MADRID)).toEqual({ code: "bad-time", text: "25:00" });
    expect(validateRule(firstMonday, MADRID)).toBeUndefined();
  });
});
