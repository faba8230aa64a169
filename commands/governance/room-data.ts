import { countMentioning, countRows, forgetMentions, type RoomDataPart } from "../../src/kernel/room-data.js";
import type { Db } from "../../src/platform/db.js";

/**
 * A proposal's words: its question, its options and the charter change it carries (JSON texts; a
 * name replaced inside them keeps them valid, as a name holds no quote).
 */
const WORDS = ["question", "options", "charter_change"] as const;
const words = (db: Db, roomId: string, column: (typeof WORDS)[number]) =>
  db.prepare(`SELECT id, ${column} AS text FROM proposals WHERE room_id = ? AND ${column} IS NOT NULL`).all(roomId) as {
    id: number;
    text: string;
  }[];
const MINE = "proposal_id IN (SELECT id FROM proposals WHERE room_id = ?)";
/** Reasons are free text: another voter's reason, or a secret one, may name the person. */
const reasonColumns = [
  { table: "proposal_votes", key: "voter" },
  { table: "proposal_ballots", key: "receipt_hash" },
] as const;
const reasonRows = (db: Db, roomId: string, table: string, key: string) =>
  db
    .prepare(
      `SELECT proposal_id || ' ' || ${key} AS id, reason AS text FROM ${table} WHERE reason IS NOT NULL AND ${MINE}`,
    )
    .all(roomId) as { id: string; text: string }[];

/**
 * Proposals are the cell's shared memory, like decisions. Forgetting a person removes their open
 * votes, their mark on secret ballots (the ballots themselves are nobody's), their name as
 * proposer and from the lists of who could vote. Wiping the cell removes everything.
 */
export const proposalsRoomData: RoomDataPart = {
  key: "privacy.part.proposals",
  // Ballots hold a receipt and choices, never a voter: a secret vote is nobody's.
  tables: ["proposals", "proposal_votes", "proposal_voters", "proposal_ballots", "proposal_quorum"],
  countPerson: (db, roomId, who) =>
    who.userId === null
      ? 0
      : countRows(
          db,
          `SELECT (SELECT count(*) FROM proposal_votes v JOIN proposals p ON p.id = v.proposal_id WHERE p.room_id = @roomId AND v.voter = @userId)
                + (SELECT count(*) FROM proposal_voters v JOIN proposals p ON p.id = v.proposal_id WHERE p.room_id = @roomId AND v.voter = @userId)
                + (SELECT count(*) FROM proposals WHERE room_id = @roomId AND proposer = @userId)`,
          { roomId, userId: who.userId },
        ),
  countMentions: (db, roomId, who) =>
    countMentioning(
      [
        ...WORDS.flatMap((column) => words(db, roomId, column)),
        ...reasonColumns.flatMap((c) => reasonRows(db, roomId, c.table, c.key)),
      ],
      who,
    ),
  forgetPerson(db, roomId, who, someone) {
    for (const column of WORDS) {
      const update = db.prepare(`UPDATE proposals SET ${column} = ? WHERE id = ?`);
      forgetMentions(words(db, roomId, column), who, someone, (id, text) => update.run(text, id));
    }
    for (const { table, key } of reasonColumns) {
      const update = db.prepare(`UPDATE ${table} SET reason = ? WHERE proposal_id || ' ' || ${key} = ?`);
      forgetMentions(reasonRows(db, roomId, table, key), who, someone, (id, text) => update.run(text, id));
    }
    if (who.userId === null) return;
    const params = { roomId, userId: who.userId };
    const mine = "proposal_id IN (SELECT id FROM proposals WHERE room_id = @roomId)";
    db.prepare(`DELETE FROM proposal_votes WHERE voter = @userId AND ${mine}`).run(params);
    db.prepare(`DELETE FROM proposal_voters WHERE voter = @userId AND ${mine}`).run(params);
    db.prepare("UPDATE proposals SET proposer = '' WHERE room_id = @roomId AND proposer = @userId").run(params);
    db.prepare(
      `UPDATE proposals SET eligible = (SELECT coalesce(json_group_array(value), '[]') FROM json_each(proposals.eligible) WHERE value <> @userId)
       WHERE room_id = @roomId AND eligible LIKE '%' || @userId || '%'`,
    ).run(params);
  },
  countRoom: (db, roomId) => countRows(db, "SELECT count(*) FROM proposals WHERE room_id = ?", roomId),
  wipeRoom(db, roomId) {
    db.prepare("DELETE FROM proposals WHERE room_id = ?").run(roomId);
    db.prepare("DELETE FROM proposal_quorum WHERE room_id = ?").run(roomId);
  },
};
