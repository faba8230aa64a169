import { createTestBot, type TestBot } from "../support/test-bot.js";

/** What the binding of parameters says, for every command: in the member's words, never in the schema's. */
describe("parameter messages", () => {
  let bot: TestBot;
  beforeEach(() => {
    bot = createTestBot();
  });
  afterEach(() => bot.close());

  it("says a number far too large names nothing, for numbers and for codes that may be numbers", async () => {
    expect(await bot.say("!decision 99999999999999999999999")).toEqual([
      "No decision number is that large: nothing here has that number. Check it and type it again.",
    ]);
    expect(await bot.say("!vote 99999999999999999999 agree")).toEqual([
      "No proposal is that large: nothing here has that number. Check it and type it again.",
    ]);
    expect(await bot.say("!careplan 1234567890 join")).toEqual([expect.stringContaining("No plan is that large")]);
  });

  it("names a missing piece with its own command's label, not another feature's", async () => {
    const [reply] = await bot.say("!fund grant");
    expect(reply).toContain("Something is missing: request number.");
    expect(reply).toContain("!fund grant <request number>");
  });

  it("gives a subcommand typed without its words its usage line, not a reading as text", async () => {
    expect(await bot.say("!decision 1 fix")).toEqual([
      expect.stringMatching(/^Something is missing: text\.\nType it like this: !decision fix/),
    ]);
    expect(await bot.say("!decision 1 revoke")).toEqual([expect.stringMatching(/^Something is missing: reason\./)]);
    expect(await bot.say("!decision -1")).toEqual([expect.stringContaining("What did you decide?")]);
    expect(await bot.say("!decisions")).toEqual([expect.stringContaining("No decisions in the log yet")]);
  });
});
