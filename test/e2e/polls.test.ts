/**
 * Native Matrix polls against a real Synapse: a consent proposal goes out as an encrypted poll
 * start (what Element shows as a poll), a member answers with a real poll response from their
 * client, and at the deadline the bot ends the poll (poll end, referring to it) and logs the decision.
 */
import { jest } from "@jest/globals";
import { openKeyed } from "../../src/platform/db.js";
import { Bot, newUser, TestClient } from "../support/e2e.js";

jest.setTimeout(240_000);

let bot: Bot;
let ana: TestClient;
let anaId: string;

/**
 * A proposal closes at least 10 minutes ahead; the test brings its durable closing job forward
 * to now instead of waiting, so the scheduler (ticking every second here) runs it as at the deadline.
 */
function bringDeadlineForward(ref: string): void {
  const db = openKeyed(bot.dbPath, bot.dbKey, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    const moved = db
      .prepare("UPDATE jobs SET next_run_utc = ? WHERE ref = ? AND next_run_utc IS NOT NULL")
      .run(Date.now() - 1_000, ref).changes;
    if (moved !== 1) throw new Error(`expected one closing job for ${ref}, found ${moved}`);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  const anaUser = await newUser("ana");
  anaId = anaUser.userId;
  bot = await Bot.create({ allowedInviters: [anaUser.userId] });
  await bot.start();
  ana = await TestClient.start(anaUser);
});

afterAll(async () => {
  await ana?.stop();
  await bot?.stop();
});

describe("native polls on Matrix", () => {
  test("a consent proposal is an encrypted poll; a real m.poll.response counts; at its deadline the bot ends the poll and logs the decision", async () => {
    const roomId = await ana.createRoom({ name: "Shop floor", encrypted: true, invite: [bot.userId] });
    await ana.waitMembership(roomId, bot.userId, "join");

    // The room's clock is UTC (the default); 15 minutes ahead is within the allowed range.
    const deadline = new Date(Date.now() + 15 * 60_000).toISOString().slice(0, 16).replace("T", " ");
    await ana.send(roomId, `!propose We refuse overtime in December until ${deadline}`);
    const [start] = await ana.messages(roomId, { sender: bot.userId, count: 1, timeoutMs: 60_000 });
    expect(start!.wireType).toBe("m.room.encrypted");
    expect(start!.decryptionFailed).toBe(false);
    expect(start!.type).toBe("org.matrix.msc3381.poll.start");
    expect(start!.poll).toEqual({
      question: "We refuse overtime in December",
      kind: "org.matrix.msc3381.poll.disclosed",
      maxSelections: 1,
      answers: [
        { id: "agree", text: expect.any(String) },
        { id: "abstain", text: expect.any(String) },
        { id: "disagree", text: expect.any(String) },
        { id: "block", text: expect.any(String) },
      ],
    });
    // The fallback for clients without polls: the announcement with how to !vote.
    expect(start!.body).toMatch(/#1\b/);
    expect(start!.body).toContain("!vote 1");

    // The bot is a member of the room, not a voter.
    expect(bot.query("SELECT eligible FROM proposals WHERE room_id = ?", roomId)).toEqual([
      { eligible: JSON.stringify([anaId]) },
    ]);
    const votes = () =>
      bot.query(
        "SELECT v.voter, v.choices FROM proposal_votes v JOIN proposals p ON p.id = v.proposal_id WHERE p.room_id = ?",
        roomId,
      );
    // The stable form (m.poll.response with m.selections) counts like Element's.
    const stable = await ana.call<{ eventId: string }>("answerPollStable", {
      roomId,
      pollEventId: start!.eventId,
      answerIds: ["abstain"],
    });
    expect(await bot.inboxDone(stable.eventId)).toBe("done");
    expect(votes()).toEqual([{ voter: anaId, choices: '["abstain"]' }]);

    const answer = await ana.call<{ eventId: string }>("answerPoll", {
      roomId,
      pollEventId: start!.eventId,
      answerIds: ["agree"],
    });
    expect(await bot.inboxDone(answer.eventId)).toBe("done");
    expect(
      bot.query(
        "SELECT v.voter, v.choices FROM proposal_votes v JOIN proposals p ON p.id = v.proposal_id WHERE p.room_id = ?",
        roomId,
      ),
    ).toEqual([{ voter: anaId, choices: '["agree"]' }]);

    bringDeadlineForward("proposal:1");
    const [, end] = await ana.messages(roomId, { sender: bot.userId, count: 2, timeoutMs: 60_000 });
    expect(end!.wireType).toBe("m.room.encrypted");
    expect(end!.type).toBe("org.matrix.msc3381.poll.end");
    expect(end!.endsPoll).toBe(start!.eventId);
    expect(end!.body).toMatch(/#1\b/);

    expect(
      bot.query<{ outcome: string; decision_number: number }>(
        "SELECT outcome, decision_number FROM proposals WHERE room_id = ?",
        roomId,
      ),
    ).toEqual([{ outcome: "adopted", decision_number: 1 }]);
    expect(bot.query("SELECT number, text FROM decisions WHERE room_id = ?", roomId)).toEqual([
      { number: 1, text: expect.stringContaining("We refuse overtime in December") },
    ]);
    // The answer was taken quietly: the poll start and its end are all the bot posted.
    expect(await ana.messages(roomId, { sender: bot.userId })).toHaveLength(2);
  });
});
