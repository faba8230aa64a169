import { countRows, type RoomDataPart } from "../../src/kernel/room-data.js";

/**
 * Decisions are the cell's shared memory: forgetting a person keeps them and removes who recorded,
 * fixed or revoked them. Wiping the cell removes the log.
 */
export const decisionsRoomData: RoomDataPart = {
  key: "privacy.part.decisions",
  countPerson: (db, roomId, who) =>
    who.userId === null
      ? 0
      : countRows(
          db,
          `SELECT count(DISTINCT d.id) FROM decisions d LEFT JOIN decision_revisions r ON r.decision_id = d.id
           WHERE d.room_id = @roomId AND (d.recorded_by = @userId OR d.revoked_by = @userId OR r.revised_by = @userId)`,
          { roomId, userId: who.userId },
        ),
  forgetPerson(db, roomId, who) {
    if (who.userId === null) return;
    const params = { roomId, userId: who.userId };
    db.prepare("UPDATE decisions SET recorded_by = '' WHERE room_id = @roomId AND recorded_by = @userId").run(params);
    db.prepare("UPDATE decisions SET revoked_by = '' WHERE room_id = @roomId AND revoked_by = @userId").run(params);
    db.prepare(
      "UPDATE decision_revisions SET revised_by = '' WHERE revised_by = @userId AND decision_id IN (SELECT id FROM decisions WHERE room_id = @roomId)",
    ).run(params);
  },
  countRoom: (db, roomId) => countRows(db, "SELECT count(*) FROM decisions WHERE room_id = ?", roomId),
  wipeRoom: (db, roomId) => void db.prepare("DELETE FROM decisions WHERE room_id = ?").run(roomId),
};
