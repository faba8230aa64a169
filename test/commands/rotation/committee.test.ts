import { createTestBot, MOD, type TestBot } from "../../support/test-bot.js";

const ROOM = "!cell:test.org";
const ANA = "@ana:test.org";
const BO = "@bo:test.org";
const CY = "@cy:test.org";

/** What a committee trips over when it sets up rotating roles (the issue of the same name). */
describe("rotating roles, as a committee uses them", () => {
  let bot: TestBot;
  const asMod = { sender: MOD };

  beforeEach(() => {
    // Tuesday 2026-11-24 11:00 in Madrid.
    bot = createTestBot();
    bot.transport.join(ROOM, ANA, "Ana");
    bot.transport.join(ROOM, BO, "Bo");
    bot.transport.join(ROOM, CY, "Cy");
  });
  afterEach(() => bot.close());

  it("never leaves one person holding two roles while someone who joined is free, right after joining", async () => {
    await bot.say("!role add facilitator", asMod);
    await bot.say("!role add treasurer", asMod);
    expect(await bot.say("!role join facilitator", { sender: ANA })).toEqual([
      "Ana joined facilitator and holds it now.",
    ]);
    expect(await bot.say("!role join treasurer", { sender: ANA })).toEqual(["Ana joined treasurer and holds it now."]);
    expect(await bot.say("!role join facilitator", { sender: BO })).toEqual([
      "Bo joined facilitator and holds it now.\n• Ana passes facilitator on to Bo, so nobody holds two roles while someone is free. Thank you, Ana!",
    ]);
    await bot.say("!role join treasurer", { sender: BO });
    await bot.say("!role join facilitator", { sender: CY });
    await bot.say("!role join treasurer", { sender: CY });
    expect(await bot.say("!roles")).toEqual([
      "Roles in this room:\n• facilitator: Bo until Monday 30 Nov, 09:00, then Ana\n• treasurer: Ana until Monday 30 Nov, 09:00, then Bo",
    ]);
    expect(await bot.say("!rotation history facilitator")).toEqual([
      "Past holders of facilitator, most recent first:\n• Ana: Tuesday 24 Nov – Tuesday 24 Nov (passed on to someone free)",
    ]);
  });

  it("reorders with !role order, and refuses to add or drop people, naming them and the commands to use", async () => {
    await bot.say("!role add facilitator", asMod);
    for (const sender of [CY, ANA, BO]) await bot.say("!role join facilitator", { sender });
    expect(await bot.say("!role order facilitator @ana @mo @bo", asMod)).toEqual([
      [
        "Nothing changed: a new order for facilitator names exactly the people in it (Cy, Ana, and Bo).",
        "Not in the rotation yet: Mo. To add someone, type !role join facilitator @mod.",
        "Left out of the order: Cy. To take someone out, type !role leave facilitator @cy.",
      ].join("\n"),
    ]);
    expect(await bot.say("!roles")).toEqual([
      "Roles in this room:\n• facilitator: Cy until Monday 30 Nov, 09:00, then Ana",
    ]);
    // The hints work when typed back.
    expect(await bot.say("!role join facilitator @mod", asMod)).toEqual([
      "Mo joined facilitator, at the end of the line.",
    ]);
    expect(await bot.say("!role order facilitator @cy @bo @mo @ana", asMod)).toEqual([
      "Order for facilitator: Cy, Bo, Mo, and Ana.",
    ]);
    expect(await bot.say("!roles")).toEqual([
      "Roles in this room:\n• facilitator: Cy until Monday 30 Nov, 09:00, then Bo",
    ]);
  });

  it("says who joins when the order is set on a role nobody has joined yet", async () => {
    await bot.say("!role add facilitator", asMod);
    expect(await bot.say("!role order facilitator @ana @bo", asMod)).toEqual([
      "Ana and Bo joined facilitator, in this order.\n• Ana now holds facilitator.",
    ]);
  });

  it("refuses terms that are not whole weeks, and reads monthly and every two weeks in both languages", async () => {
    expect(await bot.say("!role add treasurer every 1.5 weeks", asMod)).toEqual([
      "I couldn't read “every 1.5 weeks” as a term. Terms are whole weeks, because roles change hands at the weekly announcement: try !role add treasurer every 2 weeks, or monthly for every 4 weeks, or leave it out for one week.",
    ]);
    expect(await bot.say("!roles")).toEqual([
      "No rotating roles yet. A moderator can start one: !role add facilitator every 2 weeks",
    ]);
    expect((await bot.say("!role add treasurer monthly", asMod))[0]).toMatch(
      /^Role treasurer created: it changes hands every 4 weeks\./,
    );
    expect((await bot.say("!role add facilitator every two weeks", asMod))[0]).toMatch(
      /^Role facilitator created: it changes hands every 2 weeks\./,
    );
    await bot.say("!settings language es", asMod);
    expect((await bot.say("!rol añadir portavoz mensual", asMod))[0]).toMatch(
      /^Rol portavoz creado: cambia de manos cada 4 semanas\./,
    );
    expect((await bot.say("!rol añadir cuidados cada dos semanas", asMod))[0]).toMatch(
      /^Rol cuidados creado: cambia de manos cada 2 semanas\./,
    );
    expect(await bot.say("!rol añadir actas cada 1,5 semanas", asMod)).toEqual([
      "No entendí “cada 1,5 semanas” como duración del turno. Los turnos son semanas enteras, porque los roles cambian de manos en el anuncio semanal: prueba !rol añadir actas cada 2 semanas, o mensual para cada 4 semanas, o no pongas nada para una semana.",
    ]);
  });

  it("quotes a role name with spaces in every hint, so the hint works when typed back", async () => {
    expect(await bot.say('!role add "night shift"', asMod)).toEqual([
      'Role night shift created: it changes hands every week. Join with !role join "night shift".',
    ]);
    expect(await bot.say('!role join "night shift"', { sender: ANA })).toEqual([
      "Ana joined night shift and holds it now.",
    ]);
    expect(await bot.say('!rotation skip "night shift"', { sender: BO })).toEqual([
      'Only the person holding night shift (or a moderator) can pass it on. Ask them to type !rotation skip "night shift".',
    ]);
    expect(await bot.say('!role join "night shift" @bo', { sender: CY })).toEqual([
      'Only moderators can do that for someone else. For yourself, type !role join "night shift".',
    ]);
    expect(await bot.say('!rotation swap "night shift" @cy @ana', { sender: CY })).toEqual([
      'Cy is not in the night shift rotation. To join: !role join "night shift".',
    ]);
    expect(await bot.say('!role join "night shift"', { sender: CY })).toEqual([
      "Cy joined night shift, at the end of the line.",
    ]);
    expect(await bot.say('!role order "night shift" @ana', asMod)).toEqual([
      'Nothing changed: a new order for night shift names exactly the people in it (Ana and Cy).\nLeft out of the order: Cy. To take someone out, type !role leave "night shift" @cy.',
    ]);
    expect(await bot.say('!role leave "night shift" @cy', asMod)).toEqual(["Cy left night shift. Thank you!"]);
  });

  it("writes hints and help with Spanish command words in a Spanish room, and still understands the old ones", async () => {
    await bot.say("!settings language es", asMod);
    expect(await bot.say("!roles")).toEqual([
      "Todavía no hay roles rotativos. Una moderadora puede crear uno: !rol añadir facilitación cada 2 semanas",
    ]);
    expect(await bot.say("!rol añadir facilitadora", asMod)).toEqual([
      "Rol facilitadora creado: cambia de manos cada semana. Únete con !rol unirme facilitadora.",
    ]);
    expect(await bot.say("!rol unirme facilitadora", { sender: ANA })).toEqual([
      "Ana entra en facilitadora y lo lleva desde ahora.",
    ]);
    expect(await bot.say("!rol unirse facilitadora", { sender: BO })).toEqual([
      "Bo entra en facilitadora, al final de la fila.",
    ]);
    expect(await bot.say("!rotacion saltar facilitadora", { sender: BO })).toEqual([
      "Solo quien lleva facilitadora (o la moderación) puede pasarlo. Pídele que escriba !rotación saltar facilitadora.",
    ]);
    expect(await bot.say("!ausente @bo hasta el viernes", { sender: CY })).toEqual([
      "Solo la moderación puede hacer eso por otra persona. Para ti, escribe !ausente hasta el viernes.",
    ]);
    expect(await bot.say("!vuelvo @bo", { sender: CY })).toEqual([
      "Solo la moderación puede hacer eso por otra persona. Para ti, escribe !vuelvo.",
    ]);
    const [ayuda] = await bot.say("!ayuda roles", asMod);
    const usages = (ayuda ?? "")
      .split("\n")
      .filter((line) => line.startsWith("!"))
      .map((line) => line.split(" — ")[0]);
    expect(usages).toEqual([
      "!roles",
      "!rol añadir <rol> [cada N semanas]",
      "!rol quitar <rol>",
      "!rol orden <rol> <@personas…>",
      "!rol unirme <rol> [@persona]",
      "!rol dejar <rol> [@persona]",
      "!rotación saltar <rol>",
      "!rotación cambiar <rol> <@personas…>",
      "!rotación historial <rol>",
      "!rotación anuncio <día> <hora>",
      "!ausente [@persona] <hasta cuándo>",
      "!vuelvo [@persona]",
    ]);
  });

  it("names the command to list roles when asked for the history of a role that does not exist", async () => {
    expect(await bot.say("!rotation history nonexistent")).toEqual([
      "There is no role called “nonexistent”. Type !roles to see them.",
    ]);
    await bot.say("!settings language es", asMod);
    expect(await bot.say("!rotación historial nada")).toEqual([
      "No hay ningún rol llamado “nada”. Escribe !roles para verlos.",
    ]);
  });
});
