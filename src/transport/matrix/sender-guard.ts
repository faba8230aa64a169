import type { MatrixClient, MatrixEvent } from "matrix-js-sdk";
import { DecryptionFailureCode, EventShieldReason } from "matrix-js-sdk/lib/crypto-api/index.js";
import type { Logger } from "pino";
import { identityHolds } from "../../kernel/identity-holds.js";
import type { Db } from "../../platform/db.js";
import { errorForLog } from "../../platform/log.js";
import { perDb } from "../../platform/per-db.js";
import type { DeviceListChanges } from "./device-list-changes.js";
import type { Inbox, InboxRow } from "./inbox.js";

const WEEK_MS = 7 * 24 * 3600_000;

/**
 * How long a message refused for its device's trust is retried before it counts as refused: right
 * after a member reset her identity or logged in anew, the bot may not have fetched the new keys
 * yet, and her genuine, signed device looks unknown or unsigned for a moment.
 */
export const DEVICE_GRACE_MS = 15_000;

/** Failures that mean "this device is not one its owner vouched for", not "the keys are missing". */
const REFUSED_DEVICE = new Set<string>([
  DecryptionFailureCode.UNSIGNED_SENDER_DEVICE,
  DecryptionFailureCode.SENDER_IDENTITY_PREVIOUSLY_VERIFIED,
]);

export type Verdict = "act" | "held" | "refused";

export interface SenderGuardDeps {
  client: MatrixClient;
  db: Db;
  inbox: Inbox;
  log: Logger;
  clock: () => number;
  /** MSC4153: only devices their owners cross-signed are obeyed (and get the bot's room keys). */
  excludeInsecureDevices: boolean;
  /** Whose devices changed lately: only for them is a key query worth waiting for. */
  deviceLists: Pick<DeviceListChanges, "mayBePending">;
  /**
   * Queues the room's one notice about the sender's unverified device, first seen sending `row`;
   * runs inside the guard's transaction.
   */
  tellUnverifiedDevice(row: InboxRow, device: string): void;
  /** Tells the room the sender's identity changed (the trust feature tells it once and logs it). */
  identityChanged(row: InboxRow): void;
  /** Queues the notice that `count` held messages of the person were dropped; inside the guard's transaction. */
  tellDropped(roomId: string, userId: string, count: number, key: string): void;
}

const statements = perDb((db: Db) => ({
  tell: db.prepare(
    "INSERT OR IGNORE INTO matrix_unverified_devices (user_id, device, room_id, told_at) VALUES (?, ?, ?, ?)",
  ),
}));

/** The device an encrypted event names in its clear wrapper; older clients' sender key, or the session, otherwise. */
function deviceOf(event: MatrixEvent): string {
  const wire = event.getWireContent() as { device_id?: unknown; sender_key?: unknown; session_id?: unknown };
  for (const value of [wire.device_id, wire.sender_key, wire.session_id])
    if (typeof value === "string" && value !== "") return value;
  return "unknown";
}

/**
 * Whether the device that sent the event is cross-signed by its owner. An owner's identity that
 * this bot has not verified is fine (the bot verifies nobody interactively); a device its owner
 * did not sign, an unknown device or a mismatched sender is not.
 */
export async function signedDevice(client: MatrixClient, event: MatrixEvent): Promise<boolean> {
  const info = await client.getCrypto()?.getEncryptionInfoForEvent(event);
  if (!info) return false;
  return info.shieldReason === null || info.shieldReason === EventShieldReason.UNVERIFIED_IDENTITY;
}

/**
 * Decides whether the bot acts on an incoming event for who sent it and from which device: events
 * from devices their owners did not verify are refused (the room told once per device); events
 * from a member whose identity changed are held in the inbox until a moderator trusts it, and
 * dropped after a week.
 */
export class SenderGuard {
  constructor(private readonly deps: SenderGuardDeps) {}

