import type { Db } from "../platform/db.js";

/**
 * Tables that record what happened in one Matrix room itself rather than the cell's memory: its
 * events (seen, handled), the messages sent into it (whose reply targets and event ids exist only
 * there) and the transport's bookkeeping of that room (when the bot joined it). They stay behind.
 */
const ROOM_LOG_TABLES = new Set(["handled_events", "matrix_inbox", "matrix_rooms", "outbox"]);

/** The new room already holds a cell's data of its own: two memories are not merged. */
export class RoomMoveConflict extends Error {
  constructor() {
    super("the new room already holds data of its own");
    this.name = "RoomMoveConflict";
  }
}

/** Every table of the schema with a `room_id` column, read from the schema itself. */
export function roomKeyedTables(db: Db): string[] {
  return db
    .prepare(
      `SELECT m.name FROM sqlite_master m
       WHERE m.type = 'table' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'room_id')
       ORDER BY m.name`,
    )
    .pluck()
    .all() as string[];
}

/**
 * Moves a cell's memory from a room to the room that replaced it (a Matrix room upgrade), in one
 * transaction: all of it moves, or nothing does.
 *
 * Generic on purpose, so a feature added later cannot be forgotten here: every cell table is keyed
 * by `room_id` (the privacy commands count and wipe a room by that column alone), and rows hanging
 * off a cell row (givers of an entry, volunteers of a plan) point at their parent's id, which does
 * not change, so they move with it. Numbers such as `#3` stay what they were, because they are
 * per room and the new room has none of its own (a conflict throws `RoomMoveConflict` and rolls
 * everything back). Returns how many rows moved.
 */
export function moveRoom(db: Db, fromRoomId: string, toRoomId: string): number {
  if (fromRoomId === toRoomId) return 0;
  const tables = roomKeyedTables(db).filter((name) => !ROOM_LOG_TABLES.has(name));
  const holds = (table: string, roomId: string) =>
    db.prepare(`SELECT EXISTS (SELECT 1 FROM "${table}" WHERE room_id = ?)`).pluck().get(roomId) === 1;
  return db.transaction(() => {
    // Nothing left behind (moved already): done, so following an upgrade again is harmless.
    if (!tables.some((table) => holds(table, fromRoomId))) return 0;
    if (tables.some((table) => holds(table, toRoomId))) throw new RoomMoveConflict();
    let moved = 0;
    for (const table of tables)
      moved += db.prepare(`UPDATE "${table}" SET room_id = ? WHERE room_id = ?`).run(toRoomId, fromRoomId).changes;
    return moved;
  })();
}
