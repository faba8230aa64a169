import { LUNAR_MONTH_DAYS, longerThanLunarMonth, nextFullMoon, nextNewMoon } from "../../../src/kernel/time/moon.js";

const utc = (iso: string) => Date.parse(iso);
const MINUTES_10 = 10 * 60_000;

// Published times (timeanddate.com / USNO, UTC).
describe("moon phases", () => {
  it.each([
    ["2025-01-20T00:00Z", "2025-01-29T12:36Z"],
    ["2024-04-01T00:00Z", "2024-04-08T18:21Z"],
    ["2026-11-24T04:00Z", "2026-12-09T00:52Z"],
  ])("next new moon after %s is about %s", (after, expected) => {
    expect(Math.abs(nextNewMoon(utc(after)) - utc(expected))).toBeLessThan(MINUTES_10);
  });

  it.each([
    ["2025-02-01T00:00Z", "2025-02-12T13:53Z"],
    ["2026-11-24T04:00Z", "2026-11-24T14:53Z"],
  ])("next full moon after %s is about %s", (after, expected) => {
    expect(Math.abs(nextFullMoon(utc(after)) - utc(expected))).toBeLessThan(MINUTES_10);
  });

  it("is strictly after the given instant", () => {
    const full = nextFullMoon(utc("2026-11-20T00:00Z"));
    const following = nextFullMoon(full);
    expect(following - full).toBeGreaterThan(29 * 86_400_000);
    expect(following - full).toBeLessThan(30 * 86_400_000);
  });

  it("tells a burst longer than a lunar month", () => {
    expect(LUNAR_MONTH_DAYS).toBeCloseTo(29.53, 2);
    const start = utc("2026-11-24T00:00Z");
    expect(longerThanLunarMonth(start, start + 29 * 86_400_000)).toBe(false);
    expect(longerThanLunarMonth(start, start + 30 * 86_400_000)).toBe(true);
  });
});
