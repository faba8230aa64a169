import { createTestBot, MOD, type TestBot } from "../support/test-bot.js";

describe("examples in the room's language", () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = createTestBot();
    await bot.say("!settings language es", { sender: MOD });
  });
  afterEach(() => bot.close());

  it("writes help's example lines with the Spanish command names in a Spanish room", async () => {
    const [ledger] = await bot.say("!ayuda ledger thanks");
    expect(ledger).toContain("• !ledger gracias @ana cooked 40 meals");
    const [join] = await bot.say("!ayuda careplan join");
    expect(join).toContain("• !careplan 3 unirme");
    const [decision] = await bot.say("!ayuda decision show");
    expect(decision).toContain("• !decisión 12");
  });

  it("gives the usage error's example with the Spanish command name", async () => {
    const [reply] = await bot.say("!ledger deshacer");
    expect(reply).toMatch(/!ledger deshacer \d/);
  });
});
