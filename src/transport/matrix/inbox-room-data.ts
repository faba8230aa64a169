import type { RoomDataPart } from "../../kernel/room-data.js";

/**
 * The Matrix inbox keeps, for a week after each event was handled, who sent it. Forgetting a person
 * removes their handled rows, in this room and in every other (their direct chat with the bot holds
 * their fund requests and secret votes): the rows are a redelivery buffer, nobody's memory, and
 * exactly-once is kept by the handled-event marks, which name nobody. Messages held for a changed
 * identity go too: a forgotten person's, or a wiped cell's, are never run. Wiping a cell removes all
 * its handled rows. Rows still to be handled stay.
 */
export const inboxRoomData: RoomDataPart = {
  key: "privacy.part.schedule",
  tables: ["matrix_inbox", "matrix_unverified_devices"],
  countPerson: () => 0,
  forgetPerson(db, _roomId, who) {
    if (who.userId === null) return;
    db.prepare(
      "DELETE FROM matrix_inbox WHERE sender = ? AND (state IN ('done', 'abandoned') OR held_at IS NOT NULL)",
    ).run(who.userId);
    db.prepare("DELETE FROM matrix_unverified_devices WHERE user_id = ?").run(who.userId);
  },
  countRoom: () => 0,
  wipeRoom(db, roomId) {
    db.prepare(
      "DELETE FROM matrix_inbox WHERE room_id = ? AND (state IN ('done', 'abandoned') OR held_at IS NOT NULL)",
    ).run(roomId);
    db.prepare("DELETE FROM matrix_unverified_devices WHERE room_id = ?").run(roomId);
  },
};
