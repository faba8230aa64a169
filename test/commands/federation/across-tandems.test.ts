import type { OutgoingMessage } from "../../../src/kernel/port.js";
import { renderPlain } from "../../../src/kernel/render-plain.js";
import { TO_ASSEMBLY, TO_CELL } from "../../../commands/federation/protocol/wire.js";
import { HallRelay } from "../../support/hall-relay.js";
import { createTestBot, MOD, ROOM, type TestBot } from "../../support/test-bot.js";

/**
 * Two Tandems, two databases: A hosts the assembly (HALL) and the cell Riverside (ROOM); B serves
 * Hilltop and Lakeside. Structured events A or B sends into HALL are carried to the other one, as
 * the homeserver would (test/e2e/federation.test.ts does it over a real Synapse).
 */
// Room version 12 ids carry no server name.
const HALL = "!3cDurw96WeccPaE62ay3HHaSWA9VzZ-YzxSonUj2tdc";
const HILLTOP = "!kq3:b.org";
const LAKESIDE = "!zt8:b.org";
const [BOT_A, BOT_B] = ["@tandem:a.org", "@tandem:b.org"];
const [ANA, BO, CY, DEE, EVA, FLO] = ["@ana:a.org", "@bo:a.org", "@cy:a.org", "@dee:b.org", "@eva:b.org", "@flo:b.org"];
const NOV = Date.UTC(2026, 10, 24, 10, 0);

