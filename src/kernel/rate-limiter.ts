const HOUR_MS = 3_600_000;

/**
 * Counts what each member did in each room over the last hour, in memory only: a count of
 * commands is not worth a row on disk (nor a trace of who was active), and a restart forgiving
 * it is harmless. Only commands that succeeded are counted.
 */
export class RateLimiter {
  private readonly marks = new Map<string, number[]>();

  /** How many were counted for this key in the hour before `now`. */
  count(key: string, now: number): number {
    const recent = (this.marks.get(key) ?? []).filter((t) => t > now - HOUR_MS && t <= now);
    if (recent.length === 0) this.marks.delete(key);
    else this.marks.set(key, recent);
    return recent.length;
  }

  record(key: string, now: number): void {
    this.count(key, now);
    this.marks.set(key, [...(this.marks.get(key) ?? []), now]);
  }
}
