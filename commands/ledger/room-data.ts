import { countRows, namesParam, type RoomDataPart } from "../../src/kernel/room-data.js";

const GIVER = `(g.user_id = @userId OR (g.user_id IS NULL AND lower(g.name) IN (SELECT value FROM json_each(@names))))`;

/** Entries a person gave or recorded: forgetting keeps the care (it still counts), not who gave it. */
export const ledgerRoomData: RoomDataPart = {
  key: "privacy.part.ledger",
  countPerson: (db, roomId, who) =>
    countRows(
      db,
      `SELECT count(DISTINCT e.id) FROM ledger_entries e LEFT JOIN ledger_givers g ON g.entry_id = e.id
       WHERE e.room_id = @roomId AND (${GIVER} OR e.recorded_by = @userId)`,
      { roomId, userId: who.userId, names: namesParam(who) },
    ),
  forgetPerson(db, roomId, who, someone) {
    const params = { roomId, userId: who.userId, names: namesParam(who), someone };
    db.prepare(
      `UPDATE ledger_givers AS g SET user_id = NULL, name = @someone
       WHERE g.entry_id IN (SELECT id FROM ledger_entries WHERE room_id = @roomId) AND ${GIVER}`,
    ).run(params);
    db.prepare("UPDATE ledger_entries SET recorded_by = '' WHERE room_id = @roomId AND recorded_by = @userId").run(params);
    db.prepare(
      "UPDATE ledger_corrections SET by_user = '' WHERE by_user = @userId AND entry_id IN (SELECT id FROM ledger_entries WHERE room_id = @roomId)",
    ).run(params);
  },
  countRoom: (db, roomId) => countRows(db, "SELECT count(*) FROM ledger_entries WHERE room_id = ?", roomId),
  wipeRoom: (db, roomId) => void db.prepare("DELETE FROM ledger_entries WHERE room_id = ?").run(roomId),
};
