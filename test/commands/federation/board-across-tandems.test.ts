import type { OutgoingMessage } from "../../../src/kernel/port.js";
import { renderPlain } from "../../../src/kernel/render-plain.js";
import { TO_ASSEMBLY, TO_CELL } from "../../../commands/federation/protocol/wire.js";
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
const [ANA, BO, DEE, EVA] = ["@ana:a.org", "@bo:a.org", "@dee:b.org", "@eva:b.org"];
const NOV = Date.UTC(2026, 10, 24, 10, 0);

describe("federation board across two Tandems", () => {
  let a: TestBot;
  let b: TestBot;
  let hall: HallRelay;

  beforeEach(async () => {
    a = createTestBot({ now: NOV });
    b = createTestBot({ now: NOV });
    hall = new HallRelay(HALL, { bot: a, userId: BOT_A }, { bot: b, userId: BOT_B });
    for (const [id, name] of [
      [ANA, "Ana"],
      [BO, "Bo"],
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
      ] as const)
        b.transport.join(cell, id, name);
    }
    await a.say("!assembly start Care workers north", { roomId: HALL, sender: MOD });
    await a.say(`!federate ${await code()} as Riverside`, { roomId: ROOM, sender: MOD });
    await b.say(`!federate ${await code()} as Hilltop`, { roomId: HILLTOP, sender: MOD });
    await b.say(`!federate ${await code()} as Lakeside`, { roomId: LAKESIDE, sender: MOD });
    await relay();
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
  const kindOf = (m: OutgoingMessage) => (m.doc.event!.content.body as { kind: string }).kind;
  const relay = () => hall.relay();
  const resend = (_from: TestBot, to: TestBot, sender: string, events: OutgoingMessage[]) =>
    hall.resend(sender, to, events);

  /** The safety code a cell was last shown. */
  const codeIn = (bot: TestBot, room: string) =>
    plainIn(bot, room)
      .join("\n")
      .match(/\d{4}(?: \d{4}){5}/g)
      ?.at(-1) ?? "";

  it("shows different safety codes when the assembly swapped a key, and then lets no contact cross", async () => {
    // The assembly's Tandem hands Hilltop a key of its own instead of Riverside's.
    const forged = "A".repeat(43);
    hall.rewrite = (content) => {
      const body = content.body as { kind: string; role?: string };
      return body.kind === "board_match" && body.role === "answerer"
        ? { ...content, body: { ...body, key: forged } }
        : content;
    };
    await a.say("!offer a van with driver on Saturday mornings", { roomId: ROOM, sender: ANA });
    await relay();
    await b.say("!answer offer 1", { roomId: HILLTOP, sender: MOD });
    await relay();
    const [riverside, hilltop] = [codeIn(a, ROOM), codeIn(b, HILLTOP)];
    expect(riverside).toMatch(/^\d{4}( \d{4}){5}$/);
    expect(hilltop).toMatch(/^\d{4}( \d{4}){5}$/);
    expect(hilltop).not.toBe(riverside);

    // Hilltop's moderator types what Riverside's read out on the phone.
    const [mismatch] = await b.say(`!contact verify 1 ${riverside}`, { roomId: HILLTOP, sender: MOD });
    expect(mismatch).toBe(
      `That is not the safety code this cell sees for post 1 with Riverside (${hilltop}), so no contact crosses. If their moderators read you another code, a key was changed on the way, perhaps by the assembly's Tandem. Compare again; if the codes still differ, share no contacts through this assembly. Once the codes are the same, type !contact verify 1 CODE`,
    );
    const before = eventsIn(b).length;
    expect(await b.say("!contact 1 @dee", { roomId: HILLTOP, sender: MOD })).toEqual([
      `The safety code typed for post 1 was not the one this cell sees with Riverside (${hilltop}), so no contact crosses. Compare it again with their moderators and type !contact verify 1 CODE`,
    ]);
    expect(eventsIn(b).slice(before).map(kindOf)).toEqual([]);
  });

  async function code(): Promise<string> {
    return /Join code: (\S+)/.exec((await a.say("!assembly invite", { roomId: HALL, sender: MOD }))[0] ?? "")![1]!;
  }

  it("numbers a post from another Tandem, tells every cell once, and does not double a resent post", async () => {
    const [beforeA, beforeB] = [a.transport.sent.length, b.transport.sent.length];
    expect(
      await b.say("!need someone who speaks Tagalog on Tuesday, ask @dee", { roomId: HILLTOP, sender: DEE }),
    ).toEqual([
      "Sent to the assembly Care workers north as a need from Hilltop: “someone who speaks Tagalog on Tuesday, ask someone”. I will say here which number it gets.\nTaken out before it crossed: names and addresses of people. Only this text went.",
    ]);
    await relay();
    expect(plainIn(a, HALL, beforeA)).toEqual([
      "Need 1 from Hilltop: someone who speaks Tagalog on Tuesday, ask someone",
    ]);
    expect(plainIn(a, ROOM, beforeA)).toEqual([
      "Need 1 from Hilltop, in the assembly: someone who speaks Tagalog on Tuesday, ask someone\nA moderator can answer it with !answer need 1",
    ]);
    expect(plainIn(b, LAKESIDE, beforeB)).toEqual([
      "Need 1 from Hilltop, in the assembly: someone who speaks Tagalog on Tuesday, ask someone\nA moderator can answer it with !answer need 1",
    ]);
    expect(plainIn(b, HILLTOP, beforeB).slice(1)).toEqual([
      "This cell's need is need 1 in the assembly Care workers north.",
    ]);

    const [againA, againB] = [a.transport.sent.length, b.transport.sent.length];
    await resend(
      b,
      a,
      BOT_B,
      eventsIn(b).filter((m) => kindOf(m) === "board_post"),
    );
    await resend(
      a,
      b,
      BOT_A,
      eventsIn(a).filter((m) => m.doc.event!.type === TO_CELL && kindOf(m).startsWith("board_")),
    );
    await relay();
    expect(a.transport.sent.length).toBe(againA);
    expect(plainIn(b, HILLTOP, againB)).toEqual([]);
    expect(plainIn(b, LAKESIDE, againB)).toEqual([]);
  });

  it("shares contacts across Tandems only once both cells consented, sealed so that no event holds a name", async () => {
    await a.say("!offer a van with driver on Saturday mornings", { roomId: ROOM, sender: ANA });
    await relay();
    expect(await b.say("!answer offer 1", { roomId: HILLTOP, sender: MOD })).toEqual([
      "This cell's answer to offer 1 from Riverside is on its way to the assembly. I will say here when it arrived.",
    ]);
    let [beforeA, beforeB] = [a.transport.sent.length, b.transport.sent.length];
    await relay();
    const consent =
      "To put the two cells in touch, a moderator here names one contact person: !contact 1 @ana\nNames cross only when both cells named theirs, and only to your two cells.";
    // The two Tandems show their cells one safety code, computed each from its own key and the one it was given.
    const code = codeIn(a, ROOM);
    expect(code).toMatch(/^\d{4}( \d{4}){5}$/);
    expect(codeIn(b, HILLTOP)).toBe(code);
    const compare = (peer: string) =>
      `Before any name crosses, compare this safety code with ${peer}'s moderators in person or by phone, not through the assembly: ${code}\nWhen they read you the same code, type !contact verify 1 CODE`;
    expect(plainIn(a, ROOM, beforeA)).toEqual([`Hilltop answers your offer 1. ${consent}\n${compare("Hilltop")}`]);
    expect(plainIn(b, HILLTOP, beforeB)).toEqual([
      `This cell answers offer 1 from Riverside, and Riverside has been told. ${consent}\n${compare("Riverside")}`,
    ]);
    expect(plainIn(b, LAKESIDE, beforeB)).toEqual([]);
    await b.say(`!contact verify 1 ${code}`, { roomId: HILLTOP, sender: MOD });
    await a.say(`!contact verify 1 ${code}`, { roomId: ROOM, sender: MOD });

    expect(await b.say("!contact 1 @dee", { roomId: HILLTOP, sender: MOD })).toEqual([
      "Dee is this cell's contact for offer 1 with Riverside. When Riverside names theirs, the two names cross, to your two cells only.",
    ]);
    [beforeA, beforeB] = [a.transport.sent.length, b.transport.sent.length];
    await relay();
    expect(plainIn(a, ROOM, beforeA)).toEqual([]);
    expect(plainIn(b, HILLTOP, beforeB)).toEqual([]);

    expect(await a.say("!contact 1 @ana", { roomId: ROOM, sender: MOD })).toEqual([
      "Contact for offer 1 from Hilltop: Dee\nHilltop got Ana as this cell's contact.",
    ]);
    [beforeA, beforeB] = [a.transport.sent.length, b.transport.sent.length];
    await relay();
    expect(plainIn(b, HILLTOP, beforeB)).toEqual(["Contact for offer 1 from Riverside: Ana"]);
    const [shared] = b.transport.sent.slice(beforeB).filter((m) => m.roomId === HILLTOP);
    expect(shared!.doc.blocks[0]).toEqual({
      kind: "p",
      parts: expect.arrayContaining([{ kind: "mention", person: { userId: ANA, name: "Ana" } }]),
    });
    expect(plainIn(b, LAKESIDE, beforeB)).toEqual([]);
    expect(plainIn(a, HALL, beforeA)).toEqual([]);

    // A resent consent or contact changes nothing.
    await resend(
      b,
      a,
      BOT_B,
      eventsIn(b).filter((m) => kindOf(m) === "board_contact"),
    );
    await resend(
      a,
      b,
      BOT_A,
      eventsIn(a).filter((m) => kindOf(m) === "board_contact"),
    );
    await relay();
    expect(plainIn(b, HILLTOP, beforeB)).toHaveLength(1);

    // Every event either Tandem sent, and everything posted in the assembly room: no name, no id.
    const events = [...eventsIn(a), ...eventsIn(b)];
    expect(events.map(kindOf)).toEqual(
      expect.arrayContaining(["board_post", "board_answer", "board_match", "board_contact"]),
    );
    const hall = a.transport.sent.filter((m) => m.roomId === HALL);
    for (const m of [...events, ...hall]) {
      // Keys and sealed blobs are random base64url, where three letters like "Dee" turn up by chance.
      const text = JSON.stringify(m.doc).replace(/"(key|sealed)":"[A-Za-z0-9_-]+"/g, '"$1":"…"');
      for (const secret of ["Ana", "Dee", ANA, DEE, "@ana", "@dee", ROOM, HILLTOP])
        expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
    }
    // The sealed blobs are the only place the names travel, and only the two cells can open them.
    const blobs = events
      .filter((m) => kindOf(m) === "board_contact")
      .map((m) => (m.doc.event!.content.body as { sealed: string }).sealed);
    expect(new Set(blobs).size).toBe(2);
  });

  it("posts an approved story from another Tandem once, without @-names", async () => {
    expect(
      await b.say("!story share Eva covered the night shift for @dee all week", { roomId: HILLTOP, sender: EVA }),
    ).toEqual([
      "Story 1 is proposed. It stays in this cell until a moderator approves it with !story 1 approve; then the assembly Care workers north reads: “Eva covered the night shift for someone all week”",
    ]);
    await relay();
    expect(plainIn(a, HALL).filter((t) => t.includes("story"))).toEqual([]);
    await b.say("!story 1 approve", { roomId: HILLTOP, sender: MOD });
    const before = a.transport.sent.length;
    await relay();
    await resend(
      b,
      a,
      BOT_B,
      eventsIn(b).filter((m) => kindOf(m) === "board_story"),
    );
    expect(plainIn(a, HALL, before)).toEqual([
      "A story from Hilltop: Eva covered the night shift for someone all week",
    ]);
  });

  it("ignores a board message that names someone, or that comes from a Tandem not registered for the cell", async () => {
    await relay();
    const joined = eventsIn(b).find((m) => kindOf(m) === "join")!;
    const cell = joined.doc.event!.content.cell as string;
    const post = (text: string) => ({
      v: 1,
      cell,
      body: { kind: "board_post", ref: 9, post: "need", text, key: "A".repeat(43) },
    });
    const before = a.transport.sent.length;
    a.dispatcher.handleEvent({
      eventId: "$f1",
      roomId: HALL,
      sender: BOT_B,
      type: TO_ASSEMBLY,
      content: post("ask @dee:b.org"),
      sentAt: 0,
      signedDevice: true,
    });
    a.dispatcher.handleEvent({
      eventId: "$f2",
      roomId: HALL,
      sender: BOT_B,
      type: TO_ASSEMBLY,
      content: post("we are !kq3:b.org"),
      sentAt: 0,
      signedDevice: true,
    });
    a.dispatcher.handleEvent({
      eventId: "$f3",
      roomId: HALL,
      sender: "@intruder:c.org",
      type: TO_ASSEMBLY,
      content: post("rides"),
      sentAt: 0,
      signedDevice: true,
    });
    await a.sender.drain();
    expect(a.transport.sent.length).toBe(before);
    // The same message, clean and from the registered Tandem, is posted.
    a.dispatcher.handleEvent({
      eventId: "$ok",
      roomId: HALL,
      sender: BOT_B,
      type: TO_ASSEMBLY,
      content: post("rides on Saturday"),
      sentAt: 0,
      signedDevice: true,
    });
    await a.sender.drain();
    expect(plainIn(a, HALL, before)).toEqual(["Need 1 from Hilltop: rides on Saturday"]);
  });
});
