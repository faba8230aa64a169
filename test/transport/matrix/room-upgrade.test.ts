import type { MatrixClient, Room } from "matrix-js-sdk";
import { pino } from "pino";
import type { RoomSettingsView } from "../../../src/kernel/command.js";
import { allTexts } from "../../../app/app.js";
import { roomSettings, setRoomLanguage } from "../../../src/kernel/room-settings.js";
import type { MatrixTransport } from "../../../src/transport/matrix/matrix-transport.js";
import { RoomUpgrades } from "../../../src/transport/matrix/room-upgrade.js";
import { RoomKeeper } from "../../../src/transport/matrix/rooms.js";
import { outboxNotices } from "../../../src/transport/matrix/notices.js";
import { renderPlain } from "../../../src/kernel/render-plain.js";
import type { Inbox } from "../../../src/transport/matrix/inbox.js";
import { ALICE, createTestBot, ROOM, type TestBot } from "../../support/test-bot.js";

const NEW_ROOM = "!upgraded:test.org";
const BOT = "@tandem:test.org";
const defaults: RoomSettingsView = { language: "en", timezone: "Europe/Madrid" };

/** The little of a matrix-js-sdk room the upkeep reads: membership, tombstone, predecessor. */
function fakeRoom(roomId: string, opts: { membership: string; tombstoneTo?: string; predecessor?: string }): Room {
  return {
    roomId,
    getMyMembership: () => opts.membership,
    currentState: {
      getStateEvents: (type: string, key: string) =>
        type === "m.room.tombstone" && key === "" && opts.tombstoneTo
          ? { getContent: () => ({ replacement_room: opts.tombstoneTo, body: "This room has been replaced" }) }
          : null,
    },
    findPredecessor: () => (opts.predecessor ? { roomId: opts.predecessor } : null),
    getMember: (userId: string) =>
      userId === BOT ? { events: { member: { getSender: () => "@mod:test.org" } } } : null,
  } as unknown as Room;
}

function world(bot: TestBot, rooms: Room[]) {
  const left: string[] = [];
  const joined: string[] = [];
  const before = bot.transport.sent.length;
  /** What the bot's outbox delivered since, as plain text. */
  const sent = () => bot.transport.sent.slice(before).map((m) => ({ roomId: m.roomId, body: renderPlain(m.doc) }));
  /** How many of those had been delivered when the bot left a room. */
  const sentAtLeave: number[] = [];
  const client = {
    getUserId: () => BOT,
    getRooms: () => rooms,
    getRoom: (id: string) => rooms.find((r) => r.roomId === id) ?? null,
    getJoinedRooms: async () => ({
      joined_rooms: rooms.filter((r) => r.getMyMembership() === "join").map((r) => r.roomId),
    }),
    leave: async (id: string) => {
      left.push(id);
      sentAtLeave.push(sent().length);
    },
    joinRoom: async (id: string) => void joined.push(id),
  } as unknown as MatrixClient;
  const transport = {} as MatrixTransport;
  const texts = allTexts();
  const translatorFor = (roomId: string) => texts.translator(roomSettings(bot.db, roomId, defaults).language);
  const log = pino({ level: "silent" });
  const notices = outboxNotices(bot.db, bot.sender, () => bot.clock.now);
  const deps = { client, log, notices, translatorFor };
  const upgrades = new RoomUpgrades({ ...deps, db: bot.db });
  const keeper = new RoomKeeper({
    ...deps,
    transport,
    allowUnencryptedRooms: true,
    inbox: {} as Inbox,
    clock: () => bot.clock.now,
    allowedInviters: ["test.org"],
    upgrades,
  });
  return { keeper, left, sent, sentAtLeave, joined };
}

describe("following a room upgrade", () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = createTestBot();
    bot.transport.join(NEW_ROOM, ALICE, "Alice");
    await bot.say("!ledger thanks @ana cooked 40 meals");
    setRoomLanguage(bot.db, ROOM, "es", bot.clock.now);
  });
  afterEach(() => bot.close());

  it("moves the cell's memory into the new room, says once in the old room where it went, and leaves it", async () => {
    const { keeper, left, sent, sentAtLeave } = world(bot, [
      fakeRoom(ROOM, { membership: "join", tombstoneTo: NEW_ROOM }),
      fakeRoom(NEW_ROOM, { membership: "join", predecessor: ROOM }),
    ]);
    await keeper.maintain();

    // Through the outbox like every message, and delivered before the bot leaves the old room.
    expect(sent()).toEqual([
      {
        roomId: ROOM,
        body: expect.stringMatching(
          /^Esta sala fue reemplazada por una nueva.*https:\/\/matrix\.to\/#\/!upgraded:test\.org/,
        ),
      },
    ]);
    expect(
      bot.db.prepare("SELECT key, kind FROM outbox WHERE room_id = ? AND key LIKE 'upgraded:%'").all(ROOM),
    ).toEqual([{ key: `upgraded:${ROOM}`, kind: "notice" }]);
    expect(left).toEqual([ROOM]);
    expect(sentAtLeave).toEqual([1]);
    expect(roomSettings(bot.db, NEW_ROOM, defaults).language).toBe("es");
    expect(await bot.say("!ledger", { roomId: NEW_ROOM })).toEqual([expect.stringMatching(/#1 ana: cooked 40 meals/)]);
  });

  it("waits until the bot was invited into the new room and joined it", async () => {
    const { keeper, left, sent, joined } = world(bot, [
      fakeRoom(ROOM, { membership: "join", tombstoneTo: NEW_ROOM }),
      fakeRoom(NEW_ROOM, { membership: "invite", predecessor: ROOM }),
    ]);
    await keeper.maintain();
    // The invitation from an allowed inviter is accepted by the usual upkeep; the move waits for the join.
    expect(joined).toEqual([NEW_ROOM]);
    expect(sent()).toEqual([]);
    expect(left).toEqual([]);
    expect(roomSettings(bot.db, ROOM, defaults).language).toBe("es");
  });

  it("does not follow a tombstone to a room that does not name this one as its predecessor", async () => {
    const { keeper, left, sent } = world(bot, [
      fakeRoom(ROOM, { membership: "join", tombstoneTo: NEW_ROOM }),
      fakeRoom(NEW_ROOM, { membership: "join", predecessor: "!other:test.org" }),
    ]);
    await keeper.maintain();
    expect([sent(), left]).toEqual([[], []]);
    expect(await bot.say("!ledger", { roomId: NEW_ROOM })).toEqual([
      expect.stringMatching(/^Nothing in this room's ledger yet/),
    ]);
  });

  it("merges nothing into a new room that already has memory of its own, and stays", async () => {
    await bot.say("!ledger thanks @bo swept", { roomId: NEW_ROOM });
    const { keeper, left, sent } = world(bot, [
      fakeRoom(ROOM, { membership: "join", tombstoneTo: NEW_ROOM }),
      fakeRoom(NEW_ROOM, { membership: "join", predecessor: ROOM }),
    ]);
    await keeper.maintain();
    expect([sent(), left]).toEqual([[], []]);
    expect(await bot.say("!ledger", { roomId: ROOM })).toEqual([expect.stringMatching(/#1 ana: cooked 40 meals/)]);
  });
});
