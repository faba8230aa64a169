import { jest } from "@jest/globals";
import { MatrixEvent as MatrixEventClass, type MatrixClient, type MatrixEvent } from "matrix-js-sdk";
import { pino } from "pino";
import { EventShieldReason } from "matrix-js-sdk/lib/crypto-api/index.js";
import type { IncomingEvent, Invocation, MemberJoin, Reaction } from "../../../src/kernel/invocation.js";
import { HOST_MARK } from "../../../src/kernel/other-tandems.js";
import type { OpenedDatabase } from "../../../src/platform/db.js";
import { Inbox, type InboxRow, type RawEvent } from "../../../src/transport/matrix/inbox.js";
import { IncomingProcessor } from "../../../src/transport/matrix/incoming.js";
import { syncRecorder } from "../../../src/transport/matrix/sync-recorder.js";
import { openMigrated } from "../../support/db.js";

const ME = "@tandem:x";
const ROOM = "!r:x";
const NOTICE_AFTER_MS = 60_000;

/**
 * A stand-in for the sdk's crypto: the "ciphertext" of a test event is its clear event as JSON;
 * "lost" is a message whose keys never arrive.
 */
let decryptions = 0;
const crypto = {
  async decryptEvent(event: MatrixEvent) {
    decryptions++;
    const ciphertext = event.getWireContent().ciphertext as string;
    if (ciphertext === "lost") throw new Error("unknown megolm session");
    return { clearEvent: JSON.parse(ciphertext) as { type: string; content: Record<string, unknown> } };
  },
};
/** The shield the sdk would give each event's sender device, by event id (none: not decrypted here). */
const shields = new Map<string, EventShieldReason | null>();
/** The sdk's own copies of events, as its timeline holds them after a sync. */
const timeline = new Map<string, MatrixEvent>();
const client = {
  getUserId: () => ME,
  getRoom: () => ({ findEventById: (id: string) => timeline.get(id) }),
  // As the sdk does: only an event that still needs it is decrypted.
  decryptEventIfNeeded: async (event: MatrixEvent) =>
    event.shouldAttemptDecryption() ? event.attemptDecryption(crypto as never) : undefined,
  getCrypto: () => ({
    getEncryptionInfoForEvent: async (event: MatrixEvent) =>
      shields.has(event.getId()!) ? { shieldColour: 0, shieldReason: shields.get(event.getId()!) } : null,
  }),
} as unknown as MatrixClient;

const thumbsUp = (to: string) => ({ "m.relates_to": { rel_type: "m.annotation", event_id: to, key: "👍" } });

function plain(eventId: string, type: string, content: Record<string, unknown>, sender = "@ana:x"): RawEvent {
  return { event_id: eventId, room_id: ROOM, sender, type, origin_server_ts: 1_000, content };
}

/** As clients send an encrypted event: the relation stays in the clear wrapper, the rest is ciphertext. */
function encrypted(eventId: string, type: string, content: Record<string, unknown>, lost = false): RawEvent {
  const clear = { ...content };
  delete clear["m.relates_to"];
  const wrapper: Record<string, unknown> = {
    algorithm: "m.megolm.v1.aes-sha2",
    ciphertext: lost ? "lost" : JSON.stringify({ type, content: clear }),
  };
  if (content["m.relates_to"]) wrapper["m.relates_to"] = content["m.relates_to"];
  return plain(eventId, "m.room.encrypted", wrapper);
}

let opened: OpenedDatabase;
let inbox: Inbox;
let now: number;
let handled: Invocation[];
let reactions: Reaction[];
let notices: InboxRow[];
let explained: string[];
let structured: IncomingEvent[];
let joins: MemberJoin[];

function processor(options: { encryptedRoom: boolean; allowUnencryptedRooms?: boolean }) {
  return new IncomingProcessor({
    client,
    inbox,
    log: pino({ level: "silent" }),
    clock: () => now,
    dispatcher: {
      handle: (inv) => void handled.push(inv),
      handleReaction: (reaction) => void reactions.push(reaction),
      handlePollAnswer: () => undefined,
      readsEvent: (type) => type === "org.example.report" || type === HOST_MARK,
      handleEvent: (event) => void structured.push(event),
      handleJoin: (join) => void joins.push(join),
    },
    isRoomEncrypted: async () => options.encryptedRoom,
    allowUnencryptedRooms: options.allowUnencryptedRooms ?? false,
    onUnencryptedCommandRoom: async (roomId) => void explained.push(roomId),
    undecryptableNoticeAfterMs: NOTICE_AFTER_MS,
    enqueueUndecryptableNotice: (row) => void notices.push(row),
  });
}

