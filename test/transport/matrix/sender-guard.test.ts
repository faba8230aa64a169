import { jest } from "@jest/globals";
import type { MatrixClient, MatrixEvent } from "matrix-js-sdk";
import { DecryptionError } from "matrix-js-sdk/lib/common-crypto/CryptoBackend.js";
import { DecryptionFailureCode, EventShieldReason } from "matrix-js-sdk/lib/crypto-api/index.js";
import { pino } from "pino";
import { identityHolds } from "../../../src/kernel/identity-holds.js";
import type { Invocation } from "../../../src/kernel/invocation.js";
import type { OpenedDatabase } from "../../../src/platform/db.js";
import { Inbox, type InboxRow, type RawEvent } from "../../../src/transport/matrix/inbox.js";
import { IncomingProcessor } from "../../../src/transport/matrix/incoming.js";
import { inboxRoomData } from "../../../src/transport/matrix/inbox-room-data.js";
import { personMatch } from "../../../src/kernel/room-data.js";
import { DEVICE_GRACE_MS, SenderGuard } from "../../../src/transport/matrix/sender-guard.js";
import { CHANGE_WINDOW_MS, DeviceListChanges } from "../../../src/transport/matrix/device-list-changes.js";
import { openMigrated } from "../../support/db.js";

const ME = "@tandem:x";
const ROOM = "!r:x";
const ANA = "@ana:x";
const BO = "@bo:x";
const WEEK = 7 * 24 * 3600_000;

let keysArrived = false;

/** The "ciphertext" of a test event is its clear content as JSON, or the reason the sdk refuses it. */
const crypto = {
  async decryptEvent(event: MatrixEvent) {
    const ciphertext = event.getWireContent().ciphertext as string;
    if (ciphertext === "unsigned")
      throw new DecryptionError(DecryptionFailureCode.UNSIGNED_SENDER_DEVICE, "unsigned device");
    if (ciphertext.startsWith("late:") && !keysArrived)
      throw new DecryptionError(DecryptionFailureCode.MEGOLM_UNKNOWN_INBOUND_SESSION_ID, "no key yet");
    if (ciphertext.startsWith("late:"))
      return {
        clearEvent: { type: "m.room.message", content: JSON.parse(ciphertext.slice(5)) as Record<string, unknown> },
      };
    if (ciphertext === "lost")
      throw new DecryptionError(DecryptionFailureCode.MEGOLM_UNKNOWN_INBOUND_SESSION_ID, "no key");
    return { clearEvent: { type: "m.room.message", content: JSON.parse(ciphertext) as Record<string, unknown> } };
  },
};

/** Shields by event id (none: a signed device), and people whose identity changed and is not pinned yet. */
const shields = new Map<string, EventShieldReason>();
const changed = new Set<string>();
const pinned: string[] = [];
/** Whose key queries the guard waited for (the sdk's `getUserDeviceInfo`). */
const waitedFor: string[] = [];
const client = {
  getUserId: () => ME,
  getRoom: () => null,
  decryptEventIfNeeded: async (event: MatrixEvent) =>
    event.shouldAttemptDecryption() ? event.attemptDecryption(crypto as never) : undefined,
  getCrypto: () => ({
    getEncryptionInfoForEvent: async (event: MatrixEvent) => ({
      shieldColour: 0,
      shieldReason: shields.get(event.getId()!) ?? null,
    }),
    getUserDeviceInfo: async (userIds: string[]) => {
      waitedFor.push(...userIds);
      return new Map();
    },
    getUserVerificationStatus: async (userId: string) => ({ needsUserApproval: changed.has(userId) }),
    pinCurrentUserIdentity: async (userId: string) => {
      if (userId === BO) throw new Error("no identity known for this user");
      pinned.push(userId);
      changed.delete(userId);
    },
  }),
} as unknown as MatrixClient;

function command(
  eventId: string,
  body: string,
  options: { device?: string; ciphertext?: string; sender?: string } = {},
): RawEvent {
  const ciphertext = options.ciphertext ?? JSON.stringify({ msgtype: "m.text", body });
  return {
    event_id: eventId,
    room_id: ROOM,
    sender: options.sender ?? ANA,
    type: "m.room.encrypted",
    origin_server_ts: 1_000,
    content: { algorithm: "m.megolm.v1.aes-sha2", device_id: options.device ?? "PHONE", ciphertext },
  };
}

let opened: OpenedDatabase;
let inbox: Inbox;
let now: number;
let handled: Invocation[];
let deviceNotices: string[];
let changes: string[];
let dropped: { userId: string; count: number }[];
let undecryptableNotices: InboxRow[];
let deviceLists: DeviceListChanges;

