import { decideRun, DEFAULT_GRACE_MS } from "../../../src/kernel/time/missed-run.js";
import type { Rule } from "../../../src/kernel/time/recurrence.js";

const MADRID = "Europe/Madrid";
const utc = (iso: string) => Date.parse(iso);
const monday9: Rule = { kind: "weekly", weekday: 1, time: "09:00" };
const due = utc("2026-11-23T08:00Z");
const nextWeek = utc("2026-11-30T08:00Z");
const HOUR = 3_600_000;

describe("decideRun", () => {
  it("waits while the run is in the future", () => {
    expect(decideRun(monday9, MADRID, { nextRunUtc: due, lastRunUtc: null, nowUtc: due - 1 })).toEqual({
      kind: "wait",
    });
  });

  it("fires once when late by less than the grace period (6 h by default)", () => {
    expect(DEFAULT_GRACE_MS).toBe(6 * HOUR);
    const decision = decideRun(monday9, MADRID, { nextRunUtc: due, lastRunUtc: null, nowUtc: due + 5 * HOUR });
    expect(decision).toEqual({ kind: "fire", scheduledFor: due, lateByMs: 5 * HOUR, nextRunUtc: nextWeek });
  });

  it("skips and plans the next occurrence when later than the grace period", () => {
    const decision = decideRun(monday9, MADRID, { nextRunUtc: due, lastRunUtc: null, nowUtc: due + 7 * HOUR });
    expect(decision).toEqual({ kind: "skip", scheduledFor: due, lateByMs: 7 * HOUR, nextRunUtc: nextWeek });
  });

  it("honours a configured grace period", () => {
    const decision = decideRun(monday9, MADRID, {
      nextRunUtc: due,
      lastRunUtc: null,
      nowUtc: due + 2 * HOUR,
      graceMs: HOUR,
    });
    expect(decision.kind).toBe("skip");
  });

  it("folds many missed runs into the latest one and fires it once", () => {
    const hourly: Rule = { kind: "cron", expression: "0 * * * *" };
    const decision = decideRun(hourly, "UTC", {
      nextRunUtc: utc("2026-11-20T00:00Z"),
      lastRunUtc: null,
      nowUtc: utc("2026-11-24T03:36Z"),
    });
    expect(decision).toEqual({
      kind: "fire",
      scheduledFor: utc("2026-11-24T03:00Z"),
      lateByMs: 36 * 60_000,
      nextRunUtc: utc("2026-11-24T04:00Z"),
    });
  });

  it("never fires an occurrence that already ran", () => {
    const decision = decideRun(monday9, MADRID, { nextRunUtc: due, lastRunUtc: due, nowUtc: due + HOUR });
    expect(decision).toEqual({ kind: "skip", scheduledFor: due, lateByMs: HOUR, nextRunUtc: nextWeek });
  });

  it("plans nothing more after a one-off", () => {
    const once: Rule = { kind: "once", at: "2026-11-23T09:00" };
    const decision = decideRun(once, MADRID, { nextRunUtc: due, lastRunUtc: null, nowUtc: due + 1 });
    expect(decision).toEqual({ kind: "fire", scheduledFor: due, lateByMs: 1, nextRunUtc: null });
  });
});
