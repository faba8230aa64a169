import { isOverRate, rateRetryAfterMs, RATE_WINDOW_MS } from "../../src/domain/ledger/rate.js";

const NOW = 1_800_000_000_000;
const MINUTE = 60_000;

function minutesAgo(...minutes: number[]): number[] {
  return minutes.map((m) => NOW - m * MINUTE);
}

describe("isOverRate", () => {
  test("under the limit, one more is allowed", () => {
    expect(isOverRate(minutesAgo(1, 2), NOW, 3)).toBe(false);
  });

  test("at the limit, one more would exceed it", () => {
    expect(isOverRate(minutesAgo(1, 2, 3), NOW, 3)).toBe(true);
  });

  test("entries older than an hour do not count", () => {
    expect(isOverRate(minutesAgo(1, 2, 60, 61, 120), NOW, 3)).toBe(false);
  });

  test("an entry exactly one hour old has left the window", () => {
    expect(isOverRate([NOW - RATE_WINDOW_MS, NOW - 1, NOW - 2], NOW, 3)).toBe(false);
    expect(isOverRate([NOW - RATE_WINDOW_MS + 1, NOW - 1, NOW - 2], NOW, 3)).toBe(true);
  });

  test("order does not matter; future timestamps (clock skew) do not count", () => {
    expect(isOverRate([NOW - 1, NOW + MINUTE, NOW - 3], NOW, 3)).toBe(false);
    expect(isOverRate(minutesAgo(30, 1, 59), NOW, 3)).toBe(true);
  });

  test("the default of 30 per hour", () => {
    const twentyNine = Array.from({ length: 29 }, (_, i) => NOW - i * MINUTE);
    expect(isOverRate(twentyNine, NOW, 30)).toBe(false);
    expect(isOverRate([...twentyNine, NOW - 30 * MINUTE], NOW, 30)).toBe(true);
  });

  test("no history never exceeds a positive limit", () => {
    expect(isOverRate([], NOW, 1)).toBe(false);
  });
});

describe("rateRetryAfterMs", () => {
  test("zero when allowed", () => {
    expect(rateRetryAfterMs(minutesAgo(5), NOW, 3)).toBe(0);
  });

  test("waits until enough entries leave the window", () => {
    // Limit 2, entries 10 and 50 minutes ago: the one from 50 minutes ago leaves in 10 minutes.
    expect(rateRetryAfterMs(minutesAgo(10, 50), NOW, 2)).toBe(10 * MINUTE);
    // Limit 2, three entries: two must leave, the second oldest (10 min ago) leaves in 50 minutes.
    expect(rateRetryAfterMs(minutesAgo(50, 5, 10), NOW, 2)).toBe(50 * MINUTE);
  });
});