function processor(excludeInsecureDevices = true, undecryptableNoticeAfterMs = 300_000) {
  const guard = new SenderGuard({
    client,
    db: opened.db,
    inbox,
    log: pino({ level: "silent" }),
    clock: () => now,
    excludeInsecureDevices,
    deviceLists,
    tellUnverifiedDevice: (row, device) => void deviceNotices.push(`${row.sender} ${device}`),
    identityChanged: (row) => {
      // As the trust feature does: the room is told once per change.
      if (identityHolds(opened.db).open(row.roomId, row.sender, now)) changes.push(row.eventId);
    },
    tellDropped: (_roomId, userId, count) => void dropped.push({ userId, count }),
  });
  return new IncomingProcessor({
    client,
    inbox,
    log: pino({ level: "silent" }),
    clock: () => now,
    dispatcher: {
      handle: (inv) => void handled.push(inv),
      handleReaction: () => undefined,
      handlePollAnswer: () => undefined,
      readsEvent: () => false,
      handleEvent: () => undefined,
      handleJoin: () => undefined,
    },
    isRoomEncrypted: async () => true,
    allowUnencryptedRooms: false,
    onUnencryptedCommandRoom: async () => undefined,
    undecryptableNoticeAfterMs,
    enqueueUndecryptableNotice: (row) => void undecryptableNotices.push(row),
    guard,
  });
}

beforeEach(() => {
  jest.spyOn(console, "warn").mockImplementation(() => undefined);
  opened = openMigrated();
  inbox = new Inbox(opened.db);
  now = 10_000;
  handled = [];
  deviceNotices = [];
  changes = [];
  dropped = [];
  undecryptableNotices = [];
  shields.clear();
  changed.clear();
  pinned.length = 0;
  waitedFor.length = 0;
  deviceLists = new DeviceListChanges(() => now);
});
afterEach(() => {
  opened.close();
  jest.restoreAllMocks();
});

describe("devices their owners did not verify", () => {
  test("a command from a device its owner did not sign is not run; the room is told once per device, never per message", async () => {
    shields.set("$a", EventShieldReason.UNSIGNED_DEVICE);
    shields.set("$b", EventShieldReason.UNSIGNED_DEVICE);
    shields.set("$c", EventShieldReason.UNKNOWN_DEVICE);
    inbox.record(
      [
        command("$a", "!ledger thanks @bo cooked"),
        command("$b", "!help"),
        command("$c", "!help", { device: "LAPTOP" }),
        command("$ok", "!help", { device: "DESK" }),
      ],
      now,
    );
    await processor().process();
    expect(handled.map((i) => i.eventId)).toEqual(["$ok"]);
    expect(deviceNotices).toEqual([`${ANA} PHONE`, `${ANA} LAPTOP`]);
    expect(inbox.open()).toEqual([]);

    // Remembered in the database, not in memory: a restarted bot does not tell again.
    shields.set("$d", EventShieldReason.UNSIGNED_DEVICE);
    inbox.record([command("$d", "!help")], now);
    await processor().process();
    expect(deviceNotices).toHaveLength(2);
  });

  test("a member whose owner's identity the bot has not verified is obeyed: the bot verifies nobody", async () => {
    shields.set("$a", EventShieldReason.UNVERIFIED_IDENTITY);
    inbox.record([command("$a", "!help")], now);
    await processor().process();
    expect(handled.map((i) => i.eventId)).toEqual(["$a"]);
  });

  test("with excludeInsecureDevices off, every device is obeyed", async () => {
    shields.set("$a", EventShieldReason.UNSIGNED_DEVICE);
    inbox.record([command("$a", "!help")], now);
    await processor(false).process();
    expect(handled.map((i) => i.eventId)).toEqual(["$a"]);
    expect(deviceNotices).toEqual([]);
  });

  test("a message the sdk refuses to decrypt for its unsigned device waits a moment (new keys may be on their way), then is refused with the one notice", async () => {
    inbox.record([command("$a", "", { ciphertext: "unsigned" })], now);
    const incoming = processor();
    await incoming.process();
    expect(inbox.open().map((r) => r.state)).toEqual(["undecryptable"]);
    expect(deviceNotices).toEqual([]);
    now += DEVICE_GRACE_MS;
    await incoming.process();
    expect(inbox.open()).toEqual([]);
    expect(deviceNotices).toEqual([`${ANA} PHONE`]);
    expect(undecryptableNotices).toEqual([]);
  });

  test("while it waits, it is never answered with the notice asking to send it again, however soon that notice is due", async () => {
    inbox.record([command("$a", "", { ciphertext: "unsigned" })], now);
    const incoming = processor(true, 1_000);
    await incoming.process();
    now += DEVICE_GRACE_MS / 2;
    await incoming.process();
    expect(inbox.open().map((r) => r.state)).toEqual(["undecryptable"]);
    now += DEVICE_GRACE_MS;
    await incoming.process();
    expect(undecryptableNotices).toEqual([]);
    expect(deviceNotices).toEqual([`${ANA} PHONE`]);
  });

  test("a message whose keys are missing is still only undecryptable, not refused", async () => {
    inbox.record([command("$a", "", { ciphertext: "lost" })], now);
    const incoming = processor();
    await incoming.process();
    now += DEVICE_GRACE_MS;
    await incoming.process();
    expect(inbox.open().map((r) => r.state)).toEqual(["undecryptable"]);
    expect(deviceNotices).toEqual([]);
  });
});

