import { FakeTransport } from "../../support/fake-transport.js";
import { ALICE, createTestBot, MOD, ROOM, type TestBot } from "../../support/test-bot.js";

const ANA = "@ana:test.org";
const BO = "@bo:test.org";
const LATE = "@late:test.org";
let n = 0;

describe("governance proposals", () => {
  let bot: TestBot;
  beforeEach(() => {
    bot = createTestBot(); // 2026-11-24 10:00 UTC, Europe/Madrid
    bot.transport.join(ROOM, ANA, "Ana");
    bot.transport.join(ROOM, BO, "Bo");
  });
  afterEach(() => bot.close());

  const lastPoll = () => [...bot.transport.sent].reverse().find((m) => m.doc.poll)!;
  const answer = async (sender: string, answerIds: string[], sentAt = bot.clock.now) => {
    const before = bot.transport.sent.length;
    const outcome = bot.dispatcher.handlePollAnswer({
      eventId: `$a${++n}`,
      roomId: ROOM,
      sender,
      pollEventId: FakeTransport.eventIdOf(lastPoll()),
      answerIds,
      sentAt,
    });
    await bot.sender.drain();
    expect(bot.transport.sent.length).toBe(before); // poll answers are quiet
    return outcome;
  };
  const lastDoc = () => bot.transport.sent.at(-1)!.doc;

  it("runs a consent proposal: poll, latest answer wins, late joiners and late answers ignored, closes at the deadline once", async () => {
    const [announced] = await bot.say("!propose We refuse overtime in December", { sender: ANA });
    expect(announced).toBe(
      "Proposal #1: We refuse overtime in December\n• agree: Agree\n• abstain: Abstain\n• disagree: Disagree\n• block: Block\n" +
        "Answer the poll, or type !vote 1 agree. Your latest answer counts.\nBlocking, or want to say why? Reply to this poll with your reason.\nIt closes Thursday 26 Nov, 11:00 (or earlier with !propose 1 close).",
    );
    expect(lastDoc()).toMatchObject({
      ref: "proposal:1",
      poll: { question: "We refuse overtime in December", maxSelections: 1, disclosed: true },
    });
    bot.transport.join(ROOM, LATE, "Late");
    expect(await answer(ANA, ["disagree"])).toBe("handled");
    await answer(ANA, ["agree"]);
    await answer(BO, ["agree"]);
    await answer(LATE, ["block"]);
    expect(await bot.say("!vote 1 block", { sender: LATE })).toEqual([
      "Only members who were in the room when proposal #1 started can vote on it.",
    ]);
    expect(await bot.say("!vote 1 abstain", { sender: MOD })).toEqual([
      "Your vote on #1 is counted. You can change it until the close (!vote 1 …).",
    ]);
    expect(await bot.tickTo("2026-11-26T09:59:00Z")).toEqual([]);
    const closed = await bot.tickTo("2026-11-26T10:00:00Z");
    expect(closed).toEqual([
      "Closed. Proposal #1: We refuse overtime in December: adopted (Agree 2, Abstain 1, Disagree 0, Block 0)\n3 of 4 members answered.\nIt is in the decision log as #1 (!decision 1).",
    ]);
    expect(lastDoc().endsPoll).toBe("proposal:1");
    await answer(BO, ["block"], bot.clock.now + 1);
    expect(await bot.tickTo("2026-11-27T10:00:00Z")).toEqual([]);
    expect(await bot.say("!decision 1")).toEqual([
      expect.stringContaining("Proposal #1: We refuse overtime in December: adopted"),
    ]);
    expect(await bot.say("!vote 1 agree", { sender: BO })).toEqual([
      "Proposal #1 is closed; votes after the close are not counted.",
    ]);
  });

  it("a block stops adoption and is thanked; only the proposer or a moderator closes early", async () => {
    await bot.say("!propose We strike on Monday", { sender: ANA });
    await answer(ANA, ["agree"]);
    await answer(BO, ["block"]);
    expect(await bot.say("!propose 1 close", { sender: ALICE })).toEqual([
      "Only whoever proposed #1 or a moderator can close it early. It closes by itself at its deadline.",
    ]);
    const [closed] = await bot.say("!propose 1 close", { sender: MOD });
    expect(closed).toContain("not adopted (blocked) (Agree 1, Abstain 0, Disagree 0, Block 1)");
    expect(closed).toContain(
      "Thank you for speaking up with a block: it shows something matters. Bo and Ana: please talk together before the next meeting.",
    );
    expect(await bot.tickTo("2026-11-26T10:00:00Z")).toEqual([]); // the deadline job went with the close
    expect(await bot.say("!propose 1 close", { sender: ANA })).toEqual([
      "Proposal #1 is closed already; its outcome is in the decision log (!decision 1).",
    ]);
  });

  it("runs a choice poll with several choices and a deadline, and reports no quorum", async () => {
    expect(await bot.say("!settings quorum 75%", { sender: MOD })).toEqual([
      "Proposals now need 75% of members to answer.",
    ]);
    const [announced] = await bot.say(
      "!propose Where do we meet? options: hall | café | online max 2 until friday 18:00",
      { sender: ANA },
    );
    expect(announced).toContain("• 1: hall\n• 2: café\n• 3: online\nYou can choose up to 2 options.");
    expect(announced).toContain("It closes Friday 27 Nov, 18:00");
    expect(lastDoc().poll).toMatchObject({
      maxSelections: 2,
      answers: [
        { id: "o1", text: "hall" },
        { id: "o2", text: "café" },
        { id: "o3", text: "online" },
      ],
    });
    await answer(ANA, ["o1", "o2"]);
    expect(await bot.say("!vote 1 1 2 3", { sender: BO })).toEqual(["You can choose up to 2 options."]);
    await bot.say("!vote 1 2", { sender: BO });
    const [closed] = await bot.tickTo("2026-11-27T17:00:00Z");
    expect(closed).toContain("Closed. Proposal #1: Where do we meet?: no quorum (hall 1, café 2, online 0)");
    expect(await bot.say("!settings quorum none", { sender: MOD })).toEqual([
      "Proposals now count however many members answer.",
    ]);
    await bot.say("!propose Where? options: a | b", { sender: ANA });
    await answer(ANA, ["o2"]);
    const [chosen] = await bot.say("!propose 2 close", { sender: ANA });
    expect(chosen).toContain("chosen: b (a 0, b 1)");
  });

  it("closes at the end of the next meeting with `until meeting`", async () => {
    expect(await bot.say("!propose We vote a delegate until meeting")).toEqual([
      expect.stringContaining("There is no meeting scheduled."),
    ]);
    await bot.say("!meeting thursday 19:00", { sender: MOD });
    const [announced] = await bot.say("!propose We vote a delegate until meeting");
    expect(announced).toContain("It closes Thursday 26 Nov, 21:00");
    const [opener] = await bot.tickTo("2026-11-26T17:45:00Z");
    expect(opener).toContain(
      "Proposals open or closing at this meeting:\n• #1 We vote a delegate (closes at this meeting)",
    );
  });

  it("closes `until meeting` at the meeting that is held, not at a cancelled one", async () => {
    await bot.say("!meeting weekly thursday 19:00", { sender: MOD });
    await bot.say("!meeting cancel 2026-11-26", { sender: MOD });
    const [announced] = await bot.say("!propose We vote a delegate until meeting");
    expect(announced).toContain("It closes Thursday 3 Dec, 21:00");
  });

  it("explains once, kindly, that a reaction is not a vote", async () => {
    await bot.say("!propose We refuse overtime");
    const event = FakeTransport.eventIdOf(lastPoll());
    const react = async (key: string, sender: string) => {
      const before = bot.transport.sent.length;
      bot.dispatcher.handleReaction({
        eventId: `$r${++n}`,
        roomId: ROOM,
        sender,
        relatesTo: event,
        key,
        sentAt: bot.clock.now,
      });
      await bot.sender.drain();
      return bot.transport.sent.slice(before).length;
    };
    expect(await react("👍", ANA)).toBe(1);
    expect(bot.transport.sent.at(-1)!.doc.blocks[0]).toMatchObject({
      parts: expect.arrayContaining([expect.stringContaining("A reaction is not a vote")]),
    });
    expect(await react("👎", BO)).toBe(0);
    expect(await bot.say("!proposal 1")).toEqual([expect.stringContaining("0 of 4 members answered.")]);
  });

  it("what reactions run cannot be typed: `!proposal 1 reaction` is no way to silence the explanation", async () => {
    await bot.say("!propose We refuse overtime");
    const typed = await bot.say("!proposal 1 reaction", { sender: BO });
    expect(typed).not.toEqual([expect.stringContaining("A reaction is not a vote")]);
    bot.dispatcher.handleReaction({
      eventId: `$r${++n}`,
      roomId: ROOM,
      sender: ANA,
      relatesTo: FakeTransport.eventIdOf(lastPoll()),
      key: "👍",
      sentAt: bot.clock.now,
    });
    await bot.sender.drain();
    expect(bot.transport.sent.at(-1)!.doc.blocks[0]).toMatchObject({
      parts: expect.arrayContaining([expect.stringContaining("A reaction is not a vote")]),
    });
  });

  it("a poll answer is a vote however the client writes it; one it cannot read changes nothing", async () => {
    await bot.say("!propose We refuse overtime", { sender: ANA });
    await answer(ANA, ["abstain"]);
    expect(await bot.say("!proposal 1")).toEqual([expect.stringContaining("1 of 4 members answered.")]);
    expect(await answer(ANA, ["no-such-answer!"])).toBe("ignored");
    expect(await bot.say("!proposal 1")).toEqual([expect.stringContaining("1 of 4 members answered.")]);
  });

  it("counts people, not bots: the bot itself and another Tandem in the room are no voters", async () => {
    const self = "@tandem:test.org";
    bot.transport.selfId = self;
    bot.transport.join(ROOM, self, "Tandem");
    await bot.say("!assembly start Riverside assembly", { sender: MOD });
    bot.db
      .prepare(
        "INSERT INTO federation_cells (cell_id, assembly_room, pseudonym, tandem, sector, joined_at) VALUES ('c1', ?, 'North', '@other-tandem:elsewhere.org', NULL, 0)",
      )
      .run(ROOM);
    bot.transport.join(ROOM, "@other-tandem:elsewhere.org", "Other Tandem");
    await bot.say("!propose We meet on Fridays", { sender: ANA });
    await answer(ANA, ["agree"]);
    expect(await bot.say("!proposal 1")).toEqual([expect.stringContaining("1 of 4 members answered.")]);
    expect(await bot.say("!vote 1 agree", { sender: self })).toEqual([
      "Only members who were in the room when proposal #1 started can vote on it.",
    ]);
  });

  it("refuses a proposal it cannot read, with what to type instead", async () => {
    expect(await bot.say("!propose Pick options: one")).toEqual([
      "A choice needs at least two options, separated by |, like options: union hall | café.",
    ]);
    expect(await bot.say("!propose Now until 2026-11-24 11:05")).toEqual([
      expect.stringContaining("from 10 minutes to 90 days"),
    ]);
    expect(await bot.say("!vote 9 agree")).toEqual(["There is no proposal #9 here."]);
  });
});
