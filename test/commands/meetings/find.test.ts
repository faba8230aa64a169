import { FakeTransport } from "../../support/fake-transport.js";
import { ALICE, createTestBot, MOD, ROOM, type TestBot } from "../../support/test-bot.js";

const ANA = "@ana:test.org";
const BO = "@bo:test.org";
let n = 0;

describe("finding a time to meet", () => {
  let bot: TestBot;
  const asMod = { sender: MOD };
  beforeEach(() => {
    bot = createTestBot(); // Tuesday 2026-11-24 11:00 Madrid
    bot.transport.join(ROOM, ANA, "Ana");
    bot.transport.join(ROOM, BO, "Bo");
  });
  afterEach(() => bot.close());

  const lastPoll = () => [...bot.transport.sent].reverse().find((m) => m.doc.poll)!;
  const answer = (sender: string, ids: string[], poll = FakeTransport.eventIdOf(lastPoll())) =>
    bot.dispatcher.handlePollAnswer({
      eventId: `$find${++n}`,
      roomId: ROOM,
      sender,
      pollEventId: poll,
      answerIds: ids,
      sentAt: (bot.clock.now += 1000),
    });

  it("posts a poll of the times, counts real poll answers, and at the deadline schedules the time most can make", async () => {
    const [opened] = await bot.say(
      "!meeting find saturday 11:00 | thursday 19:00 | friday 18:00 until wednesday 12:00",
      asMod,
    );
    expect(opened).toBe(
      "Meeting-time poll #1: when can you come? Pick every time that works for you.\n• 1: Thursday 26 Nov, 19:00\n• 2: Friday 27 Nov, 18:00\n• 3: Saturday 28 Nov, 11:00\nIt closes Wednesday 25 Nov, 12:00, or earlier with !meeting find 1 close; I'll schedule the time most can make.\nNo poll in your app? Type !meeting find 1 can 1 2 with the numbers of the times you can make.",
    );
    expect(lastPoll().doc.poll).toEqual({
      question: "When can you come to the meeting?",
      answers: [
        { id: "s1", text: "Thursday 26 Nov, 19:00" },
        { id: "s2", text: "Friday 27 Nov, 18:00" },
        { id: "s3", text: "Saturday 28 Nov, 11:00" },
      ],
      maxSelections: 3,
      disclosed: true,
    });
    expect(await bot.say("!schedule")).toEqual([
      expect.stringContaining("• Wednesday 25 Nov, 12:00: a meeting-time poll closes and the meeting is scheduled"),
    ]);
    expect(answer(ALICE, ["s1"])).toBe("handled");
    answer(ALICE, ["s1", "s2"]); // the latest answer wins
    answer(MOD, ["s2"]);
    answer(ANA, ["s1", "s3"]);
    expect(await bot.say("!meeting find 1 can 2 7", { sender: BO })).toEqual([
      "“7” is not one of the times: give their numbers, from 1 to 3, or none.",
    ]);
    expect(await bot.say("!meeting find 1 can 3 2 3", { sender: BO })).toEqual([
      "Noted for poll #1: you can make times 2, 3. You can change it until the close.",
    ]);
    answer(BO, ["s2"]); // the poll answer comes later: it counts
    answer("@stranger:test.org", ["s3", "s1"]);
    const closed = await bot.tickTo("2026-11-25T11:00:30Z");
    expect(closed).toEqual([
      "Meeting-time poll #1 is closed: we meet Friday 27 Nov, 18:00, which 3 of 4 can make. I'll open it with thanks 15 minutes before.\n• Thursday 26 Nov, 19:00: 2\n• Friday 27 Nov, 18:00: 3\n• Saturday 28 Nov, 11:00: 1\n1 person who answered can't make it.",
    ]);
    expect(bot.transport.sent.at(-1)!.doc.endsPoll).toBe("meetingfind:1");
    expect(await bot.say("!meetings")).toEqual([expect.stringContaining("• Friday 27 Nov, 18:00")]);
    answer(ANA, ["s2"]);
    expect(await bot.say("!meeting find 1 close", asMod)).toEqual([
      "Meeting-time poll #1 is closed already. See the meetings with !meetings.",
    ]);
    expect(bot.db.prepare("SELECT slots FROM meeting_find_answers WHERE voter = ?").pluck().get(ANA)).toBe("[1,3]");
    expect(await bot.tickTo("2026-11-27T16:45:20Z")).toEqual([expect.stringContaining("Before we begin")]);
  });

  it("a tie asks the moderators to pick; with names on, the close says who can't come", async () => {
    await bot.say("!meeting find thursday 19:00 | friday 18:00", asMod);
    expect(await bot.say("!settings meeting names on", asMod)).toEqual([
      "When a meeting-time poll closes, I'll name who can't come.",
    ]);
    answer(ANA, ["s1"]);
    answer(BO, ["s2"]);
    expect(await bot.say("!meeting find 1 pick 2", asMod)).toEqual([
      "Meeting-time poll #1 is still open. Close it first with !meeting find 1 close.",
    ]);
    expect(await bot.say("!meeting find 1 close")).toEqual([
      "Only moderators of this room can use !meeting find close. Ask one of them to do it, or to make you a moderator.",
    ]);
    expect(await bot.say("!meeting find 1 close", asMod)).toEqual([
      "Meeting-time poll #1 is closed with a tie: Thursday 26 Nov, 19:00 / Friday 27 Nov, 18:00.\n• Thursday 26 Nov, 19:00: 1\n• Friday 27 Nov, 18:00: 1\nModerators, please pick one: !meeting find 1 pick 1",
    ]);
    expect(bot.transport.sent.at(-1)!.doc.endsPoll).toBe("meetingfind:1");
    answer(ALICE, ["s2"]); // too late: the poll is closed
    expect(await bot.say("!meeting find 1 pick 3", asMod)).toEqual(["There is no time 3 in that poll: it has 2."]);
    expect(await bot.say("!meeting find 1 pick 2", asMod)).toEqual([
      "Picked for poll #1: we meet Friday 27 Nov, 18:00. I'll open it with thanks 15 minutes before.\n• Thursday 26 Nov, 19:00: 1\n• Friday 27 Nov, 18:00: 1\nCan't make it: Ana.",
    ]);
    expect(bot.transport.sent.at(-1)!.doc.notifiesNobody).toBe(true);
    expect(await bot.say("!meeting find 1 pick 1", asMod)).toEqual([
      "The meeting of poll #1 is scheduled already. See the meetings with !meetings.",
    ]);
    expect(await bot.say("!meetings")).toEqual([expect.stringContaining("• Friday 27 Nov, 18:00")]);
  });

  it("refuses unclear times with a clear sentence and keeps nothing", async () => {
    const replies: string[] = [];
    for (const typed of [
      "!meeting find thursday 19:00",
      "!meeting find thursday 19:00 | saturday",
      "!meeting find thursday 19:00 | thursday 19:00",
      "!meeting find today 11:05 | friday 18:00",
      "!meeting find thursday 19:00 | 2027-06-01 18:00",
      "!meeting find thursday 19:00 | friday 18:00 until friday 12:00",
      "!meeting find thursday 19:00 | someday",
    ])
      replies.push(...(await bot.say(typed, asMod)));
    replies.push(...(await bot.say("!meeting find thursday 19:00 | friday 18:00")));
    replies.push(...(await bot.say("!meeting find 4 close", asMod)));
    expect(replies).toEqual([
      "Give between 2 and 10 times, separated by |, like !meeting find thursday 19:00 | friday 18:00.",
      "“saturday” needs a time of day too, like friday 18:00.",
      "Two of those times are the same. Give each time once.",
      "“today 11:05” is less than 15 minutes away, too soon to meet. Pick a later time.",
      "“2027-06-01 18:00” is more than 90 days away. Pick a closer time.",
      "The poll should close at least 10 minutes from now and before the first time (Thursday 26 Nov, 19:00), so I can open that meeting.",
      "I couldn't read “someday” as a date or time. Try friday 17:00, tomorrow 7am or 2026-12-04 08:00.",
      "Only moderators of this room can use !meeting find. Ask one of them to do it, or to make you a moderator.",
      "There is no meeting-time poll #4 in this room.",
    ]);
    expect(bot.db.prepare("SELECT count(*) FROM meeting_finds").pluck().get()).toBe(0);
  });

  it("a time that repeats a meeting is not scheduled twice; a moderator picks another", async () => {
    await bot.say("!meeting weekly thursday 19:00", asMod);
    await bot.say("!meeting find thursday 19:00 | friday 18:00 offline", asMod);
    answer(ANA, ["s1"]);
    expect(await bot.say("!meeting find 1 close", asMod)).toEqual([
      "Meeting-time poll #1 is closed: most can make Thursday 26 Nov, 19:00, but I couldn't schedule it.\nThere is a weekly meeting at that time already (next Thursday 26 Nov, 19:00), so I added nothing. See them all with !meetings.\nA moderator can pick another time: !meeting find 1 pick 2",
    ]);
    expect(await bot.say("!meeting find 1 pick 2", asMod)).toEqual([
      "Picked for poll #1: we meet Friday 27 Nov, 18:00. I'll open it with thanks 15 minutes before.\n• Thursday 26 Nov, 19:00: 1\n• Friday 27 Nov, 18:00: 0\n1 person who answered can't make it.\nIt's an offline meeting: the opener will ask people to leave phones outside, and I'll post nothing about it once it starts.",
    ]);
    expect(await bot.say("!meetings")).toEqual([expect.stringContaining("• Friday 27 Nov, 18:00\n")]);
    expect(await bot.tickTo("2026-11-27T16:45:20Z")).toEqual([
      expect.stringContaining("please leave your phone outside"),
    ]);
  });

  it("speaks Spanish, and nobody answering schedules nothing", async () => {
    await bot.say("!settings language es", asMod);
    expect(await bot.say("!reunión buscar jueves 19:00 | viernes 18:00 hasta miércoles 12:00", asMod)).toEqual([
      "Encuesta de hora #1: ¿cuándo puedes venir? Marca todas las horas que te vengan bien.\n• 1: jueves 26 nov, 19:00\n• 2: viernes 27 nov, 18:00\nSe cierra el miércoles 25 nov, 12:00, o antes con !reunión buscar 1 cerrar; programaré la hora que más puedan.\n¿Tu aplicación no muestra encuestas? Escribe !reunión buscar 1 puedo 1 2 con los números de las horas que puedes.",
    ]);
    expect(await bot.say("!reunión buscar 1 puedo ninguna")).toEqual([
      "Anotado para la encuesta #1: no te viene bien ninguna de esas horas.",
    ]);
    expect(await bot.tickTo("2026-11-25T11:00:30Z")).toEqual([
      "Nadie respondió la encuesta de hora #1, así que no programé nada. Para preguntar de nuevo: !reunión buscar jueves 19:00 | viernes 18:00",
    ]);
    expect(await bot.say("!reunion buscar 1 elegir 1", asMod)).toEqual([
      "Elegida para la encuesta #1: nos reunimos el jueves 26 nov, 19:00. La abriré con agradecimientos 15 minutos antes.",
    ]);
    expect(await bot.say("!ajustes reunión nombres desactivar", asMod)).toEqual([
      "Al cerrar una encuesta de hora, solo diré cuántas personas no pueden venir.",
    ]);
  });

  it("forgetting a person removes their answers", async () => {
    await bot.say("!meeting find thursday 19:00 | friday 18:00", asMod);
    answer(ANA, ["s1"]);
    answer(BO, ["s2"]);
    expect(await bot.say("!forget me", { sender: ANA })).toEqual([
      expect.stringContaining("1 answer of theirs to a meeting-time poll"),
    ]);
    expect(await bot.say("!forget me confirm", { sender: ANA })).toHaveLength(1);
    expect(bot.db.prepare("SELECT voter FROM meeting_find_answers").pluck().all()).toEqual([BO]);
  });
});
