import { moveRoom, roomKeyedTables, RoomMoveConflict } from "../../src/kernel/room-move.js";
import { ALICE, createTestBot, MOD, ROOM, type TestBot } from "../support/test-bot.js";

const NEW_ROOM = "!upgraded:test.org";
const count = (bot: TestBot, table: string, roomId: string) =>
  bot.db.prepare(`SELECT count(*) FROM ${table} WHERE room_id = ?`).pluck().get(roomId) as number;

describe("moving a cell's memory to the room that replaced it", () => {
  let bot: TestBot;
  beforeEach(() => {
    bot = createTestBot();
    bot.transport.join(NEW_ROOM, ALICE, "Alice");
  });
  afterEach(() => bot.close());

  it("moves every room-keyed cell table, in a real SQLite file, so the new room remembers", async () => {
    await bot.say("!ledger thanks @ana cooked 40 meals");
    await bot.say("!ledger thanks @bo @cy drove 3 nurses #transport");
    await bot.say("!meeting weekly thursday 19:00", { sender: MOD });
    expect(count(bot, "jobs", ROOM)).toBeGreaterThan(0);

    expect(moveRoom(bot.db, ROOM, NEW_ROOM)).toBeGreaterThan(0);

    expect(await bot.say("!ledger", { roomId: NEW_ROOM })).toEqual([
      expect.stringMatching(/^The latest 2 entries:\n• #2 bo and cy: drove 3 nurses[^\n]*\n• #1 ana: cooked 40 meals/),
    ]);
    expect(await bot.say("!ledger")).toEqual([expect.stringMatching(/^Nothing in this room's ledger yet/)]);
    expect(count(bot, "jobs", ROOM)).toBe(0);
    expect(count(bot, "jobs", NEW_ROOM)).toBeGreaterThan(0);
    // The old room's own record stays with it: its messages and events were there, not in the new room.
    expect(count(bot, "outbox", ROOM)).toBeGreaterThan(0);
    expect(count(bot, "outbox", NEW_ROOM)).toBe(1);
    // The next number continues the old room's count.
    expect(await bot.say("!ledger thanks @di fixed the van", { roomId: NEW_ROOM })).toEqual([
      expect.stringContaining("Noted as #3"),
    ]);
  });

  it("finds the cell tables from the schema itself", () => {
    expect(roomKeyedTables(bot.db)).toEqual(
      expect.arrayContaining(["ledger_entries", "jobs", "room_settings", "careplans", "care_acts"]),
    );
  });

  it("merges nothing when the new room already has memory of its own: all or nothing", async () => {
    await bot.say("!ledger thanks @ana cooked 40 meals");
    await bot.say("!meeting weekly thursday 19:00", { sender: MOD });
    await bot.say("!ledger thanks @bo swept", { roomId: NEW_ROOM });
    const jobsBefore = count(bot, "jobs", ROOM);

    expect(() => moveRoom(bot.db, ROOM, NEW_ROOM)).toThrow(RoomMoveConflict);

    expect(count(bot, "ledger_entries", ROOM)).toBe(1);
    expect(count(bot, "jobs", ROOM)).toBe(jobsBefore);
    expect(count(bot, "ledger_entries", NEW_ROOM)).toBe(1);
  });

  it("is harmless when run again after the move", async () => {
    await bot.say("!ledger thanks @ana cooked 40 meals");
    moveRoom(bot.db, ROOM, NEW_ROOM);
    expect(moveRoom(bot.db, ROOM, NEW_ROOM)).toBe(0);
    expect(count(bot, "ledger_entries", NEW_ROOM)).toBe(1);
  });
});
