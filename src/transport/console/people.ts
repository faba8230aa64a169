import { roomKeyedTables } from "../../kernel/room-move.js";
import type { Db } from "../../platform/db.js";

/** A console user id anywhere in a stored value: a column of its own, or inside JSON state. */
const CONSOLE_USER = /@([^\s:"@]+):console(?![A-Za-z0-9.-])/g;

/**
 * The console names a room's memory holds (`@bo:console` as recorder, giver, volunteer, rotation
 * member…): the people of that room in earlier runs. The console has no member list to persist, and
 * a schema change is not needed for it: anyone who ever counted in the room left their id in its data.
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
    const links = db.prepare(`SELECT "table" AS parent, "from" AS fk, "to" AS pk FROM pragma_foreign_key_list(?)`).all(child) as { parent: string; fk: string; pk: string | null }[];
    for (const link of links) {
      if (!tables.includes(link.parent) || !link.pk) continue;
      collect(db.prepare(`SELECT c.* FROM "${child}" c JOIN "${link.parent}" p ON c."${link.fk}" = p."${link.pk}" WHERE p.room_id = ?`).all(roomId));
    }
  }
  return [...names].sort();
}
