import { DateTime } from "luxon";
import { monthPeriod, parseYearMonth, weekPeriod } from "../../../commands/ledger/rules/period.js";

function local(iso: string, zone: string): number {
  return DateTime.fromISO(iso, { zone }).toMillis();
}

describe("weekPeriod", () => {
  test("a Wednesday afternoon belongs to the week from Monday 00:00 local", () => {
    const now = local("2026-04-08T15:30", "Europe/Madrid");
    expect(weekPeriod(now, "Europe/Madrid")).toEqual({
      start: local("2026-04-06T00:00", "Europe/Madrid"),
      end: local("2026-04-13T00:00", "Europe/Madrid"),
      weekYear: 2026,
      weekNumber: 15,
    });
  });

  test("Sunday night still belongs to the week that began on Monday", () => {
    const now = local("2026-04-12T23:59:59", "Europe/Madrid");
    expect(weekPeriod(now, "Europe/Madrid").start).toBe(local("2026-04-06T00:00", "Europe/Madrid"));
  });

  test("Monday at midnight starts a new week", () => {
    const now = local("2026-04-13T00:00", "Europe/Madrid");
    expect(weekPeriod(now, "Europe/Madrid").start).toBe(now);
  });

  test("the week is computed in the room's zone, not in UTC", () => {
    // Monday 01:00 in Madrid is still Sunday 23:00 UTC.
    const now = local("2026-04-13T01:00", "Europe/Madrid");
    expect(weekPeriod(now, "Europe/Madrid").start).toBe(local("2026-04-13T00:00", "Europe/Madrid"));
    expect(weekPeriod(now, "UTC").start).toBe(local("2026-04-06T00:00", "UTC"));
  });

  test("a week across the spring clock change is 167 hours long", () => {
    const period = weekPeriod(local("2026-03-25T12:00", "Europe/Madrid"), "Europe/Madrid");
    expect(period.start).toBe(local("2026-03-23T00:00", "Europe/Madrid"));
    expect((period.end - period.start) / 3_600_000).toBe(167);
  });

  test("the ISO week-year differs from the calendar year around new year", () => {
    const period = weekPeriod(local("2027-01-01T12:00", "America/Mexico_City"), "America/Mexico_City");
    expect(period).toMatchObject({ weekYear: 2026, weekNumber: 53 });
    expect(period.start).toBe(local("2026-12-28T00:00", "America/Mexico_City"));
  });

  test("an invalid zone is a programming error", () => {
    expect(() => weekPeriod(0, "Mars/Olympus")).toThrow(RangeError);
  });
});

describe("monthPeriod", () => {
  test("the current month in the room's zone", () => {
    const now = local("2026-04-30T23:30", "America/Bogota");
    expect(monthPeriod(now, "America/Bogota")).toEqual({
      start: local("2026-04-01T00:00", "America/Bogota"),
      end: local("2026-05-01T00:00", "America/Bogota"),
      year: 2026,
      month: 4,
    });
  });

  test("a chosen month, whatever the day today", () => {
    const now = local("2026-03-31T10:00", "Europe/Madrid");
    expect(monthPeriod(now, "Europe/Madrid", { year: 2026, month: 2 })).toEqual({
      start: local("2026-02-01T00:00", "Europe/Madrid"),
      end: local("2026-03-01T00:00", "Europe/Madrid"),
      year: 2026,
      month: 2,
    });
  });

  test("December ends at the next year's first of January", () => {
    const period = monthPeriod(0, "Europe/Madrid", { year: 2026, month: 12 });
    expect(period.end).toBe(local("2027-01-01T00:00", "Europe/Madrid"));
  });

  test("a month across the autumn clock change gains an hour", () => {
    const period = monthPeriod(0, "Europe/Madrid", { year: 2026, month: 10 });
    expect((period.end - period.start) / 3_600_000).toBe(31 * 24 + 1);
  });

  test("an invalid zone is a programming error", () => {
    expect(() => monthPeriod(0, "Not/AZone")).toThrow(RangeError);
  });
});

describe("parseYearMonth", () => {
  test.each([
    ["2026-04", 2026, 4],
    ["2026-12", 2026, 12],
    ["1999-01", 1999, 1],
  ])("%s", (input, year, month) => {
    expect(parseYearMonth(input)).toEqual({ ok: true, value: { year, month } });
  });

  test.each(["2026-13", "2026-00", "1969-12"])("%s is out of range", (input) => {
    expect(parseYearMonth(input)).toEqual({ ok: false, error: { code: "month-out-of-range", input } });
  });

  test.each([
    "2026-4",
    "26-04",
    "2026/04",
    "04-2026",
    " 2026-04",
    "2026-04 ",
    "2026-04-01",
    "april",
    "",
    "２０２６-04",
  ])("%j is not YYYY-MM", (input) => {
    expect(parseYearMonth(input)).toEqual({ ok: false, error: { code: "month-format", input } });
  });
});
