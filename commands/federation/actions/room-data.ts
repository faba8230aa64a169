import {
  countMentioning,
  countRows,
  forgetMentions,
  type PersonMatch,
  type RoomDataPart,
} from "../../../src/kernel/room-data.js";
import { localpart } from "../../../src/kernel/mentions.js";
import type { Db } from "../../../src/platform/db.js";

/** Free texts of days of action kept for a room: what an assembly proposed, what a cell heard. */
const TEXTS = [
  { table: "federation_actions", room: "assembly_room", column: "text" },
  { table: "federation_actions_heard", room: "cell_room", column: "text" },
  { table: "federation_action_lessons", room: "assembly_room", column: "text" },
] as const;

/** Who did something: proposed an action in an assembly, joined one in a cell. */
const ACTORS = [
  { table: "federation_actions", room: "assembly_room", column: "proposed_by" },
  { table: "federation_actions_heard", room: "cell_room", column: "joined_by" },
] as const;

const textsOf = (db: Db, roomId: string, t: (typeof TEXTS)[number]) =>
  db.prepare(`SELECT rowid AS id, ${t.column} AS text FROM ${t.table} WHERE ${t.room} = ?`).all(roomId) as {
    id: number;
    text: string;
  }[];

/** Rows an assembly of this Tandem holds for a cell wiped here. */
const OF_LOCAL_CELL = "cell_id IN (SELECT cell_id FROM federation_memberships WHERE cell_room = ?)";

/**
 * Days of action keep the windows, which cells are in and the lessons they shared, never who in a cell. Forgetting a person
 * keeps the actions but removes who proposed or joined them, and turns their name inside an action's
 * words into "someone". Wiping a cell removes what it heard and, when its assembly lives in this
 * Tandem, its place in the count; wiping an assembly removes its actions. (The cell's care plans are
 * the care-plan feature's to forget and wipe.)
 */
export const actionsRoomData: RoomDataPart = {
  key: "privacy.part.federation_actions",
  wipeKey: "privacy.wipe.federation_actions",
  tables: ["federation_actions", "federation_action_cells", "federation_action_lessons", "federation_actions_heard"],
  countPerson: (db, roomId, who) =>
    who.userId === null
      ? 0
      : ACTORS.reduce(
          (n, a) =>
            n +
            countRows(db, `SELECT count(*) FROM ${a.table} WHERE ${a.room} = ? AND ${a.column} = ?`, [
              roomId,
              who.userId,
            ]),
          0,
        ),
  countMentions: (db, roomId, who: PersonMatch) =>
    TEXTS.reduce((n, t) => n + countMentioning(textsOf(db, roomId, t), who), 0),
  forgetPerson(db, roomId, who, someone) {
    if (who.userId !== null)
      for (const a of ACTORS)
        db.prepare(`UPDATE ${a.table} SET ${a.column} = '' WHERE ${a.room} = ? AND ${a.column} = ?`).run(
          roomId,
          who.userId,
        );
    for (const t of TEXTS) {
      const update = db.prepare(`UPDATE ${t.table} SET ${t.column} = ? WHERE rowid = ?`);
      forgetMentions(textsOf(db, roomId, t), who, someone, (id, text) => update.run(text, id));
    }
  },
  countRoom: (db, roomId) =>
    countRows(
      db,
      `SELECT (SELECT count(*) FROM federation_actions WHERE assembly_room = @roomId)
            + (SELECT count(*) FROM federation_actions_heard WHERE cell_room = @roomId)
            + (SELECT count(*) FROM federation_action_lessons WHERE assembly_room = @roomId)`,
      { roomId },
    ),
  people: (db, roomId) =>
    (
      db
        .prepare(
          `SELECT proposed_by FROM federation_actions WHERE assembly_room = @roomId AND proposed_by LIKE '@%'
           UNION SELECT joined_by FROM federation_actions_heard WHERE cell_room = @roomId AND joined_by LIKE '@%'`,
        )
        .pluck()
        .all({ roomId }) as string[]
    ).map((userId) => ({ userId, name: localpart(userId) })),
  wipeRoom(db, roomId) {
    // Before the federation part removes the membership, which says which cell id was this room's.
    db.prepare(`DELETE FROM federation_action_cells WHERE ${OF_LOCAL_CELL}`).run(roomId);
    db.prepare(`DELETE FROM federation_action_lessons WHERE ${OF_LOCAL_CELL}`).run(roomId);
    db.prepare("DELETE FROM federation_actions_heard WHERE cell_room = ?").run(roomId);
    db.prepare("DELETE FROM federation_action_cells WHERE assembly_room = ?").run(roomId);
    db.prepare("DELETE FROM federation_action_lessons WHERE assembly_room = ?").run(roomId);
    db.prepare("DELETE FROM federation_actions WHERE assembly_room = ?").run(roomId);
  },
};
