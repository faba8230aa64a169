import type { RoomDataPart } from "../../src/kernel/room-data.js";

/**
 * An identity change waiting for a moderator names the person: forgetting her ends the wait in
 * this room (what the transport held of her is then dropped after its week), wiping ends them all.
 */
export const identityHoldsRoomData: RoomDataPart = {
  key: "privacy.part.schedule",
  tables: ["identity_holds"],
  // Bookkeeping of the bot's, not the cell's memory: not listed in a preview.
  countPerson: () => 0,
  forgetPerson(db, roomId, who) {
    if (who.userId !== null)
      db.prepare("DELETE FROM identity_holds WHERE room_id = ? AND user_id = ?").run(roomId, who.userId);
  },
  countRoom: () => 0,
  wipeRoom: (db, roomId) => void db.prepare("DELETE FROM identity_holds WHERE room_id = ?").run(roomId),
};
