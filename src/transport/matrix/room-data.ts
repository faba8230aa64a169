import type { RoomDataPart } from "../../kernel/room-data.js";
import { inboxRoomData } from "./inbox-room-data.js";

/**
 * The Matrix client's own tables. `idb_*` mirror the IndexedDB of matrix-js-sdk: its sync cache
 * (room state as the homeserver sent it) and the Rust crypto store. A forgotten person's traces
 * there are purged through the client once the forget committed (see `clientStores`), not by
 * rows: the client holds the same data in memory and would write it back. The session row and the
 * joined rooms name only the bot and rooms.
 */
export const matrixClientRoomData: RoomDataPart = {
  key: "privacy.part.schedule",
  tables: [
    "idb_databases",
    "idb_stores",
    "idb_indexes",
    "idb_records",
    "idb_ordered_records",
    "idb_ordered_index_records",
    "matrix_session",
    "matrix_rooms",
  ],
  countPerson: () => 0,
  forgetPerson: () => undefined,
  countRoom: () => 0,
  wipeRoom: () => undefined,
};

/** What the Matrix transport keeps of people and rooms in the database, forgotten and wiped with the cell's data. */
export const matrixRoomData: readonly RoomDataPart[] = [inboxRoomData, matrixClientRoomData];
