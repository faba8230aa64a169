import { renderPlain } from "../../src/kernel/render-plain.js";
import { createTestBot, MOD, ROOM, type TestBot } from "../support/test-bot.js";

const ANA = "@ana:test.org";
const BO = "@bo:test.org";
const HOUR = 3_600_000;

describe("a room through three weeks and a half", () => {
  let bot: TestBot;
  const posts: string[] = [];

  beforeAll(() => {
    bot = createTestBot({ now: Date.parse("2026-11-24T10:00Z") }); // Tuesday 11:00 Madrid
    bot.transport.join(ROOM, ANA, "Ana");
    bot.transport.join(ROOM, BO, "Bo");
  });
  afterAll(() => bot.close());

  /** Moves time forward in 10-minute ticks, as the real timer would, collecting scheduled posts. */
  async function live(untilIso: string): Promise<string[]> {
    const before = bot.transport.sent.length;
    const until = Date.parse(untilIso);
    while (bot.clock.now < until) {
      bot.clock.now = Math.min(until, bot.clock.now + HOUR / 6);
      bot.scheduler.tick();
    }
    await bot.sender.drain();
    const fresh = bot.transport.sent.slice(before).map((m) => renderPlain(m.doc));
    posts.push(...fresh);
    return fresh;
  }

  it("runs roles, an absence, a skip, a care plan, a meeting and the tempo", async () => {
    const mod = { sender: MOD };
    await bot.say("!role add facilitator", mod);
    await bot.say("!role order facilitator @ana @bo @mod", mod);
    await bot.say("!meeting weekly thursday 19:00", mod);
    await bot.say("!tempo burst until 2026-12-12", mod);
    await bot.say("!ledger thanks @bo drove 3 nurses to the night shift");
    await bot.say("!careplan overtime refusal at 2026-12-04 17:00 for 2h care rides", { sender: ANA });
    await bot.say("!careplan 1 join", { sender: BO });
    expect(await bot.say("!away until 2026-12-06", { sender: BO })).toHaveLength(1);

    const schedule = (await bot.say("!schedule"))[0] ?? "";
    expect(schedule.split("\n")).toEqual([
      "Coming up (times in Europe/Madrid):",
      "• Thursday 26 Nov, 18:45: gratitude opener before the meeting (repeats)",
      "• Monday 30 Nov, 09:00: roles of the week (repeats)",
      "• Thursday 3 Dec, 17:00: reminder for plan #1",
      "• Friday 4 Dec, 17:00: care-mirror call for plan #1",
      "• Friday 4 Dec, 19:00: decompression after plan #1",
      "• Saturday 5 Dec, 09:00: what did we learn from plan #1?",
    ]);

    // Week 1: the meeting opener names the week's givers and keeps the burst's focus on action.
    const week1 = await live("2026-11-27T00:00Z");
    expect(week1).toEqual([
      "Before we begin, thanks for this week's care:\n• Bo: drove 3 nurses to the night shift\nToday's focus: the next action, and who needs support to take part.",
    ]);

    // Monday: Ana hands over; Bo is away, so Mo takes the turn and Bo keeps his place.
    const monday1 = await live("2026-11-30T12:00Z");
    expect(monday1[0]).toContain("• facilitator: Mo until Monday 7 Dec, 09:00, then Bo");
    expect(monday1[0]).toContain("• Ana hands facilitator over to Mo. Thank you, Ana!");

    // Mo cannot make it and skips: Ana takes over, since Bo is still away.
    expect(await bot.say("!rotation skip facilitator", mod)).toEqual([
      "• Mo hands facilitator over to Ana. Thank you, Mo!",
    ]);

    // The care plan: reminder the day before, the call at the start, decompression at the end.
    const planWeek = await live("2026-12-05T00:00Z");
    expect(planWeek.filter((t) => t.startsWith("Tomorrow:"))).toEqual([
      "Tomorrow: overtime refusal (Friday 4 Dec, 17:00), plan #1.\nCare act: rides for hospital staff, carried by Bo.",
    ]);
    expect(planWeek.filter((t) => t.includes("starts now"))).toHaveLength(1);
    expect(planWeek.filter((t) => t.includes("is over. Time to breathe out."))).toHaveLength(1);
    expect(planWeek.filter((t) => t.startsWith("Before we begin"))).toHaveLength(1);
    expect(await bot.say("!careplan done 1", { sender: ANA })).toEqual([
      "Plan #1 is closed. Thank you, Bo! Your care is in the ledger as #2 (!ledger undo 2 to take it back).",
    ]);

    // Monday of week 3: Bo is back and takes his turn.
    const monday2 = await live("2026-12-07T12:00Z");
    const announcement = monday2.find((t) => t.startsWith("Roles this week")) ?? "";
    expect(announcement).toContain("• facilitator: Bo until Monday 14 Dec, 09:00");
    expect(announcement).toContain("• Ana hands facilitator over to Bo. Thank you, Ana!");

    // After the burst's planned end the room is in a slow phase, and the opener turns to learning.
    const week3 = await live("2026-12-18T00:00Z");
    const openers = week3.filter((t) => t.startsWith("Before we begin"));
    expect(openers[0]).toContain("Today's focus: the next action");
    expect(openers[1]).toContain("Slow phase: a good time to learn together.");
    const [tempo] = await bot.say("!tempo");
    expect(tempo).toMatch(/^Phase: slow, for 5 days \(since Sunday 13 Dec\)\./);
    expect(tempo).toContain("Next new moon: ");

    // Three Monday announcements, four weekly openers, three plan posts: nothing twice.
    expect(posts.filter((t) => t.startsWith("Roles this week"))).toHaveLength(3);
    expect(posts.filter((t) => t.startsWith("Before we begin"))).toHaveLength(4);
    expect(new Set(bot.transport.sent.map((m) => m.key)).size).toBe(bot.transport.sent.length);
  });
});
