import { renderPlain } from "../../../src/kernel/render-plain.js";
import { createTestBot, MOD, ROOM, type TestBot } from "../../support/test-bot.js";

/** Three cells and their assembly in one Tandem: Riverside (ROOM), Hilltop and Lakeside. */
const HILLTOP = "!other:test.org";
const LAKESIDE = "!third:test.org";
const HALL = "!hall:test.org";
const [ANA, BO, DEE, EVA] = ["@ana:test.org", "@bo:test.org", "@dee:test.org", "@eva:test.org"];

describe("federation board in one Tandem", () => {
  let bot: TestBot;
  const at = (roomId: string, sender = MOD) => ({ roomId, sender });
  const codeIn = (reply: string | undefined) => /Join code: (\S+)/.exec(reply ?? "")?.[1] ?? "";
  /** What a room was sent from message `from` on, as plain text. */
  const plainIn = (room: string, from = 0) =>
    bot.transport.sent
      .slice(from)
      .filter((m) => m.roomId === room)
      .map((m) => renderPlain(m.doc));
  const mark = () => bot.transport.sent.length;
  /** The safety code a room was last shown, as its moderators read it out to the other cell's. */
  const codeShownIn = (room: string) =>
    plainIn(room)
      .join("\n")
      .match(/\d{4}(?: \d{4}){5}/g)
      ?.at(-1) ?? "";
  const verified = async (post: number, ...rooms: string[]) => {
    for (const room of rooms) await bot.say(`!contact verify ${post} ${codeShownIn(room)}`, at(room));
  };

  beforeEach(async () => {
    bot = createTestBot();
    for (const [id, name] of [
      [ANA, "Ana"],
      [BO, "Bo"],
    ] as const)
      bot.transport.join(ROOM, id, name);
    for (const cell of [HILLTOP, LAKESIDE]) bot.transport.join(cell, MOD, "Mo", 50);
    bot.transport.join(HILLTOP, DEE, "Dee");
    bot.transport.join(LAKESIDE, EVA, "Eva");
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

  it("posts a member's need, cleaned, to the assembly and to every other cell with the answer hint", async () => {
    const before = mark();
    expect(
      await bot.say("!need someone who speaks Tagalog on Tuesday, ask @ana or @bo:test.org", at(ROOM, BO)),
    ).toContain(
      "Posted to the assembly Care workers north as need 1 from Riverside: “someone who speaks Tagalog on Tuesday, ask someone or someone”. Moderators of other cells can answer it.\nTaken out before it crossed: names and addresses of people. Only this text went.",
    );
    expect(plainIn(HALL, before)).toEqual([
      "Need 1 from Riverside: someone who speaks Tagalog on Tuesday, ask someone or someone",
    ]);
    for (const cell of [HILLTOP, LAKESIDE]) {
      expect(plainIn(cell, before)).toEqual([
        "Need 1 from Riverside, in the assembly: someone who speaks Tagalog on Tuesday, ask someone or someone\nA moderator can answer it with !answer need 1",
      ]);
    }
    // Offers and needs share one count per assembly.
    expect(await bot.say("!offer a van with driver on Saturday mornings", at(HILLTOP, DEE))).toEqual([
      "Offer 2 from Hilltop: a van with driver on Saturday mornings",
      "Offer 2 from Hilltop, in the assembly: a van with driver on Saturday mornings\nA moderator can answer it with !answer offer 2",
      "Offer 2 from Hilltop, in the assembly: a van with driver on Saturday mornings\nA moderator can answer it with !answer offer 2",
      "Posted to the assembly Care workers north as offer 2 from Hilltop: “a van with driver on Saturday mornings”. Moderators of other cells can answer it.",
    ]);
  });

  it("takes links and phone numbers out of what crosses, in every form, and tells the member", async () => {
    const before = mark();
    expect(await bot.say("!need someone who speaks Tagalog on Tuesday https://evil.example/x", at(ROOM, BO))).toContain(
      "Posted to the assembly Care workers north as need 1 from Riverside: “someone who speaks Tagalog on Tuesday [link]”. Moderators of other cells can answer it.\nTaken out before it crossed: links. Only this text went.",
    );
    expect(await bot.say("!offer see www.example.com/ana or call +34 612 345 678", at(HILLTOP, DEE))).toContain(
      "Posted to the assembly Care workers north as offer 2 from Hilltop: “see [link] or call [phone]”. Moderators of other cells can answer it.\nTaken out before it crossed: links, phone numbers. Only this text went.",
    );
    const crossed = [
      ...plainIn(HALL, before),
      ...plainIn(LAKESIDE, before),
      ...plainIn(HILLTOP, before),
      ...plainIn(ROOM, before),
    ].join("\n");
    expect(crossed).not.toMatch(/evil|example\.com|612/);
    await bot.say("!settings language es", at(LAKESIDE));
    expect(await bot.say("!oferta furgoneta, info en bit.ly/xyz", at(LAKESIDE, EVA))).toContain(
      "Publicado en la asamblea Care workers north como oferta 3 de Lakeside: “furgoneta, info en [enlace]”. Las moderadoras de otras células pueden responder.\nQuitado antes de cruzar: enlaces. Solo cruzó este texto.",
    );
  });

  it("tells a cell that joins later the posts of the last weeks, so it can answer them", async () => {
    await bot.say("!need rides to the clinic on Thursdays", at(ROOM, BO));
    bot.clock.now += 40 * 86_400_000;
    await bot.say("!offer a van with driver on Saturday mornings", at(HILLTOP, DEE));
    const LATE = "!late:test.org";
    bot.transport.join(LATE, MOD, "Mo", 50);
    const before = mark();
    await bot.say(`!federate ${codeIn((await bot.say("!assembly invite", at(HALL)))[0])} as Brookside`, at(LATE));
    // The need is 40 days old: only the offer is still told.
    expect(plainIn(LATE, before)).toEqual([
      "Offer 2 from Hilltop, in the assembly: a van with driver on Saturday mornings\nA moderator can answer it with !answer offer 2",
      "This cell is linked to the assembly Care workers north as Brookside. Nothing is sent until you have seen it: !federation preview",
    ]);
    expect((await bot.say("!answer offer 2", at(LATE))).at(-1)).toContain("offer 2");
    expect(await bot.say("!answer need 1", at(LATE))).toEqual([
      "No post 1 has reached this cell. The assembly's offers and needs appear here as they come.",
    ]);
  });

  it("refuses a room's address, a text too long, an unlinked or paused cell", async () => {
    expect(await bot.say("!offer rides, we are !cell:test.org", at(ROOM))).toEqual([
      "Leave out room addresses: they would tell the assembly which room this is.",
    ]);
    expect(await bot.say(`!need ${"a".repeat(300)}`, at(ROOM))).toEqual([
      "That is 300 characters; the assembly takes at most 280. Say it shorter.",
    ]);
    bot.transport.join("!lone:test.org", MOD, "Mo", 50);
    expect(await bot.say("!need rides", at("!lone:test.org"))).toEqual([
      "This cell is not linked to any assembly. A moderator can link it with !federate CODE as Riverside.",
    ]);
    await bot.say("!federation pause", at(ROOM));
    expect(await bot.say("!need rides", at(ROOM))).toEqual([
      "This cell's link is paused: it sends nothing until !federation resume.",
    ]);
    expect(plainIn(HALL).filter((t) => t.includes("rides"))).toEqual([]);
  });

  it("answers a need, and shares contacts only once both cells named one, and only with those two cells", async () => {
    await bot.say("!need someone who speaks Tagalog on Tuesday", at(ROOM, ANA));
    expect(await bot.say("!answer need 1", at(HILLTOP, DEE))).toEqual([expect.stringMatching(/moderator/i)]);
    expect(await bot.say("!answer offer 1", at(HILLTOP))).toEqual(["Post 1 is a need, not an offer: !answer need 1"]);
    expect(await bot.say("!answer need 1", at(ROOM))).toEqual(["Post 1 is this cell's own: another cell answers it."]);
    expect(await bot.say("!answer need 9", at(HILLTOP))).toEqual([
      "No post 9 has reached this cell. The assembly's offers and needs appear here as they come.",
    ]);

    let before = mark();
    await bot.say("!answer need 1", at(HILLTOP));
    const consent =
      "To put the two cells in touch, a moderator here names one contact person: !contact 1 @ana\nNames cross only when both cells named theirs, and only to your two cells.";
    const compare = (peer: string) =>
      `Before any name crosses, compare this safety code with ${peer}'s moderators in person or by phone, not through the assembly: ${codeShownIn(ROOM)}\nWhen they read you the same code, type !contact verify 1 CODE`;
    expect(plainIn(HILLTOP, before)).toEqual([
      `This cell answers need 1 from Riverside, and Riverside has been told. ${consent}\n${compare("Riverside")}`,
    ]);
    expect(plainIn(ROOM, before)).toEqual([`Hilltop answers your need 1. ${consent}\n${compare("Hilltop")}`]);
    expect(codeShownIn(ROOM)).toBe(codeShownIn(HILLTOP));
    expect(plainIn(HALL, before)).toEqual(["Hilltop answers need 1 from Riverside."]);
    expect(plainIn(LAKESIDE, before)).toEqual([]);
    expect(await bot.say("!answer need 1", at(HILLTOP))).toEqual([
      `This cell answered post 1 from Riverside already. To share contacts: !contact 1 @ana`,
    ]);

    before = mark();
    expect(await bot.say("!contact 1 @ana", at(ROOM))).toEqual([
      `First compare the safety code with Hilltop's moderators in person or by phone: ${codeShownIn(HILLTOP)}\nWhen it is the same, type !contact verify 1 CODE, then name the contact.`,
    ]);
    expect(await bot.say(`!contact verify 1 ${codeShownIn(HILLTOP).replace(/ /g, "-")}`, at(ROOM))).toEqual([
      "The safety code for post 1 with Hilltop is the same on both sides: what this cell seals for Hilltop only Hilltop can open. Now name this cell's contact person: !contact 1 @ana",
    ]);
    expect(await bot.say("!contact 1 @ana", at(ROOM))).toEqual([
      "Ana is this cell's contact for need 1 with Hilltop. When Hilltop names theirs, the two names cross, to your two cells only.",
    ]);
    expect(plainIn(HILLTOP, before)).toEqual([]);
    expect(await bot.say("!contact 1 @bo", at(ROOM))).toEqual(["This cell named Ana already for post 1 with Hilltop."]);

    await verified(1, HILLTOP);
    before = mark();
    expect(await bot.say("!contact 1 @dee", at(HILLTOP))).toEqual([
      "Contact for need 1 from Hilltop: Dee",
      "Contact for need 1 from Riverside: Ana\nRiverside got Dee as this cell's contact.",
    ]);
    // The name arrives as a mention, so Matrix shows a pill.
    const [shared] = bot.transport.sent.slice(before).filter((m) => m.roomId === ROOM);
    expect(shared!.doc.blocks[0]).toEqual({
      kind: "p",
      parts: expect.arrayContaining([{ kind: "mention", person: { userId: DEE, name: "Dee" } }]),
    });
    expect(plainIn(LAKESIDE, before)).toEqual([]);
    expect(plainIn(HALL, before)).toEqual([]);

    // Nothing the assembly room was ever sent holds either name or id.
    const hall = bot.transport.sent.filter((m) => m.roomId === HALL).map((m) => JSON.stringify(m.doc));
    expect(hall.length).toBeGreaterThan(0);
    for (const text of hall)
      for (const secret of ["Ana", "Dee", ANA, DEE, "@ana", "@dee"])
        expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
  });

  it("asks which exchange when several cells answered, and names the contact for the one chosen", async () => {
    await bot.say("!offer a van with driver on Saturday mornings", at(ROOM, ANA));
    expect(await bot.say("!contact 1 @ana", at(ROOM))).toEqual([
      "No cell has answered your offer 1 yet. I will say here when one does.",
    ]);
    expect(await bot.say("!contact 1 @dee", at(HILLTOP))).toEqual([
      "This cell has not answered post 1, and it is not this cell's.",
    ]);
    await bot.say("!answer offer 1", at(HILLTOP));
    await bot.say("!answer offer 1", at(LAKESIDE));
    expect(await bot.say("!contact 1 @ana", at(ROOM))).toEqual([
      "Several cells answered: Hilltop, Lakeside. Say which one, like !contact 1 @ana Hilltop",
    ]);
    // Each pair of cells has its own code; the one typed says which exchange it confirms.
    const codes = await bot.say("!contact verify 1", at(ROOM));
    const [hilltopCode, lakesideCode] = [codeShownIn(HILLTOP), codeShownIn(LAKESIDE)];
    expect(hilltopCode).not.toBe(lakesideCode);
    expect(codes).toEqual([
      `Safety code for post 1 with Hilltop, Lakeside: Hilltop: ${hilltopCode}; Lakeside: ${lakesideCode}\nCompare it with their moderators in person or by phone; when it is the same, type !contact verify 1 CODE`,
    ]);
    expect(await bot.say(`!contact verify 1 ${lakesideCode}`, at(ROOM))).toEqual([
      "The safety code for post 1 with Lakeside is the same on both sides: what this cell seals for Lakeside only Lakeside can open. Now name this cell's contact person: !contact 1 @ana Lakeside",
    ]);
    await verified(1, LAKESIDE, HILLTOP);
    expect(await bot.say("!contact 1 @ana lakeside", at(ROOM))).toEqual([
      "Ana is this cell's contact for offer 1 with Lakeside. When Lakeside names theirs, the two names cross, to your two cells only.",
    ]);
    const before = mark();
    await bot.say("!contact 1 @eva", at(LAKESIDE));
    expect(plainIn(ROOM, before)).toEqual(["Contact for offer 1 from Lakeside: Eva"]);
    expect(plainIn(HILLTOP, before)).toEqual([]);
    // Hilltop's exchange is still waiting for both sides.
    expect(await bot.say("!contact 1 @dee", at(HILLTOP))).toEqual([
      "Dee is this cell's contact for offer 1 with Riverside. When Riverside names theirs, the two names cross, to your two cells only.",
    ]);
  });

  it("keeps a story in the cell until a moderator approves it, then posts it to the assembly without @-names", async () => {
    expect(await bot.say("!stories", at(ROOM, ANA))).toEqual([
      "No stories yet. Any member can propose one: !story share …",
    ]);
    const before = mark();
    expect(
      await bot.say(
        "!story share The night shift covered for @bo all week so he could stay with his father",
        at(ROOM, ANA),
      ),
    ).toEqual([
      "Story 1 is proposed. It stays in this cell until a moderator approves it with !story 1 approve; then the assembly Care workers north reads: “The night shift covered for someone all week so he could stay with his father”",
    ]);
    expect(plainIn(HALL, before)).toEqual([]);
    expect(await bot.say("!story 1 approve", at(ROOM, ANA))).toEqual([expect.stringMatching(/moderator/i)]);
    const [list] = await bot.say("!stories", at(ROOM, ANA));
    expect(list).toContain(
      "1 · proposed by Ana, waiting for !story 1 approve — “The night shift covered for @bo all week",
    );
    expect(await bot.say("!story 1 approve", at(ROOM))).toEqual([
      "A story from Riverside: The night shift covered for someone all week so he could stay with his father",
      "Story 1 crossed to the assembly Care workers north: “The night shift covered for someone all week so he could stay with his father”\nTaken out before it crossed: names and addresses of people. Only this text went.",
    ]);
    expect(await bot.say("!story 1 approve", at(ROOM))).toEqual(["Story 1 crossed to the assembly already."]);
    expect(await bot.say("!story 7 approve", at(ROOM))).toEqual([
      "There is no story 7 in this cell. See them with !stories.",
    ]);
    expect((await bot.say("!stories", at(ROOM, ANA)))[0]).toContain(
      "1 · crossed on Tuesday 24 Nov, 11:00 — “The night shift",
    );
  });

  it("speaks Spanish: the need's hint and the answer in a Spanish cell", async () => {
    await bot.say("!settings language es", at(HILLTOP));
    const before = mark();
    await bot.say("!need someone who speaks Tagalog on Tuesday", at(ROOM, ANA));
    expect(plainIn(HILLTOP, before)).toEqual([
      "Necesidad 1 de Riverside, en la asamblea: someone who speaks Tagalog on Tuesday\nUna moderadora puede responder con !responder necesidad 1",
    ]);
    const answered = mark();
    await bot.say("!responder necesidad 1", at(HILLTOP));
    expect(plainIn(HILLTOP, answered)).toEqual([
      expect.stringContaining("Esta célula responde a la necesidad 1 de Riverside, y Riverside ya lo sabe."),
    ]);
    expect(plainIn(HILLTOP, answered)[0]).toContain("!contacto 1 @ana");
    expect(plainIn(HILLTOP, answered)[0]).toContain(
      `por teléfono, no a través de la asamblea: ${codeShownIn(ROOM)}\nCuando os lean el mismo código, escribe !contacto verificar 1 CÓDIGO`,
    );
    expect(await bot.say(`!contacto verificar 1 ${codeShownIn(ROOM)}`, at(HILLTOP))).toEqual([
      "El código de seguridad de la publicación 1 con Riverside es el mismo en los dos lados: lo que esta célula sella para Riverside solo Riverside puede abrirlo. Ahora nombra a la persona de contacto de esta célula: !contacto 1 @ana",
    ]);
    expect(await bot.say("!historia compartir El turno de noche cubrió a @dee", at(HILLTOP, DEE))).toEqual([
      "La historia 1 queda propuesta. Se queda en esta célula hasta que una moderadora la apruebe con !historia 1 aprobar; entonces la asamblea Care workers north lee: “El turno de noche cubrió a alguien”",
    ]);
  });

  it("forgets a person in the board's texts and contacts, and wipes a cell's board", async () => {
    await bot.say("!offer Ana's van on Saturday mornings", at(ROOM, ANA));
    await bot.say("!answer offer 1", at(HILLTOP));
    await verified(1, ROOM, HILLTOP);
    await bot.say("!contact 1 @ana", at(ROOM));
    await bot.say("!contact 1 @dee", at(HILLTOP));
    await bot.say("!story share Ana drove the night shift home", at(ROOM, BO));
    const [preview] = await bot.say("!forget @ana", at(ROOM));
    expect(preview).toContain("2 board items (posts, stories, contacts): who it was becomes “someone”");
    expect(preview).toContain("2 texts that name them");
    await bot.say("!forget @ana confirm", at(ROOM));
    const cellRows = () =>
      bot.db
        .prepare("SELECT text FROM federation_board_own_posts UNION ALL SELECT text FROM federation_board_stories")
        .pluck()
        .all();
    expect(cellRows()).toEqual(["someone's van on Saturday mornings", "someone drove the night shift home"]);
    expect(
      bot.db
        .prepare(
          "SELECT contact_name, contact_user, posted_by FROM federation_board_matches m, federation_board_own_posts o WHERE m.cell_room = ? AND o.cell_room = m.cell_room",
        )
        .get(ROOM),
    ).toEqual({
      contact_name: "someone",
      contact_user: null,
      posted_by: "",
    });
    // Hilltop's copy of the contact is Hilltop's to forget.
    expect(
      bot.db.prepare("SELECT peer_contact_name FROM federation_board_matches WHERE cell_room = ?").pluck().get(HILLTOP),
    ).toBe("Ana");

    await bot.say("!cell wipe confirm", at(ROOM));
    const left = (table: string, column: string, room: string) =>
      bot.db.prepare(`SELECT count(*) FROM ${table} WHERE ${column} = ?`).pluck().get(room);
    for (const table of [
      "federation_board_keys",
      "federation_board_own_posts",
      "federation_board_matches",
      "federation_board_stories",
    ])
      expect([table, left(table, "cell_room", ROOM)]).toEqual([table, 0]);
    expect(left("federation_board_posts", "assembly_room", HALL)).toBe(0);
    expect(left("federation_board_answers", "assembly_room", HALL)).toBe(0);

    // Wiping the assembly takes its board with it; the cells keep what they heard.
    await bot.say("!need rides to the clinic", at(HILLTOP, DEE));
    await bot.say("!answer need 2", at(LAKESIDE));
    await bot.say("!cell wipe confirm", at(HALL));
    for (const table of ["federation_board_posts", "federation_board_answers", "federation_board_stories_in"])
      expect([table, left(table, "assembly_room", HALL)]).toEqual([table, 0]);
    expect(left("federation_board_heard", "cell_room", LAKESIDE)).toBe(2);
  });
});
