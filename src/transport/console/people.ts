import type { RoomDataPart } from "../../kernel/room-data.js";
import { roomKeyedTables } from "../../kernel/room-move.js";
import type { Db } from "../../platform/db.js";

/** A console user id anywhere in a stored value: a column of its own, or inside JSON state. */
const CONSOLE_USER = /@([^\s:"@]+):console(?![A-Za-z0-9.-])/g;

/**
 * The console names a room's memory holds (`@bo:console` as recorder, giver, volunteer, rotation
 * member…, and everyone who typed there: `console_members`): the people of that room in earlier runs.
 *
 * Read generically, like a room move: every table keyed by `room_id`, and the tables whose rows
 * hang off those (givers of an entry, volunteers of a plan) through their foreign key.
 */
export function rememberedPeople(db: Db, roomId: string): string[] {
  const names = new Set<string>();
  const collect = (rows: unknown[]) => {
    for (const row of rows) {
      for (const value of Object.values(row as Record<string, unknown>)) {
        if (typeof value === "string") for (const match of value.matchAll(CONSOLE_USER)) names.add(match[1]!);
      }
    }
  };
  const tables = roomKeyedTables(db);
  for (const table of tables) collect(db.prepare(`SELECT * FROM "${table}" WHERE room_id = ?`).all(roomId));
  const children = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
  for (const child of children) {
    const links = db
      .prepare(`SELECT "table" AS parent, "from" AS fk, "to" AS pk FROM pragma_foreign_key_list(?)`)
      .all(child) as { parent: string; fk: string; pk: string | null }[];
    for (const link of links) {
      if (!tables.includes(link.parent) || !link.pk) continue;
      collect(
        db
          .prepare(
            `SELECT c.* FROM "${child}" c JOIN "${link.parent}" p ON c."${link.fk}" = p."${link.pk}" WHERE p.room_id = ?`,
          )
          .all(roomId),
      );
    }
  }
  return [...names].sort();
}

/** A console name that typed in a room is one of its members from then on, in every later session. */
export function rememberMember(db: Db, roomId: string, userId: string, now: number): void {
  db.prepare("INSERT OR IGNORE INTO console_members (room_id, user_id, joined_at) VALUES (?, ?, ?)").run(
    roomId,
    userId,
    now,
  );
}

/** Console membership is forgotten with the person and wiped with the room, like the rest of its data. */
export const consoleRoomData: RoomDataPart = {
  key: "privacy.part.schedule",
  tables: ["console_members"],
  countPerson: () => 0,
  forgetPerson(db, roomId, who) {
    if (who.userId !== null)
      db.prepare("DELETE FROM console_members WHERE room_id = ? AND user_id = ?").run(roomId, who.userId);
  },
  countRoom: () => 0,
  wipeRoom: (db, roomId) => void db.prepare("DELETE FROM console_members WHERE room_id = ?").run(roomId),
};
