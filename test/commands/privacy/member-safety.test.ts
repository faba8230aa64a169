import { ALICE, createTestBot, MOD, ROOM, type TestBot } from "../../support/test-bot.js";

const DONE =
  "Done: they are forgotten in this room. What was already posted in the room stays in its history, and on Matrix my sealed key store keeps their devices' keys (the Matrix library has no way to drop them).";
const DONE_TYPED = "Done: they are forgotten in this room. What was already posted in the room stays in its history.";

const ANA = "@ana:test.org";
const QUINN = "@quinn:test.org";

/** On Matrix a person who asks to be forgotten has often left the room: the member list no longer has them. */
function leave(bot: TestBot, userId: string): void {
  const members = bot.transport.members(ROOM);
  members.splice(
    members.findIndex((m) => m.userId === userId),
    1,
  );
}

describe("privacy: member safety", () => {
  let bot: TestBot;
  beforeEach(() => {
    bot = createTestBot();
  });
  afterEach(() => bot.close());

  const all = (sql: string) => bot.db.prepare(sql).all();

  it("forgets a typed name whatever its case, beyond ASCII (Álvaro typed as @álvaro)", async () => {
    await bot.say("!ledger thanks @ÁLVARO cooked 2 meals");
    expect((await bot.say("!ledger @álvaro")).join("\n")).toContain("cooked 2 meals");
    const [preview] = await bot.say("!forget @álvaro", { sender: MOD });
    expect(preview).toMatch(/^This is what I keep about álvaro in this room:\n• 1 ledger entry /);
    expect(await bot.say("!forget @Álvaro confirm", { sender: MOD })).toEqual([DONE_TYPED]);
    expect(all("SELECT user_id, name FROM ledger_givers")).toEqual([{ user_id: null, name: "someone" }]);
  });

  it("finds a person who left the room by the user ids the room's data holds", async () => {
    bot.transport.join(ROOM, ANA, "Ana");
    await bot.say("!ledger thanks @ana cooked soup");
    await bot.say("!ledger thanks @alice fixed bikes", { sender: ANA });
    await bot.say("!role add facilitator", { sender: MOD });
    await bot.say("!role join facilitator", { sender: ANA });
    leave(bot, ANA);
    const [preview] = await bot.say("!forget @ana", { sender: MOD });
    expect(preview).toMatch(
      /^This is what I keep about Ana in this room:\n• 2 ledger entries .*\n• 1 place in the role rotation/,
    );
    expect(await bot.say("!forget @ana confirm", { sender: MOD })).toEqual([DONE]);
    expect(
      all(
        `SELECT 1 FROM ledger_givers WHERE user_id = '${ANA}' UNION ALL SELECT 1 FROM ledger_entries WHERE recorded_by = '${ANA}'`,
      ),
    ).toEqual([]);
    expect(bot.db.prepare("SELECT state FROM rotation_state").pluck().get()).not.toContain(ANA);
  });

  it("asks which person is meant when two ids fit, and never says Done when nothing matched", async () => {
    await bot.say("!ledger thanks @ana:test.org @ana:other.org cooked soup");
    expect(await bot.say("!forget @ana confirm", { sender: MOD })).toEqual([
      "More than one person I keep fits @ana: @ana:other.org, @ana:test.org. Type the full id, like !forget @ana:other.org.",
    ]);
    expect(all("SELECT count(*) AS n FROM ledger_givers WHERE user_id IS NOT NULL")).toEqual([{ n: 2 }]);
    expect(await bot.say("!forget @nobody confirm", { sender: MOD })).toEqual([
      "I keep nothing about nobody in this room.",
    ]);
  });

  it("replaces the forgotten name inside free texts: entries, corrections and plans", async () => {
    bot.transport.join(ROOM, QUINN, "Quinn");
    await bot.say("!ledger thanks @alice helped quinn move");
    await bot.say("!ledger thanks @alice cooked for @Quinn");
    await bot.say("!ledger fix 2 cooked for Quinn and the kids");
    await bot.say("!careplan drive quinn to the clinic at monday 7:00");
    await bot.say("!ledger thanks @alice helped quinnie");
    const [preview] = await bot.say("!forget me", { sender: QUINN });
    expect(preview).toMatch(/^This is what I keep about Quinn in this room:\n• 4 texts that name them .*“someone”\n/);
    expect(await bot.say("!forget me confirm", { sender: QUINN })).toEqual([DONE]);
    expect(all("SELECT what FROM ledger_entries ORDER BY number")).toEqual([
      { what: "helped someone move" },
      { what: "cooked for someone and the kids" },
      // Whole words only: another name that begins the same stays.
      { what: "helped quinnie" },
    ]);
    expect(all("SELECT previous_what FROM ledger_corrections")).toEqual([{ previous_what: "cooked for someone" }]);
    expect(all("SELECT action FROM careplans")).toEqual([{ action: "drive someone to the clinic" }]);
  });

  it("counts someone in two roles as two places, however many terms and absences they had", async () => {
    bot.transport.join(ROOM, ANA, "Ana");
    await bot.say("!role add facilitator", { sender: MOD });
    await bot.say("!role add treasurer", { sender: MOD });
    for (const sender of [ANA, ALICE]) {
      await bot.say("!role join facilitator", { sender });
      await bot.say("!role join treasurer", { sender });
    }
    await bot.say("!rotation skip facilitator", { sender: MOD });
    await bot.say("!away until 2026-12-20", { sender: ANA });
    const [preview] = await bot.say("!forget me", { sender: ANA });
    expect(preview).toContain("• 2 places in the role rotation (they leave them; their past terms keep no name)\n");
  });

  it("says in a wipe preview what is deleted, not what forgetting a person does", async () => {
    await bot.say("!ledger thanks @ana cooked soup");
    await bot.say("!role add facilitator", { sender: MOD });
    await bot.say("!role add treasurer", { sender: MOD });
    const [preview] = await bot.say("!cell wipe", { sender: MOD });
    expect(preview).toContain("• 1 ledger entry (deleted, with its corrections)\n");
    expect(preview).toContain("• 2 roles in the rotation (deleted, with their lines, absences and past terms)\n");
    expect(preview).not.toContain("someone");
    await bot.say("!settings language es", { sender: MOD });
    const [vista] = await bot.say("!celula borrar", { sender: MOD });
    expect(vista).toContain("• 1 entrada del registro (se borra, con sus correcciones)\n");
    expect(vista).not.toContain("alguien");
  });

  it("speaks Spanish: free texts and the question which person", async () => {
    await bot.say("!settings language es", { sender: MOD });
    await bot.say("!ledger thanks @ana:test.org @ana:other.org ayudó a ana a mudarse");
    expect(await bot.say("!olvidar @ana", { sender: MOD })).toEqual([
      "Hay más de una persona que encaja con @ana: @ana:other.org, @ana:test.org. Escribe el id completo, por ejemplo !olvidar @ana:other.org.",
    ]);
    const [vista] = await bot.say("!olvidar @ana:test.org", { sender: MOD });
    expect(vista).toContain(
      "• 1 texto que le nombra (lo que se cuidó, una corrección, un plan): el nombre pasa a ser «alguien»",
    );
    await bot.say("!olvidar @ana:test.org confirmar", { sender: MOD });
    expect(all("SELECT what FROM ledger_entries")).toEqual([{ what: "ayudó a alguien a mudarse" }]);
  });
});
