import { countRows, namesParam, type RoomDataPart } from "../../src/kernel/room-data.js";

const VOLUNTEER = `(v.user_id = @userId OR (v.user_id IS NULL AND lower(v.name) IN (SELECT value FROM json_each(@names))))`;

/** Plans a person made or carries, and the care acts they added: forgetting keeps the plans, not who. */
export const carePlansRoomData: RoomDataPart = {
  key: "privacy.part.careplans",
  countPerson: (db, roomId, who) =>
    countRows(
      db,
      `SELECT count(DISTINCT p.id) FROM careplans p LEFT JOIN careplan_volunteers v ON v.plan_id = p.id
       WHERE p.room_id = @roomId AND (${VOLUNTEER} OR p.created_by = @userId)`,
      { roomId, userId: who.userId, names: namesParam(who) },
    ),
  forgetPerson(db, roomId, who) {
    const params = { roomId, userId: who.userId, names: namesParam(who) };
    db.prepare(`DELETE FROM careplan_volunteers AS v WHERE v.plan_id IN (SELECT id FROM careplans WHERE room_id = @roomId) AND ${VOLUNTEER}`).run(params);
    db.prepare("UPDATE careplans SET created_by = '' WHERE room_id = @roomId AND created_by = @userId").run(params);
    db.prepare("UPDATE care_acts SET added_by = '' WHERE room_id = @roomId AND added_by = @userId").run(params);
  },
  countRoom: (db, roomId) => countRows(db, "SELECT count(*) FROM careplans WHERE room_id = ?", roomId),
  wipeRoom(db, roomId) {
    db.prepare("DELETE FROM careplans WHERE room_id = ?").run(roomId);
    db.prepare("DELETE FROM care_acts WHERE room_id = ?").run(roomId);
  },
};
