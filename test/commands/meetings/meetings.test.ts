import { nextMeetingAt } from "../../../commands/meetings/index.js";
import { roomJobs } from "../../../src/kernel/scheduler/room-jobs.js";
import { createTestBot, MOD, ROOM, type TestBot } from "../../support/test-bot.js";

describe("meetings", () => {
  let bot: TestBot;
  const asMod = { sender: MOD };
  beforeEach(() => {
    bot = createTestBot(); // Tuesday 2026-11-24 11:00 Madrid
  });
  afterEach(() => bot.close());

  it("cancels one day's meeting, not all of them, and lists them", async () => {
    await bot.say("!meeting weekly thursday 19:00", asMod);
    await bot.say("!meeting 2026-12-02 18:00", asMod);
    expect(await bot.say("!meeting cancel 2026-12-03", asMod)).toEqual([
      "The meeting of Thursday 3 Dec is cancelled: I won't post its opener. The others stay: !meetings.",
    ]);
    expect(await bot.say("!meetings")).toEqual([
      "Meetings in this room:\n• weekly, next Thursday 26 Nov, 19:00 (not on Thursday 3 Dec)\n• Wednesday 2 Dec, 18:00\nTo cancel one day's meeting: !meeting cancel 2026-11-26",
    ]);
    expect(await bot.say("!meeting cancel 2026-12-05", asMod)).toEqual([
      "I found no meeting on “2026-12-05”. See the meetings with !meetings.",
    ]);
    expect(await bot.tickTo("2026-11-26T17:45:20Z")).toHaveLength(1);
    expect(await bot.tickTo("2026-12-02T16:45:20Z")).toHaveLength(1);
    expect(await bot.tickTo("2026-12-03T17:45:20Z")).toEqual([]);
    expect(await bot.tickTo("2026-12-10T17:45:20Z")).toHaveLength(1);
  });

  it("cancels a one-off meeting by its day, in Spanish too", async () => {
    await bot.say("!settings language es", asMod);
    expect(await bot.say("!reuniones")).toEqual([
      "No hay reuniones programadas aquí. Para añadir una: !reunión semanal jueves 19:00",
    ]);
    await bot.say("!reunión 2026-12-02 18:00", asMod);
    await bot.say("!reunión semanal jueves 19:00", asMod);
    expect(await bot.say("!reunión cancelar 2026-12-02", asMod)).toEqual([
      "La reunión del miércoles 2 dic está cancelada: no publicaré su apertura. Las demás siguen: !reuniones.",
    ]);
    expect(await bot.say("!reuniones")).toEqual([
      "Reuniones en esta sala:\n• semanal, la próxima el jueves 26 nov, 19:00\nPara cancelar la reunión de un día: !reunión cancelar 2026-11-26",
    ]);
  });

  it("reads a weekly meeting's day and time in any form, in both languages", async () => {
    expect(await bot.say("!meeting every thursday at 7pm", asMod)).toEqual([
      expect.stringMatching(/^Weekly meeting noted; the next one is Thursday 26 Nov, 19:00\./),
    ]);
    expect(await bot.say("!reunión cada miércoles a las 18:30", asMod)).toEqual([
      expect.stringMatching(/^Weekly meeting noted; the next one is Wednesday 25 Nov, 18:30\./),
    ]);
    expect(await bot.say("!meeting weekly thursday", asMod)).toEqual([
      expect.stringMatching(/^I couldn't read “weekly thursday”/),
    ]);
    expect(await bot.say("!meeting weekly 19:00", asMod)).toEqual([
      expect.stringMatching(/^I couldn't read “weekly 19:00”/),
    ]);
  });

  it("leaves a cancelled day out of the schedule, and out of the next meeting other features plan for", async () => {
    await bot.say("!meeting weekly thursday 19:00", asMod);
    await bot.say("!meeting cancel 2026-11-26", asMod);
    expect(nextMeetingAt(roomJobs(bot.db, ROOM, "Europe/Madrid", bot.clock.now))).toBe(
      Date.parse("2026-12-03T18:00:00Z"),
    );
    expect(await bot.say("!schedule")).toEqual([
      "Coming up (times in Europe/Madrid):\n• Thursday 3 Dec, 18:45: gratitude opener before the meeting (repeats)",
    ]);
  });

  it("refuses a meeting typed twice, or a one-off at a weekly meeting's time, pointing at the one there is", async () => {
    await bot.say("!meeting weekly thursday 19:00", asMod);
    expect(await bot.say("!meeting weekly thursday 19:00", asMod)).toEqual([
      "There is a weekly meeting at that time already (next Thursday 26 Nov, 19:00), so I added nothing. See them all with !meetings.",
    ]);
    expect(await bot.say("!meeting weekly jueves 19:00 offline", asMod)).toEqual([
      expect.stringMatching(/^There is a weekly meeting at that time already/),
    ]);
    expect(await bot.say("!meeting 2026-12-10 19:00", asMod)).toEqual([
      expect.stringMatching(/^There is a weekly meeting at that time already/),
    ]);
    await bot.say("!meeting 2026-12-09 18:00", asMod);
    expect(await bot.say("!meeting 2026-12-09 18:00", asMod)).toEqual([
      "There is a meeting at that time already (Wednesday 9 Dec, 18:00), so I added nothing. See them all with !meetings.",
    ]);
    expect(await bot.say("!meeting weekly wednesday 18:00", asMod)).toEqual([
      expect.stringMatching(/^There is a meeting at that time already \(Wednesday 9 Dec/),
    ]);
    // Another time the same day, or a cancelled day's slot, is a meeting of its own.
    expect(await bot.say("!meeting weekly thursday 19:30", asMod)).toEqual([
      expect.stringMatching(/^Weekly meeting noted/),
    ]);
    await bot.say("!meeting cancel 2026-12-17", asMod);
    expect(await bot.say("!meeting 2026-12-17 19:00", asMod)).toEqual([expect.stringMatching(/^Meeting noted/)]);
    expect(bot.db.prepare("SELECT count(*) FROM jobs WHERE kind = 'meeting.opener'").pluck().get()).toBe(4);
    await bot.say("!settings language es", asMod);
    expect(await bot.say("!reunión semanal jueves 19:00", asMod)).toEqual([
      "Ya hay una reunión semanal a esa hora (la próxima el jueves 26 nov, 19:00), así que no añadí nada. Míralas todas con !reuniones.",
    ]);
  });
});
