import { jest } from "@jest/globals";
import type { MatrixClient, MatrixEvent } from "matrix-js-sdk";
import { pino } from "pino";
import { doc, p } from "../../../src/kernel/doc.js";
import type { PollAnswer } from "../../../src/kernel/invocation.js";
import type { OutgoingMessage } from "../../../src/kernel/port.js";
import type { OpenedDatabase } from "../../../src/platform/db.js";
import { Inbox, type RawEvent } from "../../../src/transport/matrix/inbox.js";
import { IncomingProcessor } from "../../../src/transport/matrix/incoming.js";
import { MatrixTransport } from "../../../src/transport/matrix/matrix-transport.js";
import { pollAnswerFrom, pollEventFor } from "../../../src/transport/matrix/polls.js";
import { syncRecorder } from "../../../src/transport/matrix/sync-recorder.js";
import { openMigrated } from "../../support/db.js";

const ME = "@tandem:x";
const ROOM = "!r:x";
const poll = {
  question: "Adopt the rota?",
  answers: [
    { id: "agree", text: "Agree" },
    { id: "object", text: "Object" },
  ],
  maxSelections: 1,
  disclosed: true,
};
const pollDoc = { ...doc(p("Adopt the rota?"), p("Answer in the poll.")), ref: "proposal:1", poll };
const message = (over: Partial<OutgoingMessage>): OutgoingMessage => ({
  id: 1,
  roomId: ROOM,
  key: "k",
  kind: "notice",
  doc: pollDoc,
  ...over,
});
const reference = (to: string) => ({ rel_type: "m.reference", event_id: to });

/** As matrix-js-sdk's test crypto: the "ciphertext" is the clear event as JSON. */
const crypto = {
  async decryptEvent(event: MatrixEvent) {
    return {
      clearEvent: JSON.parse(event.getWireContent().ciphertext as string) as {
        type: string;
        content: Record<string, unknown>;
      },
    };
  },
};
const client = {
  getUserId: () => ME,
  getRoom: () => null,
  decryptEventIfNeeded: (event: MatrixEvent) => event.attemptDecryption(crypto as never),
} as unknown as MatrixClient;

function plain(eventId: string, type: string, content: Record<string, unknown>, sender = "@ana:x"): RawEvent {
  return { event_id: eventId, room_id: ROOM, sender, type, origin_server_ts: 1_000, content };
}

/** As Element encrypts a poll response: the relation stays in the clear wrapper. */
function encrypted(eventId: string, type: string, content: Record<string, unknown>): RawEvent {
  const { "m.relates_to": relation, ...clear } = content;
  return plain(eventId, "m.room.encrypted", {
    algorithm: "m.megolm.v1.aes-sha2",
    ciphertext: JSON.stringify({ type, content: clear }),
    "m.relates_to": relation,
  });
}

const elementResponse = (to: string, answers: unknown) => ({
  "m.relates_to": reference(to),
  "org.matrix.msc3381.poll.response": { answers },
});

describe("native Matrix polls", () => {
  test("a poll is sent as Element sends one: unstable names, disclosed kind, ids and a plain fallback", () => {
    expect(pollEventFor(message({}))).toEqual({
      type: "org.matrix.msc3381.poll.start",
      content: {
        "org.matrix.msc3381.poll.start": {
          question: { "org.matrix.msc1767.text": "Adopt the rota?" },
          kind: "org.matrix.msc3381.poll.disclosed",
          max_selections: 1,
          answers: [
            { id: "agree", "org.matrix.msc1767.text": "Agree" },
            { id: "object", "org.matrix.msc1767.text": "Object" },
          ],
        },
        "org.matrix.msc1767.text": "Adopt the rota?\nAnswer in the poll.",
      },
    });
    const undisclosed = pollEventFor(message({ doc: { ...pollDoc, poll: { ...poll, disclosed: false } } }));
    expect(
      (undisclosed!.content as { "org.matrix.msc3381.poll.start": { kind: string } })["org.matrix.msc3381.poll.start"]
        .kind,
    ).toBe("org.matrix.msc3381.poll.undisclosed");
  });

  test("the end of a delivered poll refers to it; an end whose poll never went out is an ordinary message", () => {
    const result = doc(p("Adopted."));
    expect(pollEventFor(message({ doc: { ...result, endsPoll: "proposal:1" }, pollEventId: "$poll" }))).toEqual({
      type: "org.matrix.msc3381.poll.end",
      content: {
        "m.relates_to": reference("$poll"),
        "org.matrix.msc3381.poll.end": {},
        "org.matrix.msc1767.text": "Adopted.",
      },
    });
    expect(pollEventFor(message({ doc: { ...result, endsPoll: "proposal:1" } }))).toBeUndefined();
    expect(pollEventFor(message({ doc: result }))).toBeUndefined();
  });

  test("answers are read in every namespace; bad ids are dropped; no readable selection is no answer", () => {
    const read = (type: string, content: Record<string, unknown>) =>
      pollAnswerFrom("$a", ROOM, "@ana:x", 5, type, content, content["m.relates_to"] as never)?.answerIds;
    expect(read("org.matrix.msc3381.poll.response", elementResponse("$poll", ["agree"]))).toEqual(["agree"]);
    expect(
      read("m.poll.response", {
        "m.relates_to": reference("$poll"),
        "m.poll.response": { answers: ["object", "object", 3, "x".repeat(101)] },
      }),
    ).toEqual(["object"]);
    expect(read("m.poll.response", { "m.relates_to": reference("$poll"), "m.selections": ["abstain"] })).toEqual([
      "abstain",
    ]);
    expect(
      read("org.matrix.msc3381.poll.response", { "m.relates_to": reference("$poll"), "m.selections": ["o2", 7] }),
    ).toEqual(["o2"]);
    for (const content of [
      {},
      { "m.selections": [] },
      { "m.selections": "abstain" },
      { "m.selections": [3, ""] },
      { "org.matrix.msc3381.poll.response": {} },
    ]) {
      expect([content, read("m.poll.response", { "m.relates_to": reference("$poll"), ...content })]).toEqual([
        content,
        undefined,
      ]);
    }
    expect(
      read(
        "m.poll.response",
        elementResponse(
          "$poll",
          Array.from({ length: 50 }, (_, i) => `a${i}`),
        ),
      ),
    ).toHaveLength(20);
    expect(
      read("m.poll.response", { "m.relates_to": { rel_type: "m.annotation", event_id: "$poll" } }),
    ).toBeUndefined();
    expect(read("m.room.message", elementResponse("$poll", ["agree"]))).toBeUndefined();
  });

  test("the transport sends a poll as its own event type, through the same send path", async () => {
    const puts: { path: string; body: unknown }[] = [];
    const room = { roomId: ROOM, getMyMembership: () => "join", hasEncryptionStateEvent: () => false };
    const fake = {
      getRoom: () => room,
      getCrypto: () => ({ isEncryptionEnabledInRoom: async () => false }),
      http: {
        authedRequest: async (_m: string, path: string, _q: unknown, body: unknown) => (
          puts.push({ path, body }), { event_id: "$sent" }
        ),
      },
    } as unknown as MatrixClient;
    const transport = new MatrixTransport(fake, { allowUnencryptedRooms: true, ready: Promise.resolve() });
    expect(await transport.send(message({}))).toBe("$sent");
    expect(
      await transport.send(message({ doc: { ...doc(p("Adopted.")), endsPoll: "proposal:1" }, pollEventId: "$poll" })),
    ).toBe("$sent");
    expect(puts.map((x) => x.path.split("/")[4])).toEqual([
      "org.matrix.msc3381.poll.start",
      "org.matrix.msc3381.poll.end",
    ]);
  });
});

