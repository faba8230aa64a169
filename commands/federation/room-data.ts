import { countRows, type RoomDataPart } from "../../src/kernel/room-data.js";

/**
 * Federation keeps links, never care data. Forgetting a person removes who started, invited or
 * linked; wiping a cell removes its membership and sector; wiping an assembly removes it with its
 * codes, cells, host history and report rounds (the cells keep their own data).
 */
export const federationRoomData: RoomDataPart = {
  key: "privacy.part.federation",
  wipeKey: "privacy.wipe.federation",
  tables: [
    "federation_assemblies",
    "federation_invites",
    "federation_memberships",
    "federation_cells",
    "federation_sectors",
    "federation_others_rooms",
    "federation_hosts",
    "federation_rounds",
    "federation_answers",
  ],
  countPerson: (db, roomId, who) =>
    who.userId === null
      ? 0
      : countRows(
          db,
          `SELECT (SELECT count(*) FROM federation_assemblies WHERE room_id = @roomId AND started_by = @userId)
                + (SELECT count(*) FROM federation_invites WHERE assembly_room = @roomId AND created_by = @userId)
                + (SELECT count(*) FROM federation_memberships WHERE cell_room = @roomId AND joined_by = @userId)`,
          { roomId, userId: who.userId },
        ),
  forgetPerson(db, roomId, who) {
    if (who.userId === null) return;
    const params = { roomId, userId: who.userId };
    db.prepare("UPDATE federation_assemblies SET started_by = '' WHERE room_id = @roomId AND started_by = @userId").run(
      params,
    );
    db.prepare(
      "UPDATE federation_invites SET created_by = '' WHERE assembly_room = @roomId AND created_by = @userId",
    ).run(params);
    db.prepare(
      "UPDATE federation_memberships SET joined_by = '' WHERE cell_room = @roomId AND joined_by = @userId",
    ).run(params);
  },
  countRoom: (db, roomId) =>
    countRows(
      db,
      `SELECT (SELECT count(*) FROM federation_assemblies WHERE room_id = @roomId) + (SELECT count(*) FROM federation_memberships WHERE cell_room = @roomId)
            + (SELECT count(*) FROM federation_sectors WHERE cell_room = @roomId)`,
      { roomId },
    ),
  wipeRoom(db, roomId) {
    // A wiped cell leaves an assembly of this Tandem at once (one of another Tandem stops hearing from it).
    db.prepare(
      "DELETE FROM federation_cells WHERE cell_id IN (SELECT cell_id FROM federation_memberships WHERE cell_room = ?)",
    ).run(roomId);
    db.prepare("DELETE FROM federation_memberships WHERE cell_room = ?").run(roomId);
    db.prepare("DELETE FROM federation_sectors WHERE cell_room = ?").run(roomId);
    db.prepare("DELETE FROM federation_others_rooms WHERE room_id = ?").run(roomId);
    // An assembly's rows go with it (cells, codes, hosts, rounds: ON DELETE CASCADE).
    db.prepare("DELETE FROM federation_assemblies WHERE room_id = ?").run(roomId);
  },
};
