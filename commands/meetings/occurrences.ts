import type { Job } from "../../src/kernel/scheduler/jobs.js";
import { formatLocalDate, isoWeekday, resolveLocal, toLocal, type LocalDate } from "../../src/kernel/time/local-time.js";
import { onceInstant } from "../../src/kernel/time/recurrence.js";

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
export function meetingOn(job: Job, day: LocalDate): number | undefined {
  const rule = job.rule;
  if (rule.kind === "once") {
    const at = onceInstant(rule, job.zone);
    return formatLocalDate(toLocal(job.zone, at)) === formatLocalDate(day) ? at : undefined;
  }
  if (rule.kind !== "weekly" || isoWeekday(day) !== rule.weekday) return undefined;
  const [hour, minute] = rule.time.split(":").map(Number);
  return resolveLocal(job.zone, { ...day, hour: hour ?? 0, minute: minute ?? 0 });
}
