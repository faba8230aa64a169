import type { Db } from "../platform/db.js";
import { perDb } from "../platform/per-db.js";

const statements = perDb((db) => ({
  insert: db.prepare("INSERT OR IGNORE INTO handled_events (event_id, room_id, handled_at) VALUES (?, ?, ?)"),
}));

/** Marks an event handled; false when it already was (a redelivery). Call inside the message's transaction. */
export function markHandled(db: Db, eventId: string, roomId: string, now: number): boolean {
  return statements(db).insert.run(eventId, roomId, now).changes === 1;
}
