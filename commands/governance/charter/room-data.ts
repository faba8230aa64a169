import { countMentioning, countRows, forgetMentions, type RoomDataPart } from "../../../src/kernel/room-data.js";

const NOTES = "SELECT n.id, n.text FROM charter_notes n JOIN charter_articles a ON a.id = n.article_id WHERE a.room_id = ?";

/**
 * The charter is the cell's; notes are a member's words: forgetting keeps the notes and removes who
 * wrote them and their name inside any note. Wiping the cell removes the charter.
 */
export const charterRoomData: RoomDataPart = {
  key: "privacy.part.charter",
  wipeKey: "privacy.wipe.charter",
  tables: ["charter_articles", "charter_versions", "charter_notes"],
  countPerson: (db, roomId, who) =>
    who.userId === null
      ? 0
      : countRows(db, "SELECT count(*) FROM charter_notes n JOIN charter_articles a ON a.id = n.article_id WHERE a.room_id = @roomId AND n.written_by = @userId", { roomId, userId: who.userId }),
  countMentions: (db, roomId, who) => countMentioning(db.prepare(NOTES).all(roomId) as { text: string }[], who),
  forgetPerson(db, roomId, who, someone) {
    if (who.userId !== null) {
      db.prepare("UPDATE charter_notes SET written_by = '' WHERE written_by = ? AND article_id IN (SELECT id FROM charter_articles WHERE room_id = ?)").run(who.userId, roomId);
    }
    const update = db.prepare("UPDATE charter_notes SET text = ? WHERE id = ?");
    forgetMentions(db.prepare(NOTES).all(roomId) as { id: number; text: string }[], who, someone, (id, text) => update.run(text, id));
  },
  countRoom: (db, roomId) => countRows(db, "SELECT count(*) FROM charter_articles WHERE room_id = ? AND removed_at IS NULL", roomId),
  wipeRoom: (db, roomId) => void db.prepare("DELETE FROM charter_articles WHERE room_id = ?").run(roomId),
};
