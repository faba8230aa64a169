import { localpart } from "../../src/kernel/mentions.js";
import {
  countMentioning,
  countRows,
  forgetMentions,
  mentionPattern,
  mentions,
  namesParam,
  withoutMentions,
  type PersonMatch,
  type RoomDataPart,
} from "../../src/kernel/room-data.js";
import type { Db } from "../../src/platform/db.js";
import { customCareAct } from "./rules/index.js";

// Typed names are compared by their stored key (nameKey), never by SQLite's ASCII-only lower().
const VOLUNTEER = `(v.user_id = @userId OR (v.user_id IS NULL AND v.name_key IN (SELECT value FROM json_each(@names))))`;

const actions = (db: Db, roomId: string) =>
  db.prepare("SELECT id, action AS text FROM careplans WHERE room_id = ?").all(roomId) as {
    id: number;
    text: string;
  }[];
const acts = (db: Db, roomId: string) =>
  db.prepare("SELECT id, label AS text, added_at FROM care_acts WHERE room_id = ?").all(roomId) as {
    id: string;
    text: string;
    added_at: number;
  }[];

/**
 * A care act the room named after the person ("soup from ana") is renamed, and since its id is made
 * from its name, the plans that chose it follow it to the new id.
 */
function forgetInActs(db: Db, roomId: string, who: PersonMatch, someone: string): void {
  const pattern = mentionPattern(who);
  if (!pattern) return;
  for (const act of acts(db, roomId).filter((a) => mentions(a.text, pattern))) {
    const renamed = customCareAct(withoutMentions(act.text, pattern, someone));
    db.prepare("UPDATE careplans SET care_act = ? WHERE room_id = ? AND care_act = ?").run(renamed.id, roomId, act.id);
    db.prepare("DELETE FROM care_acts WHERE room_id = ? AND id = ?").run(roomId, act.id);
    db.prepare("INSERT OR IGNORE INTO care_acts (room_id, id, label, added_by, added_at) VALUES (?, ?, ?, '', ?)").run(
      roomId,
      renamed.id,
      renamed.label,
      act.added_at,
    );
  }
}

/** Plans a person made or carries, and the care acts they added: forgetting keeps the plans, not who. */
export const carePlansRoomData: RoomDataPart = {
  key: "privacy.part.careplans",
  wipeKey: "privacy.wipe.careplans",
  tables: ["careplans", "careplan_volunteers", "care_acts"],
  countPerson: (db, roomId, who) =>
    countRows(
      db,
      `SELECT count(DISTINCT p.id) FROM careplans p LEFT JOIN careplan_volunteers v ON v.plan_id = p.id
       WHERE p.room_id = @roomId AND (${VOLUNTEER} OR p.created_by = @userId)`,
      { roomId, userId: who.userId, names: namesParam(who) },
    ),
  countMentions: (db, roomId, who) => countMentioning([...actions(db, roomId), ...acts(db, roomId)], who),
  forgetPerson(db, roomId, who, someone) {
    const params = { roomId, userId: who.userId, names: namesParam(who) };
    db.prepare(
      `DELETE FROM careplan_volunteers AS v WHERE v.plan_id IN (SELECT id FROM careplans WHERE room_id = @roomId) AND ${VOLUNTEER}`,
    ).run(params);
    db.prepare("UPDATE careplans SET created_by = '' WHERE room_id = @roomId AND created_by = @userId").run(params);
    db.prepare("UPDATE care_acts SET added_by = '' WHERE room_id = @roomId AND added_by = @userId").run(params);
    const setAction = db.prepare("UPDATE careplans SET action = ? WHERE id = ?");
    forgetMentions(actions(db, roomId), who, someone, (id, text) => setAction.run(text, id));
    forgetInActs(db, roomId, who, someone);
  },
  countRoom: (db, roomId) => countRows(db, "SELECT count(*) FROM careplans WHERE room_id = ?", roomId),
  wipeRoom(db, roomId) {
    db.prepare("DELETE FROM careplans WHERE room_id = ?").run(roomId);
    db.prepare("DELETE FROM care_acts WHERE room_id = ?").run(roomId);
  },
  typedNames: (db, roomId) =>
    db
      .prepare(
        "SELECT DISTINCT v.name FROM careplan_volunteers v JOIN careplans p ON p.id = v.plan_id WHERE p.room_id = ? AND v.user_id IS NULL",
      )
      .pluck()
      .all(roomId) as string[],
  people(db, roomId) {
    const volunteers = db
      .prepare(
        "SELECT DISTINCT v.user_id AS userId, v.name FROM careplan_volunteers v JOIN careplans p ON p.id = v.plan_id WHERE p.room_id = ? AND v.user_id IS NOT NULL",
      )
      .all(roomId) as { userId: string; name: string }[];
    const makers = db
      .prepare("SELECT DISTINCT created_by FROM careplans WHERE room_id = ? AND created_by != ''")
      .pluck()
      .all(roomId) as string[];
    return [...volunteers, ...makers.map((userId) => ({ userId, name: localpart(userId) }))];
  },
};
