import { features } from "../../commands/index.js";
import { commandsOf } from "../../src/kernel/command.js";
import { about, doc, p } from "../../src/kernel/doc.js";
import { defineFeature, invoke } from "../../src/kernel/feature.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import type { Db } from "../../src/platform/db.js";
import { FakeTransport } from "../support/fake-transport.js";
import { ALICE, createTestBot, ROOM, type TestBot } from "../support/test-bot.js";

/** A tiny poll feature: `!ask` posts a poll about "ask:1", `!pick <topic>` records an answer, `!close` ends the poll. */
const picks: string[] = [];
const command = commandsOf<Db>();
const pick = command({
  name: "pick",
  group: "help",
  summary: "help.summary",
  examples: { en: ["pick tea"], es: ["pick tea"] },
  level: Level.Member,
  params: { topic: param.word() },
  run: ({ topic }) => void picks.push(topic),
  render: () => doc(p("Counted.")),
});
const asking = defineFeature<Db>({
  name: "asking",
  services: (db) => db,
  commands: [
    command({
      name: "ask",
      group: "help",
      summary: "help.summary",
      examples: { en: ["ask"], es: ["ask"] },
      level: Level.Member,
      params: {},
      run: () => undefined,
      render: () => ({
        ...about("ask:1", doc(p("Tea or coffee?"))),
        poll: {
          question: "Tea or coffee?",
          answers: [
            { id: "tea", text: "Tea" },
            { id: "coffee", text: "Coffee" },
          ],
          maxSelections: 1,
          disclosed: true,
        },
      }),
    }),
    pick,
    command({
      name: "close",
      group: "help",
      summary: "help.summary",
      examples: { en: ["close"], es: ["close"] },
      level: Level.Member,
      params: {},
      run: () => undefined,
      render: () => ({ ...doc(p("Tea won.")), endsPoll: "ask:1" }),
    }),
  ],
  texts: { en: {}, es: {} },
  pollAnswer: (ref, answers) => (ref === "ask:1" && answers[0] ? invoke(pick, { topic: answers[0] }) : undefined),
});

describe("answers to the bot's polls", () => {
  let bot: TestBot;
  beforeEach(() => {
    picks.length = 0;
    bot = createTestBot({ features: [...features, asking] });
  });
  afterEach(() => bot.close());

  it("run the command the poll's feature names, once, with no reply in the room", async () => {
    await bot.say("!ask");
    const pollEventId = FakeTransport.eventIdOf(bot.transport.sent.at(-1)!);
    expect(bot.transport.sent.at(-1)!.doc.poll?.answers.map((a) => a.id)).toEqual(["tea", "coffee"]);
    const answer = {
      eventId: "$answer1",
      roomId: ROOM,
      sender: ALICE,
      pollEventId,
      answerIds: ["coffee"],
      sentAt: bot.clock.now,
    };
    const before = bot.transport.sent.length;
    expect(bot.dispatcher.handlePollAnswer(answer)).toBe("handled");
    expect(bot.dispatcher.handlePollAnswer(answer)).toBe("duplicate");
    await bot.sender.drain();
    expect(picks).toEqual(["coffee"]);
    expect(bot.transport.sent.length).toBe(before);
  });

  it("ignore answers to anything else", async () => {
    await bot.say("!help");
    const other = FakeTransport.eventIdOf(bot.transport.sent.at(-1)!);
    expect(
      bot.dispatcher.handlePollAnswer({
        eventId: "$a",
        roomId: ROOM,
        sender: ALICE,
        pollEventId: other,
        answerIds: ["tea"],
        sentAt: 0,
      }),
    ).toBe("ignored");
    expect(picks).toEqual([]);
  });

  it("tell the transport which event a poll's end answers", async () => {
    await bot.say("!ask");
    const pollEventId = FakeTransport.eventIdOf(bot.transport.sent.at(-1)!);
    await bot.say("!close");
    expect(bot.transport.sent.at(-1)!.pollEventId).toBe(pollEventId);
  });
});
