import { createTestBot, MOD, type TestBot } from "../../support/test-bot.js";

const ANA = "@ana:test.org";
const BO = "@bo:test.org";

describe("rotation commands", () => {
  let bot: TestBot;
  const asMod = { sender: MOD };

  beforeEach(() => {
    // Tuesday 2026-11-24 11:00 in Madrid.
    bot = createTestBot();
    bot.transport.join("!cell:test.org", ANA, "Ana");
    bot.transport.join("!cell:test.org", BO, "Bo");
  });
  afterEach(() => bot.close());

  const tickTo = (iso: string) => bot.tickTo(iso);

  it("creates a role, takes members in order and shows who holds it until when", async () => {
    expect(await bot.say("!roles")).toEqual([
      "No rotating roles yet. A moderator can start one: !role add facilitator every 2 weeks",
    ]);
    expect(await bot.say("!role add facilitator every 2 weeks")).toEqual([
      "Only moderators of this room can use !role add. Ask one of them to do it, or to make you a moderator.",
    ]);
    expect(await bot.say("!role add facilitator every 2 weeks", asMod)).toEqual([
      "Role facilitator created: it changes hands every 2 weeks. Join with !role join facilitator.",
    ]);
    expect(await bot.say("!role join facilitator", { sender: ANA })).toEqual([
      "Ana joined facilitator and holds it now.",
    ]);
    expect(await bot.say("!role join facilitator", { sender: BO })).toEqual([
      "Bo joined facilitator, at the end of the line.",
    ]);
    expect(await bot.say("!role join facilitator @bo")).toEqual([
      "Only moderators can do that for someone else. For yourself, type !role join facilitator.",
    ]);
    // A term started on a Tuesday runs to the second Monday announcement after it.
    expect(await bot.say("!roles")).toEqual([
      "Roles in this room:\n• facilitator: Ana until Monday 7 Dec, 09:00, then Bo",
    ]);
  });

  it("announces on Monday 09:00 with mentions and the handover", async () => {
    await bot.say("!role add facilitator", asMod);
    await bot.say("!role order facilitator @ana @bo @alice", asMod);
    expect(await tickTo("2026-11-30T08:00:30Z")).toEqual([
      [
        "Roles this week",
        "• facilitator: Bo until Monday 7 Dec, 09:00, then Alice",
        "• Ana hands facilitator over to Bo. Thank you, Ana!",
        "Holding a role is care for the group. Need to pass it on? !rotation skip <role>.",
      ].join("\n"),
    ]);
    const post = bot.transport.sent.at(-1)!;
    expect(post.kind).toBe("notice");
    expect(JSON.stringify(post.doc)).toContain(`"userId":"${BO}"`);
  });

  it("lets the holder skip, swaps turns, keeps history, and moves the announcement", async () => {
    await bot.say("!role add facilitator", asMod);
    await bot.say("!role order facilitator @alice @ana @bo", asMod);
    expect(await bot.say("!rotation skip facilitator", { sender: ANA })).toEqual([
      "Only the person holding facilitator (or a moderator) can pass it on. Ask them to type !rotation skip facilitator.",
    ]);
    expect(await bot.say("!rotation skip facilitator")).toEqual([
      "• Alice hands facilitator over to Ana. Thank you, Alice!",
    ]);
    expect(await bot.say("!rotation swap facilitator @bo @alice")).toEqual([
      "Swapped the turns of Bo and Alice for facilitator.",
    ]);
    expect(await bot.say("!rotation history facilitator")).toEqual([
      "Past holders of facilitator, most recent first:\n• Alice: Tuesday 24 Nov – Tuesday 24 Nov (passed on early)",
    ]);
    expect(await bot.say("!rotation announce thursday 18:00", asMod)).toEqual([
      "I'll announce the roles every week at that time; the next one is Thursday 26 Nov, 18:00.",
    ]);
    expect(await tickTo("2026-11-26T17:00:10Z")).toHaveLength(1);
    expect(await tickTo("2026-11-30T08:01:00Z")).toEqual([]);
  });

  it("skips someone away and brings them back into the order", async () => {
    await bot.say("!role add facilitator", asMod);
    await bot.say("!role order facilitator @alice @ana @bo", asMod);
    expect(await bot.say("!away until 2026-12-01", { sender: ANA })).toEqual([
      "Rest well, Ana. I'll skip you in rotations; you're back in line on Wednesday 2 Dec, in your usual place. Back sooner? !back",
    ]);
    const first = await tickTo("2026-11-30T08:00:10Z");
    expect(first[0]).toContain("• facilitator: Bo until Monday 7 Dec, 09:00, then Ana");
    const second = await tickTo("2026-12-07T08:00:10Z");
    expect(second[0]).toContain("• facilitator: Ana until Monday 14 Dec, 09:00, then Alice");
  });

  it("hands over at once when the holder goes away", async () => {
    await bot.say("!role add facilitator", asMod);
    await bot.say("!role order facilitator @alice @bo", asMod);
    expect(await bot.say("!away until friday")).toEqual([
      "Rest well, Alice. I'll skip you in rotations; you're back in line on Saturday 28 Nov, in your usual place. Back sooner? !back\n• Alice hands facilitator over to Bo. Thank you, Alice!",
    ]);
    expect(await bot.say("!away until someday")).toEqual([
      "I couldn't read “someday” as a date or time. Try friday 17:00, tomorrow 7am or 2026-12-04 08:00.",
    ]);
  });

  it("welcomes someone back early with !back, and gives them a role nobody could take", async () => {
    await bot.say("!role add facilitator", asMod);
    await bot.say("!role order facilitator @ana", asMod);
    expect(await bot.say("!away until 2026-12-20", { sender: ANA })).toEqual([
      "Rest well, Ana. I'll skip you in rotations; you're back in line on Monday 21 Dec, in your usual place. Back sooner? !back\n• Nobody is available for facilitator right now; I'll ask again when someone is back.",
    ]);
    expect(await bot.say("!roles")).toEqual(["Roles in this room:\n• facilitator: nobody available right now"]);
    expect(await bot.say("!back @ana")).toEqual([
      "Only moderators can do that for someone else. For yourself, type !back.",
    ]);
    expect(await bot.say("!back", { sender: ANA })).toEqual([
      "Welcome back, Ana! You're in the rotations again, in your usual place.\n• Ana now holds facilitator.",
    ]);
    expect(await bot.say("!away back", { sender: ANA })).toEqual([
      "Ana wasn't marked away, so nothing changes. Welcome anyway!",
    ]);
  });

  it("lets moderators mark others away and back, in Spanish too", async () => {
    await bot.say("!role add facilitator", asMod);
    await bot.say("!role order facilitator @alice @bo", asMod);
    expect(await bot.say("!away @bo until friday")).toEqual([
      "Only moderators can do that for someone else. For yourself, type !away until friday.",
    ]);
    expect((await bot.say("!away @bo until friday", asMod))[0]).toMatch(
      /^Rest well, Bo\. I'll skip you in rotations; you're back in line on Saturday 28 Nov/,
    );
    await bot.say("!settings language es", asMod);
    expect(await bot.say("!vuelvo @bo", asMod)).toEqual([
      "¡Qué bien tenerte de vuelta, Bo! Vuelves a las rotaciones, en tu lugar de siempre.",
    ]);
    expect(await bot.say("!vuelvo")).toEqual([
      "Alice no figuraba como ausente, así que no cambia nada. ¡Qué bien verte!",
    ]);
  });

  it("keeps role setup to moderators, and joining or leaving for others too", async () => {
    await bot.say("!role add facilitator", asMod);
    await bot.say("!role order facilitator @alice @bo", asMod);
    const refused = (command: string) =>
      `Only moderators of this room can use !${command}. Ask one of them to do it, or to make you a moderator.`;
    expect(await bot.say("!role remove facilitator")).toEqual([refused("role remove")]);
    expect(await bot.say("!role order facilitator @bo @alice")).toEqual([refused("role order")]);
    expect(await bot.say("!rotation announce friday 10:00")).toEqual([refused("rotation announce")]);
    expect(await bot.say("!role leave facilitator @bo")).toEqual([
      "Only moderators can do that for someone else. For yourself, type !role leave facilitator.",
    ]);
    expect(await bot.say("!role leave facilitator @bo", asMod)).toEqual(["Bo left facilitator. Thank you!"]);
    expect(await bot.say("!role join facilitator @ana", asMod)).toEqual([
      "Ana joined facilitator, at the end of the line.",
    ]);
    expect(await bot.say("!rotation swap facilitator @ana @bo", { sender: BO })).toEqual([
      "Bo is not in the facilitator rotation. To join: !role join facilitator.",
    ]);
    expect(await bot.say("!role remove facilitator", asMod)).toEqual([
      "Role facilitator removed. Thank you to everyone who held it.",
    ]);
  });

  it("tells when the next announcement is, whatever the terms' length", async () => {
    await bot.say("!role add facilitator every 3 weeks", asMod);
    await bot.say("!role join facilitator");
    expect(await bot.say("!rotation announce monday 09:30", asMod)).toEqual([
      "I'll announce the roles every week at that time; the next one is Monday 30 Nov, 09:30.",
    ]);
    expect(await bot.say("!roles")).toEqual(["Roles in this room:\n• facilitator: Alice until Monday 14 Dec, 09:30"]);
  });

  it("names only the latest handover of each role after downtime", async () => {
    await bot.say("!role add facilitator", asMod);
    await bot.say("!role add treasurer", asMod);
    await bot.say("!role order facilitator @ana @bo @alice", asMod);
    await bot.say("!role order treasurer @mod", asMod);
    expect(await tickTo("2026-11-30T08:00:30Z")).toHaveLength(1);
    // Down from Monday 30 Nov until Monday 14 Dec 10:00: facilitator changed hands twice meanwhile.
    const [post, ...more] = await tickTo("2026-12-14T09:00:00Z");
    expect(more).toEqual([]);
    expect(post?.split("\n")).toEqual([
      "Roles this week",
      "• facilitator: Ana until Monday 21 Dec, 09:00, then Bo",
      "• treasurer: Mo until Monday 21 Dec, 09:00",
      "• Alice hands facilitator over to Ana. Thank you, Alice!",
      "• Mo keeps treasurer for another term: nobody else is available.",
      "Holding a role is care for the group. Need to pass it on? !rotation skip <role>.",
    ]);
  });
});
