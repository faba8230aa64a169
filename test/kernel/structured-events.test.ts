import { features } from "../../commands/index.js";
import { doc, p, structured } from "../../src/kernel/doc.js";
import { defineFeature } from "../../src/kernel/feature.js";
import type { IncomingEvent } from "../../src/kernel/invocation.js";
import type { Db } from "../../src/platform/db.js";
import { createTestBot, ROOM, type TestBot } from "../support/test-bot.js";

const OTHER = "!elsewhere:test.org";
const TYPE = "org.example.ping";

/** A tiny feature that answers a ping event with a pong event in the same room and a notice in another. */
const pinging = defineFeature<Db>({
  name: "pinging",
  services: (db) => db,
  commands: [],
  texts: { en: {}, es: {} },
  events: {
    [TYPE]: ({ event, elsewhere }) => {
      const content = event.content as { fail?: boolean; n?: number };
      elsewhere(event.roomId).post(structured("org.example.pong", { n: content.n ?? 0 }));
      elsewhere(OTHER).post(doc(p(elsewhere(OTHER).view.t.text("help.summary"))));
      if (content.fail) throw new Error("broken handler");
    },
  },
});

const ping = (eventId: string, content: Record<string, unknown>): IncomingEvent => ({
  eventId,
  roomId: ROOM,
  sender: "@other-bot:test.org",
  type: TYPE,
  content,
  sentAt: 0,
  signedDevice: true,
});

let bot: TestBot;
beforeEach(() => {
  bot = createTestBot({ features: [...features, pinging] });
});
afterEach(() => bot.close());

describe("structured events between bots", () => {
  test("an event is handled once; what it posts anywhere is queued with it, under keys derived from the event", async () => {
    expect(bot.dispatcher.readsEvent(TYPE)).toBe(true);
    expect(bot.dispatcher.readsEvent("org.example.other")).toBe(false);
    expect(bot.dispatcher.handleEvent(ping("$p1", { n: 7 }))).toBe("handled");
    expect(bot.dispatcher.handleEvent(ping("$p1", { n: 7 }))).toBe("duplicate");
    await bot.sender.drain();
    expect(bot.transport.sent.map((m) => [m.roomId, m.key, m.doc.event ?? null])).toEqual([
      [ROOM, "$p1/to/1", { type: "org.example.pong", content: { n: 7 } }],
      [OTHER, "$p1/to/2", null],
    ]);
  });

  test("a handler that throws leaves nothing queued, and the event is not tried again", async () => {
    expect(bot.dispatcher.handleEvent(ping("$p2", { fail: true }))).toBe("handled");
    expect(bot.dispatcher.handleEvent(ping("$p2", { fail: true }))).toBe("duplicate");
    await bot.sender.drain();
    expect(bot.transport.sent).toEqual([]);
  });

  test("types no feature reads are ignored", () => {
    expect(bot.dispatcher.handleEvent({ ...ping("$p3", {}), type: "org.example.other" })).toBe("ignored");
  });
});
