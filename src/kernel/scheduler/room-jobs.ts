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

/** Building one holds the room, its zone and the moment: nothing is planned until a command plans. */
export function roomJobs(db: Db, roomId: string, zone: string, now: number): RoomJobs {
  return new RoomSchedule(db, roomId, zone, now);
}

class RoomSchedule implements RoomJobs {
  private readonly repo: ReturnType<typeof jobsRepo>;

  constructor(
    private readonly db: Db,
    private readonly roomId: string,
    private readonly zone: string,
    private readonly now: number,
  ) {
    this.repo = jobsRepo(db);
  }

  schedule(spec: RoomJobSpec): Job {
    return scheduleJob(this.db, { ...spec, roomId: this.roomId, zone: this.zone }, this.now);
  }

  upsert(spec: RoomJobSpec): Job {
    return upsertRoomJob(this.db, { ...spec, roomId: this.roomId, zone: this.zone }, this.now);
  }

  byKind(kind: string): Job[] {
    return this.repo.byKind(this.roomId, kind);
  }

  byRef(ref: string): Job[] {
    return this.repo.byRef(this.roomId, ref);
  }

  deleteByRef(ref: string): number {
    return this.repo.deleteByRef(this.roomId, ref);
  }

  delete(id: number): boolean {
    return this.repo.delete(this.roomId, id);
  }

  active(): Job[] {
    replanRoom(this.db, this.roomId, this.zone, this.now);
    return this.repo.activeInRoom(this.roomId);
  }

  replan(zone: string): number {
    return replanRoom(this.db, this.roomId, zone, this.now);
  }
}
