import {
  countMentioning,
  countRows,
  forgetMentions,
  isNamed,
  type PersonMatch,
  type RoomDataPart,
} from "../../../src/kernel/room-data.js";
import type { Db } from "../../../src/platform/db.js";

/** Free texts of the board kept for a room: a cell's own posts, the posts it heard and its stories; an assembly's posts and stories. */
const TEXTS = [
  { table: "federation_board_own_posts", key: "rowid", room: "cell_room", column: "text" },
  { table: "federation_board_heard", key: "rowid", room: "cell_room", column: "text" },
  { table: "federation_board_stories", key: "rowid", room: "cell_room", column: "text" },
  { table: "federation_board_posts", key: "rowid", room: "assembly_room", column: "text" },
  { table: "federation_board_stories_in", key: "rowid", room: "assembly_room", column: "text" },
] as const;

/** Who did something on the board in a cell: posted, shared or approved a story, named a contact. */
const ACTORS = [
  { table: "federation_board_own_posts", column: "posted_by" },
  { table: "federation_board_stories", column: "shared_by" },
  { table: "federation_board_stories", column: "approved_by" },
  { table: "federation_board_matches", column: "named_by" },
] as const;

const textsOf = (db: Db, roomId: string, t: (typeof TEXTS)[number]) =>
  db.prepare(`SELECT ${t.key} AS id, ${t.column} AS text FROM ${t.table} WHERE ${t.room} = ?`).all(roomId) as {
    id: number;
    text: string;
  }[];

/** Contacts named in this cell, and those the other cells named, that are this person. */
function contactsOf(db: Db, roomId: string, who: PersonMatch) {
  const rows = db
    .prepare(
      "SELECT rowid AS id, contact_name AS mine, contact_user AS mineUser, peer_contact_name AS theirs, peer_contact_user AS theirsUser FROM federation_board_matches WHERE cell_room = ?",
    )
    .all(roomId) as {
    id: number;
    mine: string | null;
    mineUser: string | null;
    theirs: string | null;
    theirsUser: string | null;
  }[];
  const is = (name: string | null, userId: string | null) =>
    name !== null && ((who.userId !== null && userId === who.userId) || isNamed(who, name));
  return {
    mine: rows.filter((r) => is(r.mine, r.mineUser)).map((r) => r.id),
    theirs: rows.filter((r) => is(r.theirs, r.theirsUser)).map((r) => r.id),
  };
}

/** Rows of a cell wiped here that this Tandem's assembly holds for it. */
const OF_LOCAL_CELL = "cell_id IN (SELECT cell_id FROM federation_memberships WHERE cell_room = ?)";

/**
 * The board keeps what a cell chose to share and whom it named as a contact. Forgetting a person
 * keeps the posts and stories but removes who wrote or approved them, turns their name inside any
 * board text into "someone", and turns a contact who was them into "someone" (the other cell's
 * copy is that cell's to forget). Wiping a cell removes its board, and, when its assembly lives in
 * this Tandem, what it posted there; wiping an assembly removes the assembly's board.
 */