describe("poll answers coming in from Matrix", () => {
  let opened: OpenedDatabase;
  let inbox: Inbox;
  let answers: PollAnswer[];
  const processor = (encryptedRoom: boolean) =>
    new IncomingProcessor({
      client,
      inbox,
      log: pino({ level: "silent" }),
      clock: () => 10_000,
      dispatcher: {
        handle: () => undefined,
        handleReaction: () => undefined,
        handlePollAnswer: (answer) => void answers.push(answer),
        readsEvent: () => false,
        handleEvent: () => undefined,
        handleJoin: () => undefined,
      },
      isRoomEncrypted: async () => encryptedRoom,
      allowUnencryptedRooms: true,
      onUnencryptedCommandRoom: async () => undefined,
      undecryptableNoticeAfterMs: 60_000,
      enqueueUndecryptableNotice: () => undefined,
    });

  beforeEach(() => {
    jest.spyOn(console, "warn").mockImplementation(() => undefined);
    opened = openMigrated();
    inbox = new Inbox(opened.db);
    answers = [];
  });
  afterEach(() => {
    opened.close();
    jest.restoreAllMocks();
  });

  test("plain responses are recorded from the sync once, in both namespaces; the bot's own are not", async () => {
    const events = [
      plain("$s", "org.matrix.msc3381.poll.response", elementResponse("$poll", ["agree"])),
      plain(
        "$m",
        "m.poll.response",
        { "m.relates_to": reference("$poll"), "m.poll.response": { answers: ["object"] } },
        "@bo:x",
      ),
      plain("$mine", "m.poll.response", elementResponse("$poll", ["agree"]), ME),
    ];
    const record = syncRecorder(inbox, ME, () => 10_000);
    const body = { rooms: { join: { [ROOM]: { timeline: { events } } } } };
    await record(body, false, async () => ({}));
    await record(body, true, async () => ({}));
    expect(inbox.open().map((r) => r.eventId)).toEqual(["$s", "$m"]);
    await processor(false).process();
    await processor(false).process();
    expect(answers).toEqual([
      { eventId: "$s", roomId: ROOM, sender: "@ana:x", pollEventId: "$poll", answerIds: ["agree"], sentAt: 1_000 },
      { eventId: "$m", roomId: ROOM, sender: "@bo:x", pollEventId: "$poll", answerIds: ["object"], sentAt: 1_000 },
    ]);
  });

  test("an encrypted response (Element) is reported with the relation from its clear wrapper", async () => {
    inbox.record([encrypted("$e", "org.matrix.msc3381.poll.response", elementResponse("$poll", ["object"]))], 10_000);
    await processor(true).process();
    expect(answers).toEqual([
      { eventId: "$e", roomId: ROOM, sender: "@ana:x", pollEventId: "$poll", answerIds: ["object"], sentAt: 1_000 },
    ]);
    expect(inbox.open()).toEqual([]);
  });

  test("a plain response in an encrypted room is not from a member's client and is never counted", async () => {
    inbox.record([plain("$p", "org.matrix.msc3381.poll.response", elementResponse("$poll", ["agree"]))], 10_000);
    await processor(true).process();
    expect(answers).toEqual([]);
    expect(inbox.open()).toEqual([]);
  });
});
