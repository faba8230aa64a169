import type { Person } from "../../src/kernel/invocation.js";
import { nameKey } from "../../src/kernel/text-hygiene.js";
import type { Db } from "../../src/platform/db.js";
import { perDb } from "../../src/platform/per-db.js";
import { nextNumber } from "../../src/platform/next-number.js";

export type PlanStatus = "planned" | "done" | "cancelled";

export interface CarePlan {
  id: number;
  roomId: string;
  number: number;
  action: string;
  startsAt: number;
  endsAt: number;
  careAct: string | null;
  status: PlanStatus;
  createdBy: string;
  createdAt: number;
  /** When it was last closed (done or cancelled); null while planned. */
  closedAt: number | null;
  volunteers: Person[];
}

interface PlanRow {
  id: number;
  room_id: string;
  number: number;
  action: string;
  starts_at: number;
  ends_at: number;
  care_act: string | null;
  status: PlanStatus;
  created_by: string;
  created_at: number;
  closed_at: number | null;
}

const COLUMNS = "id, room_id, number, action, starts_at, ends_at, care_act, status, created_by, created_at, closed_at";

const statements = perDb((db) => ({
  insert: db.prepare(
    `INSERT INTO careplans (room_id, number, action, starts_at, ends_at, care_act, created_by, created_at)
     VALUES (@roomId, @number, @action, @startsAt, @endsAt, @careAct, @createdBy, @now)`,
  ),
  get: db.prepare(`SELECT ${COLUMNS} FROM careplans WHERE room_id = ? AND number = ?`),
  // Open plans first, soonest first; then those closed recently, latest first.
  list: db.prepare(
    `SELECT ${COLUMNS} FROM careplans WHERE room_id = ? AND (status = 'planned' OR ends_at >= ?)
     ORDER BY status != 'planned', CASE WHEN status = 'planned' THEN starts_at ELSE -starts_at END, number LIMIT ? OFFSET ?`,
  ),
  count: db
    .prepare("SELECT count(*) FROM careplans WHERE room_id = ? AND (status = 'planned' OR ends_at >= ?)")
    .pluck(),
  recentActs: db
    .prepare(
      "SELECT care_act FROM careplans WHERE room_id = ? AND care_act IS NOT NULL AND status != 'cancelled' ORDER BY starts_at DESC LIMIT ?",
    )
    .pluck(),
  setAct: db.prepare("UPDATE careplans SET care_act = ? WHERE id = ?"),
  setStatus: db.prepare("UPDATE careplans SET status = ?, closed_at = ? WHERE id = ?"),
  setTimes: db.prepare("UPDATE careplans SET starts_at = ?, ends_at = ? WHERE id = ?"),
  volunteers: db.prepare("SELECT user_id, name FROM careplan_volunteers WHERE plan_id = ? ORDER BY joined_at, rowid"),
  addVolunteer: db.prepare(
    "INSERT OR IGNORE INTO careplan_volunteers (plan_id, person, user_id, name, name_key, joined_at) VALUES (?, ?, ?, ?, ?, ?)",
  ),
  removeVolunteer: db.prepare("DELETE FROM careplan_volunteers WHERE plan_id = ? AND person = ?"),
  customActs: db.prepare("SELECT id, label FROM care_acts WHERE room_id = ? ORDER BY added_at, id"),
  addAct: db.prepare("INSERT OR IGNORE INTO care_acts (room_id, id, label, added_by, added_at) VALUES (?, ?, ?, ?, ?)"),
}));

/** A volunteer not on Matrix is one person however their name is cased ("Álvaro", "ÁLVARO"). */
function volunteerKey(person: Person): string {
  return person.userId ?? `name:${nameKey(person.name)}`;
}

export const carePlansRepo = perDb((db) => {
  const s = statements(db);
  const hydrate = (row: PlanRow): CarePlan => ({
    id: row.id,
    roomId: row.room_id,
    number: row.number,
    action: row.action,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    careAct: row.care_act,
    status: row.status,
    createdBy: row.created_by,
    createdAt: row.created_at,
    closedAt: row.closed_at,
    volunteers: (s.volunteers.all(row.id) as { user_id: string | null; name: string }[]).map((v) =>
      v.user_id ? { userId: v.user_id, name: v.name } : { name: v.name },
    ),
  });
  return {
    create(
      plan: {
        roomId: string;
        action: string;
        startsAt: number;
        endsAt: number;
        careAct: string | null;
        createdBy: string;
      },
      now: number,
    ): CarePlan {
      const number = nextNumber(db, "careplans", "room_id", plan.roomId);
      s.insert.run({ ...plan, number, now });
      return hydrate(s.get.get(plan.roomId, number) as PlanRow);
    },
    get(roomId: string, number: number): CarePlan | undefined {
      const row = s.get.get(roomId, number) as PlanRow | undefined;
      return row ? hydrate(row) : undefined;
    },
    /** Open plans (soonest first), then those that ended after `since` (latest first), one page of them. */
    list(roomId: string, since: number, limit = 10, offset = 0): CarePlan[] {
      return (s.list.all(roomId, since, limit, offset) as PlanRow[]).map(hydrate);
    },
    /** How many plans `list` would go through, all pages together. */
    count(roomId: string, since: number): number {
      return s.count.get(roomId, since) as number;
    },
    /** Care act ids of the room's latest plans, most recent first. */
    recentCareActs(roomId: string, limit = 4): string[] {
      return s.recentActs.all(roomId, limit) as string[];
    },
    setCareAct(plan: CarePlan, act: string): void {
      s.setAct.run(act, plan.id);
    },
    close(plan: CarePlan, status: "done" | "cancelled", now: number): void {
      s.setStatus.run(status, now, plan.id);
    },
    reopen(plan: CarePlan): void {
      s.setStatus.run("planned", null, plan.id);
    },
    move(plan: CarePlan, startsAt: number, endsAt: number): void {
      s.setTimes.run(startsAt, endsAt, plan.id);
    },
    /** False when the person already volunteered. */
    addVolunteer(plan: CarePlan, person: Person, now: number): boolean {
      return (
        s.addVolunteer.run(plan.id, volunteerKey(person), person.userId ?? null, person.name, nameKey(person.name), now)
          .changes === 1
      );
    },
    /** False when the person was not a volunteer. */
    removeVolunteer(plan: CarePlan, person: Person): boolean {
      return s.removeVolunteer.run(plan.id, volunteerKey(person)).changes === 1;
    },
    customActs(roomId: string): { id: string; label: string }[] {
      return s.customActs.all(roomId) as { id: string; label: string }[];
    },
    addCustomAct(roomId: string, act: { id: string; label: string }, by: string, now: number): boolean {
      return s.addAct.run(roomId, act.id, act.label, by, now).changes === 1;
    },
  };
});

/** How many care plans a room carried through (closed as done) in [from, to) (for federation's aggregates). */
export const carePlansCarriedCount = (db: Db, roomId: string, from: number, to: number): number =>
  db
    .prepare(
      "SELECT count(*) FROM careplans WHERE room_id = ? AND status = 'done' AND closed_at >= ? AND closed_at < ?",
    )
    .pluck()
    .get(roomId, from, to) as number;

/** The room's plan numbers, oldest first: decisions and lessons that name a plan check it exists. */
export const carePlanNumbers = (db: Db, roomId: string): number[] =>
  db.prepare("SELECT number FROM careplans WHERE room_id = ? ORDER BY number").pluck().all(roomId) as number[];
