import type { Person } from "../core/invocation.js";
import { leaveRole, type RotationState } from "../domain/rotation/index.js";
import { currentRotation } from "../scheduler/posts/rotation.js";
import type { Db } from "./db.js";
import { rotationRepo } from "./rotation.js";

/**
 * What each feature keeps about people and rooms, so a person can be forgotten and a cell wiped.
 * Forgetting keeps the cell's shared memory (a contribution still counts) but removes who it was:
 * the person's name becomes `someone` (in the room's language) and their user id is dropped.
 */
export interface RoomDataPart {
  /** Catalog key naming this part in previews. */
  key: string;
  countPerson(db: Db, roomId: string, who: PersonMatch): number;
  forgetPerson(db: Db, roomId: string, who: PersonMatch, someone: string, now: number, zone: string): void;
  countRoom(db: Db, roomId: string): number;
  wipeRoom(db: Db, roomId: string): void;
}

/** Every way a person may have been written down: their user id, or a typed name. */
export interface PersonMatch {
  userId: string | null;
  /** Lower-cased names that denote them when typed without a Matrix id (display name, localpart). */
  names: string[];
}

export function personMatch(person: Person): PersonMatch {
  const names = new Set([person.name.toLocaleLowerCase()]);
  if (person.userId) names.add(person.userId.slice(1).split(":")[0]!.toLocaleLowerCase());
  return { userId: person.userId ?? null, names: [...names] };
}

const nameList = (who: PersonMatch) => JSON.stringify(who.names);
const count = (db: Db, sql: string, ...params: unknown[]) => db.prepare(sql).pluck().get(...params) as number;

const GIVER = `(g.user_id = @userId OR (g.user_id IS NULL AND lower(g.name) IN (SELECT value FROM json_each(@names))))`;

const ledger: RoomDataPart = {
  key: "privacy.part.ledger",
  countPerson: (db, roomId, who) =>
    count(
      db,
      `SELECT count(DISTINCT e.id) FROM ledger_entries e LEFT JOIN ledger_givers g ON g.entry_id = e.id
       WHERE e.room_id = @roomId AND (${GIVER} OR e.recorded_by = @userId)`,
      { roomId, userId: who.userId, names: nameList(who) },
    ),
  forgetPerson(db, roomId, who, someone) {
    const params = { roomId, userId: who.userId, names: nameList(who), someone };
    db.prepare(
      `UPDATE ledger_givers AS g SET user_id = NULL, name = @someone
       WHERE g.entry_id IN (SELECT id FROM ledger_entries WHERE room_id = @roomId) AND ${GIVER}`,
    ).run(params);
    db.prepare("UPDATE ledger_entries SET recorded_by = '' WHERE room_id = @roomId AND recorded_by = @userId").run(params);
    db.prepare(
      "UPDATE ledger_corrections SET by_user = '' WHERE by_user = @userId AND entry_id IN (SELECT id FROM ledger_entries WHERE room_id = @roomId)",
    ).run(params);
  },
  countRoom: (db, roomId) => count(db, "SELECT count(*) FROM ledger_entries WHERE room_id = ?", roomId),
  wipeRoom: (db, roomId) => void db.prepare("DELETE FROM ledger_entries WHERE room_id = ?").run(roomId),
};

function rotationKeys(who: PersonMatch): (key: string) => boolean {
  return (key) => key === who.userId || (key.startsWith("name:") && who.names.includes(key.slice(5).toLocaleLowerCase()));
}

function rotationMentions(state: RotationState, matches: (key: string) => boolean): number {
  const inRoles = state.roles.filter((r) => (r.holder !== null && matches(r.holder)) || r.queue.some(matches)).length;
  return inRoles + state.away.filter((a) => matches(a.member)).length + state.history.filter((h) => matches(h.member)).length;
}

