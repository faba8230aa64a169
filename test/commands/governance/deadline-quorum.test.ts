import { createTestBot, MOD, ROOM, type TestBot } from "../../support/test-bot.js";

const ANA = "@ana:test.org";
const BO = "@bo:test.org";

describe("a proposal's deadline and quorum, as members type them", () => {
  let bot: TestBot;
  beforeEach(() => {
    bot = createTestBot(); // 2026-11-24 10:00 UTC, Europe/Madrid
    bot.transport.join(ROOM, ANA, "Ana");
    bot.transport.join(ROOM, BO, "Bo");
  });
  afterEach(() => bot.close());

  it("takes a quorum in people or in percent, and asks back when a bare number could be either", async () => {
    expect(await bot.say("!settings quorum 3", { sender: MOD })).toEqual([
      "Do you mean 3 people, or 3% of the members? Type !settings quorum 3 people or !settings quorum 3%.",
    ]);
    expect(await bot.say("!settings quorum 3 people", { sender: MOD })).toEqual([
      "Proposals now need 3 people to answer.",
    ]);
    await bot.say("!propose We refuse overtime", { sender: ANA });
    await bot.say("!vote 1 agree", { sender: ANA });
    await bot.say("!vote 1 agree", { sender: BO });
    expect((await bot.say("!propose 1 close", { sender: MOD }))[0]).toContain("no quorum");
    expect(await bot.say("!settings quorum 30%", { sender: MOD })).toEqual([
      "Proposals now need 30% of members to answer.",
    ]);
    await bot.say("!propose We refuse overtime again", { sender: ANA });
    await bot.say("!vote 2 agree", { sender: ANA });
    await bot.say("!vote 2 agree", { sender: BO });
    expect((await bot.say("!propose 2 close", { sender: MOD }))[0]).toContain("adopted");
    expect(await bot.say("!settings quorum lots", { sender: MOD })).toEqual([
      expect.stringContaining("like !settings quorum 3 people"),
    ]);
    await bot.say("!settings language es", { sender: MOD });
    expect(await bot.say("!ajustes quorum 2", { sender: MOD })).toEqual([
      "¿Quieres decir 2 personas, o el 2% de los miembros? Escribe !ajustes quórum 2 personas o !ajustes quórum 2%.",
    ]);
    expect(await bot.say("!ajustes quorum 2 personas", { sender: MOD })).toEqual([
      "Ahora las propuestas necesitan que respondan 2 personas.",
    ]);
  });

  it("closes at a time typed as a length, in both languages", async () => {
    expect(await bot.say("!propose Soon until in 2 hours", { sender: ANA })).toEqual([
      expect.stringContaining("It closes Tuesday 24 Nov, 13:00"),
    ]);
    await bot.say("!settings language es", { sender: MOD });
    expect(await bot.say("!proponer Pronto hasta en 3 horas", { sender: ANA })).toEqual([
      expect.stringContaining("martes 24 nov, 14:00"),
    ]);
    expect(await bot.say("!proponer Viernes hasta viernes 17:00", { sender: ANA })).toEqual([
      expect.stringContaining("viernes 27 nov, 17:00"),
    ]);
  });
});