describe("federation across two Tandems", () => {
  let a: TestBot;
  let b: TestBot;
  let hall: HallRelay;

  beforeEach(() => {
    a = createTestBot({ now: NOV });
    b = createTestBot({ now: NOV });
    hall = new HallRelay(HALL, { bot: a, userId: BOT_A }, { bot: b, userId: BOT_B });
    for (const [id, name] of [
      [ANA, "Ana"],
      [BO, "Bo"],
      [CY, "Cy"],
    ] as const)
      a.transport.join(ROOM, id, name);
    a.transport.join(HALL, MOD, "Mo", 50);
    a.transport.join(HALL, BOT_B);
    b.transport.join(HALL, BOT_A);
    for (const cell of [HILLTOP, LAKESIDE]) {
      b.transport.join(cell, MOD, "Mo", 50);
      for (const [id, name] of [
        [DEE, "Dee"],
        [EVA, "Eva"],
        [FLO, "Flo"],
      ] as const)
        b.transport.join(cell, id, name);
    }
  });
  afterEach(() => {
    a.close();
    b.close();
  });

  const eventsIn = (bot: TestBot): OutgoingMessage[] => hall.eventsIn(bot);
  const plainIn = (bot: TestBot, room: string, from = 0) =>
    bot.transport.sent
      .slice(from)
      .filter((m) => m.roomId === room && !m.doc.event)
      .map((m) => renderPlain(m.doc));
  const relay = () => hall.relay();

  const code = async () =>
    /Join code: (\S+)/.exec((await a.say("!assembly invite", { roomId: HALL, sender: MOD }))[0] ?? "")![1]!;

  async function linkAll(): Promise<void> {
    await a.say("!assembly start Care workers north", { roomId: HALL, sender: MOD });
    await a.say(`!federate ${await code()} as Riverside`, { roomId: ROOM, sender: MOD });
    expect(await b.say(`!federate ${await code()} as Hilltop`, { roomId: HILLTOP, sender: MOD })).toEqual([
      "Asked the assembly to link this cell as Hilltop. I will say here when it answers. Nothing is sent until you have seen it: !federation preview",
    ]);
    await b.say(`!federate ${await code()} as Lakeside`, { roomId: LAKESIDE, sender: MOD });
    await relay();
  }

  async function someCare(): Promise<void> {
    await a.say("!ledger thanks @ana @bo @cy cooked 40 meals for the Okafor family #food", {
      roomId: ROOM,
      sender: ANA,
    });
    await b.say("!ledger thanks @dee @eva @flo cooked 12 meals for Marisa's kids #food", {
      roomId: HILLTOP,
      sender: DEE,
    });
    await b.say("!ledger thanks @dee drove Joaquín to the clinic #transport", { roomId: LAKESIDE, sender: DEE });
    await a.say("!federation preview", { roomId: ROOM, sender: MOD });
    await b.say("!federation preview", { roomId: HILLTOP, sender: MOD });
    await b.say("!federation preview", { roomId: LAKESIDE, sender: MOD });
  }

  it("links cells of another Tandem by code: the welcome is announced in the cell, the assembly hears the join", async () => {
    await linkAll();
    expect(plainIn(b, HILLTOP)).toContain(
      "This cell is linked to the assembly Care workers north as Hilltop. Nothing is sent until you have seen it: !federation preview",
    );
    expect(plainIn(a, HALL)).toEqual(
      expect.arrayContaining([
        "A cell joined the assembly: Hilltop. 2 cells now.",
        "A cell joined the assembly: Lakeside. 3 cells now.",
      ]),
    );
    const [status] = await b.say("!federation", { roomId: HILLTOP, sender: DEE });
    expect(status).toContain("This cell is linked to the assembly Care workers north as Hilltop.");
    expect(status).toContain("Cells in this assembly: Riverside, Hilltop");
  });

  it("waits for an invitation into the assembly's room, and stays silent there once a member", async () => {
    await a.say("!assembly start Care workers north", { roomId: HALL, sender: MOD });
    const b2 = createTestBot({ now: NOV });
    try {
      b2.transport.join(HILLTOP, MOD, "Mo", 50);
      expect(await b2.say(`!federate ${await code()} as Hilltop`, { roomId: HILLTOP, sender: MOD })).toEqual([
        "Asked to join the assembly as Hilltop. Its moderators need to invite this bot's account into the assembly's room: I will ask as soon as I am in, and say here when the assembly answers. Nothing is sent until you have seen it: !federation preview",
      ]);
      // The join waits in the outbox for the hall, as the Matrix transport keeps it until the bot is in.
      expect(b2.transport.sent.filter((m) => m.roomId === HALL && m.doc.event?.type === TO_ASSEMBLY)).toHaveLength(1);
      b2.transport.join(HALL, MOD, "Mo", 50);
      expect(await b2.say("!assembly report", { roomId: HALL, sender: MOD })).toEqual([]);
      expect(await b2.say("!help", { roomId: HALL, sender: MOD })).toEqual([]);
      expect(await b2.say("!help", { roomId: HILLTOP, sender: MOD })).not.toEqual([]);
      // Still silent there after the cell gave up on joining: the room is another Tandem's.
      await b2.say("!federation leave", { roomId: HILLTOP, sender: MOD });
      expect(await b2.say("!help", { roomId: HALL, sender: MOD })).toEqual([]);
    } finally {
      b2.close();
    }
  });

  it("refuses a used code across Tandems, and tells the cell why", async () => {
    await a.say("!assembly start Care workers north", { roomId: HALL, sender: MOD });
    const once = await code();
    await b.say(`!federate ${once} as Hilltop`, { roomId: HILLTOP, sender: MOD });
    await b.say(`!federate ${once} as Lakeside`, { roomId: LAKESIDE, sender: MOD });
    await relay();
    expect(plainIn(b, LAKESIDE)).toContain(
      "The assembly did not accept the code for Lakeside: it was used already. Ask for a new one.",
    );
    expect(await b.say("!federation", { roomId: LAKESIDE, sender: MOD })).toEqual([
      expect.stringContaining("not linked"),
    ]);
  });

  it("gathers a report from both Tandems, counts a resent answer once, and nothing of a cell's people crosses", async () => {
    await linkAll();
    await someCare();
    expect(await a.say("!assembly report", { roomId: HALL, sender: MOD })).toEqual([
      "Asked the cells for their figures. 2 cells are served by other Tandems: the report follows here when they answer (in 10 minutes at the latest).",
    ]);
    const before = a.transport.sent.length;
    await relay();
    const reports = plainIn(a, HALL, before);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toContain("Riverside — givers: 3");
    expect(reports[0]).toContain("Hilltop — givers: 3");
    expect(reports[0]).toContain("Lakeside — givers: fewer than 3");
    expect(reports[0]).toContain("food: 52 meals (6 givers)");

    // B crashed after sending and sent its answers again: new events, the same answers.
    const answers = eventsIn(b).filter(
      (m) => m.doc.event!.type === TO_ASSEMBLY && (m.doc.event!.content.body as { kind: string }).kind === "figures",
    );
    expect(answers).toHaveLength(2);
    await hall.resend(BOT_B, a, answers);
    expect(plainIn(a, HALL, before)).toHaveLength(1);

    const secrets = [
      ANA,
      BO,
      CY,
      DEE,
      EVA,
      FLO,
      MOD,
      "Ana",
      "Dee",
      "Eva",
      "Flo",
      ROOM,
      HILLTOP,
      LAKESIDE,
      "Okafor",
      "Marisa",
      "Joaquín",
      "clinic",
      "cooked",
    ];
    for (const bot of [a, b]) {
      for (const m of eventsIn(bot)) {
        const text = JSON.stringify(m.doc.event);
        for (const secret of secrets)
          expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
      }
    }
    expect(eventsIn(b).map((m) => m.doc.event!.type)).toEqual(expect.arrayContaining([TO_ASSEMBLY]));
    expect(eventsIn(a).map((m) => m.doc.event!.type)).toEqual(expect.arrayContaining([TO_CELL]));
  });

  it("posts the report with what arrived when another Tandem stays silent", async () => {
    await linkAll();
    await someCare();
    await a.say("!assembly report", { roomId: HALL, sender: MOD });
    const [late] = await a.tickTo("2026-11-24T11:11:00+01:00");
    expect(late).toContain("Riverside — givers: 3");
    expect(late).toContain("No answer in time from: Hilltop, Lakeside.");
    // Answers that come after the report was posted change nothing.
    const before = a.transport.sent.length;
    await relay();
    expect(plainIn(a, HALL, before)).toEqual([]);
  });

  it("ignores what does not come from the registered Tandem, an unsigned device, or does not validate", async () => {
    await linkAll();
    await someCare();
    await a.say("!assembly report", { roomId: HALL, sender: MOD });
    await b.sender.drain();
    const request = eventsIn(a).find((m) => (m.doc.event!.content.body as { kind: string }).kind === "request")!;
    const cell = request.doc.event!.content.cell as string;
    const figures = {
      v: 1,
      cell,
      body: {
        kind: "figures",
        round: 1,
        state: "sent",
        figures: { care: [], givers: 99, plansCarried: 99, decisionsTaken: 99 },
      },
    };
    const forged = (eventId: string, sender: string, content: unknown, signedDevice = true) =>
      a.dispatcher.handleEvent({ eventId, roomId: HALL, sender, type: TO_ASSEMBLY, content, sentAt: 0, signedDevice });
    forged("$f1", "@intruder:c.org", figures);
    forged("$f2", BOT_B, figures, false);
    forged("$f3", BOT_B, { ...figures, v: 2 });
    forged("$f4", BOT_B, {
      ...figures,
      body: { ...figures.body, figures: { ...figures.body.figures, names: ["Dee"] } },
    });
    hall.signedDevice = false;
    await relay();
    await a.sender.drain();
    expect(plainIn(a, HALL).some((t) => t.includes("givers: 99"))).toBe(false);
    // Signed again, B's real answers to a new request count.
    hall.signedDevice = true;
    await a.say("!assembly report", { roomId: HALL, sender: MOD });
    await relay();
    expect(plainIn(a, HALL).filter((t) => t.includes("Hilltop — givers: 3"))).toHaveLength(1);
  });

  it("sends the monthly report, passes hosting on and tells every cell on both Tandems who hosts next", async () => {
    await linkAll();
    await someCare();
    await a.tickTo("2026-12-01T09:00:00+01:00");
    b.clock.now = a.clock.now;
    const before = a.transport.sent.length;
    const beforeB = b.transport.sent.length;
    await relay();
    const [report] = plainIn(a, HALL, before);
    expect(report).toContain("shared figures for November 2026");
    expect(report).toContain("Before we begin, thank you. This month the cells gave 52 meals of food, from 6 givers.");
    expect(report).toMatch(/Host cell from now on: (Hilltop|Lakeside)/);
    const host = /Host cell from now on: (\w+)/.exec(report!)![1];
    for (const cell of [HILLTOP, LAKESIDE])
      expect(plainIn(b, cell, beforeB)).toEqual([`The assembly Care workers north is hosted next by ${host}.`]);
  });
});
