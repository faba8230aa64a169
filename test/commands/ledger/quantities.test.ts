import { createTestBot, ROOM, type TestBot } from "../../support/test-bot.js";

describe("the ledger: quantities and the export, as typed by a new member", () => {
  let bot: TestBot;
  beforeEach(() => {
    bot = createTestBot();
    bot.transport.join(ROOM, "@ana:test.org", "Ana");
  });
  afterEach(() => bot.close());

  it("refuses numbers in scientific notation instead of reading €1e6 as €1", async () => {
    expect(await bot.say("!ledger thanks @ana gave €1e6")).toEqual([
      "“1e6” is a number in scientific notation. Write it in full digits, like 1000000 for 1e6.",
    ]);
    expect(bot.db.prepare("SELECT count(*) FROM ledger_entries").pluck().get()).toBe(0);
  });

  it("asks which reading of money with three digits after the mark was meant", async () => {
    expect(await bot.say("!ledger thanks @ana gave €50.999")).toEqual([
      "“€50.999” reads two ways. For thousands, write it as €50999; with two decimals, as €50.99. Nothing was recorded.",
    ]);
    expect(await bot.say("!ledger thanks @ana gave 12,345 € for rent")).toEqual([
      expect.stringContaining("“12,345 €” reads two ways."),
    ]);
    expect(await bot.say("!ledger thanks @ana gave €1.500")).toEqual([expect.stringContaining("Noted as #1")]);
    expect(await bot.say("!ledger thanks @ana gave €12.50")).toEqual([expect.stringContaining("Noted as #2")]);
    const [csv] = await bot.say("!ledger export");
    expect(csv).toContain(",gave €1.500,1500,EUR,");
  });

  it("adds amounts of the same unit written in one entry", async () => {
    await bot.say("!ledger thanks @ana worked 3h and 2 hours");
    await bot.say("!ledger thanks @ana cooked 20 meals, then 15 meals more");
    await bot.say("!ledger thanks @ana drove 3 nurses 40 km");
    const [csv] = await bot.say("!ledger export");
    expect(csv).toContain(",worked 3h and 2 hours,5,h,");
    expect(csv).toContain(',"cooked 20 meals, then 15 meals more",35,meals,');
    expect(csv).toContain(",drove 3 nurses 40 km,3,nurses,");
  });

  it("leaves the ids column empty when no giver is on Matrix, not a lone separator", async () => {
    await bot.say("!ledger thanks @cy @dee cooked soup");
    const [csv] = await bot.say("!ledger export");
    expect(csv).toContain(",cy; dee,,cooked soup,");
  });
});
