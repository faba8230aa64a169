import { createTestBot, MOD, ROOM, type TestBot } from "../../support/test-bot.js";

describe("rotation messages, as a new member meets them", () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = createTestBot();
    bot.transport.join(ROOM, "@ana:test.org", "Ana");
    await bot.say("!role add treasurer", { sender: MOD });
    await bot.say("!role join treasurer", { sender: MOD });
    await bot.say("!role join treasurer @ana", { sender: MOD });
  });
  afterEach(() => bot.close());

  it("names someone not on Matrix as they were typed", async () => {
    expect(await bot.say("!rotation swap treasurer @ana @cy", { sender: MOD })).toEqual([
      "@cy is not in the treasurer rotation. To join: !role join treasurer.",
    ]);
  });

  it("says nobody is in the rotation any more when the last one leaves, not that someone may come back", async () => {
    await bot.say("!role leave treasurer @ana", { sender: MOD });
    expect(await bot.say("!role leave treasurer", { sender: MOD })).toEqual([
      "Mo left treasurer. Thank you!\n• Nobody is in the treasurer rotation any more. Whoever takes it on: !role join treasurer",
    ]);
  });
});
