/**
 * Security for a cell under watch (issue 22) against a real Synapse: only devices their owners
 * verified read the bot and are obeyed, and a member's reset identity waits for a moderator's
 * `!trust`. One file, in order: the second part starts from the room the first one made.
 */
import { jest } from "@jest/globals";
import { answeredEvent, answerTo, Bot, newUser, TestClient } from "../support/e2e.js";
import type { RegisteredUser } from "../support/synapse.js";

jest.setTimeout(300_000);

let bot: Bot;
let mo: TestClient;
let ana: TestClient;
let anaUser: RegisteredUser;
let intruder: TestClient | undefined;
let roomId: string;

const UNVERIFIED = /new device of .* is not verified/;
const CHANGED = /the identity of .* changed/;

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${bot.diagnostics()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The bot's messages in the room as a client sees them (bodies of what it could decrypt). */
const botMessages = (client: TestClient) => client.messages(roomId, { sender: bot.userId, timeoutMs: 2_000 });

const inboxState = (eventId: string) =>
  bot.query<{ state: string; held_at: number | null }>(
    "SELECT state, held_at FROM matrix_inbox WHERE event_id = ?",
    eventId,
  )[0];
const ledgerCount = () =>
  bot.query<{ n: number }>("SELECT count(*) AS n FROM ledger_entries WHERE room_id = ?", roomId)[0]!.n;

beforeAll(async () => {
  const moUser = await newUser("mo");
  anaUser = await newUser("ana");
  bot = await Bot.create({ allowedInviters: [moUser.userId] });
  await bot.start();
  [mo, ana] = await Promise.all([TestClient.start(moUser), TestClient.start(anaUser)]);
  roomId = await mo.createRoom({ name: "cell under watch", encrypted: true, invite: [bot.userId, anaUser.userId] });
  await mo.waitMembership(roomId, bot.userId, "join", 60_000);
  await ana.call("join", { roomId });
  await mo.waitMembership(roomId, anaUser.userId, "join");
});

afterAll(async () => {
  await intruder?.stop();
  await ana?.stop();
  await mo?.stop();
  await bot?.stop();
});

describe("only devices their owners verified", () => {
  it("answers the member's cross-signed device; her unverified second login reads nothing and is not obeyed, with one notice", async () => {
    expect(await answerTo(ana, bot, roomId, await ana.send(roomId, "!ledger thanks @mo cooked 40 meals"))).toMatch(
      /#1/,
    );

    intruder = await TestClient.unverifiedLogin(anaUser);
    await intruder.messages(roomId, { count: 1 });
    const orders = [
      await intruder.send(roomId, "!ledger thanks @mo drove 3 nurses"),
      await intruder.send(roomId, "!ledger thanks @mo mended 2 flags"),
    ];

    // Her verified device reads the one notice; the notice names no command.
    const notice = await until("the notice about the unverified device", async () =>
      (await botMessages(ana)).find((m) => UNVERIFIED.test(m.body ?? "")),
    );
    expect(notice.body).not.toMatch(/nurses|flags|ledger/);
    for (const order of orders)
      expect(
        await until("the order to be set aside", () => (inboxState(order)?.state === "done" ? true : undefined)),
      ).toBe(true);
    expect(ledgerCount()).toBe(1);

    // A later reply, after both orders were set aside: still one notice, and no answer to either order.
    const marker = await ana.send(roomId, "!ledger thanks @mo sang 1 song");
    expect(await answerTo(ana, bot, roomId, marker)).toMatch(/#2/);
    const seen = await botMessages(ana);
    expect(seen.filter((m) => UNVERIFIED.test(m.body ?? ""))).toHaveLength(1);
    expect(seen.filter((m) => orders.includes(answeredEvent(m) ?? ""))).toEqual([]);

    // The second device got no room key for the bot's messages: it cannot decrypt the reply it saw arrive.
    const onIntruder = await until("the reply to reach the second device", async () =>
      (await botMessages(intruder!)).find((m) => m.eventId === seen.find((s) => answeredEvent(s) === marker)?.eventId),
    );
    expect(onIntruder.decryptionFailed).toBe(true);
  });
});

describe("a member's identity changes", () => {
  it("holds her commands until a moderator trusts the new identity, then runs each once, and logs both", async () => {
    await intruder?.stop();
    intruder = undefined;
    await ana.resetIdentity();
    // Told as soon as the bot sees the new keys, before she (or whoever reset her account) writes.
    const told = await until("the moderators to be told", async () =>
      (await botMessages(mo)).find((m) => CHANGED.test(m.body ?? "")),
    );
    expect(told.body).toContain(`!trust ${anaUser.userId}`);

    const held = await ana.send(roomId, "!ledger thanks @mo baked 12 loaves");
    expect(
      await until("the command to be held", () => (inboxState(held)?.held_at ? inboxState(held) : undefined)),
    ).toMatchObject({ state: "pending" });
    expect(ledgerCount()).toBe(2);

    expect(await answerTo(mo, bot, roomId, await mo.send(roomId, `!trust ${anaUser.userId}`))).toMatch(/new identity/);
    expect(await answerTo(ana, bot, roomId, held)).toMatch(/#3/);
    expect(ledgerCount()).toBe(3);
    // Her next command runs straight away.
    expect(await answerTo(ana, bot, roomId, await ana.send(roomId, "!ledger thanks @mo swept 1 floor"))).toMatch(/#4/);
    expect((await botMessages(ana)).filter((m) => answeredEvent(m) === held)).toHaveLength(1);

    const log = await answerTo(mo, bot, roomId, await mo.send(roomId, "!decisions"));
    expect(log).toMatch(/identity of .* changed/);
    expect(log).toMatch(/trusted the new identity/);
    expect((await botMessages(mo)).filter((m) => CHANGED.test(m.body ?? ""))).toHaveLength(1);
  });
});

describe("forgetting her afterwards", () => {
  it("leaves her id in none of the tables that kept her devices, her identity's change or her held messages", async () => {
    const name = anaUser.userId.slice(1).split(":")[0]!;
    expect(await answerTo(mo, bot, roomId, await mo.send(roomId, `!forget @${name} confirm`))).not.toMatch(/nothing/i);
    await bot.stop();
    for (const table of [
      "matrix_unverified_devices",
      "identity_holds",
      "matrix_inbox",
      "handled_events",
      "outbox",
      "decisions",
    ]) {
      expect([table, JSON.stringify(bot.query(`SELECT * FROM "${table}"`)).includes(anaUser.userId)]).toEqual([
        table,
        false,
      ]);
    }
  });
});
