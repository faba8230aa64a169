import { createTestBot, MOD, type TestBot } from "../../support/test-bot.js";

describe("room settings", () => {
  let bot: TestBot;
  afterEach(() => bot.close());

  it("moves scheduled posts with the room's time zone at once, keeping their local time", async () => {
    bot = createTestBot({ now: Date.UTC(2026, 10, 24, 10, 0) });
    await bot.say("!meeting weekly thursday 19:00", { sender: MOD });
    const next = () =>
      (bot.db.prepare("SELECT next_run_utc AS t FROM jobs WHERE kind = 'meeting.opener'").get() as { t: number }).t;
    // Thursday 26 Nov 18:45 in Madrid (UTC+1) is 17:45 UTC.
    expect(new Date(next()).toISOString()).toBe("2026-11-26T17:45:00.000Z");
    expect(await bot.say("!settings timezone america/new_york", { sender: MOD })).toEqual([
      expect.stringContaining("America/New_York"),
    ]);
    expect(new Date(next()).toISOString()).toBe("2026-11-26T23:45:00.000Z");
  });

  it("keeps a deadline and a one-off meeting at the instant they were announced when the zone changes", async () => {
    bot = createTestBot({ now: Date.UTC(2026, 10, 24, 10, 0) });
    await bot.say("!propose We refuse overtime until friday 18:00", { sender: MOD });
    await bot.say("!meeting 2026-12-03 19:00", { sender: MOD });
    const runs = () => bot.db.prepare("SELECT kind, next_run_utc AS t FROM jobs ORDER BY kind").all();
    const before = runs();
    await bot.say("!settings timezone America/New_York", { sender: MOD });
    expect(runs()).toEqual(before);
    // Friday 27 Nov 18:00 in Madrid is 12:00 in New York: said in the room's new clock.
    expect(await bot.say("!proposal 1")).toEqual([expect.stringContaining("Friday 27 Nov, 12:00")]);
    expect(await bot.tickTo("2026-11-27T16:59:00Z")).toEqual([]);
    expect(await bot.tickTo("2026-11-27T17:00:20Z")).toEqual([expect.stringContaining("Proposal #1")]);
  });

  it("refuses unknown zones and languages without changing anything", async () => {
    bot = createTestBot();
    expect(await bot.say("!settings timezone Mars/Base", { sender: MOD })).toEqual([
      expect.stringMatching(/^“Mars\/Base” is not a time zone I know/),
    ]);
    expect(await bot.say("!settings language klingon", { sender: MOD })).toEqual([
      "I can't speak “klingon” yet. I know: en, es.",
    ]);
    expect(await bot.say("!settings")).toEqual(["This room speaks English and lives in the Europe/Madrid time zone."]);
  });
});
