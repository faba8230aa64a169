import { countRows, type RoomDataPart } from "../../src/kernel/room-data.js";

const MINE = "find_id IN (SELECT id FROM meeting_finds WHERE room_id = @roomId)";

/**
 * Meeting-time polls keep slots and, per member, the slots they can make. Forgetting a person
 * removes their answers; the polls stay (they name nobody). Wiping the cell removes everything.
 */
export const findRoomData: RoomDataPart = {
  key: "privacy.part.meeting_finds",
  tables: ["meeting_finds", "meeting_find_answers", "meeting_find_names"],
  countPerson: (db, roomId, who) =>
    who.userId === null
      ? 0
      : countRows(db, `SELECT count(*) FROM meeting_find_answers WHERE voter = @userId AND ${MINE}`, {
          roomId,
          userId: who.userId,
        }),
  forgetPerson(db, roomId, who) {
    if (who.userId === null) return;
    db.prepare(`DELETE FROM meeting_find_answers WHERE voter = @userId AND ${MINE}`).run({
      roomId,
      userId: who.userId,
    });
  },
  countRoom: (db, roomId) => countRows(db, "SELECT count(*) FROM meeting_finds WHERE room_id = ?", roomId),
  wipeRoom(db, roomId) {
    db.prepare(`DELETE FROM meeting_find_answers WHERE ${MINE}`).run({ roomId });
    db.prepare("DELETE FROM meeting_finds WHERE room_id = ?").run(roomId);
    db.prepare("DELETE FROM meeting_find_names WHERE room_id = ?").run(roomId);
  },
};
