import { nextOccurrence, type Rule } from "./recurrence.js";

export const DEFAULT_GRACE_MS = 6 * 60 * 60 * 1000;

/** Enough to walk a once-a-minute job through a week of downtime. */
const MAX_CATCH_UP_STEPS = 20_000;

export type RunDecision =
  /** Not yet due. */
  | { kind: "wait" }
  /** Post once now for the occurrence at `scheduledFor`, then plan `nextRunUtc`. */
  | { kind: "fire"; scheduledFor: number; lateByMs: number; nextRunUtc: number | null }
  /** Too late to be useful: post nothing, plan `nextRunUtc`. */
  | { kind: "skip"; scheduledFor: number; lateByMs: number; nextRunUtc: number | null };

export interface RunState {
  nextRunUtc: number;
  lastRunUtc: number | null;
  nowUtc: number;
  graceMs?: number;
}

/**
 * What to do with a job at `nowUtc`. The latest occurrence that is due counts (earlier ones missed
 * during downtime are folded into it), it fires once when it is less than the grace period late,
 * and the next run is always planned after now, so a job can never fire twice for one outage.
 * An occurrence at or before lastRun has already been handled and is not fired again.
 */
export function decideRun(rule: Rule, zone: string, state: RunState): RunDecision {
  return decideRunWith((after) => nextOccurrence(rule, zone, after), state);
}

/** The same policy for any schedule, e.g. a rule shifted by an offset (an opener 15 minutes early). */
export function decideRunWith(next: (afterUtcMs: number) => number | null, state: RunState): RunDecision {
  const { nextRunUtc, lastRunUtc, nowUtc } = state;
  const graceMs = state.graceMs ?? DEFAULT_GRACE_MS;
  if (nextRunUtc > nowUtc) return { kind: "wait" };
  let latestDue = nextRunUtc;
  for (let step = 0; step < MAX_CATCH_UP_STEPS; step++) {
    const following = next(latestDue);
    if (following === null || following > nowUtc) break;
    latestDue = following;
  }
  const nextRunAfterNow = next(Math.max(nowUtc, latestDue));
  const lateByMs = nowUtc - latestDue;
  const alreadyRan = lastRunUtc !== null && lastRunUtc >= latestDue;
  const kind = !alreadyRan && lateByMs < graceMs ? "fire" : "skip";
  return { kind, scheduledFor: latestDue, lateByMs, nextRunUtc: nextRunAfterNow };
}