  /**
   * For an event that failed to decrypt: true when it failed because its device is not verified
   * by its owner. It is retried for a moment (never answered with "send it again"), then refused:
   * the room is told (once) and the event is done.
   */
  refusedOnDecryption(row: InboxRow, event: MatrixEvent): boolean {
    const reason = event.decryptionFailureReason;
    if (reason === null || !REFUSED_DEVICE.has(reason)) return false;
    const now = this.deps.clock();
    if (now - (row.undecryptableAt ?? now) < DEVICE_GRACE_MS) {
      if (row.state !== "undecryptable") this.deps.inbox.markUndecryptable(row.seq, now);
      return true;
    }
    this.refuse(row, event);
    return true;
  }

  /** For a decrypted (or plain) event: act on it, or it was held or refused here. */
  async verdict(row: InboxRow, event: MatrixEvent): Promise<Verdict> {
    const { client, inbox, clock } = this.deps;
    if (this.deps.excludeInsecureDevices && event.isEncrypted() && !(await signedDevice(client, event))) {
      this.refuse(row, event);
      return "refused";
    }
    const crypto = client.getCrypto();
    // Waits (a second at most) for a key query of the sender already under way: a reset identity
    // usually arrives in the same sync as the first message signed by it.
    if (this.deps.deviceLists.mayBePending(row.sender)) await crypto?.getUserDeviceInfo([row.sender]);
    const status = await crypto?.getUserVerificationStatus(row.sender);
    if (!status?.needsUserApproval) return "act";
    this.deps.identityChanged(row);
    inbox.hold(row.seq, clock());
    this.deps.log.warn(
      { eventId: row.eventId, roomId: row.roomId },
      "message held: its sender's identity changed and waits for a moderator's !trust",
    );
    return "held";
  }

  /**
   * After a pass: pins the identities moderators trusted and puts what was held of those people
   * back into the inbox; drops what waited a week. True when something was put back.
   */
  async afterPass(): Promise<boolean> {
    this.dropExpired();
    const { client, db, inbox } = this.deps;
    const holds = identityHolds(db);
    let released = 0;
    const crypto = client.getCrypto();
    if (!crypto) return false;
    for (const userId of holds.approved()) {
      try {
        if ((await crypto.getUserVerificationStatus(userId)).needsUserApproval)
          await crypto.pinCurrentUserIdentity(userId);
      } catch (err) {
        // Tried again after the next pass; one person's failure does not keep the others waiting.
        this.deps.log.error({ err: errorForLog(err) }, "a trusted identity could not be pinned yet");
        continue;
      }
      db.transaction(() => {
        released += inbox.release(userId);
        holds.closeUser(userId);
      })();
      this.deps.log.info("a trusted identity is pinned; its held messages run now");
    }
    return released > 0;
  }

  private refuse(row: InboxRow, event: MatrixEvent): void {
    const { db, inbox, clock } = this.deps;
    const device = deviceOf(event);
    db.transaction(() => {
      if (statements(db).tell.run(row.sender, device, row.roomId, clock()).changes === 1)
        this.deps.tellUnverifiedDevice(row, device);
      inbox.finish(row.seq, "done");
    })();
    this.deps.log.warn(
      { eventId: row.eventId, roomId: row.roomId },
      "message ignored: its device is not verified by its owner",
    );
  }

  private dropExpired(): void {
    const { db, inbox, clock } = this.deps;
    const expired = inbox.heldBefore(clock() - WEEK_MS);
    if (expired.length === 0) return;
    const groups = new Map<string, typeof expired>();
    for (const row of expired) {
      const key = `${row.roomId}\n${row.sender}`;
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    db.transaction(() => {
      for (const rows of groups.values()) {
        const { roomId, sender } = rows[0]!;
        for (const row of rows) inbox.finish(row.seq, "abandoned");
        identityHolds(db).closeRoom(roomId, sender);
        this.deps.tellDropped(roomId, sender, rows.length, `identity-dropped:${rows[0]!.seq}`);
      }
    })();
    this.deps.log.warn(
      { count: expired.length },
      "held messages dropped: no moderator trusted their senders' new identity within a week",
    );
  }
}
