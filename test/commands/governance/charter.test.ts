import { createTestBot, MOD, type TestBot } from "../../support/test-bot.js";

const ANA = "@ana:test.org";

describe("the living charter", () => {
  let bot: TestBot;
  beforeEach(() => {
    bot = createTestBot();
    bot.transport.join("!cell:test.org", ANA, "Ana");
  });
  afterEach(() => bot.close());

  it("has none until a moderator begins one from the draft, in the room's language", async () => {
    expect(await bot.say("!charter")).toEqual([
      "This room has no charter yet. A moderator can begin one from a short draft the cell then rewrites: !charter start",
    ]);
    expect(await bot.say("!charter start")).toEqual([expect.stringMatching(/^Only moderators/)]);
    const [started] = await bot.say("!charter start", { sender: MOD });
    expect(started).toMatch(
      /^Here is a first draft\. It is yours to rewrite together, article by article\.\nOur charter:\n• 1\. Why we are here — We organise together/,
    );
    expect(started!.split("\n").filter((l) => l.startsWith("• "))).toHaveLength(5);
    expect(started).toContain(
      "One article in full: !charter 1. A note under it: !charter note 1 …. A change, which the cell decides at its next meeting: !charter amend 1 ….",
    );
    expect(await bot.say("!charter start", { sender: MOD })).toEqual(["This room has a charter already: !charter."]);
  });

  it("shows one article whole with the notes under it, and counts the notes waiting", async () => {
    await bot.say("!charter start", { sender: MOD });
    expect(await bot.say("!charter note 3 we should say who keeps the keys", { sender: ANA })).toEqual([
      "Your note is under article 3 (Rotating roles) until the cell deals with it: !charter 3.",
    ]);
    const [article] = await bot.say("!charter 3");
    expect(article).toBe(
      "3. Rotating roles\nFacilitating, keeping the money and speaking for us change hands regularly, so that nobody carries a role alone and everyone learns it.\nNotes waiting for the cell:\n• we should say who keeps the keys (Tuesday 24 Nov)\nEvery earlier version: !charter history 3",
    );
    expect(await bot.say("!charter")).toEqual([expect.stringContaining("1 note waits to be talked about.")]);
    expect(await bot.say("!charter 9")).toEqual(["There is no article 9 in this charter. See them all with !charter."]);
  });

  it("keeps every version of an article with its date", async () => {
    await bot.say("!charter start", { sender: MOD });
    expect(await bot.say("!charter history 2")).toEqual([
      "Article 2 (How we decide), version by version:\n• Tuesday 24 Nov: first draft — How we decide: We decide in open meetings, by consent: a proposal goes ahead unless someone blocks it for a serious reason, and every block is heard. Each decision is written in our log.",
    ]);
  });

  it("speaks Spanish, with Spanish command names in its hints", async () => {
    await bot.say("!settings language es", { sender: MOD });
    expect(await bot.say("!carta")).toEqual([
      "Esta sala aún no tiene carta. Una persona moderadora puede empezarla desde un borrador corto que la célula reescribe: !carta iniciar",
    ]);
    const [started] = await bot.say("!carta empezar", { sender: MOD });
    expect(started).toContain("• 1. Por qué estamos aquí — Nos organizamos juntas");
    expect(started).toContain(
      "Un artículo completo: !carta 1. Una nota debajo: !carta nota 1 …. Un cambio, que la célula decide en su próxima reunión: !carta enmendar 1 ….",
    );
  });

  it("forgets who wrote a note and their name inside notes; a wipe removes the charter", async () => {
    await bot.say("!charter start", { sender: MOD });
    await bot.say("!charter note 1 ana thinks this is too long", { sender: ANA });
    await bot.say("!forget me confirm", { sender: ANA });
    expect(bot.db.prepare("SELECT written_by, text FROM charter_notes").all()).toEqual([
      { written_by: "", text: "someone thinks this is too long" },
    ]);
    const [preview] = await bot.say("!cell wipe", { sender: MOD });
    expect(preview).toContain("the charter: 5 articles, with their versions and notes (deleted)");
    await bot.say("!cell wipe confirm", { sender: MOD });
    for (const table of ["charter_articles", "charter_versions", "charter_notes"])
      expect(bot.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
  });

  it("changes an article only when the cell adopts the amendment, with the decision in its history", async () => {
    await bot.say("!charter start", { sender: MOD });
    await bot.say("!charter note 3 monthly is better", { sender: ANA });
    const [opened] = await bot.say("!charter amend 3 Rotating roles: every role changes hands each month", {
      sender: ANA,
    });
    expect(opened).toMatch(/^Proposal #1/);
    expect(bot.transport.sent.at(-1)!.doc.poll?.question).toBe(
      "Change article 3 (Rotating roles) to: Rotating roles: every role changes hands each month",
    );
    expect(await bot.say("!charter 3")).toEqual([expect.stringContaining("Facilitating, keeping the money")]);
    await bot.say("!vote 1 agree", { sender: ANA });
    await bot.say("!vote 1 agree", { sender: MOD });
    await bot.tickTo("2026-11-26T10:00:00Z");
    const [article] = await bot.say("!charter 3");
    expect(article).toBe(
      "3. Rotating roles\nevery role changes hands each month\nEvery earlier version: !charter history 3",
    );
    const [history] = await bot.say("!charter history 3");
    expect(history).toMatch(
      /• Tuesday 24 Nov: first draft — Rotating roles: Facilitating.*\n• Thursday 26 Nov: amended by decision #1 — Rotating roles: every role changes hands each month$/s,
    );
  });

  it("leaves the charter as it was when an amendment is blocked, and adds or removes articles when adopted", async () => {
    await bot.say("!charter start", { sender: MOD });
    await bot.say("!charter amend 1 Why: to win", { sender: ANA });
    await bot.say("!vote 1 block", { sender: MOD });
    await bot.say("!charter add Money: the fund keeper reports at every meeting", { sender: ANA });
    await bot.say("!vote 2 agree", { sender: MOD });
    await bot.say("!charter remove 5", { sender: MOD });
    await bot.say("!vote 3 agree", { sender: ANA });
    await bot.tickTo("2026-11-26T10:00:00Z");
    const [charter] = await bot.say("!charter");
    expect(charter).toContain("• 1. Why we are here — We organise together");
    expect(charter).toContain("• 6. Money — the fund keeper reports at every meeting");
    expect(charter).not.toContain("Safety");
    expect(await bot.say("!charter history 5")).toEqual([expect.stringMatching(/removed by decision #\d+$/)]);
  });

  it("closes an amendment at the end of the next meeting when one is planned", async () => {
    await bot.say("!charter start", { sender: MOD });
    await bot.say("!meeting thursday 19:00", { sender: MOD });
    await bot.say("!charter amend 2 How we decide: by consent, in the open", { sender: ANA });
    expect(bot.db.prepare("SELECT closes_at FROM proposals").pluck().get()).toBe(Date.parse("2026-11-26T20:00:00Z"));
  });

  it("shows the notes waiting under the charter in the next meeting's opener, until an amendment settles them", async () => {
    await bot.say("!charter start", { sender: MOD });
    await bot.say("!charter note 3 we should say who keeps the keys", { sender: ANA });
    expect(await bot.say("!opener")).toEqual([
      expect.stringContaining(
        "Notes on our charter, waiting for this meeting:\n• article 3 (Rotating roles): we should say who keeps the keys",
      ),
    ]);
    await bot.say("!charter amend 3 Rotating roles: the keys go with the facilitator", { sender: ANA });
    await bot.say("!vote 1 agree", { sender: ANA });
    await bot.tickTo("2026-11-26T10:00:00Z");
    expect(await bot.say("!opener")).toEqual([expect.not.stringContaining("Notes on our charter")]);
  });
});
