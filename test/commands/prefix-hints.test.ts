import { createTestBot, MOD, type TestBot } from "../support/test-bot.js";

const ANA = "@ana:test.org";

describe("a room whose operator chose another command prefix", () => {
  let bot: TestBot;
  const asMod = { sender: MOD };
  beforeEach(() => {
    bot = createTestBot({ prefix: "?" }); // Tuesday 2026-11-24 11:00 Madrid
    bot.transport.join("!cell:test.org", ANA, "Ana");
  });
  afterEach(() => bot.close());

  it("is told to type commands with that prefix, in replies and in scheduled posts", async () => {
    await bot.say("?role add facilitator", asMod);
    await bot.say("?role order facilitator @ana @alice", asMod);
    expect(await bot.say("?rotation skip facilitator", { sender: MOD })).toEqual([
      expect.stringMatching(/hands facilitator over/),
    ]);
    expect(await bot.say("?rotation skip facilitator", { sender: "@bo:test.org" })).toEqual([
      "Only the person holding facilitator (or a moderator) can pass it on. Ask them to type ?rotation skip facilitator.",
    ]);
    expect(await bot.say("?meeting today 11:10", asMod)).toEqual([
      "That meeting starts in less than 15 minutes, too soon for an opener. Pick a later time, or type ?opener now.",
    ]);
    const [announcement] = await bot.tickTo("2026-11-30T08:00:30Z");
    expect(announcement).toMatch(
      /\nHolding a role is care for the group\. Need to pass it on\? \?rotation skip <role>\.$/,
    );
  });
});
