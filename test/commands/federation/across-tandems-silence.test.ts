import { HOST_MARK } from "../../../src/kernel/other-tandems.js";
import { toCellEvent } from "../../../commands/federation/protocol/wire.js";
import { tempDatabasePath } from "../../support/db.js";
import { createTestBot, MOD, ROOM, type TestBot } from "../../support/test-bot.js";

/**
 * Two Tandems in one assembly room before any cell of B has linked: A hosts the assembly (HALL);
 * B was invited for its cells. A command there gets one answer, A's, once B has seen A speak there.
 */
const HALL = "!hall:a.org";
const [BOT_A, BOT_B] = ["@tandem:a.org", "@tandem:b.org"];
let n = 0;

describe("a second Tandem in a room another Tandem hosts", () => {
  let a: TestBot;
  let b: TestBot;
  let bFile: ReturnType<typeof tempDatabasePath>;

  beforeEach(async () => {
    a = createTestBot();
    bFile = tempDatabasePath();
    b = createTestBot({ path: bFile.path });
    for (const bot of [a, b]) bot.transport.join(HALL, MOD, "Mo", 50);
    a.transport.join(HALL, BOT_B);
    b.transport.join(HALL, BOT_A);
    await a.say("!assembly start Care workers north", { roomId: HALL, sender: MOD });
  });
  afterEach(() => {
    a.close();
    b.close();
    bFile.remove();
  });

  /** One message, as the homeserver delivers it to both Tandems: what each answered. */
  const typed = async (text: string, roomId = HALL) => {
    const invocation = { eventId: `$typed${++n}`, roomId, sender: MOD, text, sentAt: 0 };
    return { a: await a.say(text, invocation), b: await b.say(text, invocation) };
  };
  /** A's reply as B reads it: a message with A's host mark, handed on by B's transport. */
  const markSeenByB = (roomId = HALL, sender = BOT_A) =>
    b.dispatcher.handleEvent({
      eventId: `$mark${++n}`,
      roomId,
      sender,
      type: HOST_MARK,
      content: {},
      sentAt: 0,
      signedDevice: true,
    });

  it("answers once: B stays silent after the first message with A's host mark, and after a restart", async () => {
    expect(a.dispatcher.hostsRoom(HALL)).toBe(true);
    expect(b.dispatcher.hostsRoom(HALL)).toBe(false);
    expect(a.dispatcher.hostsRoom(ROOM)).toBe(false);
    // Before B has seen A speak there, it cannot know.
    expect((await typed("!assembly invite")).b).toEqual([expect.stringMatching(/^This room is not an assembly/)]);
    expect(markSeenByB()).toBe("handled");
    const answers = await typed("!assembly invite");
    expect(answers.a).toEqual([expect.stringMatching(/^Join code: /)]);
    expect(answers.b).toEqual([]);
    expect(await typed("!help")).toEqual({ a: [expect.any(String)], b: [] });
    b.close();
    b = createTestBot({ path: bFile.path });
    expect((await typed("!assembly invite")).b).toEqual([]);
  });

  it("learns it as well from a federation event of A, before any of its cells links", async () => {
    b.dispatcher.handleEvent({
      eventId: "$refused",
      roomId: HALL,
      sender: BOT_A,
      ...toCellEvent("0".repeat(24), { kind: "refused", reason: "bad_code" }).event!,
      sentAt: 0,
      signedDevice: true,
    });
    expect((await typed("!assembly invite")).b).toEqual([]);
  });

  it("keeps answering in its own rooms: where it keeps a cell's data, its own assembly, or on a mark from an unsigned device", async () => {
    await b.say("!ledger thanks @mod cooked 40 meals", { roomId: ROOM, sender: MOD });
    markSeenByB(ROOM, "@intruder:c.org");
    expect((await b.say("!help", { roomId: ROOM, sender: MOD })).length).toBe(1);

    const OWN = "!own:b.org";
    b.transport.join(OWN, MOD, "Mo", 50);
    await b.say("!assembly start Night shift", { roomId: OWN, sender: MOD });
    markSeenByB(OWN);
    expect(await b.say("!assembly invite", { roomId: OWN, sender: MOD })).toEqual([
      expect.stringMatching(/^Join code: /),
    ]);

    b.dispatcher.handleEvent({
      eventId: "$unsigned",
      roomId: HALL,
      sender: BOT_A,
      type: HOST_MARK,
      content: {},
      sentAt: 0,
      signedDevice: false,
    });
    expect((await typed("!assembly invite")).b).toHaveLength(1);
  });
});
