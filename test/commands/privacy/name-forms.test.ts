import { MOD, type TestBot } from "../../support/test-bot.js";
import { cellWithTreasurer } from "../fund/cell.js";

const ANA = "@ana:test.org";

/** Forgetting someone not on Matrix: their name, typed by several people in several ways. */
describe("privacy: every form of a typed name", () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await cellWithTreasurer();
  });
  afterEach(() => bot.close());

  it("forgets Álvaro in the fund as in the ledger: the statement and the export no longer name him", async () => {
    await bot.say("!fund in €20 from @Álvaro", { sender: ANA });
    await bot.say("!fund out €5 to @Álvaro bus", { sender: ANA });
    await bot.say("!fund approve 2", { sender: MOD });
    await bot.say("!ledger thanks @Álvaro cooked 2 meals");
    const [preview] = await bot.say("!forget @Álvaro", { sender: MOD });
    expect(preview).toContain("• 2 fund records that name them");
    expect(preview).toContain("• 1 ledger entry");
    expect(await bot.say("!forget @Álvaro confirm", { sender: MOD })).toEqual([
      "Done: they are forgotten in this room. What was already posted in the room stays in its history.",
    ]);
    const shown = [...(await bot.say("!fund statement month")), ...(await bot.say("!fund export"))].join("\n");
    expect(shown).toContain("€20.00");
    expect(shown).not.toMatch(/lvaro/i);
    expect(bot.db.prepare("SELECT count(*) FROM fund_movements WHERE person LIKE '%lvaro%'").pluck().get()).toBe(0);
  });

  it("finds the name without its accent and in any case, in names and free texts, and lists each form first", async () => {
    await bot.say("!ledger thanks @ÁLVARO cooked 2 meals");
    await bot.say("!ledger thanks @alvaro drove 3 nurses");
    await bot.say("!ledger thanks @ana minded alvaro's kid with @Alvaro");
    await bot.say("!role add driver", { sender: MOD });
    await bot.say("!role join driver @Alvaro", { sender: MOD });
    await bot.say("!fund in €20 from @álvaro", { sender: ANA });
    const [preview] = await bot.say("!forget @Álvaro", { sender: MOD });
    expect(preview).toContain("• 2 ledger entries");
    expect(preview).toContain("• 1 place in the role rotation");
    expect(preview).toContain("• 1 fund record that names them");
    expect(preview).toContain("• 1 text that names them");
    expect(preview).toContain("I found their name written as: alvaro, Alvaro, álvaro, ÁLVARO. Each of these goes.");
    await bot.say("!forget @Álvaro confirm", { sender: MOD });
    expect(bot.db.prepare("SELECT name FROM ledger_givers ORDER BY entry_id").pluck().all()).toEqual([
      "someone",
      "someone",
      "Ana",
    ]);
    expect(bot.db.prepare("SELECT what FROM ledger_entries ORDER BY number").pluck().all()).toEqual([
      "cooked 2 meals",
      "drove 3 nurses",
      "minded someone's kid with someone",
    ]);
    expect(bot.db.prepare("SELECT state FROM rotation_state").pluck().get()).not.toMatch(/lvaro/i);
    expect(await bot.say("!forget @alvaro", { sender: MOD })).toEqual(["I keep nothing about alvaro in this room."]);
  });

  it("lists the forms in Spanish too", async () => {
    await bot.say("!settings language es", { sender: MOD });
    await bot.say("!ledger thanks @ÁLVARO cocinó");
    const [vista] = await bot.say("!olvidar @alvaro", { sender: MOD });
    expect(vista).toContain("Encontré su nombre escrito así: ÁLVARO. Todas estas formas se van.");
  });
});
