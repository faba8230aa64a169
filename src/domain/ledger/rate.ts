export const RATE_WINDOW_MS = 60 * 60 * 1000;

/**
 * Whether recording one more entry at `now` would make more than `limitPerHour` entries by the
 * same member within the rolling hour ending at `now`. `timestampsMs` are that member's earlier
 * entries (any order, older ones are ignored).
 */
export function isOverRate(timestampsMs: readonly number[], now: number, limitPerHour: number): boolean {
  return recentCount(timestampsMs, now) >= limitPerHour;
}

/** How long until one more entry is allowed again; 0 when it already is. */
export function rateRetryAfterMs(timestampsMs: readonly number[], now: number, limitPerHour: number): number {
  const recent = timestampsMs.filter((t) => inWindow(t, now)).sort((a, b) => b - a);
  if (recent.length < limitPerHour) return 0;
  // The oldest entry that must leave the window before the count drops below the limit.
  const blocking = recent[limitPerHour - 1] ?? now;
  return blocking + RATE_WINDOW_MS - now;
}

function inWindow(timestamp: number, now: number): boolean {
  return timestamp > now - RATE_WINDOW_MS && timestamp <= now;
}

function recentCount(timestampsMs: readonly number[], now: number): number {
  return timestampsMs.filter((t) => inWindow(t, now)).length;
}