const rotation: RoomDataPart = {
  key: "privacy.part.rotation",
  countPerson: (db, roomId, who) => rotationMentions(rotationRepo(db).load(roomId), rotationKeys(who)),
  forgetPerson(db, roomId, who, someone, now, zone) {
    const matches = rotationKeys(who);
    let { state, calendar } = currentRotation(db, roomId, zone, now);
    for (const role of state.roles) {
      for (const member of [role.holder, ...role.queue].filter((m): m is string => m !== null && matches(m))) {
        const left = leaveRole(state, role.name, member, now, calendar);
        if (left.ok) state = left.state;
      }
    }
    state = {
      ...state,
      away: state.away.filter((a) => !matches(a.member)),
      history: state.history.map((h) => (matches(h.member) ? { ...h, member: `name:${someone}` } : h)),
    };
    rotationRepo(db).save(roomId, state, now);
  },
  countRoom: (db, roomId) => count(db, "SELECT count(*) FROM rotation_state WHERE room_id = ?", roomId),
  wipeRoom: (db, roomId) => void db.prepare("DELETE FROM rotation_state WHERE room_id = ?").run(roomId),
};

const VOLUNTEER = `(v.user_id = @userId OR (v.user_id IS NULL AND lower(v.name) IN (SELECT value FROM json_each(@names))))`;

const careplans: RoomDataPart = {
  key: "privacy.part.careplans",
  countPerson: (db, roomId, who) =>
    count(
      db,
      `SELECT count(DISTINCT p.id) FROM careplans p LEFT JOIN careplan_volunteers v ON v.plan_id = p.id
       WHERE p.room_id = @roomId AND (${VOLUNTEER} OR p.created_by = @userId)`,
      { roomId, userId: who.userId, names: nameList(who) },
    ),
  forgetPerson(db, roomId, who) {
    const params = { roomId, userId: who.userId, names: nameList(who) };
    db.prepare(`DELETE FROM careplan_volunteers AS v WHERE v.plan_id IN (SELECT id FROM careplans WHERE room_id = @roomId) AND ${VOLUNTEER}`).run(params);
    db.prepare("UPDATE careplans SET created_by = '' WHERE room_id = @roomId AND created_by = @userId").run(params);
    db.prepare("UPDATE care_acts SET added_by = '' WHERE room_id = @roomId AND added_by = @userId").run(params);
  },
  countRoom: (db, roomId) => count(db, "SELECT count(*) FROM careplans WHERE room_id = ?", roomId),
  wipeRoom(db, roomId) {
    db.prepare("DELETE FROM careplans WHERE room_id = ?").run(roomId);
    db.prepare("DELETE FROM care_acts WHERE room_id = ?").run(roomId);
  },
};

/** Scheduled posts, the room's rhythm and settings: nothing personal, but part of a cell to wipe. */
const schedule: RoomDataPart = {
  key: "privacy.part.schedule",
  countPerson: () => 0,
  forgetPerson: () => undefined,
  countRoom: (db, roomId) => count(db, "SELECT count(*) FROM jobs WHERE room_id = ? AND next_run_utc IS NOT NULL", roomId),
  wipeRoom(db, roomId) {
    db.prepare("DELETE FROM jobs WHERE room_id = ?").run(roomId);
    db.prepare("DELETE FROM room_rhythm WHERE room_id = ?").run(roomId);
    db.prepare("DELETE FROM room_settings WHERE room_id = ?").run(roomId);
    // Replies not yet delivered may quote the cell's data; delivered ones are already emptied.
    db.prepare("DELETE FROM outbox WHERE room_id = ? AND sent_at IS NULL").run(roomId);
    // Plan numbers start again at 1 after a wipe: a reaction to an old message must not reach a new plan.
    db.prepare("UPDATE outbox SET ref = NULL WHERE room_id = ?").run(roomId);
  },
};

/** Every feature that keeps room data. A new feature with tables of its own adds its part here. */
export const ROOM_DATA: readonly RoomDataPart[] = [ledger, rotation, careplans, schedule];