export const boardRoomData: RoomDataPart = {
  key: "privacy.part.federation_board",
  wipeKey: "privacy.wipe.federation_board",
  tables: [
    "federation_board_answers",
    "federation_board_heard",
    "federation_board_keys",
    "federation_board_matches",
    "federation_board_numbers",
    "federation_board_own_posts",
    "federation_board_posts",
    "federation_board_stories",
    "federation_board_stories_in",
  ],
  countPerson(db, roomId, who) {
    const acted =
      who.userId === null
        ? 0
        : ACTORS.reduce(
            (n, a) =>
              n +
              countRows(db, `SELECT count(*) FROM ${a.table} WHERE cell_room = ? AND ${a.column} = ?`, [
                roomId,
                who.userId,
              ]),
            0,
          );
    const { mine, theirs } = contactsOf(db, roomId, who);
    return acted + mine.length + theirs.length;
  },
  countMentions: (db, roomId, who) => TEXTS.reduce((n, t) => n + countMentioning(textsOf(db, roomId, t), who), 0),
  forgetPerson(db, roomId, who, someone) {
    if (who.userId !== null)
      for (const a of ACTORS)
        db.prepare(`UPDATE ${a.table} SET ${a.column} = '' WHERE cell_room = ? AND ${a.column} = ?`).run(
          roomId,
          who.userId,
        );
    const { mine, theirs } = contactsOf(db, roomId, who);
    for (const id of mine)
      db.prepare("UPDATE federation_board_matches SET contact_name = ?, contact_user = NULL WHERE rowid = ?").run(
        someone,
        id,
      );
    for (const id of theirs)
      db.prepare(
        "UPDATE federation_board_matches SET peer_contact_name = ?, peer_contact_user = NULL WHERE rowid = ?",
      ).run(someone, id);
    for (const t of TEXTS) {
      const update = db.prepare(`UPDATE ${t.table} SET ${t.column} = ? WHERE ${t.key} = ?`);
      forgetMentions(textsOf(db, roomId, t), who, someone, (id, text) => update.run(text, id));
    }
  },
  countRoom: (db, roomId) =>
    countRows(
      db,
      `SELECT (SELECT count(*) FROM federation_board_own_posts WHERE cell_room = @roomId) + (SELECT count(*) FROM federation_board_heard WHERE cell_room = @roomId)
            + (SELECT count(*) FROM federation_board_matches WHERE cell_room = @roomId) + (SELECT count(*) FROM federation_board_stories WHERE cell_room = @roomId)
            + (SELECT count(*) FROM federation_board_posts WHERE assembly_room = @roomId) + (SELECT count(*) FROM federation_board_stories_in WHERE assembly_room = @roomId)`,
      { roomId },
    ),
  wipeRoom(db, roomId) {
    // Before the federation part removes the membership, which says which cell id was this room's.
    db.prepare(`DELETE FROM federation_board_answers WHERE ${OF_LOCAL_CELL}`).run(roomId);
    db.prepare(`DELETE FROM federation_board_posts WHERE ${OF_LOCAL_CELL}`).run(roomId);
    db.prepare(`DELETE FROM federation_board_stories_in WHERE ${OF_LOCAL_CELL}`).run(roomId);
    for (const table of [
      "federation_board_keys",
      "federation_board_own_posts",
      "federation_board_heard",
      "federation_board_matches",
      "federation_board_stories",
    ]) {
      db.prepare(`DELETE FROM ${table} WHERE cell_room = ?`).run(roomId);
    }
    db.prepare("DELETE FROM federation_board_answers WHERE assembly_room = ?").run(roomId);
    db.prepare("DELETE FROM federation_board_posts WHERE assembly_room = ?").run(roomId);
    db.prepare("DELETE FROM federation_board_stories_in WHERE assembly_room = ?").run(roomId);
    db.prepare("DELETE FROM federation_board_numbers WHERE assembly_room = ?").run(roomId);
  },
  typedNames: (db, roomId) =>
    db
      .prepare(
        `SELECT contact_name FROM federation_board_matches WHERE cell_room = @roomId AND contact_name IS NOT NULL AND contact_user IS NULL
         UNION SELECT peer_contact_name FROM federation_board_matches WHERE cell_room = @roomId AND peer_contact_name IS NOT NULL AND peer_contact_user IS NULL`,
      )
      .pluck()
      .all({ roomId }) as string[],
  people(db, roomId) {
    const rows = db
      .prepare(
        `SELECT posted_by AS userId FROM federation_board_own_posts WHERE cell_room = @roomId AND posted_by LIKE '@%'
         UNION SELECT shared_by FROM federation_board_stories WHERE cell_room = @roomId AND shared_by LIKE '@%'
         UNION SELECT contact_user FROM federation_board_matches WHERE cell_room = @roomId AND contact_user IS NOT NULL`,
      )
      .all({ roomId }) as { userId: string }[];
    return rows.map((r) => ({ userId: r.userId, name: r.userId.replace(/^@/, "").split(":")[0] ?? r.userId }));
  },
};
