import type { RoomDataPart } from "./room-data.js";

const count = (db: Parameters<RoomDataPart["countRoom"]>[0], sql: string, roomId: string) =>
  db.prepare(sql).pluck().get(roomId) as number;

/** What the kernel itself keeps of a room: its scheduled posts, its settings, its undelivered replies. */
export const kernelRoomData: RoomDataPart = {
  key: "privacy.part.schedule",
  // Handled events keep an event id and a room, never who sent it; the migrator's versions name no one.
  tables: ["jobs", "room_settings", "outbox", "handled_events", "schema_version"],
  countPerson: () => 0,
  forgetPerson: () => undefined,
  countRoom: (db, roomId) =>
    count(db, "SELECT count(*) FROM jobs WHERE room_id = ? AND next_run_utc IS NOT NULL", roomId),
  wipeRoom(db, roomId) {
    db.prepare("DELETE FROM jobs WHERE room_id = ?").run(roomId);
    db.prepare("DELETE FROM room_settings WHERE room_id = ?").run(roomId);
    // Replies not yet delivered may quote the cell's data; delivered ones are already emptied.
    db.prepare("DELETE FROM outbox WHERE room_id = ? AND sent_at IS NULL").run(roomId);
    // Numbers start again at 1 after a wipe: a reaction to an old message must not reach a new plan.
    db.prepare("UPDATE outbox SET ref = NULL WHERE room_id = ?").run(roomId);
  },
};
