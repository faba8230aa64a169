import {
  countMentioning,
  countRows,
  forgetMentions,
  namesParam,
  type PersonMatch,
  type RoomDataPart,
} from "../../src/kernel/room-data.js";
import type { Db } from "../../src/platform/db.js";
import { localpart } from "../../src/kernel/mentions.js";
import { nameKey } from "../../src/kernel/text-hygiene.js";

// Typed names are compared by their stored key (nameKey), never by SQLite's ASCII-only lower().
const GIVER = `(g.user_id = @userId OR (g.user_id IS NULL AND g.name_key IN (SELECT value FROM json_each(@names))))`;

/** What was cared for, and what it said before each correction: free texts that may name the person. */
function texts(db: Db, roomId: string) {
  const entries = db.prepare("SELECT id, what AS text FROM ledger_entries WHERE room_id = ?").all(roomId) as {
    id: number;
    text: string;
  }[];
  const corrections = db
    .prepare(
      "SELECT c.id, c.previous_what AS text FROM ledger_corrections c JOIN ledger_entries e ON e.id = c.entry_id WHERE e.room_id = ?",
    )
    .all(roomId) as { id: number; text: string }[];
  return { entries, corrections };
}

/** Entries a person gave or recorded: forgetting keeps the care (it still counts), not who gave it. */
export const ledgerRoomData: RoomDataPart = {
  key: "privacy.part.ledger",
  wipeKey: "privacy.wipe.ledger",
  tables: ["ledger_entries", "ledger_givers", "ledger_corrections"],
  countPerson: (db, roomId, who) =>
    countRows(
      db,
      `SELECT count(DISTINCT e.id) FROM ledger_entries e LEFT JOIN ledger_givers g ON g.entry_id = e.id
       WHERE e.room_id = @roomId AND (${GIVER} OR e.recorded_by = @userId)`,
      { roomId, userId: who.userId, names: namesParam(who) },
    ),
  countMentions(db, roomId, who: PersonMatch) {
    const { entries, corrections } = texts(db, roomId);
    return countMentioning(entries, who) + countMentioning(corrections, who);
  },
  forgetPerson(db, roomId, who, someone) {
    const params = { roomId, userId: who.userId, names: namesParam(who), someone, someoneKey: nameKey(someone) };
    db.prepare(
      `UPDATE ledger_givers AS g SET user_id = NULL, name = @someone, name_key = @someoneKey
       WHERE g.entry_id IN (SELECT id FROM ledger_entries WHERE room_id = @roomId) AND ${GIVER}`,
    ).run(params);
    db.prepare("UPDATE ledger_entries SET recorded_by = '' WHERE room_id = @roomId AND recorded_by = @userId").run(
      params,
    );
    db.prepare(
      "UPDATE ledger_corrections SET by_user = '' WHERE by_user = @userId AND entry_id IN (SELECT id FROM ledger_entries WHERE room_id = @roomId)",
    ).run(params);
    const { entries, corrections } = texts(db, roomId);
    const setWhat = db.prepare("UPDATE ledger_entries SET what = ? WHERE id = ?");
    const setPrevious = db.prepare("UPDATE ledger_corrections SET previous_what = ? WHERE id = ?");
    forgetMentions(entries, who, someone, (id, text) => setWhat.run(text, id));
    forgetMentions(corrections, who, someone, (id, text) => setPrevious.run(text, id));
  },
  countRoom: (db, roomId) => countRows(db, "SELECT count(*) FROM ledger_entries WHERE room_id = ?", roomId),
  wipeRoom: (db, roomId) => void db.prepare("DELETE FROM ledger_entries WHERE room_id = ?").run(roomId),
  typedNames: (db, roomId) =>
    db
      .prepare("SELECT DISTINCT name FROM ledger_givers WHERE room_id = ? AND user_id IS NULL")
      .pluck()
      .all(roomId) as string[],
  people(db, roomId) {
    const givers = db
      .prepare(
        "SELECT DISTINCT g.user_id AS userId, g.name FROM ledger_givers g JOIN ledger_entries e ON e.id = g.entry_id WHERE e.room_id = ? AND g.user_id IS NOT NULL",
      )
      .all(roomId) as { userId: string; name: string }[];
    const recorders = db
      .prepare("SELECT DISTINCT recorded_by FROM ledger_entries WHERE room_id = ? AND recorded_by != ''")
      .pluck()
      .all(roomId) as string[];
    return [...givers, ...recorders.map((userId) => ({ userId, name: localpart(userId) }))];
  },
};
