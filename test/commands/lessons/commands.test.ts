import { createTestBot, MOD, ROOM, type TestBot } from "../../support/test-bot.js";

const ANA = "@ana:test.org";
const DAY = 86_400_000;
const PLAN = "!careplan overtime refusal at friday 17:00 for 2h care solidarity pantry";
const PROMPT =
  "Good morning. Care plan #1 is behind us: every action leaves data for the next one. Here, in this message's thread:\n• What worked?\n• How did management respond?\n• How did we hold together?\nTo keep a lesson for next time: !lesson 1 two people at each door was enough #picket. Only what someone writes that way is kept.";

const isPrompt = (post: string) => post.startsWith("Good morning. Care plan");

describe("lessons after actions", () => {
  let bot: TestBot;
  beforeEach(() => {
    bot = createTestBot();
    bot.transport.join(ROOM, ANA, "Ana");
  });
  afterEach(() => bot.close());

  it("asks the morning after a care plan's action, in the room's zone, never the same evening", async () => {
    await bot.say(PLAN);
    // The action ends Friday 19:00 Madrid (18:00 UTC): the decompression prompt then, nothing more that evening.
    expect((await bot.tickTo("2026-11-27T18:00:00Z")).some(isPrompt)).toBe(false);
    expect(await bot.tickTo("2026-11-27T22:59:00Z")).toEqual([]);
    expect(await bot.tickTo("2026-11-28T07:59:00Z")).toEqual([]);
    expect(await bot.tickTo("2026-11-28T08:00:00Z")).toEqual([PROMPT]);
  });

  it("moves the prompt with a moved plan and drops it with a cancelled one", async () => {
    await bot.say(PLAN);
    await bot.say("!careplan 1 move to saturday 10:00");
    expect((await bot.tickTo("2026-11-28T08:00:00Z")).some(isPrompt)).toBe(false);
    expect(await bot.tickTo("2026-11-29T08:00:00Z")).toEqual([PROMPT]);
    await bot.say("!careplan overtime refusal at friday 17:00 for 2h care solidarity pantry");
    await bot.say("!careplan 2 cancel");
    expect(bot.db.prepare("SELECT count(*) FROM jobs WHERE ref = 'careplan:2'").pluck().get()).toBe(0);
  });

  it("records lessons for a plan or the latest asked about, lists them and filters by #tag", async () => {
    expect(await bot.say("!lessons")).toEqual([
      "No lessons kept yet. After an action, write one: !lesson two people at each door was enough #picket",
    ]);
    expect(await bot.say("!lesson 99 went well")).toEqual([
      "There is no care plan #99 here: no plan was made yet. Write the lesson without a number. Nothing was kept.",
    ]);
    expect(await bot.say("!lesson kept our heads #calm", { sender: ANA })).toEqual([
      "Lesson #1 is kept. All of them: !lessons.",
    ]);
    await bot.say(PLAN);
    await bot.tickTo("2026-11-28T08:00:00Z");
    expect(await bot.say("!lesson two at each door was enough #Picket", { sender: ANA })).toEqual([
      "Lesson #2 is kept with care plan #1. All of them: !lessons.",
    ]);
    expect(await bot.say("!lesson 7 management blinked first #picket")).toEqual([
      "There is no care plan #7 here. The plans there are: #1 (!careplans). Nothing was kept.",
    ]);
    expect(await bot.say("!lesson 1 management blinked first #picket")).toEqual([
      "Lesson #3 is kept with care plan #1. All of them: !lessons.",
    ]);
    expect(await bot.say("!lessons")).toEqual([
      "3 lessons kept, newest first:\n• #3 (plan 1, Saturday 28 Nov): management blinked first #picket\n• #2 (plan 1, Saturday 28 Nov): two at each door was enough #Picket\n• #1 (Tuesday 24 Nov): kept our heads #calm",
    ]);
    expect(await bot.say("!lessons #picket")).toEqual([
      expect.stringMatching(/^2 lessons kept, newest first:\n• #3 .*\n• #2 [^\n]*$/),
    ]);
    expect(await bot.say("!lessons #nothing")).toEqual(["No lesson is tagged #nothing yet."]);
    expect(await bot.say("!lessons picket")).toEqual([
      "To filter lessons, write a tag with #, like #picket (you wrote “picket”).",
    ]);
    expect(await bot.say("!lesson #only")).toEqual([
      "What did you learn? Write it after the command, like !lesson two people at each door was enough #picket.",
    ]);
  });

  it("carries the previous burst's lessons into the next burst, and only those", async () => {
    await bot.say("!lesson learned before any burst");
    bot.clock.now += 60_000;
    expect(await bot.say("!tempo burst for 2 weeks")).toEqual([expect.not.stringContaining("previous burst")]);
    bot.clock.now += DAY;
    await bot.say("!lesson bring water #picket");
    bot.clock.now += DAY;
    await bot.say("!tempo slow");
    bot.clock.now += DAY;
    await bot.say("!lesson rest counts too");
    bot.clock.now += DAY;
    const [reply] = await bot.say("!tempo burst for 2 weeks");
    expect(reply).toMatch(
      /What the previous burst taught us \(2 lessons\):\n• #2 \(Wednesday 25 Nov\): bring water #picket\n• #3 \(Friday 27 Nov\): rest counts too$/,
    );
    bot.clock.now += DAY;
    const [next] = await bot.say("!tempo burst for 2 weeks");
    expect(next).not.toContain("previous burst");
  });

  it("forgets who wrote a lesson and their name inside it; a wipe removes them", async () => {
    await bot.say("!lesson Ana kept everyone calm", { sender: ANA });
    await bot.say("!tempo burst", { sender: MOD });
    const [preview] = await bot.say("!forget me", { sender: ANA });
    expect(preview).toContain("1 lesson they wrote (the lesson stays; who wrote it goes)");
    await bot.say("!forget me confirm", { sender: ANA });
    expect(bot.db.prepare("SELECT recorded_by || '|' || text FROM lessons").pluck().get()).toBe(
      "|someone kept everyone calm",
    );
    await bot.say("!cell wipe confirm", { sender: MOD });
    expect(
      bot.db
        .prepare(
          "SELECT (SELECT count(*) FROM lessons) + (SELECT count(*) FROM lesson_bursts) + (SELECT count(*) FROM lesson_prompts)",
        )
        .pluck()
        .get(),
    ).toBe(0);
  });

  it("speaks Spanish", async () => {
    await bot.say("!settings language es", { sender: MOD });
    await bot.say(PLAN);
    expect(await bot.tickTo("2026-11-28T08:00:00Z")).toEqual([
      expect.stringMatching(
        /^Buenos días\. El plan de cuidado #1 ya pasó.*\n• ¿Qué funcionó\?\n• ¿Cómo respondió la dirección\?\n• ¿Cómo nos sostuvimos juntas\?\nPara guardar una lección para la próxima vez: !lección 1 /,
      ),
    ]);
    expect(await bot.say("!lección bastó con dos por puerta #piquete")).toEqual([
      "La lección #1 queda guardada con el plan de cuidado #1. Todas: !lecciones.",
    ]);
    expect(await bot.say("!lecciones #piquete")).toEqual([
      "1 lección guardada:\n• #1 (plan 1, sábado 28 nov): bastó con dos por puerta #piquete",
    ]);
  });
});
