import type { RoomDataPart } from "../../kernel/room-data.js";

/**
 * The Matrix inbox keeps, for each handled event, who sent it. Forgetting a person removes their
 * handled rows of the room, and wiping a cell removes all its handled rows; rows still to be
 * handled stay, and exactly-once is kept by the handled-event marks, which name nobody. Messages
 * held for a changed identity go too: a forgotten person's, or a wiped cell's, are never run.
 */
export const inboxRoomData: RoomDataPart = {
  key: "privacy.part.schedule",
  countPerson: () => 0,
  forgetPerson(db, roomId, who) {
    if (who.userId === null) return;
    db.prepare("DELETE FROM matrix_inbox WHERE room_id = ? AND sender = ? AND (state IN ('done', 'abandoned') OR held_at IS NOT NULL)").run(roomId, who.userId);
    db.prepare("DELETE FROM matrix_unverified_devices WHERE room_id = ? AND user_id = ?").run(roomId, who.userId);
  },
  countRoom: () => 0,
  wipeRoom(db, roomId) {
    db.prepare("DELETE FROM matrix_inbox WHERE room_id = ? AND (state IN ('done', 'abandoned') OR held_at IS NOT NULL)").run(roomId);
    db.prepare("DELETE FROM matrix_unverified_devices WHERE room_id = ?").run(roomId);
  },
};
