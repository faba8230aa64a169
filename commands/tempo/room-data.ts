import type { RoomDataPart } from "../../src/kernel/room-data.js";
import { roomRhythmRepo } from "./repository.js";

/**
 * The room's tempo and the last prompts it saw: nothing about a person and nothing worth counting in
 * a preview (the counts stay 0, so previews leave it out), but a wiped cell starts its rhythm afresh.
 */
export const tempoRoomData: RoomDataPart = {
  key: "tempo.part",
  tables: ["room_rhythm"],
  countPerson: () => 0,
  forgetPerson: () => undefined,
  countRoom: () => 0,
  wipeRoom: (db, roomId) => roomRhythmRepo(db).wipe(roomId),
};
