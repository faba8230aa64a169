import { renderPlain } from "../../../src/kernel/render-plain.js";
import { jobsRepo } from "../../../src/kernel/scheduler/jobs.js";
import { readToAssembly, readToCell, VERSION } from "../../../commands/federation/protocol/wire.js";
import { createTestBot, MOD, ROOM, type TestBot } from "../../support/test-bot.js";

/** Three cells and their assembly in one Tandem: Riverside (ROOM), Hilltop and Lakeside. Tuesday 24 Nov 2026, 11:00 Madrid. */
const HILLTOP = "!other:test.org";
const LAKESIDE = "!third:test.org";
const HALL = "!hall:test.org";
const CELLS = [ROOM, HILLTOP, LAKESIDE] as const;
const ANA = "@ana:test.org";

describe("days of action across cells in one Tandem", () => {
  let bot: TestBot;
  const at = (roomId: string, sender = MOD) => ({ roomId, sender });
  const codeIn = (reply: string | undefined) => /Join code: (\S+)/.exec(reply ?? "")?.[1] ?? "";
  const mark = () => bot.transport.sent.length;
  /** What a room was sent from message `from` on, as plain text. */
  const plainIn = (room: string, from = 0) =>
    bot.transport.sent
      .slice(from)
      .filter((m) => m.roomId === room)
      .map((m) => renderPlain(m.doc));
  const count = (sql: string, ...params: unknown[]) =>
    bot.db
      .prepare(sql)
      .pluck()
      .get(...params) as number;

  beforeEach(async () => {
    bot = createTestBot();
    for (const cell of [HILLTOP, LAKESIDE]) bot.transport.join(cell, MOD, "Mo", 50);
    bot.transport.join(ROOM, ANA, "Ana", 50);
    bot.transport.join(HALL, MOD, "Mo", 50);
    await bot.say("!assembly start Care workers north", at(HALL));
    for (const [room, pseudonym] of [
      [ROOM, "Riverside"],
      [HILLTOP, "Hilltop"],
      [LAKESIDE, "Lakeside"],
    ] as const) {
      await bot.say(`!federate ${codeIn((await bot.say("!assembly invite", at(HALL)))[0])} as ${pseudonym}`, at(room));
    }
  });
  afterEach(() => bot.close());

  const PROPOSAL =
    "The assembly Care workers north proposes action 1: refuse overtime, Friday 27 Nov, 17:00 to Friday 27 Nov, 19:00.\nIf this cell is in, a moderator types !action 1 join, or !action 1 join with care pantry to pair it with care. Only “one more cell is in” reaches the assembly, and this cell gets its own care plan.";
  const propose = () => bot.say("!action propose refuse overtime friday 17:00 for 2h", at(HALL));

  it("proposes a window in the assembly, and every linked cell hears it in its own room", async () => {
    const before = mark();
    expect((await propose()).at(-1)).toBe(
      "Action 1 went to every linked cell: refuse overtime, Friday 27 Nov, 17:00 to Friday 27 Nov, 19:00. Each cell decides on its own; here you will only see how many are in, never which: !actions",
    );
    for (const cell of CELLS) expect(plainIn(cell, before)).toEqual([PROPOSAL]);
    expect(await bot.say("!actions", at(HILLTOP))).toEqual([
      "Actions ahead\n• Action 1: refuse overtime, Friday 27 Nov, 17:00. To join: !action 1 join",
    ]);
    // A cell that links later hears the actions still ahead.
    const LATE = "!late:test.org";
    bot.transport.join(LATE, MOD, "Mo", 50);
    const later = mark();
    await bot.say(`!federate ${codeIn((await bot.say("!assembly invite", at(HALL)))[0])} as Brookside`, at(LATE));
    expect(plainIn(LATE, later)[0]).toBe(PROPOSAL);
  });

  it("gives each cell that joins its own care plan, and shows the assembly only how many are in", async () => {
    await propose();
    const before = mark();
    expect(await bot.say("!action 1 join with care pantry", at(ROOM, ANA))).toEqual([
      "This cell is in action 1: refuse overtime, Friday 27 Nov, 17:00. The assembly Care workers north learns only that one more cell is in. Care plan #1 carries it here: a reminder the day before, the start call with its care, a breath after.\nWho carries its care: !careplan 1 join",
    ]);
    // Nothing is said anywhere else: not in the assembly, not in the other cells.
    expect(bot.transport.sent.slice(before).filter((m) => m.roomId !== ROOM)).toEqual([]);
    expect(await bot.say("!actions", at(HALL))).toEqual([
      "Actions ahead\n• Action 1: refuse overtime, Friday 27 Nov, 17:00. Cells in: fewer than 3",
    ]);
    expect(await bot.say("!action 1 join", at(HILLTOP))).toEqual([
      expect.stringContaining(
        "Care plan #1 carries it here: a reminder the day before, the start call with its care, a breath after.\nPair it with a care act, like !careplan 1 care pantry, and join its care with !careplan 1 join",
      ),
    ]);
    expect(await bot.say("!actions", at(HALL))).toEqual([expect.stringContaining("Cells in: fewer than 3")]);
    await bot.say("!action 1 join", at(LAKESIDE));
    expect(await bot.say("!actions", at(HALL))).toEqual([expect.stringContaining("Cells in: 3")]);
    // The assembly's view names no cell.
    expect((await bot.say("!actions", at(HALL)))[0]).not.toMatch(/Riverside|Hilltop|Lakeside/);
    expect(await bot.say("!action 1 join", at(ROOM))).toEqual([
      "This cell is in action 1 already, with care plan #1: !careplan 1",
    ]);
    expect(await bot.say("!actions", at(ROOM))).toEqual([
      "Actions ahead\n• Action 1: refuse overtime, Friday 27 Nov, 17:00. This cell is in (care plan #1).",
    ]);
    expect(
      jobsRepo(bot.db)
        .byRef(ROOM, "careplan:1")
        .map((j) => j.kind),
    ).toEqual(["careplan.reminder", "careplan.start", "careplan.end", "lesson.prompt"]);

    // At the window each cell's own plan speaks in its own room, its care act with it.
    const window = mark();
    await bot.tickTo("2026-11-26T16:00:20Z");
    await bot.tickTo("2026-11-27T16:00:20Z");
    expect(plainIn(ROOM, window)).toEqual([
      "Tomorrow: refuse overtime (Friday 27 Nov, 17:00), plan #1.\nCare act: solidarity pantry. Still missing: people to carry it: !careplan 1 join.",
      "refuse overtime starts now, and at the same time its care (plan #1).\nCare act: solidarity pantry. Still missing: people to carry it: !careplan 1 join.",
    ]);
    for (const cell of [HILLTOP, LAKESIDE])
      expect(plainIn(cell, window).at(-1)).toMatch(/^refuse overtime starts now, and at the same time its care/);
    // The assembly hears that it starts, and how many cells are in: never which.
    expect(plainIn(HALL, window)).toEqual([
      "Action 1 starts now: refuse overtime. Cells in: 3. Strength to every one of them.",
    ]);
    const after = mark();
    await bot.tickTo("2026-11-27T18:00:20Z");
    for (const cell of CELLS)
      expect(plainIn(cell, after)[0]).toMatch(/^refuse overtime is over\. Time to breathe out\./);
    // Once it started, nobody joins or steps out any more; it is gone from the list when it is over.
    bot.clock.now = Date.parse("2026-11-27T16:30:00Z");
    expect(await bot.say("!action 1 withdraw", at(ROOM))).toEqual([
      "Action 1 has started already: joining and stepping out are for before it starts.",
    ]);
    bot.clock.now = Date.parse("2026-11-27T19:30:00Z");
    expect(await bot.say("!actions", at(ROOM))).toEqual(["No action ahead from the assembly."]);
  });

  it("lets a cell withdraw before the window, silently, its care plan with it", async () => {
    await propose();
    for (const cell of CELLS) await bot.say("!action 1 join", at(cell));
    const before = mark();
    expect(await bot.say("!action 1 withdraw", at(LAKESIDE))).toEqual([
      "This cell is out of action 1, and care plan #1 is cancelled. The assembly counts one cell fewer, never which.",
    ]);
    expect(bot.transport.sent.slice(before).filter((m) => m.roomId !== LAKESIDE)).toEqual([]);
    expect(await bot.say("!actions", at(HALL))).toEqual([expect.stringContaining("Cells in: fewer than 3")]);
    expect(bot.db.prepare("SELECT status FROM careplans WHERE room_id = ?").pluck().get(LAKESIDE)).toBe("cancelled");
    expect(await bot.say("!action 1 withdraw", at(LAKESIDE))).toEqual([
      "This cell is not in action 1. To join it: !action 1 join",
    ]);
    // Joining again makes a new plan; stepping out again leaves the others' count as it was.
    expect(await bot.say("!action 1 join", at(LAKESIDE))).toEqual([expect.stringContaining("Care plan #2")]);
    expect(await bot.say("!actions", at(HALL))).toEqual([expect.stringContaining("Cells in: 3")]);
    await bot.say("!action 1 withdraw", at(LAKESIDE));
    const window = mark();
    await bot.tickTo("2026-11-26T16:00:20Z");
    await bot.tickTo("2026-11-27T16:00:20Z");
    expect(plainIn(LAKESIDE, window)).toEqual([]);
    expect(plainIn(HALL, window)).toEqual([
      "Action 1 starts now: refuse overtime. Cells in: fewer than 3. Strength to every one of them.",
    ]);
    expect(plainIn(HILLTOP, window)).toHaveLength(2);
  });

  it("counts a cell out when the care plan of its action is cancelled, as silently as withdrawing", async () => {
    await propose();
    for (const cell of CELLS) await bot.say("!action 1 join", at(cell));
    // A plan of the cell's own, made with !careplan, is none of the action's business.
    await bot.say("!careplan picket friday 9:00", at(LAKESIDE));
    expect(await bot.say("!careplan 2 cancel", at(LAKESIDE))).toEqual(["Plan #2 is cancelled; I won't post about it."]);
    expect(await bot.say("!actions", at(HALL))).toEqual([expect.stringContaining("Cells in: 3")]);
    const before = mark();
    expect(await bot.say("!careplan 1 cancel", at(LAKESIDE))).toEqual([
      "Plan #1 is cancelled; I won't post about it.\nIt carried action 1: this cell is out of it now. The assembly counts one cell fewer, never which.",
    ]);
    expect(bot.transport.sent.slice(before).filter((m) => m.roomId !== LAKESIDE)).toEqual([]);
    expect(await bot.say("!actions", at(HALL))).toEqual([expect.stringContaining("Cells in: fewer than 3")]);
    expect(await bot.say("!actions", at(LAKESIDE))).toEqual([
      "Actions ahead\n• Action 1: refuse overtime, Friday 27 Nov, 17:00. To join: !action 1 join",
    ]);
    // In again with a new plan; once the action started, cancelling a plan no longer changes the count.
    expect(await bot.say("!action 1 join", at(LAKESIDE))).toEqual([expect.stringContaining("Care plan #3")]);
    const window = mark();
    await bot.tickTo("2026-11-27T16:00:20Z");
    expect(plainIn(HALL, window)).toEqual([expect.stringContaining("Cells in: 3.")]);
    expect(await bot.say("!careplan 3 cancel", at(LAKESIDE))).toEqual(["Plan #3 is cancelled; I won't post about it."]);
    expect(count("SELECT count(*) FROM federation_action_cells WHERE number = 1")).toBe(3);
  });

  it("takes a cell that leaves the federation out of its actions", async () => {
    await propose();
    for (const cell of CELLS) await bot.say("!action 1 join", at(cell));
    expect(await bot.say("!actions", at(HALL))).toEqual([expect.stringContaining("Cells in: 3")]);
    await bot.say("!federation leave", at(HILLTOP));
    expect(await bot.say("!actions", at(HALL))).toEqual([expect.stringContaining("Cells in: fewer than 3")]);
    expect(bot.db.prepare("SELECT status FROM careplans WHERE room_id = ?").pluck().get(HILLTOP)).toBe("cancelled");
    expect(count("SELECT count(*) FROM federation_actions_heard WHERE cell_room = ?", HILLTOP)).toBe(0);
    expect(jobsRepo(bot.db).byRef(HILLTOP, "careplan:1")).toEqual([]);
  });

  it("refuses what cannot be done, and records nothing", async () => {
    expect(await bot.say("!action propose refuse overtime friday 17:00", at(ROOM))).toEqual([
      "Actions are proposed in the assembly's room. Here you see those proposed with !actions",
    ]);
    expect(await bot.say("!action propose friday 17:00", at(HALL))).toEqual([
      "Tell me the action and when, like this: !action propose refuse overtime friday 17:00 for 2h",
    ]);
    expect(await bot.say("!action propose strike friday 17:00 for 9999h", at(HALL))).toEqual([
      "An action lasts more than nothing and at most a week, like !action propose refuse overtime friday 17:00 for 2h",
    ]);
    expect(await bot.say("!action propose strike today 9:00", at(HALL))).toEqual([
      "Tuesday 24 Nov, 09:00 has already passed. Give a time in the future.",
    ]);
    expect(await bot.say("!action propose refuse overtime friday 17:00 care pantry", at(HALL))).toEqual([
      "Each cell pairs its own care with the action when it joins (!action 1 join with care pantry). Propose just the action and its time.",
    ]);
    expect(await bot.say("!action 9 join", at(ROOM))).toEqual([
      "No action 9 has reached this cell. The actions ahead: !actions",
    ]);
    expect(await bot.say("!action 1 join", at(ROOM, "@someone:test.org"))).toEqual([
      expect.stringMatching(/moderator/i),
    ]);
    expect(count("SELECT count(*) FROM careplans")).toBe(0);
    expect(count("SELECT count(*) FROM federation_actions")).toBe(0);
    const UNLINKED = "!alone:test.org";
    bot.transport.join(UNLINKED, MOD, "Mo", 50);
    expect((await bot.say("!action 1 join", at(UNLINKED)))[0]).toMatch(/not linked|assembly/i);
  });

  it("speaks Spanish: !acción proponer and !acción 3 unirse", async () => {
    await bot.say("!settings language es", at(HALL));
    await bot.say("!settings language es", at(ROOM));
    const before = mark();
    expect(
      (await bot.say("!acción proponer negarnos a las horas extra el viernes a las 17:00 durante 2h", at(HALL))).at(-1),
    ).toBe(
      "La acción 1 llegó a todas las células enlazadas: negarnos a las horas extra, del viernes 27 nov, 17:00 al viernes 27 nov, 19:00. Cada célula decide por su cuenta; aquí solo verás cuántas se suman, nunca cuáles: !acciones",
    );
    expect(plainIn(ROOM, before)).toEqual([
      "La asamblea Care workers north propone la acción 1: negarnos a las horas extra, del viernes 27 nov, 17:00 al viernes 27 nov, 19:00.\nSi esta célula se suma, una moderadora escribe !acción 1 unirme, o !acción 1 unirme con cuidado despensa para acompañarla de un cuidado. A la asamblea solo llega “una célula más”, y esta célula tiene su propio plan de cuidados.",
    ]);
    expect(await bot.say("!acción 1 unirse con cuidado despensa", at(ROOM))).toEqual([
      "Esta célula se suma a la acción 1: negarnos a las horas extra, viernes 27 nov, 17:00. La asamblea Care workers north solo sabe que hay una célula más. El plan de cuidados #1 la acompaña aquí: un aviso el día antes, la llamada al empezar con su cuidado, un respiro después.\nQuién lleva su cuidado: !plan 1 unirme",
    ]);
    expect(bot.db.prepare("SELECT care_act FROM careplans WHERE room_id = ?").pluck().get(ROOM)).toBe("pantry");
    expect(await bot.say("!acciones", at(HALL))).toEqual([
      "Acciones por venir\n• Acción 1: negarnos a las horas extra, viernes 27 nov, 17:00. Células que se suman: menos de 3",
    ]);
    expect(await bot.say("!acciones", at(ROOM))).toEqual([
      "Acciones por venir\n• Acción 1: negarnos a las horas extra, viernes 27 nov, 17:00. Esta célula se suma (plan de cuidados #1).",
    ]);
    expect(await bot.say("!accion 1 retirarme", at(ROOM))).toEqual([
      "Esta célula ya no está en la acción 1, y el plan de cuidados #1 queda cancelado. La asamblea cuenta una célula menos, nunca cuál.",
    ]);
    expect(await bot.say("!acción 1 informe", at(HALL))).toEqual([
      "Acción 1: negarnos a las horas extra, viernes 27 nov, 17:00\nAún no ha empezado. Células que se suman por ahora: menos de 3.",
    ]);
    expect(await bot.say("!acción 1 compartir 1", at(ROOM))).toEqual([
      "Esta célula no estuvo en la acción 1: solo las células que actuaron comparten sus lecciones.",
    ]);
  });

  it("lets a cell that acted share a lesson, and the assembly's report shows how many acted and what they learnt", async () => {
    await propose();
    for (const cell of [ROOM, HILLTOP]) await bot.say("!action 1 join", at(cell));
    expect(await bot.say("!action 1 report", at(HALL))).toEqual([
      "Action 1: refuse overtime, Friday 27 Nov, 17:00\nNot started yet. Cells in so far: fewer than 3.",
    ]);
    await bot.say("!lesson 1 Two people at each door was enough, ask @ana", at(ROOM, ANA));
    expect(await bot.say("!action 1 share 1", at(ROOM))).toEqual([
      "Action 1 has not started yet: its lessons come after it.",
    ]);
    await bot.tickTo("2026-11-26T16:00:20Z");
    await bot.tickTo("2026-11-27T16:00:20Z");
    await bot.tickTo("2026-11-27T18:00:20Z");
    expect(await bot.say("!action 1 share 1", at(LAKESIDE))).toEqual([
      "This cell was not in action 1: only cells that acted share its lessons.",
    ]);
    expect(await bot.say("!action 1 share 7", at(ROOM))).toEqual([
      "This cell has no lesson 7. Record one first, like !lesson 1 …",
    ]);
    expect(await bot.say("!action 1 share 1", at(ROOM, "@someone:test.org"))).toEqual([
      expect.stringMatching(/moderator/i),
    ]);
    const before = mark();
    expect(await bot.say("!action 1 share 1", at(ROOM))).toEqual([
      "A cell shares what action 1 taught: Two people at each door was enough, ask someone",
      "Lesson 1 went to the assembly Care workers north, without this cell's name: “Two people at each door was enough, ask someone”\nTaken out before it crossed: names and addresses of people. Only this text went.",
    ]);
    expect(plainIn(HALL, before).join("\n")).not.toMatch(/Riverside/);
    // Sent twice, counted once.
    await bot.say("!action 1 share 1", at(ROOM));
    expect(await bot.say("!action 1 report", at(HALL))).toEqual([
      "Action 1: refuse overtime, Friday 27 Nov, 17:00\nCells that acted: fewer than 3.\nWhat the cells learnt:\n• Two people at each door was enough, ask someone",
    ]);
    expect(await bot.say("!action 9 report", at(HALL))).toEqual([
      "This assembly has no action 9. The actions ahead: !actions",
    ]);
  });

  it("forgets who proposed and joined, and wipes a cell's actions and its place in the count", async () => {
    await bot.say("!action propose refuse overtime with Ana friday 17:00 for 2h", at(HALL));
    await bot.say("!action 1 join", at(ROOM, ANA));
    await bot.say("!action 1 join", at(HILLTOP));
    const [preview] = await bot.say("!forget @ana", at(ROOM));
    expect(preview).toContain("1 day of action they proposed or joined (it stays; who did it goes)");
    await bot.say("!forget @ana confirm", at(ROOM));
    expect(
      bot.db.prepare("SELECT joined_by, text FROM federation_actions_heard WHERE cell_room = ?").get(ROOM),
    ).toEqual({
      joined_by: "",
      text: "refuse overtime with someone",
    });
    await bot.say("!forget @mod confirm", at(HALL));
    expect(bot.db.prepare("SELECT proposed_by FROM federation_actions").pluck().get()).toBe("");

    await bot.say("!cell wipe confirm", at(ROOM));
    expect(count("SELECT count(*) FROM federation_actions_heard WHERE cell_room = ?", ROOM)).toBe(0);
    expect(count("SELECT count(*) FROM federation_action_cells")).toBe(1);
    await bot.say("!cell wipe confirm", at(HALL));
    expect(count("SELECT count(*) FROM federation_actions")).toBe(0);
    expect(count("SELECT count(*) FROM federation_action_cells")).toBe(0);
    expect(count("SELECT count(*) FROM federation_action_lessons")).toBe(0);
    // The cells keep what they heard, and their own plans.
    expect(count("SELECT count(*) FROM federation_actions_heard WHERE cell_room = ?", HILLTOP)).toBe(1);
  });
});

