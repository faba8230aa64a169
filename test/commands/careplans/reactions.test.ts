import type { Reaction } from "../../../src/kernel/invocation.js";
import { renderPlain } from "../../../src/kernel/render-plain.js";
import type { OutgoingMessage } from "../../../src/kernel/port.js";
import { FakeTransport } from "../../support/fake-transport.js";
import { createTestBot, ROOM, type TestBot } from "../../support/test-bot.js";

const ANA = "@ana:test.org";
const BO = "@bo:test.org";
const CY = "@cy:test.org";
const OTHER_ROOM = "!other:test.org";

let reactions = 0;

describe("volunteering for a care plan with a reaction", () => {
  let bot: TestBot;
  beforeEach(() => {
    bot = createTestBot(); // Tuesday 2026-11-24 11:00 Madrid
    bot.transport.join(ROOM, ANA, "Ana");
    bot.transport.join(ROOM, BO, "Bo");
    bot.transport.join(OTHER_ROOM, ANA, "Ana");
  });
  afterEach(() => bot.close());

  /** Reacts as `sender` to the event `to`, delivers the outbox, and returns what the bot sent. */
  async function react(
    to: string,
    options: Partial<Reaction> = {},
  ): Promise<{ outcome: string; sent: OutgoingMessage[] }> {
    const before = bot.transport.sent.length;
    const outcome = bot.dispatcher.handleReaction({
      eventId: `$r${++reactions}`,
      roomId: ROOM,
      sender: ANA,
      relatesTo: to,
      key: "👍",
      sentAt: bot.clock.now,
      ...options,
    });
    await bot.sender.drain();
    return { outcome, sent: bot.transport.sent.slice(before) };
  }

  const volunteers = (): string[] =>
    bot.db.prepare("SELECT user_id FROM careplan_volunteers ORDER BY user_id").pluck().all() as string[];
  const lastSentEventId = () => FakeTransport.eventIdOf(bot.transport.sent.at(-1)!);

  async function createPlan(
    text = "!careplan overtime refusal at friday 17:00 for 2h care solidarity pantry",
    options: Parameters<TestBot["say"]>[1] = {},
  ): Promise<string> {
    await bot.say(text, options);
    return lastSentEventId();
  }

  it("a reaction to the reply that created the plan joins the reactor, answering that reply", async () => {
    const announcement = await createPlan();
    const { outcome, sent } = await react(announcement, { eventId: "$thumbs" });
    expect(outcome).toBe("handled");
    expect(sent.map((m) => renderPlain(m.doc))).toEqual([
      "Thank you, Ana: you carry the care of plan #1.\nCare act: solidarity pantry, carried by Ana.",
    ]);
    expect(sent[0]).toMatchObject({ key: "$thumbs", kind: "reply", replyToEventId: announcement });
    expect(volunteers()).toEqual([ANA]);
  });

  it("a redelivered reaction event does nothing twice", async () => {
    const announcement = await createPlan();
    await react(announcement, { eventId: "$once" });
    expect(await react(announcement, { eventId: "$once" })).toEqual({ outcome: "duplicate", sent: [] });
    expect(volunteers()).toEqual([ANA]);
  });

  it("reactions to the plan's view, reminder and start call join too; to its decompression prompt they do not", async () => {
    await createPlan();
    await bot.say("!careplan 1");
    expect((await react(lastSentEventId(), { sender: BO })).sent.map((m) => renderPlain(m.doc))).toEqual([
      expect.stringMatching(/^Thank you, Bo: you carry the care of plan #1\./),
    ]);

    expect(await bot.tickTo("2026-11-26T16:00:20Z")).toEqual([expect.stringMatching(/^Tomorrow: overtime refusal/)]);
    expect((await react(lastSentEventId())).sent.map((m) => renderPlain(m.doc))).toEqual([
      expect.stringMatching(/^Thank you, Ana: you carry the care of plan #1\./),
    ]);
    expect(volunteers()).toEqual([ANA, BO]);

    await bot.tickTo("2026-11-27T16:00:20Z");
    const startCall = lastSentEventId();
    expect((await react(startCall, { sender: CY })).sent.map((m) => renderPlain(m.doc))).toEqual([
      "Thank you, cy: you carry the care of plan #1.\nCare act: solidarity pantry, carried by Bo, Ana, and cy.",
    ]);

    await bot.tickTo("2026-11-27T18:00:20Z");
    expect(renderPlain(bot.transport.sent.at(-1)!.doc)).toMatch(/is over\. Time to breathe out\./);
    expect(await react(lastSentEventId(), { sender: "@dee:test.org" })).toEqual({ outcome: "ignored", sent: [] });
    expect(volunteers()).toEqual([ANA, BO, CY]);
  });

  it("reactions to anything else are ignored without a word", async () => {
    await createPlan();
    await bot.say("!careplan 1 join", { sender: BO, eventId: "$typed-join" });
    const joinReply = lastSentEventId();
    await bot.say("!ledger thanks @bo cooked 40 meals");
    const ledgerReply = lastSentEventId();
    for (const to of [joinReply, ledgerReply, "$typed-join", "$someone-elses-message"]) {
      expect(await react(to)).toEqual({ outcome: "ignored", sent: [] });
    }
    expect(volunteers()).toEqual([BO]);
  });

  it("a reaction in another room never reaches this room's plan", async () => {
    const announcement = await createPlan();
    expect(await react(announcement, { roomId: OTHER_ROOM })).toEqual({ outcome: "ignored", sent: [] });
    expect(volunteers()).toEqual([]);
  });

  it("a reaction to a cancelled plan gets the usual answer", async () => {
    const announcement = await createPlan();
    await bot.say("!careplan cancel 1");
    const { outcome, sent } = await react(announcement);
    expect(outcome).toBe("handled");
    expect(sent.map((m) => renderPlain(m.doc))).toEqual(["Plan #1 is already closed. See all plans with !careplans."]);
    expect(volunteers()).toEqual([]);
  });

  it("the answer stays in the thread of the message reacted to", async () => {
    const announcement = await createPlan(undefined, { threadRootId: "$thread" });
    const { sent } = await react(announcement);
    expect(sent[0]).toMatchObject({ replyToEventId: announcement, threadRootId: "$thread" });
  });

  it("delivered messages keep their event id and what they are about, never their text", async () => {
    await createPlan(undefined, { eventId: "$create" });
    const row = bot.db.prepare("SELECT doc, event_id, ref FROM outbox WHERE key = '$create'").get();
    expect(row).toEqual({ doc: '{"blocks":[]}', event_id: "$sent:$create", ref: "careplan:1" });
  });

  it("after a cell wipe, a reaction to an old plan message does not reach a new plan with the same number", async () => {
    const old = await createPlan();
    await bot.say("!cell wipe", { sender: "@mod:test.org" });
    await bot.say("!cell wipe confirm", { sender: "@mod:test.org" });
    await createPlan("!careplan walkout at 2026-12-04 08:00");
    expect(await react(old)).toEqual({ outcome: "ignored", sent: [] });
    expect(volunteers()).toEqual([]);
  });

  it("after a cell wipe of a room with no posts left to send, a reaction to an old plan message still reaches nothing", async () => {
    const old = await createPlan();
    await bot.say("!careplan cancel 1");
    await bot.say("!ledger thanks @ana cooked soup");
    await bot.say("!cell wipe confirm", { sender: "@mod:test.org" });
    await createPlan("!careplan walkout at 2026-12-04 08:00");
    expect(await react(old)).toEqual({ outcome: "ignored", sent: [] });
    expect(volunteers()).toEqual([]);
  });
});
