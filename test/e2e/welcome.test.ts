/**
 * Issue 20 against a real Synapse: a person joining an encrypted room is greeted once the cell turned
 * the welcome on (the join is room state, read from the sync), and a reply to a proposal's poll
 * becomes the reason for that member's answer.
 */
import { jest } from "@jest/globals";
import { Bot, newUser, TestClient } from "../support/e2e.js";

jest.setTimeout(240_000);

let bot: Bot;
let ana: TestClient;
let bo: TestClient;
let boId: string;

beforeAll(async () => {
  const anaUser = await newUser("ana");
  const boUser = await newUser("bo");
  boId = boUser.userId;
  bot = await Bot.create({ allowedInviters: [anaUser.userId] });
  await bot.start();
  ana = await TestClient.start(anaUser);
  bo = await TestClient.start(boUser);
});

afterAll(async () => {
  await bo?.stop();
  await ana?.stop();
  await bot?.stop();
});

describe("a welcome and reasons on Matrix", () => {
  test("someone who joins is welcomed in the room; a reply to the poll is the reason for their answer", async () => {
    const roomId = await ana.createRoom({ name: "Night shift", encrypted: true, invite: [bot.userId] });
    await ana.waitMembership(roomId, bot.userId, "join");
    await ana.send(roomId, "!settings welcome on");
    await ana.messages(roomId, { sender: bot.userId, count: 1, timeoutMs: 60_000 });

    await ana.call("invite", { roomId, userId: boId });
    await bo.call("join", { roomId });
    const [, welcome] = await ana.messages(roomId, { sender: bot.userId, count: 2, timeoutMs: 60_000 });
    expect(welcome!.decryptionFailed).toBe(false);
    expect(welcome!.msgtype).toBe("m.notice");
    expect(welcome!.body).toMatch(/^Welcome, bo/);
    expect(welcome!.body).toContain("!help");
    // Nothing about the newcomer is kept beyond the room's own membership.
    expect(JSON.stringify(bot.query("SELECT * FROM room_welcome"))).not.toContain("bo");

    await ana.send(roomId, "!propose We refuse overtime in December");
    const [, , start] = await ana.messages(roomId, { sender: bot.userId, count: 3, timeoutMs: 60_000 });
    await bo.call("answerPoll", { roomId, pollEventId: start!.eventId, answerIds: ["block"] });
    await bo.send(roomId, "it exposes the night shift", { replyTo: start!.eventId });
    const [, , , kept] = await ana.messages(roomId, { sender: bot.userId, count: 4, timeoutMs: 60_000 });
    expect(kept!.body).toBe("Your reason is kept with your answer on #1; it is read out at the close.");
    expect(bot.query("SELECT voter, choices, reason FROM proposal_votes")).toEqual([
      { voter: boId, choices: '["block"]', reason: "it exposes the night shift" },
    ]);
  });
});