describe("a member's identity changed", () => {
  test("her commands are held, the room told once; after a moderator's approval the identity is pinned and each runs once", async () => {
    changed.add(ANA);
    inbox.record([command("$a", "!ledger thanks @bo cooked"), command("$b", "!help")], now);
    const incoming = processor();
    await incoming.process();
    await incoming.process();
    expect(handled).toEqual([]);
    expect(changes).toEqual(["$a"]);
    expect(inbox.open()).toEqual([]);

    identityHolds(opened.db).approve(ROOM, ANA, "@mo:x", now);
    await incoming.process();
    expect(pinned).toEqual([ANA]);
    expect(handled.map((i) => i.eventId)).toEqual(["$a", "$b"]);
    expect(identityHolds(opened.db).approved()).toEqual([]);
    await incoming.process();
    expect(handled).toHaveLength(2);
  });

  test("a key query is waited for only for someone whose devices a sync said changed lately, or just after start", async () => {
    const incoming = processor();
    inbox.record([command("$a", "!help")], now);
    await incoming.process();
    expect(waitedFor).toEqual([ANA]);

    now += CHANGE_WINDOW_MS;
    inbox.record([command("$b", "!help"), command("$c", "!help", { sender: BO })], now);
    deviceLists.noteSync({ device_lists: { changed: [BO] } });
    await incoming.process();
    expect(waitedFor).toEqual([ANA, BO]);

    now += CHANGE_WINDOW_MS;
    inbox.record([command("$d", "!help", { sender: BO })], now);
    await incoming.process();
    expect(waitedFor).toEqual([ANA, BO]);
    expect(handled.map((i) => i.eventId)).toEqual(["$a", "$b", "$c", "$d"]);
  });

  test("an identity that cannot be pinned yet keeps its messages held, without keeping anyone else's", async () => {
    changed.add(ANA);
    changed.add(BO);
    inbox.record([command("$bo", "!help", { sender: BO }), command("$ana", "!help")], now);
    const incoming = processor();
    await incoming.process();
    identityHolds(opened.db).approve(ROOM, BO, "@mo:x", now);
    identityHolds(opened.db).approve(ROOM, ANA, "@mo:x", now);
    await incoming.process();
    expect(handled.map((i) => i.eventId)).toEqual(["$ana"]);
    expect(identityHolds(opened.db).approved()).toEqual([BO]);
  });

  test("a message held after its keys arrived late does not keep the undecryptable retries running", async () => {
    changed.add(ANA);
    keysArrived = false;
    inbox.record(
      [command("$late", "", { ciphertext: `late:${JSON.stringify({ msgtype: "m.text", body: "!help" })}` })],
      now,
    );
    const incoming = processor();
    await incoming.process();
    expect(inbox.hasUndecryptable()).toBe(true);
    keysArrived = true;
    await incoming.process();
    expect(handled).toEqual([]);
    expect(inbox.hasUndecryptable()).toBe(false);
  });

  test("what waited a week without approval is dropped, with a notice counting it, and never run", async () => {
    changed.add(ANA);
    inbox.record([command("$a", "!help"), command("$b", "!help")], now);
    const incoming = processor();
    await incoming.process();
    now += WEEK + 1;
    await incoming.process();
    expect(dropped).toEqual([{ userId: ANA, count: 2 }]);
    expect(identityHolds(opened.db).awaiting(ROOM, ANA)).toBeUndefined();
    identityHolds(opened.db).open(ROOM, ANA, now);
    identityHolds(opened.db).approve(ROOM, ANA, "@mo:x", now);
    await incoming.process();
    expect(handled).toEqual([]);
  });
});

describe("forgetting and wiping", () => {
  const count = (sql: string) => opened.db.prepare(sql).pluck().get() as number;

  test("a forgotten person's held messages and told devices go, and are never run", async () => {
    changed.add(ANA);
    shields.set("$u", EventShieldReason.UNSIGNED_DEVICE);
    inbox.record([command("$held", "!help"), command("$u", "!help", { device: "OLD" })], now);
    const incoming = processor();
    await incoming.process();
    inboxRoomData.forgetPerson(opened.db, ROOM, personMatch({ userId: ANA, name: "ana" }), "someone", now, "UTC");
    expect(count("SELECT count(*) FROM matrix_inbox")).toBe(0);
    expect(count("SELECT count(*) FROM matrix_unverified_devices")).toBe(0);
    identityHolds(opened.db).approve(ROOM, ANA, "@mo:x", now);
    await incoming.process();
    expect(handled).toEqual([]);
  });

  test("a wiped cell's held messages go", async () => {
    changed.add(ANA);
    inbox.record([command("$held", "!help")], now);
    await processor().process();
    inboxRoomData.wipeRoom(opened.db, ROOM);
    expect(count("SELECT count(*) FROM matrix_inbox")).toBe(0);
  });
});
