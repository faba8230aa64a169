import type { RoomJobs } from "../../src/kernel/scheduler/room-jobs.js";
import type { Rule } from "../../src/kernel/time/recurrence.js";
import { calendarFromRule, DEFAULT_ANNOUNCE_RULE, type TermCalendar } from "./rules/index.js";

export const ANNOUNCE_KIND = "rotation.announce";

/** Terms end at the room's announcements, so the calendar follows the announcement's rule. */
export function rotationCalendar(jobs: RoomJobs, zone: string): TermCalendar {
  return calendarFromRule(jobs.byKind(ANNOUNCE_KIND)[0]?.rule ?? DEFAULT_ANNOUNCE_RULE, zone);
}

/** The weekly announcement exists as soon as the room has a role. */
export function ensureAnnouncement(jobs: RoomJobs): void {
  if (jobs.byKind(ANNOUNCE_KIND).length === 0) jobs.upsert({ kind: ANNOUNCE_KIND, rule: DEFAULT_ANNOUNCE_RULE });
}

/** Moves the announcement to a new rule; returns when it runs next. */
export function moveAnnouncement(jobs: RoomJobs, rule: Rule): number | null {
  return jobs.upsert({ kind: ANNOUNCE_KIND, rule }).nextRunUtc;
}
