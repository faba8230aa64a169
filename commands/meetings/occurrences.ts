import type { Job } from "../../src/kernel/scheduler/jobs.js";
import {
  addDays,
  formatLocalDate,
  isoWeekday,
  resolveLocal,
  toLocal,
  type LocalDate,
} from "../../src/kernel/time/local-time.js";
import { onceInstant, type Rule } from "../../src/kernel/time/recurrence.js";

/** The opener is posted this long before the meeting, so people read it as they arrive. */
export const OPENER_LEAD_MINUTES = 15;
/** How long a meeting is taken to last: "until the meeting" means until its end. */
export const MEETING_MINUTES = 120;

/** The meeting dates (YYYY-MM-DD, local) a weekly meeting skips, kept in its job's payload. */
export function skippedDays(job: Job): string[] {
  const skip = job.payload.skip;
  return Array.isArray(skip) ? skip.filter((day): day is string => typeof day === "string") : [];
}

/** The local day of the meeting an opener run belongs to (the opener comes a little before it). */
export function meetingDayOf(openerRunUtc: number, zone: string): string {
  return formatLocalDate(toLocal(zone, openerRunUtc + OPENER_LEAD_MINUTES * 60_000));
}

/**
 * When the meeting of `job` on `day` starts (UTC), or undefined if the job has no meeting that day.
 * Meetings are weekly or once (see `!meeting`); other rules never hold meetings.
 */
export function meetingOn(job: Pick<Job, "rule" | "zone">, day: LocalDate): number | undefined {
  const rule = job.rule;
  if (rule.kind === "once") {
    const at = onceInstant(rule, job.zone);
    return formatLocalDate(toLocal(job.zone, at)) === formatLocalDate(day) ? at : undefined;
  }
  if (rule.kind !== "weekly" || isoWeekday(day) !== rule.weekday) return undefined;
  const [hour, minute] = rule.time.split(":").map(Number);
  return resolveLocal(job.zone, { ...day, hour: hour ?? 0, minute: minute ?? 0 });
}

/** The start of the job's next meeting that is not skipped: a cancelled Thursday gives the Thursday after. */
export function nextHeld(job: Job): number {
  const skipped = new Set(skippedDays(job));
  let next = (job.nextRunUtc as number) + OPENER_LEAD_MINUTES * 60_000;
  for (let i = 0; i < 60 && skipped.has(meetingDayOf(next - OPENER_LEAD_MINUTES * 60_000, job.zone)); i++) {
    const local = toLocal(job.zone, next);
    next = resolveLocal(job.zone, { ...addDays(local, 7), hour: local.hour, minute: local.minute });
  }
  return next;
}

/** Whether `job` holds a meeting at exactly `startsAt` (a skipped day holds none). */
function holdsAt(job: Pick<Job, "rule" | "zone" | "payload">, startsAt: number): boolean {
  const day = toLocal(job.zone, startsAt);
  return meetingOn(job, day) === startsAt && !skippedDays(job as Job).includes(formatLocalDate(day));
}

/**
 * An upcoming meeting that a new one would repeat: the same weekly slot, or a one-off at the time of
 * a weekly meeting (either way round). The new meeting starts first at `firstStart`.
 */
export function clashingMeeting(others: readonly Job[], rule: Rule, zone: string, firstStart: number): Job | undefined {
  const added = { rule, zone, payload: {} };
  return others.find((other) => {
    if (other.nextRunUtc === null) return false;
    if (holdsAt(other, firstStart)) return true;
    if (other.rule.kind === "once") return holdsAt(added, (other.nextRunUtc as number) + OPENER_LEAD_MINUTES * 60_000);
    return (
      rule.kind === "weekly" &&
      other.rule.kind === "weekly" &&
      other.rule.weekday === rule.weekday &&
      other.rule.time === rule.time
    );
  });
}
