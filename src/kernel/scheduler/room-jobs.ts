import type { Db } from "../../platform/db.js";
import type { Rule } from "../time/recurrence.js";
import { jobsRepo, type Job } from "./jobs.js";
import { replanRoom, scheduleJob, upsertRoomJob } from "./schedule.js";

export interface RoomJobSpec {
  kind: string;
  rule: Rule;
  offsetMinutes?: number;
  ref?: string;
  payload?: Record<string, unknown>;
}

/** One room's scheduled posts, in the room's zone: what features see of the durable scheduler. */
export interface RoomJobs {
  /** Adds a job with its first run planned after now. */
  schedule(spec: RoomJobSpec): Job;
  /** Replaces the room's single job of a kind (e.g. the rotation announcement), keeping its history. */
  upsert(spec: RoomJobSpec): Job;
  byKind(kind: string): Job[];
  byRef(ref: string): Job[];
  deleteByRef(ref: string): number;
  delete(id: number): boolean;
  /** Jobs still to run, re-planned first in the room's zone (it may have just changed). */
  active(): Job[];
  /** Re-plans future jobs after the room's zone changed; returns how many moved. */
  replan(zone: string): number;
}

export function roomJobs(db: Db, roomId: string, zone: string, now: number): RoomJobs {
  const repo = jobsRepo(db);
  return {
    schedule: (spec) => scheduleJob(db, { ...spec, roomId, zone }, now),
    upsert: (spec) => upsertRoomJob(db, { ...spec, roomId, zone }, now),
    byKind: (kind) => repo.byKind(roomId, kind),
    byRef: (ref) => repo.byRef(roomId, ref),
    deleteByRef: (ref) => repo.deleteByRef(roomId, ref),
    delete: (id) => repo.delete(roomId, id),
    active() {
      replanRoom(db, roomId, zone, now);
      return repo.activeInRoom(roomId);
    },
    replan: (newZone) => replanRoom(db, roomId, newZone, now),
  };
}
