import { createTestBot, MOD, type TestBot } from "../../support/test-bot.js";

const ANA = "@ana:test.org";
const HOUR = 3_600_000;

describe("the decision log", () => {
  let bot: TestBot;
  beforeEach(() => {
    bot = createTestBot();
    bot.transport.join("!cell:test.org", ANA, "Ana");
  });
  afterEach(() => bot.close());

  it("records a decision with its tags and plan, and shows it with who recorded it", async () => {
    expect(await bot.say("!decision We meet on Thursdays at 19:00 #meetings #Rhythm", { sender: ANA })).toEqual([
      "Decision #1 is in the log: We meet on Thursdays at 19:00",
    ]);
    const [shown] = await bot.say("!decision 1");
    expect(shown).toMatch(
      /^Decision #1 \(Tuesday 24 Nov\): We meet on Thursdays at 19:00\nRecorded by Ana\.\nTags: #meetings #rhythm$/,
    );
    expect(await bot.say("!decision Overtime refusal starts on Monday plan 3")).toEqual([
      "There is no care plan #3 here: no plan was made yet. Leave the plan out, or make it first. Nothing was recorded.",
    ]);
    await bot.say("!careplan overtime refusal at friday 17:00 for 2h care solidarity pantry");
    expect(await bot.say("!decision Overtime refusal starts on Monday plan 3")).toEqual([
      "There is no care plan #3 here. The plans there are: #1 (!careplans). Nothing was recorded.",
    ]);
    expect(await bot.say("!decision Overtime refusal starts on Monday plan 1")).toEqual([
      "Decision #2 is in the log: Overtime refusal starts on Monday\nIt belongs to care plan #1 (!careplan 1).",
    ]);
  });

  it("reads a decision that starts with a number as a decision, not as a number", async () => {
    expect(await bot.say("!decision 2 delegates go to the assembly")).toEqual([
      "Decision #1 is in the log: 2 delegates go to the assembly",
    ]);
    expect(await bot.say("!decision 1")).toEqual([
      expect.stringMatching(/^Decision #1 .*: 2 delegates go to the assembly/),
    ]);
  });

  it("keeps every earlier text when a decision is fixed, and a revoked decision stays, marked", async () => {
    await bot.say("!decision We meet on Thursdays", { sender: ANA });
    expect(await bot.say("!decision 1 fix We meet on Thursdays at 19:30", { sender: ANA })).toEqual([
      "Decision #1 now reads: We meet on Thursdays at 19:30. The earlier text stays in its history (!decision 1).",
    ]);
    expect(await bot.say("!decision 1 revoke we moved to Wednesdays", { sender: MOD })).toEqual([
      "Decision #1 is revoked. It stays in the log, marked, with your reason (!decision 1).",
    ]);
    const [shown] = await bot.say("!decision 1");
    expect(shown).toContain("Earlier versions:\n• until Tuesday 24 Nov: We meet on Thursdays");
    expect(shown).toContain("Revoked on Tuesday 24 Nov: we moved to Wednesdays");
    expect(await bot.say("!decisions")).toEqual([
      expect.stringContaining("We meet on Thursdays at 19:30 (Tuesday 24 Nov, revoked)"),
    ]);
    expect(await bot.say("!decision 1 fix again", { sender: MOD })).toEqual([
      "Decision #1 was revoked already; it stays in the log as it was.",
    ]);
  });

  it("lets only the recorder within a day, or moderators, change a decision", async () => {
    await bot.say("!decision We rotate the facilitator monthly", { sender: ANA });
    expect(await bot.say("!decision 1 fix weekly")).toEqual([
      "Only whoever recorded decision #1 (within a day) or a moderator can change it.",
    ]);
    // A day is 24 hours, as for ledger entries: at the 24th hour the window has closed.
    bot.clock.now += 24 * HOUR;
    expect(await bot.say("!decision 1 fix weekly", { sender: ANA })).toEqual([
      "Only whoever recorded decision #1 (within a day) or a moderator can change it.",
    ]);
    expect(await bot.say("!decision 1 fix weekly", { sender: MOD })).toEqual([
      expect.stringMatching(/^Decision #1 now reads: weekly\./),
    ]);
  });

  it("lists the latest, filters by tag, searches words, and says how many more there are", async () => {
    for (let i = 1; i <= 12; i++) await bot.say(`!decision Decision number ${i} ${i % 2 === 0 ? "#even" : ""}`);
    const [latest] = await bot.say("!decisions");
    expect(latest!.split("\n").filter((l) => l.startsWith("•"))).toHaveLength(10);
    expect(latest).toMatch(/^• #12 Decision number 12/);
    expect(latest).toContain("… and 2 more: !decisions export gives the whole log.");
    const [even] = await bot.say("!decisions #EVEN");
    expect(even!.split("\n")).toHaveLength(6);
    expect(await bot.say("!decisions search NUMBER 11")).toEqual([expect.stringMatching(/^• #11 Decision number 11/)]);
    expect(await bot.say("!decisions even")).toEqual([
      "To filter by tag, start it with #, like #meetings. To search for “even”, type !decisions search even.",
    ]);
    expect(await bot.say("!decisions search nothing-like-this")).toEqual(["No decision mentions “nothing-like-this”."]);
  });

  it("exports the log as CSV that a spreadsheet cannot run", async () => {
    await bot.say('!decision =HYPERLINK("x") is not a formula, "quoted" #safety');
    const [csv] = await bot.say("!decisions export");
    expect(csv).toContain("number,recorded_at,text,tags,plan,recorded_by,status,revoked_at,revoked_reason");
    expect(csv).toContain(
      `1,2026-11-24T10:00:00.000Z,"'=HYPERLINK(""x"") is not a formula, ""quoted""",#safety,,'@alice:test.org,active,,`,
    );
  });

  it("answers in Spanish with Spanish command names in hints", async () => {
    await bot.say("!settings language es", { sender: MOD });
    expect(await bot.say("!decisiones")).toEqual([
      "Todavía no hay decisiones en el registro. Anota la primera: !decisión Nos reunimos los jueves a las 19:00 #reuniones",
    ]);
    expect(await bot.say("!decisión Nos reunimos los jueves #reuniones")).toEqual([
      "La decisión #1 está en el registro: Nos reunimos los jueves",
    ]);
    expect(await bot.say("!decisión 1 corregir Nos reunimos los miércoles")).toEqual([
      "La decisión #1 ahora dice: Nos reunimos los miércoles. El texto anterior queda en su historia (!decisión 1).",
    ]);
  });

  it("refuses an empty decision and an unknown number with what to type", async () => {
    expect(await bot.say("!decision #only-a-tag")).toEqual([
      "What did you decide? Write it after the command, like !decision We meet on Thursdays at 19:00 #meetings.",
    ]);
    expect(await bot.say("!decision 7")).toEqual(["There is no decision #7 here. See the latest with !decisions."]);
  });

  it("forgets who recorded, keeps the decision; a wipe removes the log", async () => {
    await bot.say("!decision We meet on Thursdays", { sender: ANA });
    await bot.say("!decision 1 fix We meet on Fridays", { sender: ANA });
    await bot.say("!forget me confirm", { sender: ANA });
    expect(bot.db.prepare("SELECT count(*) FROM decisions WHERE recorded_by = ?").pluck().get(ANA)).toBe(0);
    expect(bot.db.prepare("SELECT count(*) FROM decision_revisions WHERE revised_by = ?").pluck().get(ANA)).toBe(0);
    expect(await bot.say("!decision 1")).toEqual([
      "Decision #1 (Tuesday 24 Nov): We meet on Fridays\nEarlier versions:\n• until Tuesday 24 Nov: We meet on Thursdays",
    ]);
    await bot.say("!cell wipe confirm", { sender: MOD });
    expect(bot.db.prepare("SELECT count(*) FROM decisions").pluck().get()).toBe(0);
    expect(bot.db.prepare("SELECT count(*) FROM decision_revisions").pluck().get()).toBe(0);
  });
});

describe("forgetting inside decisions", () => {
  it("replaces the forgotten name in decision texts and their earlier versions", async () => {
    const bot = createTestBot();
    bot.transport.join("!cell:test.org", "@quinn:test.org", "Quinn");
    await bot.say("!decision quinn keeps the strike fund keys");
    await bot.say("!decision 1 fix Quinn and Bo keep the strike fund keys", { sender: MOD });
    await bot.say("!forget me confirm", { sender: "@quinn:test.org" });
    expect(bot.db.prepare("SELECT text FROM decisions").pluck().all()).toEqual([
      "someone and Bo keep the strike fund keys",
    ]);
    expect(bot.db.prepare("SELECT previous_text FROM decision_revisions").pluck().all()).toEqual([
      "someone keeps the strike fund keys",
    ]);
    bot.close();
  });
});
