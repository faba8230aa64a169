import type { OutgoingMessage } from "../../../src/kernel/port.js";
import { renderPlain } from "../../../src/kernel/render-plain.js";
import { HallRelay } from "../../support/hall-relay.js";
import { createTestBot, MOD, ROOM, type TestBot } from "../../support/test-bot.js";

/**
 * Two Tandems, two databases: A hosts the assembly (HALL) and the cell Riverside (ROOM); B serves
 * Hilltop and Lakeside. Events each sends into HALL are carried to the other, as the homeserver would.
 */
const HALL = "!hall:a.org";
const HILLTOP = "!kq3:b.org";
const LAKESIDE = "!zt8:b.org";
const [BOT_A, BOT_B] = ["@tandem:a.org", "@tandem:b.org"];
const NOV = Date.UTC(2026, 10, 24, 10, 0);

describe("days of action across two Tandems", () => {
  let a: TestBot;
  let b: TestBot;
  let hall: HallRelay;
  const at = (roomId: string) => ({ roomId, sender: MOD });
  const relay = () => hall.relay();
  const plainIn = (bot: TestBot, room: string, from = 0) =>
    bot.transport.sent
      .slice(from)
      .filter((m) => m.roomId === room && !m.doc.event)
      .map((m) => renderPlain(m.doc));
  const bodies = (bot: TestBot, from = 0): unknown[] =>
    hall
      .eventsIn(bot)
      .slice(from)
      .map((m: OutgoingMessage) => m.doc.event!.content.body);
  const countInHall = async () => (await a.say("!actions", at(HALL)))[0];

  async function code(): Promise<string> {
    return /Join code: (\S+)/.exec((await a.say("!assembly invite", at(HALL)))[0] ?? "")![1]!;
  }

  beforeEach(async () => {
    a = createTestBot({ now: NOV });
    b = createTestBot({ now: NOV });
    hall = new HallRelay(HALL, { bot: a, userId: BOT_A }, { bot: b, userId: BOT_B });
    a.transport.join(HALL, MOD, "Mo", 50);
    a.transport.join(HALL, BOT_B);
    b.transport.join(HALL, BOT_A);
    for (const cell of [HILLTOP, LAKESIDE]) b.transport.join(cell, MOD, "Mo", 50);
    await a.say("!assembly start Care workers north", at(HALL));
    await a.say(`!federate ${await code()} as Riverside`, at(ROOM));
    await b.say(`!federate ${await code()} as Hilltop`, at(HILLTOP));
    await b.say(`!federate ${await code()} as Lakeside`, at(LAKESIDE));
    await relay();
  });
  afterEach(() => {
    a.close();
    b.close();
  });

  it("carries the proposal to cells of another Tandem, and back only that one more cell is in, or out", async () => {
    const before = { a: hall.eventsIn(a).length, b: hall.eventsIn(b).length, hilltop: b.transport.sent.length };
    await a.say("!action propose refuse overtime friday 17:00 for 2h", at(HALL));
    await relay();
    expect(plainIn(b, HILLTOP, before.hilltop)).toEqual([
      expect.stringMatching(
        /^The assembly Care workers north proposes action 1: refuse overtime, Friday 27 Nov, 17:00/,
      ),
    ]);
    expect(bodies(a, before.a)).toEqual([
      expect.objectContaining({ kind: "action", number: 1, text: "refuse overtime" }),
      expect.objectContaining({ kind: "action", number: 1, text: "refuse overtime" }),
    ]);

    await a.say("!action 1 join", at(ROOM));
    await b.say("!action 1 join with care pantry", at(HILLTOP));
    await b.say("!action 1 join", at(LAKESIDE));
    await relay();
    // Each join crosses as the number of the action and nothing else.
    expect(bodies(b, before.b)).toEqual([
      { kind: "action_join", number: 1 },
      { kind: "action_join", number: 1 },
    ]);
    expect(await countInHall()).toContain("Cells in: 3");
    expect(b.db.prepare("SELECT care_act FROM careplans WHERE room_id = ?").pluck().get(HILLTOP)).toBe("pantry");

    const quiet = a.transport.sent.length;
    await b.say("!action 1 withdraw", at(LAKESIDE));
    await relay();
    expect(plainIn(a, HALL, quiet)).toEqual([]);
    expect(await countInHall()).toContain("Cells in: fewer than 3");

    // At the window, Hilltop's own plan starts in its own room, on its own Tandem.
    const window = b.transport.sent.length;
    await b.tickTo("2026-11-26T16:00:20Z");
    await b.tickTo("2026-11-27T16:00:20Z");
    expect(plainIn(b, HILLTOP, window).at(-1)).toMatch(/^refuse overtime starts now, and at the same time its care/);
    expect(plainIn(b, LAKESIDE, window)).toEqual([]);
  });

  it("counts out a cell of another Tandem whose care plan of the action is cancelled, with only the number crossing", async () => {
    await a.say("!action propose refuse overtime friday 17:00 for 2h", at(HALL));
    await relay();
    await a.say("!action 1 join", at(ROOM));
    for (const cell of [HILLTOP, LAKESIDE]) await b.say("!action 1 join", at(cell));
    await relay();
    expect(await countInHall()).toContain("Cells in: 3");
    const [sent, quiet] = [hall.eventsIn(b).length, a.transport.sent.length];
    await b.say("!careplan 1 cancel", at(HILLTOP));
    await relay();
    expect(bodies(b, sent)).toEqual([{ kind: "action_withdraw", number: 1 }]);
    expect(plainIn(a, HALL, quiet)).toEqual([]);
    expect(await countInHall()).toContain("Cells in: fewer than 3");
  });

  it("forgets the cells of another Tandem that leave the federation", async () => {
    await a.say("!action propose refuse overtime friday 17:00 for 2h", at(HALL));
    await relay();
    await a.say("!action 1 join", at(ROOM));
    for (const cell of [HILLTOP, LAKESIDE]) await b.say("!action 1 join", at(cell));
    await relay();
    expect(await countInHall()).toContain("Cells in: 3");
    await b.say("!federation leave", at(HILLTOP));
    await relay();
    expect(await countInHall()).toContain("Cells in: fewer than 3");
    expect(b.db.prepare("SELECT status FROM careplans WHERE room_id = ?").pluck().get(HILLTOP)).toBe("cancelled");
  });
});
