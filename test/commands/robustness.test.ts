import { htmlToCommandText } from "../../src/transport/matrix/html-text.js";
import { features } from "../../commands/index.js";
import { ALICE, createTestBot, MOD, ROOM, type TestBot } from "../support/test-bot.js";

/** A small deterministic generator, so a failure can be replayed from its seed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick };
}

const WORDS = [
  "@ana",
  "@ana:test.org",
  "@",
  "@@",
  "@bo",
  "@Zoë",
  "#food",
  "#",
  "#12",
  "12",
  "0",
  "-3",
  "99999999999",
  "1.5h",
  "€50",
  "2,5",
  "at",
  "for",
  "care",
  "until",
  "every",
  "weeks",
  "tomorrow",
  "friday",
  "17:00",
  "25:99",
  "2026-02-30",
  "2026-12-04",
  "08:00",
  "yesterday",
  "join",
  "leave",
  "done",
  "cancel",
  "confirm",
  "me",
  "burst",
  "slow",
  "es",
  "en",
  "Europe/Madrid",
  "Mars/Base",
  '"quoted words"',
  "“curly",
  "'",
  "\u200b",
  "\u00a0",
  "🙂",
  "<b>bold</b>",
  "&amp;",
  "\\",
  "%s",
  "${x}",
  "null",
  "undefined",
  "x".repeat(600),
  "DROP TABLE ledger_entries;",
  "facilitator",
  "treasurer",
  "2",
  "3",
  "week",
  "month",
  "2026-13",
  "export",
  "undo",
  "fix",
];

describe("robustness: no message can crash the bot or half-apply a command", () => {
  let bot: TestBot;
  afterEach(() => bot.close());

  it("answers 1,500 random command lines once each, never with an internal error", async () => {
    bot = createTestBot();
    bot.transport.join(ROOM, "@ana:test.org", "Ana");
    const names = features.flatMap((f) => f.commands).flatMap((c) => [c.name, ...(c.aliases ?? [])]);
    const { next, pick } = random(20261124);
    const failures: string[] = [];
    for (let i = 0; i < 1500; i++) {
      const args = Array.from({ length: Math.floor(next() * 7) }, () => pick(WORDS)).join(
        pick([" ", "  ", "\t", " \n "]),
      );
      const line = `!${pick(names)} ${args}`;
      const sender = next() < 0.5 ? ALICE : MOD;
      const html =
        next() < 0.2 ? `${line.replace("@ana", '<a href="https://matrix.to/#/@ana:test.org">Ana</a>')}` : undefined;
      const replies = await bot.say(line, { sender, ...(html ? { html } : {}) });
      if (replies.length === 0 || replies.some((r) => /something went wrong on my side/.test(r)))
        failures.push(`${JSON.stringify(line)} → ${JSON.stringify(replies)}`);
      bot.clock.now += 61_000;
    }
    expect(failures).toEqual([]);
    const handled = bot.db.prepare("SELECT count(*) FROM handled_events").pluck().get();
    expect(handled).toBe(1500);
  });

  it("never throws on hostile HTML or odd bodies, and ignores what is not a command", () => {
    bot = createTestBot();
    const odd = [
      "",
      " ",
      "!",
      "!!",
      "!\u0000",
      "\u202e!ledger",
      "<a href=",
      '!ledger <a href="https://matrix.to/#/%zz">x</a>',
      "> quote\n\n!ledger",
      "x".repeat(70_000),
    ];
    odd.forEach((text, i) => {
      expect(() =>
        bot.dispatcher.handle({ eventId: `$odd${i}`, roomId: ROOM, sender: ALICE, text, sentAt: 0 }),
      ).not.toThrow();
      expect(() =>
        bot.dispatcher.handle({
          eventId: `$odd-html${i}`,
          roomId: ROOM,
          sender: ALICE,
          text: htmlToCommandText(text),
          sentAt: 0,
        }),
      ).not.toThrow();
    });
  });
});
