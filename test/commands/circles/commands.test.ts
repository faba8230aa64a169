import type { Inline } from "../../../src/kernel/doc.js";
import { ALICE, createTestBot, MOD, ROOM, type TestBot } from "../../support/test-bot.js";

const ANA = "@ana:test.org";
const BO = "@bo:test.org";
const FORMAT =
  "The format: each person shares one personal struggle and one practical lesson. What is said in the circle stays there; I keep none of it.";

const mentionsIn = (bot: TestBot) =>
  bot.transport.sent
    .at(-1)!
    .doc.blocks.flatMap((b) => (b.kind === "list" ? b.items.flat() : b.kind === "p" ? b.parts : []))
    .filter((i): i is Extract<Inline, { kind: "mention" }> => typeof i !== "string" && i.kind === "mention")
    .map((i) => i.person.userId);

describe("story and skill circles", () => {
  let bot: TestBot;
  beforeEach(() => {
    bot = createTestBot();
    bot.transport.join(ROOM, ANA, "Ana");
    bot.transport.join(ROOM, BO, "Bo");
  });
  afterEach(() => bot.close());

  it("schedules the weekly circle (moderators) and rotates the host fairly among who joined", async () => {
    expect(await bot.say("!circle weekly tuesday 19:00")).toEqual([expect.stringMatching(/^Only moderators/)]);
    expect(await bot.say("!circle weekly someday 19:00", { sender: MOD })).toEqual([
      "I could not read “someday 19:00” as a day and a time. Try !circle weekly tuesday 19:00.",
    ]);
    expect(await bot.say("!circle weekly tuesday 19:00", { sender: MOD })).toEqual([
      "The story and skill circle meets every week: next on Tuesday 24 Nov, 19:00. I post the invitation an hour before. Join the host rotation with !circle join.",
    ]);
    await bot.say("!circle join", { sender: ANA });
    bot.clock.now += 60_000;
    await bot.say("!circle join", { sender: BO });
    expect(await bot.say("!circle join", { sender: BO })).toEqual([
      "You are in the circle already. !circle leave takes you out.",
    ]);
    expect(await bot.say("!circle")).toEqual([
      `The next circle is on Tuesday 24 Nov, 19:00.\nAna hosts next (2 people take turns).\n${FORMAT}`,
    ]);

    // An hour before, in Madrid's time (18:00 CET = 17:00 UTC).
    expect(await bot.tickTo("2026-11-24T16:59:00Z")).toEqual([]);
    const [first] = await bot.tickTo("2026-11-24T17:00:00Z");
    expect(first).toBe(
      `The story and skill circle starts on Tuesday 24 Nov, 19:00. Ana hosts today.\n${FORMAT}\nTell only what you want to tell.`,
    );
    expect(await bot.tickTo("2026-12-01T17:00:00Z")).toEqual([expect.stringContaining("Bo hosts today.")]);
    expect(await bot.tickTo("2026-12-08T17:00:00Z")).toEqual([expect.stringContaining("Ana hosts today.")]);

    expect(await bot.say("!circle leave", { sender: ANA })).toEqual([
      "You left the circle. You are welcome back any time with !circle join.",
    ]);
    expect(await bot.tickTo("2026-12-15T17:00:00Z")).toEqual([expect.stringContaining("Bo hosts today.")]);
    expect(await bot.say("!circle stop", { sender: MOD })).toEqual([
      "The weekly circle is stopped. Start it again with !circle weekly tuesday 19:00.",
    ]);
    expect(await bot.tickTo("2026-12-22T17:00:00Z")).toEqual([]);
  });

  it("invites even when nobody joined, saying how to take a turn", async () => {
    await bot.say("!circle weekly tuesday 19:00", { sender: MOD });
    expect(await bot.tickTo("2026-11-24T17:00:00Z")).toEqual([
      "The story and skill circle would start on Tuesday 24 Nov, 19:00, but nobody has joined the host rotation. Type !circle join to take a turn.",
    ]);
  });

  it("matches a wanted skill with an offered one, mentions both, and either can pass", async () => {
    expect(await bot.say("!skill add first aid", { sender: ANA })).toEqual(["Ana can teach first aid."]);
    expect(await bot.say("!skill want First Aid", { sender: BO })).toEqual([
      "Noted: you would like to learn First Aid.\nA match for the next circle:\n• Ana could teach first aid to Bo\nEither of you can say !skill pass to decline, no reason needed.",
    ]);
    expect(mentionsIn(bot)).toEqual([ANA, BO]);
    expect(await bot.say("!skill add @bo negotiation")).toEqual([
      expect.stringMatching(/^You can add or remove only your own skills/),
    ]);
    expect(await bot.say("!skill add @bo negotiation", { sender: MOD })).toEqual(["Bo can teach negotiation."]);
    await bot.say("!skill want negotiation");
    expect(await bot.say("!skills")).toEqual([
      "Who can teach what here:\n• first aid: Ana (wanted by Bo)\n• negotiation: Bo (wanted by Alice)\nA match for the next circle:\n• Ana could teach first aid to Bo\n• Bo could teach negotiation to Alice",
    ]);

    // The invitation suggests the pairs; after a pass, they are not suggested again.
    await bot.say("!circle weekly tuesday 19:00", { sender: MOD });
    await bot.say("!circle join", { sender: ANA });
    expect(await bot.tickTo("2026-11-24T17:00:00Z")).toEqual([
      expect.stringContaining(
        "Someone asked to learn something another can teach:\n• Ana could teach first aid to Bo\n• Bo could teach negotiation to Alice",
      ),
    ]);
    expect(await bot.say("!skill pass", { sender: ANA })).toEqual(["Done: that pair will not be suggested again."]);
    expect(await bot.say("!skill pass", { sender: ANA })).toEqual(["No pair is suggested to you right now."]);
    expect(await bot.tickTo("2026-12-01T17:00:00Z")).toEqual([expect.not.stringContaining("first aid to Bo")]);

    expect(await bot.say("!skill remove first aid", { sender: ANA })).toEqual(["first aid is off the list for Ana."]);
    expect(await bot.say("!skill remove first aid", { sender: ANA })).toEqual([
      "Ana has no first aid on the list. See it with !skills.",
    ]);
    expect(await bot.say("!skill add 1234")).toEqual([
      "Write the skill in words, up to 60 characters, like !skill add first aid.",
    ]);
    for (let i = 1; i <= 30; i++) await bot.say(`!skill add craft ${i}`, { sender: BO });
    expect(await bot.say("!skill want welding", { sender: BO })).toEqual([
      "That makes more than 30 skills for one person. Take one off first, like !skill remove first aid.",
    ]);
  });

  it("keeps skills in this room only", async () => {
    await bot.say("!skill add first aid", { sender: ANA });
    bot.transport.join("!other:test.org", ALICE, "Alice");
    expect(await bot.say("!skills", { roomId: "!other:test.org" })).toEqual([
      "No skills on the list yet. Offer one with !skill add first aid, or ask to learn with !skill want negotiation.",
    ]);
  });

  it("forgets a person's skills and place in the circle; a wipe removes them all", async () => {
    await bot.say("!circle join", { sender: ANA });
    await bot.say("!circle join", { sender: BO });
    await bot.say("!skill add first aid", { sender: ANA });
    await bot.say("!skill want first aid", { sender: BO });
    await bot.say("!skill pass", { sender: BO });
    const preview = await bot.say("!forget me", { sender: ANA });
    expect(preview[0]).toContain("their place in the circle's host rotation (they leave it)");
    expect(preview[0]).toContain("1 skill they offer or want to learn (deleted)");
    await bot.say("!forget me confirm", { sender: ANA });
    const count = (sql: string) => bot.db.prepare(sql).pluck().get(ANA);
    expect(count("SELECT count(*) FROM circle_members WHERE user_id = ?")).toBe(0);
    expect(count("SELECT count(*) FROM skills WHERE who = ?")).toBe(0);
    expect(count("SELECT count(*) FROM skill_passes WHERE teacher = ?")).toBe(0);
    await bot.say("!cell wipe confirm", { sender: MOD });
    expect(
      bot.db
        .prepare(
          "SELECT (SELECT count(*) FROM circle_members) + (SELECT count(*) FROM skills) + (SELECT count(*) FROM skill_passes)",
        )
        .pluck()
        .get(),
    ).toBe(0);
  });

  it("speaks Spanish, with Spanish command names", async () => {
    await bot.say("!settings language es", { sender: MOD });
    expect(await bot.say("!círculo semanal martes 19:00", { sender: MOD })).toEqual([
      "El círculo de historias y saberes se reúne cada semana: el próximo, martes 24 nov, 19:00. Publico la invitación una hora antes. Únete a la rotación con !círculo unirme.",
    ]);
    expect(await bot.say("!círculo unirme", { sender: ANA })).toEqual([
      "Estás en el círculo. Te tocará animarlo por turnos; !círculo salir te saca cuando quieras.",
    ]);
    await bot.say("!habilidad añadir primeros auxilios", { sender: ANA });
    expect(await bot.say("!habilidad quiero Primeros Auxílios", { sender: BO })).toEqual([
      "Anotado: te gustaría aprender Primeros Auxílios.\nUna pareja para el próximo círculo:\n• Ana podría enseñar primeros auxilios a Bo\nCualquiera de las dos personas puede decir !habilidad paso para declinar, sin dar motivos.",
    ]);
    expect(await bot.tickTo("2026-11-24T17:00:00Z")).toEqual([
      expect.stringMatching(/^El círculo de historias y saberes empieza el martes 24 nov, 19:00\. Hoy lo anima Ana\./),
    ]);
  });
});
