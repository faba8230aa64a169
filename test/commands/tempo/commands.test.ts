import { createTestBot, MOD, type TestBot } from "../../support/test-bot.js";

describe("tempo, schedule and help for the rhythms", () => {
  let bot: TestBot;
  const asMod = { sender: MOD };
  beforeEach(() => {
    bot = createTestBot(); // Tuesday 2026-11-24 11:00 Madrid
  });
  afterEach(() => bot.close());

  it("warns gently about a burst planned longer than one lunar month, and only then", async () => {
    const [short] = await bot.say("!tempo burst until 2026-12-15");
    expect(short).toMatch(
      /^Burst started, until Tuesday 15 Dec\.\nPhase: burst, since today\.\nPlanned to end on Tuesday 15 Dec\./,
    );
    expect(short).not.toContain("lunar month");
    const [long] = await bot.say("!tempo burst until 2027-01-20");
    expect(long).toContain("Gently: that's longer than one lunar month.");
  });

  it("starts a burst for a length of time, in English or Spanish, and says what it could not read", async () => {
    expect((await bot.say("!tempo burst for 2 weeks"))[0]).toMatch(
      /^Burst started, until Tuesday 8 Dec\.\nPhase: burst, since today\.\nPlanned to end on Tuesday 8 Dec\./,
    );
    expect((await bot.say("!ritmo intenso durante 3 días"))[0]).toMatch(/^Burst started, until Friday 27 Nov\./);
    expect((await bot.say("!tempo burst for a while"))[0]).toMatch(
      /^I couldn't read “a while” as a duration\. Try .?2h.?, .?90m.? or .?3 days.?\./,
    );
    expect((await bot.say("!tempo burst for 9999 weeks"))[0]).toMatch(
      /^“9999 weeks” is longer than 3 years, which looks like a typo\./,
    );
  });

  it("reads natural dates and shows the year of a date in another year", async () => {
    expect((await bot.say("!tempo burst until 4 Dec"))[0]).toMatch(/^Burst started, until Friday 4 Dec\./);
    expect((await bot.say("!tempo burst until 2027-01-20"))[0]).toMatch(
      /^Burst started, until Wednesday 20 Jan 2027\./,
    );
  });

  it("refuses an end years ahead as a typo instead of failing", async () => {
    expect(await bot.say("!tempo burst until 9999-12-31")).toEqual([
      expect.stringMatching(/^“9999-12-31” is more than 3 years away, which looks like a typo\./),
    ]);
    expect((await bot.say("!tempo"))[0]).toMatch(/^Phase: slow, since today\./);
  });

  it("refuses words it does not know rather than reading them as something else", async () => {
    const [fast] = await bot.say("!tempo fast");
    expect(fast).toMatch(
      /^“fast” is not one of: burst, slow\.\nType it like this: !tempo \[burst\|slow\] \[until when\]/,
    );
    expect(await bot.say("!tempo until 2026-12-15")).toEqual([
      expect.stringMatching(/^“until” is not one of: burst, slow\./),
    ]);
    expect(await bot.say("!tempo slow until friday")).toEqual([
      expect.stringMatching(/^I didn't understand “until friday”\./),
    ]);
    // Nothing was started by any of them.
    expect((await bot.say("!tempo"))[0]).toMatch(/^Phase: slow, since today\./);
  });

  it("understands the Spanish names of the command and its phases", async () => {
    expect((await bot.say("!ritmo intenso"))[0]).toMatch(
      /^Burst started\. Remember to plan its end\.\nPhase: burst, since today\./,
    );
    expect((await bot.say("!tempo calma"))[0]).toMatch(/^Slow phase started/);
  });

  it("starts a wiped cell's rhythm afresh", async () => {
    await bot.say("!tempo burst until 2026-12-15");
    await bot.say("!ledger thanks @ana cooked soup");
    expect(await bot.say("!cell wipe confirm", asMod)).toEqual(["Done: everything I kept about this room is deleted."]);
    expect(bot.db.prepare("SELECT count(*) FROM room_rhythm").pluck().get()).toBe(0);
    expect((await bot.say("!tempo"))[0]).toMatch(/^Phase: slow, since today\./);
  });

  it("names the day typed, not the midnight after it, when a burst or an absence would end in the past", async () => {
    expect(await bot.say("!tempo burst until 2026-11-20")).toEqual([
      "Friday 20 Nov has already passed. Give a time in the future.",
    ]);
    expect(await bot.say("!away until 2026-11-23")).toEqual([
      "Monday 23 Nov has already passed. Give a time in the future.",
    ]);
  });

  it("turns meeting prompts from action to education, care and recruitment in a slow phase", async () => {
    await bot.say("!tempo burst until 2026-12-15");
    expect((await bot.say("!opener"))[0]).toContain("Today's focus: the next action");
    await bot.say("!tempo slow");
    const slowFocus = [(await bot.say("!opener"))[0], (await bot.say("!opener"))[0], (await bot.say("!opener"))[0]].map(
      (o) => o?.split("\n").at(-1),
    );
    expect(slowFocus).toEqual([
      "Slow phase: a good time to learn together. What skill or story could someone share?",
      "Today's focus: how are we holding up, and who needs care?",
      "Slow phase: who could we invite to the next meeting?",
    ]);
  });

  it("lists scheduled posts in the room's local time, following a zone change", async () => {
    expect(await bot.say("!schedule")).toEqual([
      "Nothing scheduled in this room yet. Roles, care plans and meetings add their posts here.",
    ]);
    await bot.say("!role add facilitator", asMod);
    await bot.say("!meeting weekly thursday 19:00", asMod);
    expect(await bot.say("!schedule")).toEqual([
      "Coming up (times in Europe/Madrid):\n• Thursday 26 Nov, 18:45: gratitude opener before the meeting (repeats)\n• Monday 30 Nov, 09:00: roles of the week (repeats)",
    ]);
    await bot.say("!settings timezone America/New_York", asMod);
    expect(await bot.say("!schedule")).toEqual([
      "Coming up (times in America/New_York):\n• Thursday 26 Nov, 18:45: gratitude opener before the meeting (repeats)\n• Monday 30 Nov, 09:00: roles of the week (repeats)",
    ]);
  });

  it("keeps meetings to moderators and says when one is too soon for an opener", async () => {
    expect(await bot.say("!meeting weekly thursday 19:00")).toEqual([
      "Only moderators of this room can use !meeting. Ask one of them to do it, or to make you a moderator.",
    ]);
    expect(await bot.say("!meeting today 11:10", asMod)).toEqual([
      "That meeting starts in less than 15 minutes, too soon for an opener. Pick a later time, or type !opener now.",
    ]);
  });

  it("cancels a room's meetings so their openers stop", async () => {
    expect(await bot.say("!meeting cancel", asMod)).toEqual([
      "No meetings are scheduled here. To add one: !meeting weekly thursday 19:00",
    ]);
    await bot.say("!meeting weekly thursday 19:00", asMod);
    expect(await bot.say("!meeting cancel")).toEqual([
      "Only moderators of this room can use !meeting cancel. Ask one of them to do it, or to make you a moderator.",
    ]);
    expect(await bot.say("!meeting cancel", asMod)).toEqual(["Meeting cancelled: I won't post its opener."]);
    expect(await bot.say("!schedule")).toEqual([
      "Nothing scheduled in this room yet. Roles, care plans and meetings add their posts here.",
    ]);
  });

  it("answers 'how do I…' for each family", async () => {
    const [roles] = await bot.say("!help roles");
    for (const usage of [
      "!roles",
      "!role join <role> [@person]",
      "!rotation skip <role>",
      "!away [@person] <until when>",
      "!back [@person]",
    ]) {
      expect(roles).toContain(usage);
    }
    const [careplan] = await bot.say("!help careplan");
    expect(careplan).toContain("!careplan <action at when> — Pair an action with an act of care at the same time");
    expect(careplan).toContain("!careplan 3 join");
    await bot.say("!settings language es", asMod);
    const [ayuda] = await bot.say("!ayuda roles");
    expect(ayuda).toContain("!vuelvo [@persona] — Volver antes de una ausencia");
  });
});
