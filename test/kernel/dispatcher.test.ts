import { tracingChannel } from "node:diagnostics_channel";
import { features } from "../../commands/index.js";
import { commandsOf } from "../../src/kernel/command.js";
import { HANDLING_CHANNEL } from "../../src/kernel/dispatcher.js";
import { doc, p } from "../../src/kernel/doc.js";
import { defineFeature } from "../../src/kernel/feature.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import { renderPlain } from "../../src/kernel/render-plain.js";
import { htmlToCommandText } from "../../src/transport/matrix/html-text.js";
import type { Db } from "../../src/platform/db.js";
import { ALICE, createTestBot, MOD, ROOM, type TestBot } from "../support/test-bot.js";

const count = (bot: TestBot, table: string) =>
  (bot.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** A feature whose one command writes a row, then fails: nothing of it may remain. */
const halfwayServices = (db: Db) => ({
  write: (roomId: string) =>
    db.prepare("INSERT INTO room_settings (room_id, language, updated_at) VALUES (?, 'es', 0)").run(roomId),
});
const command = commandsOf<ReturnType<typeof halfwayServices>>();
const halfway = defineFeature({
  name: "halfway",
  services: halfwayServices,
  commands: [
    command({
      name: "halfway",
      group: "help",
      summary: "help.summary",
      examples: { en: [], es: [] },
      level: Level.Member,
      params: { topic: param.word({ optional: true }) },
      run({ topic }, ctx) {
        ctx.slice.write(ctx.roomId);
        if (topic === "user") throw new (class extends Error {})("boom with secret text");
        throw new Error("internal failure");
      },
      render: () => doc(),
    }),
  ],
  texts: { en: {}, es: {} },
});

describe("dispatcher", () => {
  let bot: TestBot;
  afterEach(() => bot.close());

  it("answers a lone prefix with a short pointer to help", async () => {
    bot = createTestBot();
    expect(await bot.say("!")).toEqual(["Type !help to see what I can do."]);
  });

  it("ignores messages that are not commands", async () => {
    bot = createTestBot();
    expect(await bot.say("hello everyone")).toEqual([]);
    expect(count(bot, "handled_events")).toBe(0);
  });

  it("handles the same event once: one effect, one reply", async () => {
    bot = createTestBot();
    const event = {
      eventId: "$same",
      roomId: ROOM,
      sender: ALICE,
      text: "!ledger thanks @alice cooked soup",
      sentAt: 0,
    };
    expect(bot.dispatcher.handle(event)).toBe("handled");
    expect(bot.dispatcher.handle(event)).toBe("duplicate");
    await bot.sender.drain();
    expect(count(bot, "ledger_entries")).toBe(1);
    expect(bot.transport.sent).toHaveLength(1);
    expect(bot.transport.sent[0]).toMatchObject({ key: "$same", replyToEventId: "$same", kind: "reply" });
  });

  it("tells its diagnostics channel when each handling starts and ends, and nothing of the message", async () => {
    bot = createTestBot();
    const seen: string[] = [];
    const contexts: object[] = [];
    const subscribers = {
      start: (context: object) => {
        seen.push("start");
        contexts.push({ ...context });
      },
      end: (context: object) => {
        seen.push(`end ${(context as { result?: unknown }).result}`);
      },
      asyncStart: () => {},
      asyncEnd: () => {},
      error: () => seen.push("error"),
    };
    const channel = tracingChannel<object, object>(HANDLING_CHANNEL);
    channel.subscribe(subscribers);
    try {
      await bot.say("!ledger thanks @alice cooked soup");
      await bot.say("hello everyone");
    } finally {
      channel.unsubscribe(subscribers);
    }
    expect(seen).toEqual(["start", "end handled", "start", "end ignored"]);
    expect(contexts).toEqual([{}, {}]);
    await bot.say("!ledger thanks @alice baked bread");
    expect(seen).toHaveLength(4);
  });

  it("rolls back a command that fails halfway, answers with a reference, and keeps running", async () => {
    const logged: unknown[] = [];
    bot = createTestBot({ features: [...features, halfway] });
    (bot.dispatcher as unknown as { deps: { log: { error: (o: unknown) => void } } }).deps.log.error = (o) =>
      logged.push(o);
    const [reply] = await bot.say("!halfway user");
    expect(reply).toMatch(
      /^Sorry, something went wrong on my side and nothing was changed\. .* reference: [0-9a-f]{8}\.$/,
    );
    expect(count(bot, "room_settings")).toBe(0);
    expect(count(bot, "handled_events")).toBe(1);
    const ref = /reference: ([0-9a-f]{8})/.exec(reply!)![1];
    expect(logged).toEqual([expect.objectContaining({ ref, command: "halfway" })]);
    expect(JSON.stringify(logged)).not.toMatch(/!halfway|secret text/);
    expect(logged[0]).toMatchObject({
      err: { at: expect.arrayContaining([expect.stringContaining("dispatcher.test.ts")]) },
    });
    expect(await bot.say("!settings")).toEqual([expect.stringContaining("English")]);
  });

  it("suggests the closest command for a typo", async () => {
    bot = createTestBot();
    expect(await bot.say("!ledgr")).toEqual([
      expect.stringMatching(/I don't know the command !ledgr\.\nDid you mean !ledger\?/),
    ]);
    expect(await bot.say("!ledger thank @alice soup")).toEqual([
      "I don't know !ledger thank. Did you mean !ledger thanks?",
    ]);
    expect(await bot.say("!rol join facilitator")).toEqual([
      "I don't know !rol join. Did you mean !role join?\nType !help to see what I can do.",
    ]);
  });

  it("answers wrong arguments with the usage line and an example", async () => {
    bot = createTestBot();
    const [reply] = await bot.say("!ledger undo abc");
    expect(reply).toBe(
      "I expected a number for entry number, not “abc”.\nType it like this: !ledger undo <entry number>\nFor example: !ledger undo 12",
    );
  });

  it("says what is wrong with a zero entry number or too many givers, not that something is missing or too long", async () => {
    bot = createTestBot();
    expect((await bot.say("!ledger undo 0"))[0]).toBe(
      "Entries are numbered from 1. !ledger shows the latest ones with their numbers.",
    );
    const givers = Array.from({ length: 21 }, (_, i) => `@p${i}`).join(" ");
    expect((await bot.say(`!ledger thanks ${givers} cooked`))[0]).toMatch(
      /^I can take at most 20 at once \(person\)\.\nType it like this: !ledger thanks/,
    );
  });

  it("lets only moderators change room settings", async () => {
    bot = createTestBot();
    expect(await bot.say("!settings language es")).toEqual([
      expect.stringMatching(/^Only moderators of this room can use !settings language/),
    ]);
    expect(await bot.say("!settings language es", { sender: MOD })).toEqual([
      "A partir de ahora hablaré español en esta sala.",
    ]);
    expect(await bot.say("!settings")).toEqual(["Esta sala habla español y vive en la zona horaria Europe/Madrid."]);
  });

  it("lists in help only what the sender may run, and finds commands by any word", async () => {
    bot = createTestBot();
    const [member] = await bot.say("!help");
    expect(member).toMatch(
      /^Here is what you can ask me in this room:\n• Help: !help\n• Care ledger: !ledger thanks, !ledger, !ledger week, /,
    );
    expect(member).toMatch(
      /\nType !help ledger to see how to use them with examples, or search any word, like !help undo\.$/,
    );
    expect(member).not.toContain("!settings language");
    const [moderator] = await bot.say("!help", { sender: MOD });
    expect(moderator).toContain("• Room settings: !settings, !settings language, !settings timezone");
    expect(await bot.say("!help ledger")).toEqual([
      expect.stringContaining("!ledger thanks <@person…> <what they did> — Thank someone"),
    ]);
    expect(await bot.say("!help undo")).toEqual([expect.stringContaining("!ledger undo <entry number>")]);
    expect(await bot.say("!help ledger")).toEqual([
      expect.stringContaining("• !ledger thanks @bo @cy drove 3 nurses #transport"),
    ]);
    expect(await bot.say("!help juggling")).toEqual([expect.stringMatching(/^I found nothing about “juggling”/)]);
  });

  it("keeps replies in the outbox until the transport accepted them", async () => {
    bot = createTestBot();
    bot.transport.failNext = 1;
    expect(await bot.say("!settings")).toEqual([]);
    expect(bot.db.prepare("SELECT attempts, sent_at FROM outbox").get()).toEqual({ attempts: 1, sent_at: null });
    bot.clock.now += 60_000;
    await bot.sender.drain();
    expect(bot.transport.sent.map((m) => renderPlain(m.doc))).toEqual([expect.stringContaining("English")]);
  });

  it("replies in the thread a command came from", async () => {
    bot = createTestBot();
    await bot.say("!settings", { eventId: "$in-thread", threadRootId: "$root" });
    expect(bot.transport.sent[0]).toMatchObject({ threadRootId: "$root", replyToEventId: "$in-thread" });
  });

  it("reads mentions from Element pills", async () => {
    bot = createTestBot();
    bot.transport.join(ROOM, "@ana:test.org", "Ana Pérez");
    await bot.say(
      htmlToCommandText('!ledger thanks <a href="https://matrix.to/#/@ana:test.org">Ana Pérez</a> cooked 40 meals'),
    );
    const reply = bot.transport.sent[0]!.doc;
    expect(renderPlain(reply)).toBe("Thank you, Ana Pérez! Noted as #1: cooked 40 meals (food).");
    expect(reply.blocks[0]).toMatchObject({
      parts: expect.arrayContaining([{ kind: "mention", person: { userId: "@ana:test.org", name: "Ana Pérez" } }]),
    });
  });

  it("renders a reply document as plain text", () => {
    expect(renderPlain(doc(p("a"), p("b")))).toBe("a\nb");
  });
});
