import { splitReason } from "../../../commands/governance/rules/vote-reason.js";
import { FakeTransport } from "../../support/fake-transport.js";
import { createTestBot, MOD, ROOM, type TestBot } from "../../support/test-bot.js";

const ANA = "@ana:test.org";
const BO = "@bo:test.org";
const DM_ANA = "!dm-ana:test.org";
const DM_BO = "!dm-bo:test.org";
let n = 0;

describe("reasons with votes", () => {
  it("splits the answer from the reason, in English and Spanish", () => {
    expect(splitReason("block because it exposes the night shift")).toEqual({
      answer: "block",
      reason: "it exposes the night shift",
    });
    expect(splitReason("bloqueo porque  expone al\tturno de noche")).toEqual({
      answer: "bloqueo",
      reason: "expone al turno de noche",
    });
    expect(splitReason("1 3")).toEqual({ answer: "1 3" });
    expect(splitReason("block because")).toEqual({ reasonEmpty: true });
    expect(splitReason(`block because ${"x".repeat(301)}`)).toEqual({ reasonTooLong: 300 });
  });

  let bot: TestBot;
  beforeEach(() => {
    bot = createTestBot();
    bot.transport.join(ROOM, ANA, "Ana");
    bot.transport.join(ROOM, BO, "Bo");
    for (const [dm, who] of [
      [DM_ANA, ANA],
      [DM_BO, BO],
    ] as const)
      bot.transport.join(dm, who);
    Object.assign(bot.transport, { isDirect: (roomId: string) => roomId.startsWith("!dm-") });
  });
  afterEach(() => bot.close());

  it("keeps a reason with an open vote, asks a block without one for it, and lists reasons with names at the close", async () => {
    await bot.say("!propose We refuse overtime in December", { sender: ANA });
    expect(await bot.say("!vote 1 block", { sender: BO })).toEqual([
      "Your vote on #1 is counted. You can change it until the close (!vote 1 …).\nA block stops the proposal, so the cell needs to know why. Add your reason: !vote 1 block because ….",
    ]);
    expect(await bot.say("!vote 1 block because it exposes the night shift", { sender: BO })).toEqual([
      "Your vote on #1 is counted. You can change it until the close (!vote 1 …).",
    ]);
    expect(await bot.say("!vote 1 agree because", { sender: ANA })).toEqual([
      "Write your reason after “because”, like !vote 1 block because it puts the night shift at risk.",
    ]);
    expect(await bot.say("!vote 1 none because I changed my mind", { sender: ANA })).toEqual([
      "A reason goes with an answer. To take your answer back, type !vote 1 none on its own.",
    ]);
    await bot.say("!vote 1 agree because we are exhausted", { sender: ANA });
    await bot.say("!vote 1 agree because first thoughts", { sender: MOD });
    await bot.say("!vote 1 disagree", { sender: MOD }); // another answer drops the earlier reason
    const [closed] = await bot.say("!propose 1 close", { sender: MOD });
    expect(closed).toContain(
      "Reasons given:\n• Agree: we are exhausted (Ana)\n• Block: it exposes the night shift (Bo)\n",
    );
    expect(closed).not.toContain("first thoughts");
  });

  it("a poll answer for the same answer keeps the reason typed with it; one for another answer drops it", async () => {
    await bot.say("!propose We strike on Monday", { sender: ANA });
    const poll = FakeTransport.eventIdOf([...bot.transport.sent].reverse().find((m) => m.doc.poll)!);
    const answer = (sender: string, ids: string[]) =>
      bot.dispatcher.handlePollAnswer({
        eventId: `$p${++n}`,
        roomId: ROOM,
        sender,
        pollEventId: poll,
        answerIds: ids,
        sentAt: (bot.clock.now += 1000),
      });
    await bot.say("!vote 1 block because it is too soon", { sender: BO });
    answer(BO, ["block"]);
    await bot.say("!vote 1 agree because it is time", { sender: ANA });
    answer(ANA, ["abstain"]);
    const [closed] = await bot.say("!propose 1 close", { sender: MOD });
    expect(closed).toContain("Reasons given:\n• Block: it is too soon (Bo)");
    expect(closed).not.toContain("it is time");
  });

  it("a reply to the poll is the reason for the member's answer; other replies are left alone", async () => {
    await bot.say("!propose We strike on Monday", { sender: ANA });
    const poll = FakeTransport.eventIdOf([...bot.transport.sent].reverse().find((m) => m.doc.poll)!);
    expect(await bot.say("it is too soon", { sender: BO, replyTo: poll })).toEqual([
      "Answer proposal #1 first; then a reply to its poll is kept as the reason for your answer.",
    ]);
    bot.dispatcher.handlePollAnswer({
      eventId: `$p${++n}`,
      roomId: ROOM,
      sender: BO,
      pollEventId: poll,
      answerIds: ["block"],
      sentAt: bot.clock.now,
    });
    expect(await bot.say("because it is too soon", { sender: BO, replyTo: poll })).toEqual([
      "Your reason is kept with your answer on #1; it is read out at the close.",
    ]);
    expect(await bot.say("x".repeat(400), { sender: BO, replyTo: poll })).toEqual([
      expect.stringContaining("A reason can have at most 300 characters."),
    ]);
    expect(await bot.say("nice weather", { sender: ANA, replyTo: "$someone-elses-message" })).toEqual([]);
    const [closed] = await bot.say("!propose 1 close", { sender: ANA });
    expect(closed).toContain("Reasons given:\n• Block: it is too soon (Bo)");
    expect(await bot.say("too late now", { sender: BO, replyTo: poll })).toEqual([
      "Proposal #1 is closed; votes after the close are not counted.",
    ]);
  });

  it("a reply in the room to a secret ballot is not taken as a reason", async () => {
    await bot.say("!propose secret We file a grievance", { sender: ANA });
    const announcement = FakeTransport.eventIdOf(bot.transport.sent.at(-1)!);
    expect(await bot.say("because the boss reads the minutes", { sender: BO, replyTo: announcement })).toEqual([
      expect.stringMatching(
        /^This is a secret ballot: give your reason with your vote in our direct chat \(!vote [A-Z0-9]{4} … because …\)/,
      ),
    ]);
    expect(bot.db.prepare("SELECT count(*) FROM proposal_ballots WHERE reason IS NOT NULL").pluck().get()).toBe(0);
  });

  it("lists the reasons of a secret ballot by their text, without names, and keeps them in no row with a voter", async () => {
    const [announced] = await bot.say("!propose secret We file a grievance", { sender: ANA });
    const code = /ballot code ([A-Z0-9]{4})/.exec(announced!.replace(/\*/g, ""))![1]!;
    const [first] = await bot.say(`!vote ${code} block`, { sender: BO, roomId: DM_BO });
    const receipt = /Your receipt: ([0-9A-F]{4}-[A-Z0-9]{4})/.exec(first!)![1]!;
    expect(first).toContain(
      `A block stops the proposal, so the cell needs to know why. Add your reason: !vote ${code} block ${receipt} because ….`,
    );
    expect(
      await bot.say(`!vote ${code} block ${receipt} because the boss reads the minutes`, { sender: BO, roomId: DM_BO }),
    ).toEqual(["Your secret vote on #1 is changed."]);
    await bot.say(`!vote ${code} agree because a grievance protects us`, { sender: ANA, roomId: DM_ANA });
    const tables = bot.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    for (const table of tables) {
      const columns = bot.db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[];
      const rows = bot.db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
      const holdsReason = rows.some((row) =>
        Object.values(row).some((v) => typeof v === "string" && v.includes("boss reads")),
      );
      if (holdsReason) expect(columns.filter((c) => /voter|sender|user/.test(c))).toEqual([]);
    }
    const [closed] = await bot.say("!propose 1 close", { sender: MOD });
    expect(closed).toContain("Reasons given:\n• Agree: a grievance protects us\n• Block: the boss reads the minutes\n");
    expect(closed).not.toMatch(/\((Ana|Bo)\)/);
  });

  it("keeps a reason with a choice between options", async () => {
    await bot.say("!propose Where do we meet? options: hall | café | online max 2", { sender: ANA });
    await bot.say("!vote 1 1 3 because both are close to the bus", { sender: BO });
    const [closed] = await bot.say("!propose 1 close", { sender: ANA });
    expect(closed).toContain("Reasons given:\n• hall / online: both are close to the bus (Bo)");
  });

  it("answers in Spanish with porque", async () => {
    await bot.say("!ajustes idioma es", { sender: MOD });
    await bot.say("!proponer Rechazamos las horas extra", { sender: ANA });
    expect(await bot.say("!votar 1 bloqueo", { sender: BO })).toEqual([
      expect.stringContaining("Añade tu motivo: !votar 1 bloqueo porque …."),
    ]);
    await bot.say("!votar 1 bloqueo porque expone al turno de noche", { sender: BO });
    const [closed] = await bot.say("!proponer 1 cerrar", { sender: MOD });
    expect(closed).toContain("Motivos dados:\n• Bloqueo: expone al turno de noche (Bo)");
  });

  it("forgetting a person takes their name out of the reasons of others", async () => {
    await bot.say("!propose We strike on Monday", { sender: ANA });
    await bot.say("!vote 1 block because Ana is on leave that day", { sender: BO });
    const reasons = () => bot.db.prepare("SELECT reason FROM proposal_votes WHERE reason IS NOT NULL").pluck().all();
    await bot.say("!forget @ana", { sender: MOD });
    await bot.say("!forget @ana confirm", { sender: MOD });
    expect(reasons()).toEqual(["someone is on leave that day"]);
  });
});
