import { createTestBot, MOD, type TestBot } from "../support/test-bot.js";

/** Every text filled from the catalogs: a member's words that end a sentence, and empty last values. */
describe("filled texts", () => {
  let bot: TestBot;
  beforeEach(() => {
    bot = createTestBot();
  });
  afterEach(() => bot.close());

  it("never doubles a full stop after words that end their own sentence", async () => {
    await bot.say("!propose Where do we meet?", { sender: MOD });
    expect((await bot.say("!proposal 1"))[0]).toMatch(/^Proposal #1: Where do we meet\? Open until /);
    await bot.say("!decision We meet on Thursdays.");
    expect(await bot.say("!decision 1 fix We meet on Fridays!")).toEqual([
      expect.stringMatching(/^Decision #1 now reads: We meet on Fridays! The earlier text/),
    ]);
  });

  it("leaves no space at the end of a line whose last value is empty", async () => {
    await bot.say("!decision We meet on Thursdays");
    await bot.say("!decision We rotate roles #roles");
    const [listed] = await bot.say("!decisions");
    expect(listed!.split("\n")).toEqual([
      "• #2 We rotate roles (Tuesday 24 Nov) #roles",
      "• #1 We meet on Thursdays (Tuesday 24 Nov)",
    ]);
  });
});
