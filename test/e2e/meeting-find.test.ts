/**
 * Finding a time to meet, against a real Synapse: `!meeting find a | b | c` goes out as an encrypted
 * native poll allowing several answers, two members answer from their clients with real poll
 * responses (Element's unstable form and the stable one), and closing it schedules the meeting at
 * the slot most can make, which `!meetings` then lists.
 */
import { jest } from "@jest/globals";
import { answerTo, Bot, newUser, TestClient } from "../support/e2e.js";

jest.setTimeout(240_000);

let bot: Bot;
let ana: TestClient;
let bo: TestClient;

/** A day ahead of today, at a time of day, as a member types it (the room's clock is UTC). */
function dayAhead(days: number, clock: string): string {
  return `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)} ${clock}`;
}

beforeAll(async () => {
  const anaUser = await newUser("ana");
  const boUser = await newUser("bo");
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

describe("finding a time to meet on Matrix", () => {
  test("the slots are a native poll; real answers count; closing schedules the meeting that !meetings lists", async () => {
    const roomId = await ana.createRoom({ name: "Night shift", encrypted: true, invite: [bot.userId, bo.user.userId] });
    await ana.waitMembership(roomId, bot.userId, "join");
    await bo.call("join", { roomId });
    await ana.waitMembership(roomId, bo.user.userId, "join");

    const slots = [dayAhead(2, "19:00"), dayAhead(3, "18:00"), dayAhead(4, "11:00")];
    await ana.send(roomId, `!meeting find ${slots.join(" | ")}`);
    const [start] = await ana.messages(roomId, { sender: bot.userId, count: 1, timeoutMs: 60_000 });
    expect(start!.wireType).toBe("m.room.encrypted");
    expect(start!.type).toBe("org.matrix.msc3381.poll.start");
    expect(start!.poll).toEqual({
      question: expect.any(String),
      kind: "org.matrix.msc3381.poll.disclosed",
      maxSelections: 3,
      answers: [
        { id: "s1", text: expect.any(String) },
        { id: "s2", text: expect.any(String) },
        { id: "s3", text: expect.any(String) },
      ],
    });
    // The fallback for clients without polls says how to answer by typing.
    expect(start!.body).toContain("!meeting find 1 can");

    // Ana can make the first and the last; Bo only the last: the last is the slot most can make.
    const fromAna = await ana.call<{ eventId: string }>("answerPoll", {
      roomId,
      pollEventId: start!.eventId,
      answerIds: ["s1", "s3"],
    });
    const fromBo = await bo.call<{ eventId: string }>("answerPollStable", {
      roomId,
      pollEventId: start!.eventId,
      answerIds: ["s3"],
    });
    expect(await bot.inboxDone(fromAna.eventId)).toBe("done");
    expect(await bot.inboxDone(fromBo.eventId)).toBe("done");
    // Answers are taken quietly: the poll is all the bot posted so far.
    expect(await ana.messages(roomId, { sender: bot.userId })).toHaveLength(1);

    // Closing ends the poll: the poll end (referring to the poll) carries the outcome.
    await ana.send(roomId, "!meeting find 1 close");
    const [, ended] = await ana.messages(roomId, { sender: bot.userId, count: 2, timeoutMs: 60_000 });
    expect(ended!.wireType).toBe("m.room.encrypted");
    expect(ended!.type).toBe("org.matrix.msc3381.poll.end");
    expect(ended!.endsPoll).toBe(start!.eventId);
    const closing = ended!.body ?? "";
    expect(closing).toContain(slots[2]!.slice(11));

    const listed = await answerTo(ana, bot, roomId, await ana.send(roomId, "!meetings"));
    expect(listed).toContain("11:00");
    expect(listed).not.toContain("19:00");
    expect(bot.query("SELECT chosen FROM meeting_finds WHERE room_id = ?", roomId)).toEqual([{ chosen: 3 }]);
    // Both can make it, said by count: the room is told no one's answers.
    expect(closing).toContain("2 of 2");
    expect(closing).not.toContain(bo.user.userId);
  });
});
