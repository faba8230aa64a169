import { personMatch } from "../../../src/kernel/room-data.js";
import { Inbox } from "../../../src/transport/matrix/inbox.js";
import { inboxRoomData } from "../../../src/transport/matrix/inbox-room-data.js";
import { openMigrated } from "../../support/db.js";

const CELL = "!cell:test.org";
const DM = "!dm-zoe:test.org";
const ZOE = "@zoe:test.org";
const BO = "@bo:test.org";

const event = (id: string, roomId: string, sender: string) => ({
  event_id: id,
  room_id: roomId,
  sender,
  type: "m.room.encrypted",
  origin_server_ts: 1,
  content: {},
});

describe("Matrix inbox: forgetting a person", () => {
  it("removes her handled rows in the cell and in her direct chat with the bot, and nothing still to handle or of others", () => {
    const { db, close } = openMigrated();
    try {
      const inbox = new Inbox(db);
      inbox.record([event("$a", CELL, ZOE), event("$b", DM, ZOE), event("$c", CELL, BO), event("$d", CELL, ZOE)], 1);
      for (const row of inbox.open().filter((r) => r.eventId !== "$d")) inbox.finish(row.seq, "done");
      inboxRoomData.forgetPerson(db, CELL, personMatch({ userId: ZOE, name: "Zoe" }), "someone", 2, "UTC");
      expect(db.prepare("SELECT event_id, sender FROM matrix_inbox ORDER BY event_id").all()).toEqual([
        { event_id: "$c", sender: BO },
        // Not handled yet: it must still run; the weekly pruning takes it once handled.
        { event_id: "$d", sender: ZOE },
      ]);
    } finally {
      close();
    }
  });
});
