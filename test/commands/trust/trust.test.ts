import { features } from "../../../commands/index.js";
import { defineFeature } from "../../../src/kernel/feature.js";
import { renderPlain } from "../../../src/kernel/render-plain.js";
import { IDENTITY_CHANGED, identityHolds } from "../../../src/kernel/identity-holds.js";
import type { IncomingEvent } from "../../../src/kernel/invocation.js";
import { ALICE, createTestBot, MOD, ROOM, type TestBot } from "../../support/test-bot.js";

/** What the Matrix transport raises when it holds a message of a member whose identity changed. */
const changed = (eventId: string, sender = ALICE, local = true): IncomingEvent => ({
  eventId,
  roomId: ROOM,
  sender,
  type: IDENTITY_CHANGED,
  content: {},
  sentAt: 0,
  signedDevice: true,
  ...(local ? { local: true as const } : {}),
});

let bot: TestBot;
beforeEach(() => {
  bot = createTestBot();
});
afterEach(() => bot.close());

async function raise(event: IncomingEvent): Promise<string[]> {
  const before = bot.transport.sent.length;
  bot.dispatcher.handleEvent(event);
  await bot.sender.drain();
  return bot.transport.sent.slice(before).map((m) => renderPlain(m.doc));
}

describe("a member's identity changed", () => {
  test("the room's moderators are told once, with the command to type, and the change is in the decision log", async () => {
    const told = await raise(changed("identity-changed:$1"));
    expect(told).toEqual([
      expect.stringMatching(
        /^Moderators: the identity of Alice changed .* types !trust @alice:test\.org\. .*\(Decision #1\)$/s,
      ),
    ]);
    expect(await raise(changed("identity-changed:$2"))).toEqual([]);
    expect(await bot.say("!decision 1", { sender: MOD })).toEqual([
      expect.stringContaining("The identity of Alice changed; their commands wait until a moderator trusts it."),
    ]);
  });

  test("in another bot's room (an assembly another Tandem hosts) this bot stays silent", async () => {
    bot.close();
    const elsewhere = defineFeature({
      name: "elsewhere",
      services: () => undefined,
      commands: [],
      texts: { en: {}, es: {} },
      othersRoom: (_db, roomId) => roomId === ROOM,
    });
    bot = createTestBot({ features: [...features, elsewhere] });
    expect(await raise(changed("identity-changed:$1"))).toEqual([]);
    expect(identityHolds(bot.db).awaiting(ROOM, ALICE)).toBeUndefined();
  });

  test("an event of the same type from the wire (someone pretending) is ignored", async () => {
    expect(await raise(changed("$wire", ALICE, false))).toEqual([]);
    expect(identityHolds(bot.db).awaiting(ROOM, ALICE)).toBeUndefined();
  });
});

describe("!trust", () => {
  test("a moderator approves the new identity: recorded with who approved, and left for the transport to pin", async () => {
    await raise(changed("identity-changed:$1"));
    expect(await bot.say("!trust @alice", { sender: MOD })).toEqual([
      "Done: I take the new identity of Alice as theirs, and now run what I held of them. Recorded as decision #2.",
    ]);
    expect(identityHolds(bot.db).approved()).toEqual([ALICE]);
    expect(await bot.say("!decision 2", { sender: MOD })).toEqual([
      expect.stringContaining("Mo trusted the new identity of Alice after checking it with them in person."),
    ]);
    // Approved once: a second !trust has nothing left to approve.
    expect(await bot.say("!trust @alice", { sender: MOD })).toEqual([expect.stringMatching(/has not changed/)]);
  });

  test("only moderators may trust, and nothing changes when a member tries", async () => {
    await raise(changed("identity-changed:$1"));
    expect(await bot.say("!trust @alice", { sender: "@bo:test.org" })).toEqual([
      expect.stringMatching(/^Only moderators/),
    ]);
    expect(identityHolds(bot.db).approved()).toEqual([]);
  });

  test("an identity that did not change has nothing to trust; a name without an account is asked for one", async () => {
    expect(await bot.say("!trust @alice", { sender: MOD })).toEqual([
      expect.stringMatching(/^The identity of Alice has not changed/),
    ]);
    expect(await bot.say("!trust @bob", { sender: MOD })).toEqual([
      "Name them with their Matrix account, like !trust @ana.",
    ]);
  });

  test("in Spanish: !confiar", async () => {
    await bot.say("!settings language es", { sender: MOD });
    const [told] = await raise(changed("identity-changed:$1"));
    expect(told).toMatch(/^Moderación: la identidad de Alice cambió .* escriba !confiar @alice:test\.org\./s);
    expect(await bot.say("!confiar @alice", { sender: MOD })).toEqual([
      expect.stringMatching(/^Hecho: tomo la nueva identidad de Alice/),
    ]);
  });
});
