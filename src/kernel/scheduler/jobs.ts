import { RuleSchema, type Rule } from "../time/recurrence.js";
import { perDb } from "../../platform/per-db.js";

export interface Job {
  id: number;
  roomId: string;
  kind: string;
  rule: Rule;
  zone: string;
  offsetMinutes: number;
  ref: string | null;
  payload: Record<string, unknown>;
  nextRunUtc: number | null;
  lastRunUtc: number | null;
  createdAt: number;
}

/** A post to schedule in a room: what kind, by which rule, in which zone, about what. */
export interface JobSpec {
  roomId: string;
  kind: string;
  rule: Rule;
  zone: string;
  offsetMinutes?: number;
  ref?: string;
  payload?: Record<string, unknown>;
}

export interface NewJob extends JobSpec {
  nextRunUtc: number | null;
}

interface JobRow {
  id: number;
  room_id: string;
  kind: string;
  rule: string;
  zone: string;
  offset_minutes: number;
  ref: string | null;
  payload: string;
  next_run_utc: number | null;
  last_run_utc: number | null;
  created_at: number;
}

const COLUMNS = "id, room_id, kind, rule, zone, offset_minutes, ref, payload, next_run_utc, last_run_utc, created_at";

const statements = perDb((db) => ({
  insert: db.prepare(
    `INSERT INTO jobs (room_id, kind, rule, zone, offset_minutes, ref, payload, next_run_utc, created_at)
     VALUES (@roomId, @kind, @rule, @zone, @offsetMinutes, @ref, @payload, @nextRunUtc, @now)`,
  ),
  get: db.prepare(`SELECT ${COLUMNS} FROM jobs WHERE id = ?`),
  due: db.prepare(
    `SELECT ${COLUMNS} FROM jobs WHERE next_run_utc IS NOT NULL AND next_run_utc <= ? ORDER BY next_run_utc, id LIMIT ?`,
  ),
  nextAfter: db
    .prepare("SELECT min(next_run_utc) FROM jobs WHERE next_run_utc IS NOT NULL AND next_run_utc > ?")
    .pluck(),
  active: db.prepare(
    `SELECT ${COLUMNS} FROM jobs WHERE room_id = ? AND next_run_utc IS NOT NULL ORDER BY next_run_utc, id`,
  ),
  plannedZones: db.prepare("SELECT DISTINCT room_id AS roomId, zone FROM jobs WHERE next_run_utc IS NOT NULL"),
  byKind: db.prepare(`SELECT ${COLUMNS} FROM jobs WHERE room_id = ? AND kind = ? ORDER BY id`),
  byRef: db.prepare(`SELECT ${COLUMNS} FROM jobs WHERE room_id = ? AND ref = ? ORDER BY id`),
  deleteByRef: db.prepare("DELETE FROM jobs WHERE room_id = ? AND ref = ?"),
  delete: db.prepare("DELETE FROM jobs WHERE id = ? AND room_id = ?"),
  // The WHERE on next_run_utc is the claim: a second ticker that read the same row changes nothing.
  claim: db.prepare(
    "UPDATE jobs SET next_run_utc = @next, last_run_utc = coalesce(@lastRun, last_run_utc) WHERE id = @id AND next_run_utc = @expected",
  ),
  replan: db.prepare("UPDATE jobs SET zone = ?, next_run_utc = ? WHERE id = ?"),
  update: db.prepare(
    "UPDATE jobs SET rule = @rule, offset_minutes = @offsetMinutes, payload = @payload, zone = @zone, next_run_utc = @nextRunUtc WHERE id = @id",
  ),
}));

function hydrate(row: JobRow): Job {
  return {
    id: row.id,
    roomId: row.room_id,
    kind: row.kind,
    rule: RuleSchema.parse(JSON.parse(row.rule)),
    zone: row.zone,
    offsetMinutes: row.offset_minutes,
    ref: row.ref,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    nextRunUtc: row.next_run_utc,
    lastRunUtc: row.last_run_utc,
    createdAt: row.created_at,
  };
}

/** Scheduled posts. Room-scoped queries take the room; only the ticker reads across rooms. */
export const jobsRepo = perDb((db) => {
  const s = statements(db);
  const many = (rows: unknown[]) => (rows as JobRow[]).map(hydrate);
  return {
    insert(job: NewJob, now: number): Job {
      const { lastInsertRowid } = s.insert.run({
        roomId: job.roomId,
        kind: job.kind,
        rule: JSON.stringify(job.rule),
        zone: job.zone,
        offsetMinutes: job.offsetMinutes ?? 0,
        ref: job.ref ?? null,
        payload: JSON.stringify(job.payload ?? {}),
        nextRunUtc: job.nextRunUtc,
        now,
      });
      return hydrate(s.get.get(lastInsertRowid) as JobRow);
    },
    get(id: number): Job | undefined {
      const row = s.get.get(id) as JobRow | undefined;
      return row ? hydrate(row) : undefined;
    },
    due(now: number, limit = 100): Job[] {
      return many(s.due.all(now, limit));
    },
    /** The soonest run still ahead of `now`, in any room; null when nothing is planned. */
    nextRunAfter(now: number): number | null {
      return s.nextAfter.get(now) as number | null;
    },
    activeInRoom(roomId: string): Job[] {
      return many(s.active.all(roomId));
    },
    /** Each room with jobs still to run, with the zones they were planned in: what the tick compares. */
    plannedZones(): { roomId: string; zone: string }[] {
      return s.plannedZones.all() as { roomId: string; zone: string }[];
    },
    byKind(roomId: string, kind: string): Job[] {
      return many(s.byKind.all(roomId, kind));
    },
    byRef(roomId: string, ref: string): Job[] {
      return many(s.byRef.all(roomId, ref));
    },
    deleteByRef(roomId: string, ref: string): number {
      return s.deleteByRef.run(roomId, ref).changes;
    },
    delete(roomId: string, id: number): boolean {
      return s.delete.run(id, roomId).changes === 1;
    },
    /** Moves a due job on; false when another tick already did (the claim was lost). */
    claim(id: number, expected: number, next: number | null, lastRun: number | null): boolean {
      return s.claim.run({ id, expected, next, lastRun }).changes === 1;
    },
    replan(id: number, zone: string, nextRunUtc: number | null): void {
      s.replan.run(zone, nextRunUtc, id);
    },
    update(
      id: number,
      change: {
        rule: Rule;
        offsetMinutes: number;
        payload: Record<string, unknown>;
        zone: string;
        nextRunUtc: number | null;
      },
    ): void {
      s.update.run({
        id,
        rule: JSON.stringify(change.rule),
        offsetMinutes: change.offsetMinutes,
        payload: JSON.stringify(change.payload),
        zone: change.zone,
        nextRunUtc: change.nextRunUtc,
      });
    },
  };
});