describe("days of action on the wire between Tandems", () => {
  const CELL = "0123456789abcdef01234567";
  const starts = Date.parse("2026-11-27T16:00:00Z");
  const action = (over: Record<string, unknown> = {}) => ({
    v: VERSION,
    cell: CELL,
    body: { kind: "action", number: 1, text: "refuse overtime", startsAt: starts, endsAt: starts + 7_200_000, ...over },
  });

  it("reads an action, a join and a withdrawal in the versioned envelope", () => {
    expect(readToCell(action())?.body).toEqual(action().body);
    for (const kind of ["action_join", "action_withdraw"])
      expect(readToAssembly({ v: VERSION, cell: CELL, body: { kind, number: 1 } })?.body).toEqual({ kind, number: 1 });
  });

  it("ignores what a cell could not have been sent or could not have said", () => {
    expect(readToCell({ ...action(), v: VERSION + 1 })).toBeUndefined();
    expect(readToCell(action({ text: "ask @ana:test.org" }))).toBeUndefined();
    expect(readToCell(action({ text: "x".repeat(201) }))).toBeUndefined();
    expect(readToCell(action({ endsAt: starts }))).toBeUndefined();
    expect(readToCell(action({ endsAt: starts + 8 * 86_400_000 }))).toBeUndefined();
    expect(readToCell(action({ who: "Riverside" }))).toBeUndefined();
    expect(
      readToAssembly({ v: VERSION, cell: CELL, body: { kind: "action_join", number: 1, cell: "Hilltop" } }),
    ).toBeUndefined();
    expect(readToAssembly({ v: VERSION, cell: CELL, body: { kind: "action_join", number: -1 } })).toBeUndefined();
    const lesson = { kind: "action_lesson", number: 1, ref: 2, text: "two at each door was enough" };
    expect(readToAssembly({ v: VERSION, cell: CELL, body: lesson })?.body).toEqual(lesson);
    expect(readToAssembly({ v: VERSION, cell: CELL, body: { ...lesson, text: "ask @ana:test.org" } })).toBeUndefined();
  });
});
