import { jobsRepo } from "../../../src/kernel/scheduler/jobs.js";
import { createTestBot, MOD, ROOM, type TestBot } from "../../support/test-bot.js";

// What a committee trips over: plans hidden from the list, plans closed too early, "care" inside an action.
const ANA = "@ana:test.org";
const BO = "@bo:test.org";

describe("care plans, as a committee really uses them", () => {
  let bot: TestBot;
  beforeEach(() => {
    bot = createTestBot(); // Tuesday 2026-11-24 11:00 Madrid
    bot.transport.join(ROOM, ANA, "Ana");
    bot.transport.join(ROOM, BO, "Bo");
  });
  afterEach(() => bot.close());

  const jobKinds = (plan: number) =>
    jobsRepo(bot.db)
      .byRef(ROOM, `careplan:${plan}`)
      .map((j) => j.kind);

  it("lists open plans first and says how many more there are, and how to see them", async () => {
    for (let day = 1; day <= 12; day++)
      await bot.say(`!careplan picket ${day} at 2026-12-${String(day).padStart(2, "0")} 08:00`);
    // Closed plans must not push open ones off the first page.
    for (let n = 1; n <= 3; n++) await bot.say(`!careplan ${n} cancel`);
    await bot.say("!careplan last walkout at 2026-12-20 08:00");
    const [first] = await bot.say("!careplans");
    const lines = first!.split("\n");
    expect(lines[0]).toBe("Plans in this room (page 1 of 2):");
    expect(lines.slice(1, 11).every((line) => !line.endsWith("cancelled"))).toBe(true);
    expect(lines[1]).toContain("#4 picket 4");
    expect(lines[10]).toContain("#13 last walkout");
    expect(lines[11]).toBe("…and 3 more: !careplans 2");
    const [second] = await bot.say("!careplans 2");
    expect(second).toBe(
      "Plans in this room (page 2 of 2):\n• #3 picket 3, Thursday 3 Dec, 08:00: cancelled\n• #2 picket 2, Wednesday 2 Dec, 08:00: cancelled\n• #1 picket 1, Tuesday 1 Dec, 08:00: cancelled",
    );
    expect(await bot.say("!careplans 5")).toEqual(["There is no page 5: there are 2. Start with !careplans."]);
    await bot.say("!settings language es", { sender: MOD });
    expect((await bot.say("!planes"))[0]).toContain("…y 3 más: !planes 2");
  });

  it("does not let a member close a plan before it starts, and asks its maker to confirm", async () => {
    await bot.say("!careplan overtime refusal at friday 17:00 care pantry", { sender: ANA });
    await bot.say("!careplan 1 join", { sender: BO });
    expect(await bot.say("!careplan 1 done", { sender: BO })).toEqual([
      "Plan #1 starts Friday 27 Nov, 17:00, so its care hasn't happened yet. Anyone can close it once it has started; before that, only whoever made it or a moderator.",
    ]);
    expect(await bot.say("!careplan 1 done", { sender: ANA })).toEqual([
      "Plan #1 hasn't started yet (Friday 27 Nov, 17:00). If its care really happened already, close it with !careplan done 1 confirm; if it's off, !careplan cancel 1.",
    ]);
    expect(bot.db.prepare("SELECT count(*) FROM ledger_entries").pluck().get()).toBe(0);
    expect(jobKinds(1)).toEqual(["careplan.reminder", "careplan.start", "careplan.end", "lesson.prompt"]);
    expect(await bot.say("!careplan 1 done confirm", { sender: ANA })).toEqual([
      "Plan #1 is closed. Thank you, Bo! Your care is in the ledger as #1 (!ledger undo 1 to take it back).",
    ]);
    bot.clock.now = Date.parse("2026-11-27T16:30:00Z");
    await bot.say("!careplan rally at saturday 12:00", { sender: ANA });
    expect(await bot.say("!careplan 2 done", { sender: BO })).toEqual([
      "Plan #2 starts Saturday 28 Nov, 12:00, so its care hasn't happened yet. Anyone can close it once it has started; before that, only whoever made it or a moderator.",
    ]);
  });

  it("lets the maker or a moderator reopen a closed plan: ledger entry taken back, future posts back", async () => {
    await bot.say("!careplan overtime refusal at friday 17:00 care pantry", { sender: ANA });
    await bot.say("!careplan 1 join", { sender: BO });
    await bot.say("!careplan 1 done confirm", { sender: ANA });
    bot.clock.now = Date.parse("2026-11-26T17:00:00Z"); // the day-before reminder is past now
    expect(await bot.say("!careplan 1 reopen", { sender: BO })).toEqual([
      "Only whoever made plan #1 (or a moderator) can open it again.",
    ]);
    expect(await bot.say("!careplan 1 reopen", { sender: ANA })).toEqual([
      "Plan #1 is open again, and ledger entry #1 is taken back. Its posts still ahead are back on the schedule.",
    ]);
    expect(bot.db.prepare("SELECT status FROM ledger_entries").pluck().all()).toEqual(["undone"]);
    expect(jobKinds(1)).toEqual(["careplan.start", "careplan.end", "lesson.prompt"]);
    expect(await bot.say("!careplan 1 reopen", { sender: ANA })).toEqual([
      "Plan #1 is still open. See it with !careplan 1.",
    ]);
    await bot.say("!careplan 1 cancel", { sender: ANA });
    await bot.say("!settings language es", { sender: MOD });
    expect(await bot.say("!careplan 1 reabrir", { sender: MOD })).toEqual([
      "El plan #1 está abierto de nuevo. Sus avisos pendientes vuelven a la agenda.",
    ]);
  });

  it("reads 'care' inside an action as part of it, and the care marker after the time", async () => {
    expect((await bot.say("!careplan health care march at friday 18:00"))[0]).toMatch(
      /^Plan #1: health care march, Friday 27 Nov, 18:00 to Friday 27 Nov, 20:00\.\nStill missing: a care act/,
    );
    expect((await bot.say("!careplan rally at the health care centre at friday 18:00 care kitchen"))[0]).toMatch(
      /^Plan #2: rally at the health care centre, Friday 27 Nov, 18:00 to .*\nCare act: cooperative kitchen\./,
    );
    expect(await bot.say("!careplan march at someday care pantry")).toEqual([
      "I couldn't read “someday” as a date or time. Try friday 17:00, tomorrow 7am or 2026-12-04 08:00.",
    ]);
    await bot.say("!settings language es", { sender: MOD });
    expect((await bot.say("!careplan marcha por el cuidado mutuo el viernes 18:00 cuidado cocina"))[0]).toMatch(
      /^Plan #3: marcha por el cuidado mutuo, del viernes 27 nov, 18:00 .*\nActo de cuidado: cocina cooperativa\./,
    );
  });

  it("says a plan needs a duration when it is zero", async () => {
    expect(await bot.say("!careplan picket at friday 18:00 for 0m")).toEqual([
      "A plan needs a duration longer than zero, like !careplan … for 2h; without one it lasts 2 hours.",
    ]);
    await bot.say("!settings language es", { sender: MOD });
    expect(await bot.say("!careplan piquete el viernes 18:00 durante 0h cuidado despensa")).toEqual([
      "Un plan necesita una duración mayor que cero, por ejemplo !plan … durante 2h; sin ella dura 2 horas.",
    ]);
  });

  it("says a care act's name is too short instead of something missing", async () => {
    expect(await bot.say("!careplan catalog add x")).toEqual([
      "A care act's name needs at least 2 letters, like !careplan catalog add bicycle workshop.",
    ]);
    await bot.say("!settings language es", { sender: MOD });
    expect(await bot.say("!careplan catálogo añadir x")).toEqual([
      "El nombre de un acto de cuidado necesita al menos 2 letras, por ejemplo !plan catálogo añadir taller de bicis.",
    ]);
  });

  it("moves a plan and its posts, for its maker or a moderator", async () => {
    await bot.say("!careplan picket at friday 07:00", { sender: ANA });
    await bot.say("!careplan rally at friday 17:00 for 3h", { sender: ANA });
    expect(await bot.say("!careplan 2 move to saturday 10:00", { sender: BO })).toEqual([
      "Only whoever made plan #2 (or a moderator) can move it. Ask them, or a moderator.",
    ]);
    expect(await bot.say("!careplan 2 move to saturday 10:00", { sender: ANA })).toEqual([
      "Plan #2 moved: rally, Saturday 28 Nov, 10:00 to Saturday 28 Nov, 13:00. Its reminder and calls move with it.",
    ]);
    const at = (kind: string) =>
      jobsRepo(bot.db)
        .byRef(ROOM, "careplan:2")
        .find((j) => j.kind === kind)?.nextRunUtc;
    expect(at("careplan.reminder")).toBe(Date.parse("2026-11-27T09:00:00Z"));
    expect(at("careplan.start")).toBe(Date.parse("2026-11-28T09:00:00Z"));
    expect(at("careplan.end")).toBe(Date.parse("2026-11-28T12:00:00Z"));
    await bot.say("!settings language es", { sender: MOD });
    expect(await bot.say("!careplan 2 mover al domingo 11:00", { sender: MOD })).toEqual([
      "Plan #2 movido: rally, del domingo 29 nov, 11:00 al domingo 29 nov, 14:00. Su recordatorio y sus llamadas se mueven con él.",
    ]);
    // The room's reader: a length of time, and slash dates day first in a Spanish room.
    expect(await bot.say("!careplan 2 mover en 2 horas", { sender: MOD })).toEqual([
      expect.stringContaining("del martes 24 nov, 13:00"),
    ]);
    expect(await bot.say("!careplan 2 mover al 5/12 18:00", { sender: MOD })).toEqual([
      expect.stringContaining("del sábado 5 dic, 18:00"),
    ]);
    expect(await bot.say("!careplan 2 mover al 2020-01-01 10:00", { sender: MOD })).toEqual([
      expect.stringMatching(/^El miércoles 1 ene 2020, 10:00 ya pasó/),
    ]);
  });
});
