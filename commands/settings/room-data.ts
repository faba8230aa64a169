import { countMentioning, countRows, forgetMentions, type RoomDataPart } from "../../src/kernel/room-data.js";

const TEXT = "SELECT room_id AS id, text FROM room_welcome WHERE room_id = ? AND text IS NOT NULL";

/**
 * The welcome keeps no newcomer's name (the greeting is posted, never stored); its text is the
 * cell's and may name someone, who is then "someone" there too. Wiping the cell removes it.
 */
export const welcomeRoomData: RoomDataPart = {
  key: "privacy.part.welcome",
  wipeKey: "privacy.wipe.welcome",
  tables: ["room_welcome"],
  countPerson: () => 0,
  countMentions: (db, roomId, who) => countMentioning(db.prepare(TEXT).all(roomId) as { text: string }[], who),
  forgetPerson(db, roomId, who, someone) {
    const update = db.prepare("UPDATE room_welcome SET text = ? WHERE room_id = ?");
    forgetMentions(db.prepare(TEXT).all(roomId) as { id: string; text: string }[], who, someone, (id, text) =>
      update.run(text, id),
    );
  },
  countRoom: (db, roomId) => countRows(db, "SELECT count(*) FROM room_welcome WHERE room_id = ?", roomId),
  wipeRoom: (db, roomId) => void db.prepare("DELETE FROM room_welcome WHERE room_id = ?").run(roomId),
};
