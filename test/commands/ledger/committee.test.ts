import { createTestBot, MOD, ROOM, type TestBot } from "../../support/test-bot.js";

const HOUR = 3_600_000;

describe("care ledger: what a committee trips over", () => {
  let bot: TestBot;
  beforeEach(() => {
    bot = createTestBot();
    bot.transport.join(ROOM, "@ana:test.org", "Ana");
    bot.transport.join(ROOM, "@bo:test.org", "Bo");
    bot.transport.join(ROOM, "@cy:test.org", "Cy");
  });
  afterEach(() => bot.close());

  const entries = () => bot.db.prepare("SELECT what, amount, unit FROM ledger_entries ORDER BY number").all();

  it("refuses negative and absurd amounts with a sentence, and records nothing", async () => {
    expect(await bot.say("!ledger thanks @ana -5 meals")).toEqual([
      "Care can't be a negative amount. Write what was given, like 5 meals, and send it again.",
    ]);
    expect(await bot.say("!ledger thanks @ana gave €-20")).toEqual([
      expect.stringMatching(/^Care can't be a negative amount\. Write what was given, like €20,/),
    ]);
    expect(await bot.say("!ledger thanks @ana 99999999999999999999 meals")).toEqual([
      "That amount is more than one entry can hold (at most 1,000,000). Check the number and send it again.",
    ]);
    expect(entries()).toEqual([]);
    // A dash joined to a word is not a minus.
    await bot.say("!ledger thanks @ana well-5 meals");
    expect(entries()).toEqual([{ what: "well-5 meals", amount: 5, unit: "meals" }]);
  });

  it("reads money with thousands and decimals in both styles, and adds it exactly", async () => {
    for (const what of [
      "€1,234.56 for the fund",
      "1.234,56€ para la caja",
      "€50",
      "€12.50",
      "12,50 €",
      "€0.10",
      "€0.20",
    ]) {
      await bot.say(`!ledger thanks @ana ${what}`);
    }
    expect(entries().map((e) => (e as { amount: number }).amount)).toEqual([
      1234.56, 1234.56, 50, 12.5, 12.5, 0.1, 0.2,
    ]);
    const [week] = await bot.say("!ledger week");
    expect(week).toContain("Together: €2,544.42.");
  });

  it("reads 45m as time, like 90 min", async () => {
    await bot.say("!ledger thanks @ana 45m childcare");
    await bot.say("!ledger thanks @bo 90 min childcare");
    expect(entries()).toEqual([
      { what: "45m childcare", amount: 0.75, unit: "h" },
      { what: "90 min childcare", amount: 1.5, unit: "h" },
    ]);
  });

  it("credits every giver written naturally: and, &, y", async () => {
    expect(await bot.say("!ledger thanks @ana and @bo made soup")).toEqual([
      "Thank you, Ana and Bo! Noted as #1: made soup (food).",
    ]);
    expect(await bot.say("!ledger thanks @ana & @bo & @cy made soup")).toEqual([
      "Thank you, Ana, Bo, and Cy! Noted as #2: made soup (food).",
    ]);
    await bot.say("!settings language es", { sender: MOD });
    expect(await bot.say("!gracias @ana y @bo hicieron sopa")).toEqual([
      "¡Gracias, Ana y Bo! Anotado como #3: hicieron sopa (comida).",
    ]);
    expect(bot.db.prepare("SELECT count(*) AS n FROM ledger_givers").get()).toEqual({ n: 7 });
  });

  it("says entries are numbered from 1, and that no entry has such a number", async () => {
    await bot.say("!ledger thanks @ana cooked soup");
    expect(await bot.say("!ledger undo 0")).toEqual([
      "Entries are numbered from 1. !ledger shows the latest ones with their numbers.",
    ]);
    expect(await bot.say("!ledger undo 99999999999999999999")).toEqual([
      "There is no entry with such a high number in this room. !ledger shows the latest ones.",
    ]);
    expect(await bot.say("!ledger fix 0 #food")).toEqual([
      "Entries are numbered from 1. !ledger shows the latest ones with their numbers.",
    ]);
    expect(await bot.say("!ledger 0")).toEqual([
      "Entries are numbered from 1. !ledger shows the latest ones with their numbers.",
    ]);
  });

  it("reads months by name and short year-month, and says when one is too far back", async () => {
    bot.clock.now = Date.UTC(2026, 1, 10, 12);
    await bot.say("!ledger thanks @ana taught the workshop");
    bot.clock.now = Date.UTC(2026, 10, 24, 12);
    for (const month of ["february", "febrero", "Feb", "2026-2", "2026-02"]) {
      expect(await bot.say(`!ledger month ${month}`)).toEqual([
        expect.stringMatching(/^Care given in February 2026\nknowledge\n• Ana: taught the workshop/),
      ]);
    }
    expect(await bot.say("!ledger month 1900-01")).toEqual([
      "“1900-01” is too far back: this ledger has nothing before 1970.",
    ]);
    expect(await bot.say("!ledger month someday")).toEqual([
      "“someday” is not a month I can read. Write a month name or year-month, like !ledger month 2026-11.",
    ]);
  });

  it("says a refused thanks was not recorded and should be sent again", async () => {
    bot.close();
    bot = createTestBot({ maxEntriesPerHour: 1 });
    await bot.say("!ledger thanks @ana cooked soup");
    expect(await bot.say("!ledger thanks @ana baked bread")).toEqual([
      "That's a lot of thanks in one hour (at most 1), so this one was NOT recorded. Please send it again a little later.",
    ]);
    await bot.say("!settings language es", { sender: MOD });
    expect(await bot.say("!gracias @ana horneó pan")).toEqual([
      "Son muchos agradecimientos en una hora (como mucho 1), así que este NO se anotó. Envíalo de nuevo un poco más tarde, por favor.",
    ]);
  });

  it("offers the kinds that fit a word it could not place", async () => {
    expect(await bot.say("!ledger thanks @ana did some repairng")).toEqual([
      expect.stringMatching(/If it is #repair, set it with: !ledger fix 1 #repair$/),
    ]);
  });

  it("redoes an undone entry, fixes only the kind, and shows one entry with its history", async () => {
    await bot.say("!ledger thanks @ana something nice");
    await bot.say("!ledger undo 1");
    expect(await bot.say("!ledger redo 1", { sender: "@bo:test.org" })).toEqual([
      expect.stringMatching(/^Only the person who recorded #1/),
    ]);
    expect(await bot.say("!ledger redo 1")).toEqual([
      expect.stringMatching(/^Entry #1 is back in the ledger\.\n#1 Ana: something nice \(other care, /),
    ]);
    expect(await bot.say("!ledger redo 1")).toEqual([
      "Entry #1 was not taken back, so there is nothing to bring back.",
    ]);
    expect(await bot.say("!ledger fix 1 #support")).toEqual([
      expect.stringMatching(/^Entry #1 is corrected; .*\n#1 Ana: something nice \(emotional support, /),
    ]);
    const [shown] = await bot.say("!ledger 1");
    expect(shown!.split("\n").map((l) => l.replace(/ on \w+ \d+/, " on DATE").replace(/, \w+ \d+\)$/, ")"))).toEqual([
      "#1 Ana: something nice (emotional support)",
      "Earlier versions:",
      "• taken back by Alice on DATE, later brought back",
      "• corrected by Alice on DATE; before: something nice (other care)",
    ]);
    expect(bot.db.prepare("SELECT status FROM ledger_entries").get()).toEqual({ status: "corrected" });
    bot.clock.now += 25 * HOUR;
    await bot.say("!ledger undo 1", { sender: MOD });
    expect(await bot.say("!ledger redo 1")).toEqual([expect.stringMatching(/^Only the person who recorded #1/)]);
    expect(await bot.say("!ledger redo 1", { sender: MOD })).toEqual([expect.stringMatching(/^Entry #1 is back/)]);
    expect(await bot.say("!ledger 7")).toEqual(["There is no entry #7 in this room. !ledger shows the latest ones."]);
  });

  it("shortens a long digest and points to the export", async () => {
    bot.close();
    bot = createTestBot({ maxEntriesPerHour: 100 });
    bot.transport.join(ROOM, "@ana:test.org", "Ana");
    for (let i = 1; i <= 45; i++) await bot.say(`!ledger thanks @ana cooked soup ${i}`);
    const [week] = await bot.say("!ledger week");
    expect(week).toContain("cooked soup 40\n… and 5 more: !ledger export\nThank you, Ana.");
    expect(week).not.toContain("cooked soup 41");
  });

  it("writes hints with the Spanish command names in a Spanish room", async () => {
    await bot.say("!settings language es", { sender: MOD });
    await bot.say("!gracias @ana algo bonito");
    expect(await bot.say("!ledger deshacer 1")).toEqual([
      "La entrada #1 queda retirada. Sigue en la exportación, marcada como deshecha. !registro rehacer 1 la recupera.",
    ]);
    expect(await bot.say("!registro 1")).toEqual([
      expect.stringMatching(/\nEsta entrada está retirada\. !registro rehacer 1 la recupera\.\n/),
    ]);
    expect(await bot.say("!ledger deshacer 0")).toEqual([
      "Las entradas se numeran desde 1. !registro muestra las últimas con sus números.",
    ]);
  });
});
