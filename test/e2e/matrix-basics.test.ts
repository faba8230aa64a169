import { jest } from "@jest/globals";
import { Bot, botMessages, newUser, TestClient } from "../support/e2e.js";

jest.setTimeout(180_000);

describe("the bot in an encrypted room on a real Synapse", () => {
  let bot: Bot;
  let ana: TestClient;

  beforeAll(async () => {
    bot = await Bot.create();
    await bot.start();
    ana = await TestClient.start(await newUser("ana"));
  });

  afterAll(async () => {
    await ana?.stop();
    await bot?.stop();
  });

  test("joins on invite, records a thanks and answers in ciphertext that decrypts to the confirmation", async () => {
    const roomId = await ana.createRoom({ name: "Kitchen committee", encrypted: true, invite: [bot.userId] });
    await ana.waitMembership(roomId, bot.userId, "join");

    // As Element sends a typed "@ana" once it became a pill: display name in the body, link in the HTML.
    const anaId = ana.user.userId;
    const command = await ana.send(roomId, "!ledger thanks ana cooked 40 meals", {
      html: `!ledger thanks <a href="https://matrix.to/#/${anaId}">ana</a> cooked 40 meals`,
      mentions: [anaId],
    });
    const [reply] = botMessages(await ana.messages(roomId, { sender: bot.userId, count: 1, timeoutMs: 60_000 }), bot);

    expect(reply!.wireType).toBe("m.room.encrypted");
    expect(reply!.decryptionFailed).toBe(false);
    expect(reply!.type).toBe("m.room.message");
    expect(reply!.body).toMatch(/#1\b/);
    expect(reply!.formattedBody).toContain(`href="https://matrix.to/#/${ana.user.userId}"`);
    expect(reply!.mentions).toEqual({ user_ids: [ana.user.userId] });
    expect(reply!.relatesTo).toEqual({ "m.in_reply_to": { event_id: command } });

    const entries = bot.query<{ what: string; room_id: string }>("SELECT what, room_id FROM ledger_entries");
    expect(entries).toEqual([{ what: expect.stringContaining("meals"), room_id: roomId }]);
  });
});
