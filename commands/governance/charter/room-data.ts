import { countMentioning, countRows, forgetMentions, type RoomDataPart } from "../../../src/kernel/room-data.js";
import type { Db } from "../../../src/platform/db.js";

const NOTES =
  "SELECT n.id, n.text FROM charter_notes n JOIN charter_articles a ON a.id = n.article_id WHERE a.room_id = ?";

/** The charter's own words, now and in every earlier version: an article may name a person ("Ana keeps the archive"). */
const WORDS = [
  {
    table: "charter_articles",
    column: "title",
    rows: "SELECT id, title AS text FROM charter_articles WHERE room_id = ?",
  },
  {
    table: "charter_articles",
    column: "body",
    rows: "SELECT id, body AS text FROM charter_articles WHERE room_id = ?",
  },
  {
    table: "charter_versions",
    column: "title",
    rows: "SELECT v.id, v.title AS text FROM charter_versions v JOIN charter_articles a ON a.id = v.article_id WHERE a.room_id = ? AND v.title IS NOT NULL",
  },
  {
    table: "charter_versions",
    column: "body",
    rows: "SELECT v.id, v.body AS text FROM charter_versions v JOIN charter_articles a ON a.id = v.article_id WHERE a.room_id = ? AND v.body IS NOT NULL",
  },
] as const;

const wordsOf = (db: Db, roomId: string, w: (typeof WORDS)[number]) =>
  db.prepare(w.rows).all(roomId) as { id: number; text: string }[];

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
      : countRows(
          db,
          "SELECT count(*) FROM charter_notes n JOIN charter_articles a ON a.id = n.article_id WHERE a.room_id = @roomId AND n.written_by = @userId",
          { roomId, userId: who.userId },
        ),
  countMentions: (db, roomId, who) =>
    countMentioning(
      [...(db.prepare(NOTES).all(roomId) as { text: string }[]), ...WORDS.flatMap((w) => wordsOf(db, roomId, w))],
      who,
    ),
  forgetPerson(db, roomId, who, someone) {
    if (who.userId !== null) {
      db.prepare(
        "UPDATE charter_notes SET written_by = '' WHERE written_by = ? AND article_id IN (SELECT id FROM charter_articles WHERE room_id = ?)",
      ).run(who.userId, roomId);
    }
    const update = db.prepare("UPDATE charter_notes SET text = ? WHERE id = ?");
    forgetMentions(db.prepare(NOTES).all(roomId) as { id: number; text: string }[], who, someone, (id, text) =>
      update.run(text, id),
    );
    for (const w of WORDS) {
      const set = db.prepare(`UPDATE ${w.table} SET ${w.column} = ? WHERE id = ?`);
      forgetMentions(wordsOf(db, roomId, w), who, someone, (id, text) => set.run(text, id));
    }
  },
  countRoom: (db, roomId) =>
    countRows(db, "SELECT count(*) FROM charter_articles WHERE room_id = ? AND removed_at IS NULL", roomId),
  wipeRoom: (db, roomId) => void db.prepare("DELETE FROM charter_articles WHERE room_id = ?").run(roomId),
};
