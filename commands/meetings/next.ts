import type { RoomJobs } from "../../src/kernel/scheduler/room-jobs.js";
import { ASSEMBLY_KIND } from "./assembly.js";
import { MEETING_MINUTES, nextHeld } from "./occurrences.js";
import { OPENER_KIND } from "./posts.js";

/** When the room's next meeting (weekly, once or monthly assembly) starts, or null if none is planned; a cancelled day is not one. */
export function nextMeetingAt(jobs: RoomJobs): number | null {
  const starts = [...jobs.byKind(OPENER_KIND), ...jobs.byKind(ASSEMBLY_KIND)]
    .filter((job) => job.nextRunUtc !== null)
    .map((job) => (job.kind === OPENER_KIND ? nextHeld(job) : (job.nextRunUtc as number) - job.offsetMinutes * 60_000));
  return starts.length > 0 ? Math.min(...starts) : null;
}

/** When the room's next meeting (weekly or once) ends: what "until the meeting" means for a deadline; a cancelled day is not one. */
export function nextMeetingEnd(jobs: RoomJobs): number | undefined {
  const ends = jobs
    .byKind(OPENER_KIND)
    .filter((job) => job.nextRunUtc !== null)
    .map((job) => nextHeld(job) + MEETING_MINUTES * 60_000);
  return ends.length > 0 ? Math.min(...ends) : undefined;
}
