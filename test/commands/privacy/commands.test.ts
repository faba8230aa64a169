import { ALICE, createTestBot, MOD, ROOM, type TestBot } from "../../support/test-bot.js";

const DONE =
  "Done: they are forgotten in this room. What was already posted in the room stays in its history, and on Matrix my sealed key store keeps their devices' keys (the Matrix library has no way to drop them).";

const ANA = "@ana:test.org";
const OTHER = "!other:test.org";

describe("privacy: forgetting a person and wiping a cell", () => {
  let bot: TestBot;
  beforeEach(() => {
    bot = createTestBot();
    bot.transport.join(ROOM, ANA, "Ana");
    bot.transport.join(OTHER, ANA, "Ana");
    bot.transport.join(OTHER, MOD, "Mo", 50);
  });
  afterEach(() => bot.close());

  const all = (sql: string) => bot.db.prepare(sql).all();

  it("shows what it keeps first, forgets only after confirmation, and keeps the care counted", async () => {
    await bot.say("!ledger thanks @ana cooked 40 meals");
    await bot.say("!ledger thanks @ana @alice drove 3 nurses");
    await bot.say("!ledger thanks @alice fixed bikes", { sender: ANA });
    await bot.say("!role add facilitator", { sender: MOD });
    await bot.say("!role join facilitator", { sender: ANA });
    await bot.say("!ledger thanks @ana cooked soup", { roomId: OTHER, sender: MOD });

    const [preview] = await bot.say("!forget me", { sender: ANA });
    expect(preview).toMatch(
      /^This is what I keep about Ana in this room:\n• 3 ledger entries .*\n• 1 place in the role rotation .*\nNothing has changed yet\. To forget it, type !forget me confirm\./,
    );
    expect(all("SELECT DISTINCT user_id FROM ledger_givers WHERE user_id IS NOT NULL ORDER BY 1")).toEqual([
      { user_id: ALICE },
      { user_id: ANA },
    ]);

    expect(await bot.say("!forget me confirm", { sender: ANA })).toEqual([DONE]);
    expect(
      all(
        "SELECT e.room_id, g.user_id, g.name FROM ledger_givers g JOIN ledger_entries e ON e.id = g.entry_id ORDER BY e.room_id, e.number, g.position",
      ),
    ).toEqual([
      { room_id: ROOM, user_id: null, name: "someone" },
      { room_id: ROOM, user_id: null, name: "someone" },
      { room_id: ROOM, user_id: ALICE, name: "Alice" },
      { room_id: ROOM, user_id: ALICE, name: "Alice" },
      // Another room keeps its own memory: forgetting is per room.
      { room_id: OTHER, user_id: ANA, name: "Ana" },
    ]);
    expect(all("SELECT recorded_by FROM ledger_entries WHERE room_id = '!cell:test.org' ORDER BY number")).toEqual([
      { recorded_by: ALICE },
      { recorded_by: ALICE },
      { recorded_by: "" },
    ]);
    expect(bot.db.prepare("SELECT state FROM rotation_state").pluck().get()).not.toContain(ANA);
    const [week] = await bot.say("!ledger week");
    expect(week).toContain("Together: 40 meals.");
    expect(week).not.toContain("Ana");
    expect(await bot.say("!forget me", { sender: ANA })).toEqual(["I keep nothing about Ana in this room."]);
  });

  it("lets only moderators forget someone else", async () => {
    await bot.say("!ledger thanks @ana cooked soup");
    expect(await bot.say("!forget @ana confirm")).toEqual([
      "You can ask me to forget you (!forget me). Forgetting someone else is for moderators.",
    ]);
    expect(all("SELECT user_id FROM ledger_givers")).toEqual([{ user_id: ANA }]);
    expect(await bot.say("!forget @ana confirm", { sender: MOD })).toEqual([DONE]);
    expect(all("SELECT user_id, name FROM ledger_givers")).toEqual([{ user_id: null, name: "someone" }]);
  });

  it("wipes everything of one room after confirmation, and nothing of another", async () => {
    await bot.say("!ledger thanks @ana cooked soup");
    await bot.say("!meeting weekly thursday 19:00", { sender: MOD });
    await bot.say("!ledger thanks @ana cooked soup", { roomId: OTHER, sender: MOD });
    expect(await bot.say("!cell wipe")).toEqual([
      expect.stringMatching(/^Only moderators of this room can use !cell wipe/),
    ]);
    const [preview] = await bot.say("!cell wipe", { sender: MOD });
    expect(preview).toMatch(
      /^This is everything I keep about this room:\n• 1 ledger entry .*\n• 1 scheduled post and the room's settings\n.*!ledger export.*!cell wipe confirm/,
    );
    expect(await bot.say("!cell wipe confirm", { sender: MOD })).toEqual([
      "Done: everything I kept about this room is deleted.",
    ]);
    expect(all("SELECT room_id FROM ledger_entries")).toEqual([{ room_id: OTHER }]);
    expect(all("SELECT room_id FROM jobs")).toEqual([]);
    expect(await bot.say("!cell wipe", { sender: MOD })).toEqual(["I keep nothing about this room."]);
  });

  it("says in the wipe preview that the fund is deleted, as it then is", async () => {
    await bot.say("!role add treasurer", { sender: MOD });
    await bot.say("!role join treasurer", { sender: ANA });
    await bot.say("!fund in €20 from @bo", { sender: ANA });
    const [preview] = await bot.say("!cell wipe", { sender: MOD });
    expect(preview).toContain(
      "• the fund: 1 record of money, a pledge or a request (deleted: the fund starts again at zero)\n",
    );
    expect(preview).not.toContain("money stays");
    await bot.say("!cell wipe confirm", { sender: MOD });
    expect((await bot.say("!fund"))[0]).toContain("The fund is empty so far.");
  });

  it("keeps no reply text in the outbox once it was delivered", async () => {
    await bot.say("!ledger thanks @ana cooked secret soup");
    expect(bot.db.prepare("SELECT doc FROM outbox").pluck().all()).toEqual(['{"blocks":[]}']);
  });
});