beforeEach(() => {
  // The sdk warns on every failed decryption; here failing is the point.
  jest.spyOn(console, "warn").mockImplementation(() => undefined);
  opened = openMigrated();
  inbox = new Inbox(opened.db);
  now = 10_000;
  handled = [];
  reactions = [];
  notices = [];
  explained = [];
  structured = [];
  joins = [];
  shields.clear();
  timeline.clear();
  decryptions = 0;
});
afterEach(() => {
  opened.close();
  jest.restoreAllMocks();
});

describe("people joining, seen from Matrix", () => {
  test("a join of someone else in the timeline is handed on once, in an encrypted room too; profile changes, the state block and the bot's own join are not", async () => {
    const member = (eventId: string, who: string, content: Record<string, unknown>, prev?: string) => ({
      event_id: eventId,
      sender: who,
      type: "m.room.member",
      state_key: who,
      origin_server_ts: 5,
      content,
      ...(prev ? { unsigned: { prev_content: { membership: prev } } } : {}),
    });
    const mine = member("$me", ME, { membership: "join" });
    const old = member("$old", "@old:test.org", { membership: "join" });
    const timeline = [
      mine,
      member("$noa", "@noa:test.org", { membership: "join", displayname: "Noa" }, "invite"),
      member("$rename", "@bo:test.org", { membership: "join", displayname: "Bo B." }, "join"),
    ];
    const body = { rooms: { join: { [ROOM]: { state: { events: [old] }, timeline: { events: timeline } } } } };
    await syncRecorder(inbox, ME, () => now)(body, false, async () => ({}));
    await syncRecorder(inbox, ME, () => now)(body, true, async () => ({}));
    await processor({ encryptedRoom: true }).process();
    expect(joins).toEqual([{ eventId: "$noa", roomId: ROOM, userId: "@noa:test.org", displayName: "Noa", sentAt: 5 }]);
    expect(handled).toEqual([]);
  });
});

describe("reactions coming in from Matrix", () => {
  test("reactions are recorded from the sync like messages; the bot's own are not", async () => {
    const join = {
      event_id: "$join",
      sender: ME,
      type: "m.room.member",
      state_key: ME,
      origin_server_ts: 1,
      content: { membership: "join" },
    };
    const events = [
      join,
      { ...plain("$r1", "m.reaction", thumbsUp("$plan")) },
      { ...plain("$r2", "m.reaction", thumbsUp("$plan"), ME) },
    ];
    await syncRecorder(inbox, ME, () => now)(
      { rooms: { join: { [ROOM]: { timeline: { events } } } } },
      false,
      async () => ({}),
    );
    expect(inbox.open().map((r) => r.eventId)).toEqual(["$r1"]);
  });

  test("an encrypted reaction (Element X) and a plain one in an encrypted room (Element Web) are both reported", async () => {
    inbox.record(
      [encrypted("$enc", "m.reaction", thumbsUp("$plan")), plain("$clear", "m.reaction", thumbsUp("$plan"), "@bo:x")],
      now,
    );
    await processor({ encryptedRoom: true }).process();
    expect(reactions).toEqual([
      { eventId: "$enc", roomId: ROOM, sender: "@ana:x", relatesTo: "$plan", key: "👍", sentAt: 1_000 },
      { eventId: "$clear", roomId: ROOM, sender: "@bo:x", relatesTo: "$plan", key: "👍", sentAt: 1_000 },
    ]);
    expect(handled).toEqual([]);
    expect(inbox.open()).toEqual([]);
  });

  test("plain messages in an encrypted room are still never acted on", async () => {
    inbox.record([plain("$plain", "m.room.message", { msgtype: "m.text", body: "!careplan 1 join" })], now);
    await processor({ encryptedRoom: true }).process();
    expect(handled).toEqual([]);
    expect(inbox.open()).toEqual([]);
  });

  test("the bot's own reactions, and annotations without a target or key, are ignored", async () => {
    inbox.record(
      [
        plain("$mine", "m.reaction", thumbsUp("$plan"), ME),
        plain("$nokey", "m.reaction", { "m.relates_to": { rel_type: "m.annotation", event_id: "$plan" } }),
        plain("$reply", "m.reaction", { "m.relates_to": { rel_type: "m.reference", event_id: "$plan", key: "x" } }),
      ],
      now,
    );
    await processor({ encryptedRoom: true }).process();
    expect(reactions).toEqual([]);
    expect(inbox.open()).toEqual([]);
  });

  test("a reaction that cannot be decrypted is retried like a message, then dropped without a notice", async () => {
    inbox.record(
      [
        encrypted("$lostReaction", "m.reaction", thumbsUp("$plan"), true),
        encrypted("$lostCommand", "m.room.message", { msgtype: "m.text", body: "!careplans" }, true),
      ],
      now,
    );
    const incoming = processor({ encryptedRoom: true });
    await incoming.process();
    expect(inbox.open().map((r) => [r.eventId, r.state])).toEqual([
      ["$lostReaction", "undecryptable"],
      ["$lostCommand", "undecryptable"],
    ]);
    now += NOTICE_AFTER_MS;
    await incoming.process();
    expect(notices.map((r) => r.eventId)).toEqual(["$lostCommand"]);
    expect(inbox.open()).toEqual([]);
    expect(reactions).toEqual([]);
  });

  test("in an unencrypted room a reaction is reported only where commands are allowed", async () => {
    inbox.record([plain("$a", "m.reaction", thumbsUp("$plan"))], now);
    await processor({ encryptedRoom: false }).process();
    expect(reactions).toEqual([]);
    expect(explained).toEqual([ROOM]);

    inbox.record([plain("$b", "m.reaction", thumbsUp("$plan"))], now);
    await processor({ encryptedRoom: false, allowUnencryptedRooms: true }).process();
    expect(reactions.map((r) => r.eventId)).toEqual(["$b"]);
  });
});

