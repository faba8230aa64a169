import { ALICE, createTestBot, MOD, ROOM, type TestBot } from "../../support/test-bot.js";

const OTHER_ROOM = "!other:test.org";
const HOUR = 3_600_000;

describe("care ledger", () => {
  let bot: TestBot;
  beforeEach(() => {
    bot = createTestBot();
    bot.transport.join(ROOM, "@ana:test.org", "Ana");
    bot.transport.join(ROOM, "@bo:test.org", "Bo");
  });
  afterEach(() => bot.close());

  it("records givers, quantity, unit and inferred or tagged kind", async () => {
    expect(await bot.say("!ledger thanks @ana cooked 40 meals")).toEqual([
      "Thank you, Ana! Noted as #1: cooked 40 meals (food).",
    ]);
    expect(await bot.say("!ledger thanks @bo @maria drove 3 nurses #transport")).toEqual([
      "Thank you, Bo and maria! Noted as #2: drove 3 nurses (transport).",
    ]);
    await bot.say("!ledger thanks @ana €50 for the strike fund");
    const rows = bot.db
      .prepare("SELECT number, what, amount, unit, kind, recorded_by FROM ledger_entries ORDER BY number")
      .all();
    expect(rows).toEqual([
      { number: 1, what: "cooked 40 meals", amount: 40, unit: "meals", kind: "food", recorded_by: ALICE },
      { number: 2, what: "drove 3 nurses", amount: 3, unit: "nurses", kind: "transport", recorded_by: ALICE },
      { number: 3, what: "€50 for the strike fund", amount: 50, unit: "EUR", kind: "money", recorded_by: ALICE },
    ]);
    expect(
      bot.db.prepare("SELECT user_id, name FROM ledger_givers WHERE entry_id = 2 ORDER BY position").all(),
    ).toEqual([
      { user_id: "@bo:test.org", name: "Bo" },
      { user_id: null, name: "maria" },
    ]);
  });

  it("explains unknown kinds and loses nothing", async () => {
    expect(await bot.say("!ledger thanks @ana cooked #fod")).toEqual([
      expect.stringMatching(/^I don't know the kind #fod\. Did you mean #food\?/),
    ]);
    expect(await bot.say("!ledger thanks cooked soup")).toEqual([
      expect.stringMatching(/^Who\? Name at least one person with @, like @ana\.\n/),
    ]);
    expect(bot.db.prepare("SELECT count(*) AS n FROM ledger_entries").get()).toEqual({ n: 0 });
  });

  it("hints how to tag an entry whose kind it could not tell, and how to begin on an empty ledger", async () => {
    expect(await bot.say("!ledger")).toEqual([
      "Nothing in this room's ledger yet. Thank someone like this: !ledger thanks @ana cooked 40 meals",
    ]);
    expect(await bot.say("!ledger thanks @ana something nice")).toEqual([
      "Thank you, Ana! Noted as #1: something nice (other care).\nI couldn't tell the kind of care. To set it, write !ledger fix 1 and one of these tags: #food #childcare #transport #knowledge #repair #money #support",
    ]);
  });

  it("shows recent entries and one person's, matching names typed before they joined", async () => {
    await bot.say("!ledger thanks @cy fixed two bikes");
    await bot.say("!ledger thanks @ana cooked soup");
    bot.transport.join(ROOM, "@cy:test.org", "Cy");
    const [cy] = await bot.say("!ledger @cy");
    expect(cy).toMatch(/^What Cy gave \(latest\):\n• #1 cy: fixed two bikes \(repair, /);
    const [recent] = await bot.say("!ledger");
    expect(
      recent!
        .split("\n")
        .slice(0, 3)
        .map((l) => l.replace(/, \w+ \d+\)$/, ")")),
    ).toEqual(["The latest 2 entries:", "• #2 Ana: cooked soup (food)", "• #1 cy: fixed two bikes (repair)"]);
    expect(await bot.say("!ledger @bo")).toEqual(["Nothing recorded for Bo in this room yet."]);
  });

  it("dates entries of another year with their year", async () => {
    bot.clock.now = Date.UTC(2025, 11, 30, 12);
    await bot.say("!ledger thanks @ana cooked soup");
    bot.clock.now = Date.UTC(2026, 0, 2, 12);
    await bot.say("!ledger thanks @ana baked bread");
    const [recent] = await bot.say("!ledger");
    expect(recent).toContain("baked bread (food, Jan 2)");
    expect(recent).toContain("cooked soup (food, Dec 30, 2025)");
  });

  it("reads the week aloud: everyone named, grouped by kind, totals per unit, no ranking", async () => {
    // Monday 23 Nov 2026 00:30 in Madrid is Sunday 23:30 UTC: the week starts in the room's zone.
    bot.clock.now = Date.UTC(2026, 10, 22, 23, 30);
    await bot.say("!ledger thanks @bo cooked 10 meals");
    bot.clock.now = Date.UTC(2026, 10, 22, 22, 30); // still Sunday in Madrid: last week
    await bot.say("!ledger thanks @bo cooked 99 meals");
    bot.clock.now = Date.UTC(2026, 10, 24, 9, 0);
    await bot.say("!ledger thanks @ana cooked 30 meals");
    await bot.say("!ledger thanks @ana @bo 2h childcare");
    const [digest] = await bot.say("!ledger week");
    expect(digest).toBe(
      [
        "Care given this week (Nov 23 – Nov 29)",
        "food",
        "• Bo: cooked 10 meals",
        "• Ana: cooked 30 meals",
        "Together: 40 meals.",
        "childcare",
        "• Ana: 2h childcare (with Bo)",
        "• Bo: 2h childcare (with Ana)",
        "Together: 2 hours.",
        "Thank you, Bo and Ana.",
      ].join("\n"),
    );
  });

  it("digests a given month and refuses impossible months", async () => {
    bot.clock.now = Date.UTC(2026, 9, 15);
    await bot.say("!ledger thanks @ana taught the workshop");
    bot.clock.now = Date.UTC(2026, 10, 24);
    expect(await bot.say("!ledger month 2026-10")).toEqual([
      expect.stringMatching(/^Care given in October 2026\nknowledge\n• Ana: taught the workshop\nThank you, Ana\.$/),
    ]);
    expect(await bot.say("!ledger month")).toEqual([
      expect.stringMatching(/^Care given in November 2026\nNo thanks recorded/),
    ]);
    expect(await bot.say("!ledger month 2026-13")).toEqual([
      expect.stringMatching(/^“2026-13” is not a month I can read/),
    ]);
  });

  it("lets the recorder undo within a day, a moderator any time, and keeps the correction", async () => {
    await bot.say("!ledger thanks @ana cooked soup");
    expect(await bot.say("!ledger undo 1", { sender: "@bo:test.org" })).toEqual([
      expect.stringMatching(/^Only the person who recorded #1/),
    ]);
    bot.clock.now += 25 * HOUR;
    expect(await bot.say("!ledger undo 1")).toEqual([expect.stringMatching(/^Only the person who recorded #1/)]);
    expect(await bot.say("!ledger undo 1", { sender: MOD })).toEqual([
      "Entry #1 is taken back. It stays in the export, marked as undone. !ledger redo 1 brings it back.",
    ]);
    expect(await bot.say("!ledger undo 1", { sender: MOD })).toEqual([
      "Entry #1 was already taken back. !ledger redo 1 brings it back.",
    ]);
    expect(await bot.say("!ledger undo 7")).toEqual([
      "There is no entry #7 in this room. !ledger shows the latest ones.",
    ]);
    expect(bot.db.prepare("SELECT action, by_user, previous_what FROM ledger_corrections").all()).toEqual([
      { action: "undo", by_user: MOD, previous_what: "cooked soup" },
    ]);
    expect(await bot.say("!ledger")).toEqual([expect.stringMatching(/^Nothing in this room's ledger yet/)]);
  });

  it("fixes an entry, re-reading quantity and kind, and keeps the earlier version", async () => {
    await bot.say("!ledger thanks @ana cooked 40 meals");
    const [reply] = await bot.say("!ledger fix 1 drove 4 nurses #transport");
    expect(reply).toMatch(
      /^Entry #1 is corrected; the earlier version is kept in the history\.\n#1 Ana: drove 4 nurses \(transport, /,
    );
    expect(bot.db.prepare("SELECT what, amount, unit, kind, status FROM ledger_entries").get()).toEqual({
      what: "drove 4 nurses",
      amount: 4,
      unit: "nurses",
      kind: "transport",
      status: "corrected",
    });
    expect(
      bot.db.prepare("SELECT previous_what, previous_amount, previous_kind FROM ledger_corrections").get(),
    ).toEqual({ previous_what: "cooked 40 meals", previous_amount: 40, previous_kind: "food" });
  });

  it("exports the room's ledger as CSV, with undone and corrected entries marked", async () => {
    await bot.say("!ledger thanks @ana cooked 40 meals");
    await bot.say('!ledger thanks @bo said "hi, all"');
    await bot.say("!ledger undo 1");
    const [csv] = await bot.say("!ledger export");
    const lines = csv!.split("\n");
    expect(lines[0]).toBe("The ledger of this room, 2 entries, as CSV (copy it into a spreadsheet):");
    expect(lines[1]).toBe("number,recorded_at,givers,giver_ids,what,amount,unit,kind,recorded_by,status");
    expect(lines[2]).toMatch(
      /^1,2026-11-24T10:00:00\.000Z,Ana,'@ana:test\.org,cooked 40 meals,40,meals,food,'@alice:test\.org,undone$/,
    );
    expect(lines[3]).toMatch(/^2,.*,"said ""hi, all""",,,.*,active$/);
    expect(lines).toHaveLength(4);
  });

  it("never shows one room's ledger in another", async () => {
    await bot.say("!ledger thanks @ana cooked secret soup");
    bot.transport.join(OTHER_ROOM, ALICE, "Alice", 50);
    for (const command of ["!ledger", "!ledger @ana", "!ledger week", "!ledger month", "!ledger export"]) {
      const replies = await bot.say(command, { roomId: OTHER_ROOM });
      expect(replies.join("\n")).not.toContain("secret soup");
    }
    expect(await bot.say("!ledger undo 1", { roomId: OTHER_ROOM })).toEqual([
      expect.stringMatching(/^There is no entry #1 in this room/),
    ]);
    expect(await bot.say("!ledger thanks @ana cooked", { roomId: OTHER_ROOM })).toEqual([
      expect.stringContaining("Noted as #1"),
    ]);
  });

  it("asks a member who records too much in an hour to slow down", async () => {
    bot.close();
    bot = createTestBot({ maxEntriesPerHour: 3 });
    for (let i = 0; i < 3; i++) await bot.say(`!ledger thanks @ana cooked ${i + 1} meals`);
    expect(await bot.say("!ledger thanks @ana cooked 4 meals")).toEqual([
      expect.stringMatching(/^That's a lot of thanks in one hour \(at most 3\)/),
    ]);
    expect(await bot.say("!ledger thanks @ana cooked 4 meals", { sender: MOD })).toEqual([
      expect.stringContaining("Noted as #4"),
    ]);
    bot.clock.now += HOUR;
    expect(await bot.say("!ledger thanks @ana cooked 5 meals")).toEqual([expect.stringContaining("Noted as #5")]);
  });

  it("speaks Spanish in a Spanish room", async () => {
    await bot.say("!settings language es", { sender: MOD });
    expect(await bot.say("!gracias @ana cocinó 40 comidas")).toEqual([
      "¡Gracias, Ana! Anotado como #1: cocinó 40 comidas (comida).",
    ]);
    expect(await bot.say("!ledger semana")).toEqual([
      expect.stringMatching(
        /^Cuidados de esta semana \(23 nov – 29 nov\)\ncomida\n• Ana: cocinó 40 comidas\nEn total: 40 comidas\.\nGracias, Ana\.$/,
      ),
    ]);
    expect(await bot.say("!ledger gracias @ana algo bonito")).toEqual([
      expect.stringMatching(
        /Para indicarlo, escribe !registro corregir 2 y una de estas etiquetas: #comida #crianza #transporte #saberes #reparación #dinero #apoyo$/,
      ),
    ]);
    expect(await bot.say("!ledger deshacer 9")).toEqual([
      "No hay ninguna entrada #9 en esta sala. !registro muestra las últimas.",
    ]);
  });
});
