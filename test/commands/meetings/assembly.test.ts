import type { Doc } from "../../../src/kernel/doc.js";
import { createTestBot, MOD, type TestBot } from "../../support/test-bot.js";

const asMod = { sender: MOD };
const docsSince = (bot: TestBot, from: number): Doc[] => bot.transport.sent.slice(from).map((m) => m.doc);

describe("monthly assembly", () => {
  let bot: TestBot;
  beforeEach(() => {
    bot = createTestBot(); // Tuesday 2026-11-24 11:00 Madrid
    bot.transport.join("!cell:test.org", "@jose:test.org", "José");
    bot.transport.join("!cell:test.org", "@alena:test.org", "Алёна");
  });
  afterEach(() => bot.close());

  it("schedules the first Monday, then posts last month's digest and poster an hour before", async () => {
    expect(await bot.say("!assembly monthly first monday 19:00", asMod)).toEqual([
      "Monthly assembly noted; the next one is Monday 7 Dec, 19:00. I'll post last month's care digest and poster 60 minutes before.",
    ]);
    await bot.say("!ledger thanks @jose cooked 40 meals");
    await bot.say("!ledger thanks @alena drove 3 nurses #transport");
    expect(await bot.say("!schedule")).toEqual([
      expect.stringContaining("the month's care digest and poster, before the assembly (repeats)"),
    ]);
    expect(await bot.tickTo("2026-12-07T16:59:00Z")).toEqual([]);
    const before = bot.transport.sent.length;
    const posted = await bot.tickTo("2026-12-07T17:00:20Z"); // 18:00 in Madrid (CET, UTC+1)
    expect(posted[0]).toMatch(/^For the assembly: care given in November 2026\nfood\n• José: cooked 40 meals\n/);
    const [, poster] = docsSince(bot, before);
    expect(poster!.attachment).toMatchObject({
      fileName: "care-poster-2026-11.png",
      mimeType: "image/png",
      image: { width: 1200 },
    });
    expect(posted).toHaveLength(2);
  });

  it("follows the room's zone and its summer time", async () => {
    await bot.say("!settings timezone America/New_York", asMod);
    await bot.say("!assembly monthly first monday 19:00", asMod);
    // 18:00 in New York: EST (UTC-5) in December, EDT (UTC-4) from 8 March 2027.
    expect(await bot.tickTo("2026-12-07T23:00:20Z")).toHaveLength(1);
    expect(await bot.tickTo("2027-03-01T23:00:20Z")).toHaveLength(1);
    expect(await bot.tickTo("2027-04-05T21:59:00Z")).toEqual([]);
    expect(await bot.tickTo("2027-04-05T22:00:20Z")).toEqual([
      expect.stringMatching(/^For the assembly: care given in March 2027/),
    ]);
  });

  it("explains what to type, speaks Spanish, and can be switched off", async () => {
    expect(await bot.say("!assembly monthly fifth monday 19:00", asMod)).toEqual([
      "I couldn't read “monthly fifth monday 19:00”. Try !assembly monthly first monday 19:00 (first, second, third, fourth or last; add offline to leave phones outside).",
    ]);
    await bot.say("!settings language es", asMod);
    expect(await bot.say("!asamblea mensual último viernes 18:30", asMod)).toEqual([
      expect.stringMatching(/^Asamblea mensual apuntada; la próxima es el viernes 27 nov, 18:30\./),
    ]);
    expect(await bot.say("!asamblea cancelar", asMod)).toEqual([
      "La asamblea mensual queda desactivada: no publicaré su resumen ni su cartel.",
    ]);
    expect(await bot.tickTo("2026-11-27T16:30:20Z")).toEqual([]);
  });
});

describe("offline meetings", () => {
  let bot: TestBot;
  beforeEach(() => {
    bot = createTestBot();
  });
  afterEach(() => bot.close());

  it("reminds people to leave phones outside, and says nothing once the meeting has begun", async () => {
    const [noted] = await bot.say("!meeting weekly thursday 19:00 offline", asMod);
    expect(noted).toMatch(/^Weekly meeting noted; the next one is Thursday 26 Nov, 19:00\..*\nIt's an offline meeting/);
    const [opener] = await bot.tickTo("2026-11-26T17:45:20Z");
    expect(opener).toMatch(
      /\nThis is an offline meeting: please leave your phone outside, switched off\. See you there\.$/,
    );
    // The bot was down through the next opener and wakes during the meeting: it stays quiet.
    expect(await bot.tickTo("2026-12-03T18:05:00Z")).toEqual([]);
    expect(await bot.tickTo("2026-12-10T17:45:20Z")).toHaveLength(1);
  });

  it("keeps an ordinary meeting's late opener, and an offline assembly's reminder", async () => {
    await bot.say("!meeting weekly thursday 19:00", asMod);
    expect(await bot.tickTo("2026-11-26T18:05:00Z")).toHaveLength(1);
    await bot.say("!reunión semanal jueves 19:30 presencial", asMod);
    // Two meetings that Thursday now: only the offline one asks for phones to stay outside.
    const openers = [...(await bot.tickTo("2026-12-03T17:45:20Z")), ...(await bot.tickTo("2026-12-03T18:15:20Z"))];
    expect(openers.map((o) => o.includes("leave your phone outside"))).toEqual([false, true]);
    await bot.say("!assembly monthly first monday 19:00 offline", asMod);
    const posted = await bot.tickTo("2026-12-07T17:00:20Z");
    expect(posted.at(-1)).toBe(
      "This is an offline meeting: please leave your phone outside, switched off. See you there.",
    );
    expect(await bot.tickTo("2027-01-04T18:01:00Z")).toEqual([]);
  });
});