describe("a processing pass", () => {
  test("that cannot read the inbox (the database closed during shutdown) settles instead of rejecting unhandled", async () => {
    inbox.record([plain("$late", "m.reaction", thumbsUp("$plan"))], now);
    opened.close();
    await expect(processor({ encryptedRoom: true }).process()).resolves.toBeUndefined();
  });
});

describe("structured events from other bots", () => {
  test("an encrypted event of a type a feature reads is handed on, with whether its device is cross-signed", async () => {
    shields.set("$signed", null);
    shields.set("$unverifiedOwner", EventShieldReason.UNVERIFIED_IDENTITY);
    shields.set("$unsigned", EventShieldReason.UNSIGNED_DEVICE);
    inbox.record(
      ["$signed", "$unverifiedOwner", "$unsigned"].map((id) => encrypted(id, "org.example.report", { v: 1 })),
      now,
    );
    await processor({ encryptedRoom: true }).process();
    expect(structured.map((e) => [e.eventId, e.type, e.content, e.signedDevice])).toEqual([
      ["$signed", "org.example.report", { v: 1 }, true],
      ["$unverifiedOwner", "org.example.report", { v: 1 }, true],
      ["$unsigned", "org.example.report", { v: 1 }, false],
    ]);
    expect(inbox.open()).toEqual([]);
  });

  test("a plain one in an encrypted room, and types nobody reads, are dropped", async () => {
    inbox.record(
      [plain("$clear", "org.example.report", { v: 1 }), encrypted("$other", "org.example.unknown", { v: 1 })],
      now,
    );
    await processor({ encryptedRoom: true }).process();
    expect(structured).toEqual([]);
    expect(handled).toEqual([]);
    expect(inbox.open()).toEqual([]);
  });
});

describe("another Tandem's messages in a room it hosts", () => {
  test("carry its host mark: never run as a command, handed on as the mark with whether its device is cross-signed", async () => {
    shields.set("$hosted", null);
    shields.set("$forged", EventShieldReason.UNSIGNED_DEVICE);
    const reply = { msgtype: "m.notice", body: "!assembly invite", [HOST_MARK]: true };
    inbox.record(
      [
        encrypted("$hosted", "m.room.message", reply),
        encrypted("$forged", "m.room.message", reply),
        encrypted("$member", "m.room.message", { msgtype: "m.text", body: "!assembly invite" }),
      ],
      now,
    );
    await processor({ encryptedRoom: true }).process();
    expect(structured.map((e) => [e.eventId, e.type, e.content, e.signedDevice])).toEqual([
      ["$hosted", HOST_MARK, {}, true],
      ["$forged", HOST_MARK, {}, false],
    ]);
    expect(handled.map((inv) => inv.eventId)).toEqual(["$member"]);
    expect(inbox.open()).toEqual([]);
  });
});

describe("the sdk's decryption, used once", () => {
  test("a command the sdk already decrypted from the same sync is not decrypted a second time", async () => {
    const raw = encrypted("$cmd", "m.room.message", { msgtype: "m.text", body: "!careplans" });
    const sdkCopy = new MatrixEventClass(raw);
    await sdkCopy.attemptDecryption(crypto as never);
    timeline.set("$cmd", sdkCopy);
    const lost = encrypted("$lost", "m.room.message", { msgtype: "m.text", body: "!help" });
    const failedCopy = new MatrixEventClass({ ...lost, content: { ...lost.content, ciphertext: "lost" } });
    await failedCopy.attemptDecryption(crypto as never).catch(() => undefined);
    timeline.set("$lost", failedCopy);
    inbox.record([raw, lost], now);
    decryptions = 0;
    await processor({ encryptedRoom: true }).process();
    expect(handled.map((i) => [i.eventId, i.text])).toEqual([
      ["$cmd", "!careplans"],
      ["$lost", "!help"],
    ]);
    // Only the copy the sdk could not decrypt was decrypted again, from the inbox.
    expect(decryptions).toBe(1);
  });
});
