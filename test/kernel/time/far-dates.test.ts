import { createTestBot, MOD, type TestBot } from "../../support/test-bot.js";

/** Every feature that reads a date gets the kernel's bound: a date years ahead is a typo, said kindly. */
describe("dates years ahead, through the commands that read them", () => {
  let bot: TestBot;
  beforeEach(() => {
    bot = createTestBot(); // Tuesday 2026-11-24 11:00 Madrid
  });
  afterEach(() => bot.close());

  it("refuses a care plan in year 9999 with a sentence, not a crash", async () => {
    expect(await bot.say("!careplan y at 9999-12-31 21:00 for 3h")).toEqual([
      expect.stringMatching(/^“9999-12-31 21:00” is more than 3 years away, which looks like a typo\./),
    ]);
  });

  it("refuses an absence or a meeting years ahead", async () => {
    expect((await bot.say("!away until 9999-12-31"))[0]).toMatch(/^“9999-12-31” is more than 3 years away/);
    expect((await bot.say("!meeting once 2100-01-01 10:00", { sender: MOD }))[0]).toMatch(/is more than 3 years away/);
  });

  it("says it in Spanish in a Spanish room", async () => {
    await bot.say("!settings language es", { sender: MOD });
    expect((await bot.say("!careplan y el 9999-12-31 21:00"))[0] ?? "").toMatch(
      /queda a más de 3 años, y parece una errata/,
    );
  });
});
