import { countMentioning, countRows, forgetMentions, type RoomDataPart } from "../../src/kernel/room-data.js";
import type { Db } from "../../src/platform/db.js";

const texts = (db: Db, roomId: string) =>
  db.prepare("SELECT id, text FROM lessons WHERE room_id = ?").all(roomId) as { id: number; text: string }[];
// Tags are a JSON list of words: a tag that was a name becomes "someone" like any other mention.
const tags = (db: Db, roomId: string) =>
  db.prepare("SELECT id, tags AS text FROM lessons WHERE room_id = ? AND tags IS NOT NULL").all(roomId) as {
    id: number;
    text: string;
  }[];

/**
 * Lessons are the cell's shared learning: forgetting a person keeps them but removes who wrote
 * them, and their name inside a lesson's text becomes "someone" (as in the ledger). Wiping removes all.
 */
export const lessonsRoomData: RoomDataPart = {
  key: "privacy.part.lessons",
  tables: ["lessons", "lesson_prompts", "lesson_bursts"],
  countPerson: (db, roomId, who) =>
    who.userId === null
      ? 0
      : countRows(db, "SELECT count(*) FROM lessons WHERE room_id = ? AND recorded_by = ?", [roomId, who.userId]),
  countMentions: (db, roomId, who) => countMentioning([...texts(db, roomId), ...tags(db, roomId)], who),
  forgetPerson(db, roomId, who, someone) {
    if (who.userId !== null)
      db.prepare("UPDATE lessons SET recorded_by = '' WHERE room_id = ? AND recorded_by = ?").run(roomId, who.userId);
    const setText = db.prepare("UPDATE lessons SET text = ? WHERE id = ?");
    forgetMentions(texts(db, roomId), who, someone, (id, text) => setText.run(text, id));
    const setTags = db.prepare("UPDATE lessons SET tags = ? WHERE id = ?");
    forgetMentions(tags(db, roomId), who, someone, (id, text) => setTags.run(text, id));
  },
  countRoom: (db, roomId) => countRows(db, "SELECT count(*) FROM lessons WHERE room_id = ?", roomId),
  wipeRoom(db, roomId) {
    db.prepare("DELETE FROM lessons WHERE room_id = ?").run(roomId);
    db.prepare("DELETE FROM lesson_prompts WHERE room_id = ?").run(roomId);
    db.prepare("DELETE FROM lesson_bursts WHERE room_id = ?").run(roomId);
  },
};
