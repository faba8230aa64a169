import { MatrixEvent, Room, type MatrixClient } from "matrix-js-sdk";
import { pino } from "pino";
import { PermanentSendError } from "../../../src/kernel/outbox/sender.js";
import type { Inbox } from "../../../src/transport/matrix/inbox.js";
import { MatrixTransport } from "../../../src/transport/matrix/matrix-transport.js";
import { RoomKeeper } from "../../../src/transport/matrix/rooms.js";
import type { Translator } from "../../../src/kernel/i18n/index.js";

const ROOM = "!hall:one.test";
const BOT = "@tandem:one.test";
const MOD = "@mo:one.test";
const OTHER_BOT = "@tandem:two.test";

function member(userId: string, membership: string, sender: string, id: string): Record<string, unknown> {
  return {
    type: "m.room.member",
    state_key: userId,
    sender,
    content: { membership },
    event_id: id,
    room_id: ROOM,
    origin_server_ts: 1,
  };
}

/** A real sdk room whose state went the way the /sync of the federated test took it. */
function roomShowingOldInvite(client: MatrixClient): Room {
  const room = new Room(ROOM, client, BOT);
  const invite = new MatrixEvent(member(BOT, "invite", MOD, "$invite"));
  room.currentState.setStateEvents([invite, new MatrixEvent(member(MOD, "join", MOD, "$mo"))]);
  room.currentState.setStateEvents([new MatrixEvent(member(BOT, "join", BOT, "$join"))]);
  // The state block of the sync that carried the other server's join, from before ours.
  room.currentState.setStateEvents([invite]);
  room.recalculate();
  return room;
}

function world(opts: { joinedOnServer: string[] }) {
  const joins: string[] = [];
  const serverState = [
    member(MOD, "join", MOD, "$mo"),
    member(BOT, "join", BOT, "$join"),
    member(OTHER_BOT, "join", OTHER_BOT, "$other"),
  ];
  const rooms: Room[] = [];
  const client = {
    getUserId: () => BOT,
    getRooms: () => rooms,
    getRoom: (id: string) => rooms.find((r) => r.roomId === id) ?? null,
    getJoinedRooms: async () => ({ joined_rooms: opts.joinedOnServer }),
    roomState: async () => serverState,
    getEventMapper: () => (raw: Record<string, unknown>) => new MatrixEvent(raw),
    joinRoom: async (id: string) => void joins.push(id),
    leave: async () => {},
  } as unknown as MatrixClient;
  const room = roomShowingOldInvite(client);
  rooms.push(room);
  const keeper = new RoomKeeper({
    client,
    transport: {} as MatrixTransport,
    inbox: {} as Inbox,
    log: pino({ level: "silent" }),
    clock: () => 0,
    allowedInviters: ["one.test"],
    allowUnencryptedRooms: true,
    translatorFor: () => ({}) as Translator,
    notices: { queue: () => undefined, flush: async () => undefined },
  });
  return { client, room, keeper, joins };
}

describe("a joined room the sync shows as an invitation", () => {
  it("is taken from the homeserver's state as joined, without joining again", async () => {
    const { room, keeper, joins } = world({ joinedOnServer: [ROOM] });
    expect(room.getMyMembership()).toBe("invite");
    await keeper.maintain();
    await keeper.maintain();
    expect(room.getMyMembership()).toBe("join");
    expect(room.getMember(OTHER_BOT)?.membership).toBe("join");
    expect(joins).toEqual([]);
  });

  it("is joined when the homeserver does not list it: a real invitation", async () => {
    const { room, keeper, joins } = world({ joinedOnServer: [] });
    await keeper.maintain();
    expect(joins).toEqual([ROOM]);
    expect(room.getMyMembership()).toBe("invite");
  });

  it("holds a message back for a retry instead of failing it for good", async () => {
    const { client } = world({ joinedOnServer: [] });
    const transport = new MatrixTransport(client, { allowUnencryptedRooms: true, ready: Promise.resolve() });
    const refused = await transport
      .sendContent(ROOM, { msgtype: "m.notice", body: "hello" }, "txn", true)
      .catch((err: unknown) => err);
    expect(refused).not.toBeInstanceOf(PermanentSendError);
    expect(refused).toMatchObject({ errcode: "M_NOT_IN_ROOM_YET" });
  });
});
