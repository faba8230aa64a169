import { DateTime } from "luxon";
import { nextOccurrence, occurrencesBetween, validateRule, type Rule } from "../../../src/kernel/time/recurrence.js";
import { resolveLocal, toLocal } from "../../../src/kernel/time/local-time.js";

const MADRID = "Europe/Madrid";
const utc = (iso: string) => Date.parse(iso);
const local = (ms: number, zone = MADRID) => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd HH:mm ccc");

describe("resolveLocal", () => {
  it("puts a time skipped by spring forward at its shifted instant", () => {
    // 2026-03-29: Madrid jumps 02:00 → 03:00.
    const at = resolveLocal(MADRID, { year: 2026, month: 3, day: 29, hour: 2, minute: 30 });
    expect(new Date(at).toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(local(at)).toBe("2026-03-29 03:30 Sun");
  });

  it("picks the first of the two instants of a time repeated by fall back", () => {
    // 2026-10-25: Madrid goes 03:00 → 02:00; 02:30 happens at 00:30Z (CEST) and 01:30Z (CET).
    const at = resolveLocal(MADRID, { year: 2026, month: 10, day: 25, hour: 2, minute: 30 });
    expect(new Date(at).toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("round-trips ordinary times", () => {
    const at = resolveLocal("America/New_York", { year: 2026, month: 7, day: 4, hour: 9, minute: 15 });
    expect(toLocal("America/New_York", at)).toEqual({ year: 2026, month: 7, day: 4, hour: 9, minute: 15 });
  });
});

describe("weekly rules", () => {
  const monday9: Rule = { kind: "weekly", weekday: 1, time: "09:00" };

  it("stays at 09:00 local across both DST changes", () => {
    const runs = occurrencesBetween(monday9, MADRID, utc("2026-03-20T00:00Z"), utc("2026-11-10T00:00Z"));
    expect(runs.length).toBeGreaterThan(30);
    for (const run of runs) expect(local(run)).toMatch(/ 09:00 Mon$/);
    expect(runs.map((r) => new Date(r).toISOString())).toEqual(
      expect.arrayContaining(["2026-03-23T08:00:00.000Z", "2026-03-30T07:00:00.000Z", "2026-10-26T08:00:00.000Z"]),
    );
  });

  it("is strictly after the given instant", () => {
    const at = utc("2026-11-23T08:00Z"); // Monday 09:00 Madrid
    expect(nextOccurrence(monday9, MADRID, at - 1)).toBe(at);
    expect(nextOccurrence(monday9, MADRID, at)).toBe(utc("2026-11-30T08:00Z"));
  });

  it("fires once on the spring-forward day, at the shifted instant", () => {
    const sunday0230: Rule = { kind: "weekly", weekday: 7, time: "02:30" };
    const runs = occurrencesBetween(sunday0230, MADRID, utc("2026-03-21T00:00Z"), utc("2026-04-06T00:00Z"));
    expect(runs.map((r) => new Date(r).toISOString())).toEqual([
      "2026-03-22T01:30:00.000Z",
      "2026-03-29T01:30:00.000Z",
      "2026-04-05T00:30:00.000Z",
    ]);
  });

  it("fires once on the fall-back day, at the first 02:30", () => {
    const sunday0230: Rule = { kind: "weekly", weekday: 7, time: "02:30" };
    const runs = occurrencesBetween(sunday0230, MADRID, utc("2026-10-24T00:00Z"), utc("2026-10-26T00:00Z"));
    expect(runs.map((r) => new Date(r).toISOString())).toEqual(["2026-10-25T00:30:00.000Z"]);
  });

  it("honours every N weeks from its anchor", () => {
    const fortnightly: Rule = { kind: "weekly", weekday: 4, time: "19:00", everyWeeks: 2, anchor: "2026-12-03" };
    const runs = occurrencesBetween(fortnightly, MADRID, utc("2026-11-24T00:00Z"), utc("2027-01-01T00:00Z"));
    expect(runs.map((r) => local(r))).toEqual(["2026-12-03 19:00 Thu", "2026-12-17 19:00 Thu", "2026-12-31 19:00 Thu"]);
  });
});

describe("one-off and cron rules", () => {
  it("fires a one-off once, then never", () => {
    const once: Rule = { kind: "once", at: utc("2026-12-04T07:00Z") };
    const at = nextOccurrence(once, MADRID, utc("2026-11-24T00:00Z"));
    expect(at).toBe(utc("2026-12-04T07:00Z"));
    expect(nextOccurrence(once, MADRID, at ?? 0)).toBeNull();
    expect(validateRule(once, MADRID)).toBeUndefined();
  });

  it("still reads a one-off planned in local time before one-offs took an instant", () => {
    const once: Rule = { kind: "once", at: "2026-12-04T08:00" };
    expect(nextOccurrence(once, MADRID, utc("2026-11-24T00:00Z"))).toBe(utc("2026-12-04T07:00Z"));
  });

  it("follows a cron expression in local time", () => {
    const weekdays1730: Rule = { kind: "cron", expression: "30 17 * * mon-fri" };
    const runs = occurrencesBetween(weekdays1730, MADRID, utc("2026-11-27T00:00Z"), utc("2026-12-02T00:00Z"));
    expect(runs.map((r) => local(r))).toEqual(["2026-11-27 17:30 Fri", "2026-11-30 17:30 Mon", "2026-12-01 17:30 Tue"]);
  });

  it("does not double a cron step on the fall-back day and does not lose the gap", () => {
    const quarter: Rule = { kind: "cron", expression: "*/30 2 * * *" };
    const spring = occurrencesBetween(quarter, MADRID, utc("2026-03-28T12:00Z"), utc("2026-03-29T12:00Z"));
    expect(spring.map((r) => new Date(r).toISOString())).toEqual([
      "2026-03-29T01:00:00.000Z",
      "2026-03-29T01:30:00.000Z",
    ]);
    const fall = occurrencesBetween(quarter, MADRID, utc("2026-10-24T12:00Z"), utc("2026-10-25T12:00Z"));
    expect(fall.map((r) => new Date(r).toISOString())).toEqual([
      "2026-10-25T00:00:00.000Z",
      "2026-10-25T00:30:00.000Z",
    ]);
  });

  it("uses either day field when both are restricted, as cron does", () => {
    const rule: Rule = { kind: "cron", expression: "0 9 1 * sun" };
    const runs = occurrencesBetween(rule, "UTC", utc("2026-11-28T00:00Z"), utc("2026-12-08T00:00Z"));
    expect(runs.map((r) => new Date(r).toISOString().slice(0, 10))).toEqual(["2026-11-29", "2026-12-01", "2026-12-06"]);
  });

  it("returns null for a cron day that never comes", () => {
    expect(nextOccurrence({ kind: "cron", expression: "0 9 31 2 *" }, "UTC", utc("2026-01-01T00:00Z"))).toBeNull();
  });

  it("reports typed errors for bad rules and zones", () => {
    expect(validateRule({ kind: "cron", expression: "61 * * * *" }, MADRID)).toEqual({
      code: "cron-bad-field",
      field: "minute",
      text: "61",
    });
    expect(validateRule({ kind: "cron", expression: "* * *" }, MADRID)).toEqual({ code: "cron-field-count", found: 3 });
    expect(validateRule({ kind: "weekly", weekday: 1, time: "25:00" }, MADRID)).toEqual({
      code: "bad-time",
      text: "25:00",
    });
    expect(validateRule({ kind: "once", at: "2026-12-04" }, MADRID)).toEqual({
      code: "bad-local-date-time",
      text: "2026-12-04",
    });
    expect(validateRule({ kind: "weekly", weekday: 1, time: "09:00" }, "Mars/Olympus")).toEqual({
      code: "unknown-zone",
      zone: "Mars/Olympus",
    });
    expect(validateRule({ kind: "cron", expression: "0 9 * * 1-5" }, MADRID)).toBeUndefined();
  });
});
