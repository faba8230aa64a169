import { pino } from "pino";
import { DateTime } from "luxon";
import { renderPlain } from "../../../src/kernel/render-plain.js";
import { allTexts } from "../../../app/app.js";
import { features } from "../../../commands/index.js";
import { Scheduler } from "../../../src/kernel/scheduler/scheduler.js";
import { chooseDecompressionPrompt } from "../../../commands/careplans/rules/index.js";
import { jobsRepo } from "../../../src/kernel/scheduler/jobs.js";
import { roomRhythmRepo } from "../../../commands/tempo/repository.js";
import { createTestBot, ROOM, type TestBot } from "../../support/test-bot.js";

const ANA = "@ana:test.org";
const BO = "@bo:test.org";
const local = (ms: number | null) =>
  ms === null ? null : DateTime.fromMillis(ms, { zone: "Europe/Madrid" }).toFormat("ccc yyyy-MM-dd HH:mm");

describe("care-mirror plans", () => {
  let bot: TestBot;
  beforeEach(() => {
    bot = createTestBot(); // Tuesday 2026-11-24 11:00 Madrid
    bot.transport.join(ROOM, ANA, "Ana");
    bot.transport.join(ROOM, BO, "Bo");
  });
  afterEach(() => bot.close());

  const tickTo = (iso: string) => bot.tickTo(iso);

  it("reads the time in any form the kernel knows, with or without a word before it, in both languages", async () => {
    expect(await bot.say("!careplan walkout in 2 hours")).toEqual([
      expect.stringContaining("Plan #1: walkout, Tuesday 24 Nov, 13:00 to Tuesday 24 Nov, 15:00."),
    ]);
    expect(await bot.say("!careplan picket friday 17:00 for 1h")).toEqual([
      expect.stringContaining("Plan #2: picket, Friday 27 Nov, 17:00 to Friday 27 Nov, 18:00."),
    ]);
    expect(await bot.say("!careplan walkout fridya 17:00")).toEqual([
      expect.stringContaining("I couldn't read “fridya 17:00”"),
    ]);
    expect(await bot.say("!careplan friday 17:00")).toEqual([expect.stringMatching(/^Tell me when, like this/)]);
    await bot.say("!settings language es", { sender: "@mod:test.org" });
    expect(await bot.say("!careplan marcha en 2 horas")).toEqual([
      expect.stringContaining("Plan #3: marcha, del martes 24 nov, 13:00 al martes 24 nov, 15:00."),
    ]);
    expect(await bot.say("!careplan huelga viernes 17:00")).toEqual([
      expect.stringContaining("Plan #4: huelga, del viernes 27 nov, 17:00"),
    ]);
    expect(await bot.say("!careplan huelga el viernes 17:00 durante 3h")).toEqual([
      expect.stringContaining("Plan #5: huelga, del viernes 27 nov, 17:00 al viernes 27 nov, 20:00."),
    ]);
  });

  it("schedules the reminder, the start and the end posts at the right local times", async () => {
    const [reply] = await bot.say("!careplan overtime refusal at friday 17:00 for 2h care solidarity pantry");
    expect(reply).toContain("Plan #1: overtime refusal, Friday 27 Nov, 17:00 to Friday 27 Nov, 19:00.");
    expect(reply).toContain("Care act: solidarity pantry. Still missing: people to carry it: !careplan 1 join.");
    const jobs = jobsRepo(bot.db).byRef(ROOM, "careplan:1");
    expect(jobs.map((j) => [j.kind, local(j.nextRunUtc)])).toEqual([
      ["careplan.reminder", "Thu 2026-11-26 17:00"],
      ["careplan.start", "Fri 2026-11-27 17:00"],
      ["careplan.end", "Fri 2026-11-27 19:00"],
      ["lesson.prompt", "Sat 2026-11-28 09:00"],
    ]);
    expect(await bot.say("!careplan 1 join", { sender: ANA })).toEqual([
      "Thank you, Ana: you carry the care of plan #1.\nCare act: solidarity pantry, carried by Ana.",
    ]);
    expect(await tickTo("2026-11-26T16:00:20Z")).toEqual([
      "Tomorrow: overtime refusal (Friday 27 Nov, 17:00), plan #1.\nCare act: solidarity pantry, carried by Ana.",
    ]);
    expect(await tickTo("2026-11-27T16:00:20Z")).toEqual([
      "overtime refusal starts now, and at the same time its care (plan #1).\nCare act: solidarity pantry, carried by Ana.",
    ]);
    const [endPost] = await tickTo("2026-11-27T18:00:20Z");
    expect(endPost).toMatch(/^overtime refusal is over\. Time to breathe out\.\n.+\nHow are you, really\?/);
  });

  it("refuses a plan longer than a week, and records nothing", async () => {
    expect(await bot.say("!careplan strike at friday 17:00 for 99999h")).toEqual([
      expect.stringMatching(/^A plan covers one action of at most a week\./),
    ]);
    expect(bot.db.prepare("SELECT count(*) FROM careplans").pluck().get()).toBe(0);
  });

  it("lets a volunteer step back from a plan", async () => {
    await bot.say("!careplan overtime refusal at friday 17:00 care solidarity pantry");
    await bot.say("!careplan 1 join", { sender: ANA });
    expect(await bot.say("!careplan 1 leave", { sender: ANA })).toEqual([
      expect.stringMatching(/^No problem, Ana: you're off plan #1\./),
    ]);
    expect(bot.db.prepare("SELECT count(*) FROM careplan_volunteers").pluck().get()).toBe(0);
    expect(await bot.say("!careplan 1 leave", { sender: ANA })).toEqual([
      expect.stringMatching(/^Ana, you weren't carrying plan #1\. To join it: !careplan 1 join/),
    ]);
  });

  it("gives hints in scheduled posts with the configured prefix", async () => {
    await bot.say("!careplan overtime refusal at friday 17:00 for 2h care solidarity pantry");
    const withPrefix = new Scheduler({
      db: bot.db,
      clock: () => bot.clock.now,
      features,
      texts: allTexts(),
      defaults: { language: "en", timezone: "Europe/Madrid" },
      prefix: "?",
      log: pino({ level: "silent" }),
    });
    bot.clock.now = Date.parse("2026-11-27T18:00:20Z");
    withPrefix.tick();
    await bot.sender.drain();
    const endPost = bot.transport.sent.map((m) => renderPlain(m.doc)).find((post) => post.includes("is over."));
    expect(endPost).toMatch(/^overtime refusal is over\./);
    expect(endPost).toContain("?careplan done 1");
    expect(endPost).not.toContain("!careplan");
  });

  it("suggests care acts that the room has not used recently, and lets members pick", async () => {
    await bot.say("!careplan picket at 2026-12-01 08:00 care pantry");
    await bot.say("!careplan rally at 2026-12-02 08:00 care kitchen");
    const [reply] = await bot.say("!careplan walkout at 2026-12-03 08:00");
    expect(reply).toContain("Still missing: a care act");
    expect(reply).toContain("Which care goes with it?");
    expect(reply).not.toMatch(/!careplan 3 care (pantry|kitchen)/);
    expect(await bot.say("!careplan 3 care cocina")).toEqual(["Plan #3 is paired with cooperative kitchen."]);
    expect(await bot.say("!careplan 3 care bicycle workshop")).toEqual(["Plan #3 is paired with bicycle workshop."]);
  });

  it("closing a plan records the volunteers' care in the ledger and cancels its posts", async () => {
    await bot.say("!careplan overtime refusal at friday 17:00 for 2h care rides");
    await bot.say("!careplan 1 join", { sender: ANA });
    await bot.say("!careplan 1 join", { sender: BO });
    bot.clock.now = Date.parse("2026-11-27T16:30:00Z"); // the action has started: any member may close it
    expect(await bot.say("!careplan done 1")).toEqual([
      "Plan #1 is closed. Thank you, Ana and Bo! Your care is in the ledger as #1 (!ledger undo 1 to take it back).",
    ]);
    expect(bot.db.prepare("SELECT what, kind FROM ledger_entries").all()).toEqual([
      { what: "rides for hospital staff during overtime refusal", kind: "transport" },
    ]);
    // Only the morning-after lesson prompt stays: a plan done is one whose lessons are worth asking for.
    expect(
      jobsRepo(bot.db)
        .byRef(ROOM, "careplan:1")
        .map((j) => j.kind),
    ).toEqual(["lesson.prompt"]);
    expect(await bot.say("!careplan 1 join")).toEqual(["Plan #1 is already closed. See all plans with !careplans."]);
    expect(await bot.say("!careplans")).toEqual([
      "Plans in this room:\n• #1 overtime refusal, Friday 27 Nov, 17:00: done",
    ]);
  });

  it("understands Spanish and explains unreadable times", async () => {
    await bot.say("!settings language es", { sender: "@mod:test.org" });
    const [reply] = await bot.say("!careplan negativa a horas extra el viernes 17:00 durante 90m cuidado despensa");
    expect(reply).toContain("Plan #1: negativa a horas extra, del viernes 27 nov, 17:00 al viernes 27 nov, 18:30.");
    expect(await bot.say("!careplan huelga at someday")).toEqual([
      "No entendí “someday” como fecha u hora. Prueba viernes 17:00, mañana 7:00 o 2026-12-04 08:00.",
    ]);
  });

  it("the day before, lists exactly what is still missing", async () => {
    await bot.say("!careplan picket at friday 07:00");
    expect(await tickTo("2026-11-26T06:00:20Z")).toEqual([
      "Tomorrow: picket (Friday 27 Nov, 07:00), plan #1.\nStill missing: a care act (!careplan 1 care …) and people to carry it (!careplan 1 join).",
    ]);
    await bot.say("!careplan 1 join", { sender: ANA });
    expect(await bot.say("!careplan 1")).toEqual([
      "Plan #1: picket, Friday 27 Nov, 07:00 to Friday 27 Nov, 09:00.\nCarried by Ana. Still missing: a care act to go with it: !careplan 1 care ….",
    ]);
  });

  it("calls the care at the action's start with its carers as mentions", async () => {
    await bot.say("!careplan walkout at friday 17:00 care kitchen");
    await bot.say("!careplan 1 join", { sender: ANA });
    await bot.say("!careplan 1 join", { sender: BO });
    expect(await tickTo("2026-11-27T16:00:20Z")).toEqual([
      "walkout starts now, and at the same time its care (plan #1).\nCare act: cooperative kitchen, carried by Ana and Bo.",
    ]);
    const mentioned = JSON.stringify(bot.transport.sent.at(-1)?.doc);
    expect(mentioned).toContain(`{"kind":"mention","person":{"userId":"${ANA}","name":"Ana"}}`);
    expect(mentioned).toContain(`{"kind":"mention","person":{"userId":"${BO}","name":"Bo"}}`);
  });

  it("never offers the same decompression prompt twice in a row", async () => {
    await bot.say("!careplan rally at friday 17:00 for 1h care pantry");
    const endsAt = Date.parse("2026-11-27T17:00:00Z");
    // What the end post would pick without memory of the last one; the room just had that prompt.
    const wouldPick = chooseDecompressionPrompt(null, Math.floor(endsAt / 60_000) + 1);
    roomRhythmRepo(bot.db).setLastDecompression(ROOM, wouldPick, bot.clock.now);
    const endPost = (await tickTo("2026-11-27T17:00:20Z")).find((post) => post.includes("is over."));
    expect(endPost).toContain("rally is over.");
    expect(endPost).not.toContain(allTexts().translator("en").text(`decompression.${wouldPick}`));
    expect(roomRhythmRepo(bot.db).lastDecompression(ROOM, bot.clock.now)).not.toBe(wouldPick);
  });

  it("understands '!careplan 1 done', and thanks carers even without a chosen care act", async () => {
    await bot.say("!careplan banner drop at friday 17:00");
    await bot.say("!careplan 1 join", { sender: BO });
    bot.clock.now = Date.parse("2026-11-27T16:30:00Z"); // the action has started: any member may close it
    expect(await bot.say("!careplan 1 done")).toEqual([
      "Plan #1 is closed. Thank you, Bo! Your care is in the ledger as #1 (!ledger undo 1 to take it back).",
    ]);
    expect(bot.db.prepare("SELECT what, kind FROM ledger_entries").all()).toEqual([
      { what: "care during banner drop", kind: "other" },
    ]);
    await bot.say("!careplan march at saturday 12:00", { sender: ANA });
    expect(await bot.say("!careplan 2 cancel")).toEqual(["Only whoever made plan #2 (or a moderator) can cancel it."]);
    expect(await bot.say("!careplan 2 cancel", { sender: ANA })).toEqual([
      "Plan #2 is cancelled; I won't post about it.",
    ]);
  });

  it("suggests the subcommand meant, with the plan number kept", async () => {
    await bot.say("!careplan overtime refusal at friday 17:00 care solidarity pantry");
    expect(await bot.say("!careplan 1 joni")).toEqual([
      "I don't know !careplan 1 joni. Did you mean !careplan 1 join?",
    ]);
    expect(await bot.say("!careplan 1 leav")).toEqual([
      "I don't know !careplan 1 leav. Did you mean !careplan 1 leave?",
    ]);
  });
});
