import type { RoomJobs } from "../../src/kernel/scheduler/room-jobs.js";
import type { Db } from "../../src/platform/db.js";
import { rotationCalendar } from "./announcement.js";
import { rotationRepo } from "./repository.js";
import { advance, type Handover, type RotationState, type TermCalendar } from "./rules/index.js";

export interface CurrentRotation {
  state: RotationState;
  handovers: Handover[];
  calendar: TermCalendar;
}

/** What rotation commands and posts work with: each room's rotation, kept up to date. */
export function rotationServices(db: Db) {
  const repo = rotationRepo(db);
  return {
    /** Loads the room's rotation brought up to `now`, and saves it: every reader sees the same holders. */
    current(roomId: string, jobs: RoomJobs, zone: string, now: number): CurrentRotation {
      const calendar = rotationCalendar(jobs, zone);
      const result = advance(repo.load(roomId), now, calendar);
      if (!result.ok) throw new Error("advancing a rotation cannot fail");
      repo.save(roomId, result.value.state, now);
      return { ...result.value, calendar };
    },
    save: (roomId: string, state: RotationState, now: number): void => repo.save(roomId, state, now),
  };
}

export type RotationSlice = ReturnType<typeof rotationServices>;
