import { ClientEvent, createClient, IndexedDBStore, SyncState, type MatrixClient } from "matrix-js-sdk";
import type { Logger } from "pino";
import type { MatrixConfig } from "../../config/matrix.js";
import { doc, p } from "../../core/doc.js";
import type { Invocation, Reaction } from "../../core/invocation.js";
import { OutboxSender } from "../../core/outbox-sender.js";
import type { Lang } from "../../i18n/catalog.js";
import { translator } from "../../i18n/index.js";
import type { Db } from "../../store/db.js";
import { enqueue } from "../../store/outbox.js";
import { roomSettings } from "../../store/room-settings.js";
import type { RoomView, Transport } from "../port.js";
import { ensureCrossSigning, SecretStorageKeys } from "./crypto-setup.js";
import { tandemFetch } from "./http.js";
import { openPersistentIndexedDB } from "./idb-sqlite.js";
import { Inbox } from "./inbox.js";
import { IncomingProcessor } from "./incoming.js";
import { resolveSession } from "./login.js";
import { MatrixTransport } from "./matrix-transport.js";
import { RoomKeeper } from "./rooms.js";
import { captureSdkConsole, sdkLogger } from "./sdk-logger.js";
import { syncRecorder } from "./sync-recorder.js";

export interface MatrixTransportDeps {
  config: MatrixConfig;
  db: Db;
  log: Logger;
  defaults: { language: Lang; timezone: string };
  /** Builds the dispatcher once the transport (its RoomView) exists; `onEnqueued` wakes the outbox sender. */
  createDispatcher(room: RoomView, onEnqueued: () => void): { handle(inv: Invocation): unknown; handleReaction(reaction: Reaction): unknown };
  /** Where the recovery key is shown once to the operator (stdout by default, never the JSON log). */
  announce?: (text: string) => void;
  clock?: () => number;
}

export interface RunningMatrixTransport {
  transport: Transport;
  client: MatrixClient;
  stop(): Promise<void>;
}

const SYNC_DB_NAME = "tandem-sync";
const CRYPTO_DB_PREFIX = "tandem";

function recoveryKeyBanner(key: string): string {
  const rule = "=".repeat(72);
  return [
    rule,
    "Tandem: the bot's RECOVERY KEY (shown only this once):",
    "",
    `    ${key}`,
    "",
    "Store it now in a password manager or on paper in a safe place. With it, the bot's",
    "identity and message keys can be restored on a new machine: put it in matrix.recoveryKey",
    "(or the TANDEM_RECOVERY_KEY environment variable) there. Without it, a lost database",
    "means a new, unverified bot.",
    rule,
    "",
  ].join("\n");
}

/**
 * Starts the Matrix transport: session (stored, one device), Rust crypto on the SQLite-backed
 * IndexedDB, persisted sync state, durable inbox, outbox sender, cross-signing. Resolves once the
 * first sync is done and the bot's identity is set up.
 */
export async function startMatrixTransport(deps: MatrixTransportDeps): Promise<RunningMatrixTransport> {
  const { config, db, log } = deps;
  const clock = deps.clock ?? Date.now;
  const announce = deps.announce ?? ((text: string) => process.stdout.write(text));
  captureSdkConsole(log);
  const inbox = new Inbox(db);
  const onSync = syncRecorder(inbox, config.userId, clock);
  const fetchFn = tandemFetch({ log, onSync });

  const session = await resolveSession(config, db, log, tandemFetch({ log, onSync: async () => {} }), clock);
  const idb = await openPersistentIndexedDB(db, { onPersistError: () => log.error("could not persist Matrix client state to SQLite") });
  idb.installGlobals();
  const store = new IndexedDBStore({ indexedDB: idb.indexedDB as unknown as ConstructorParameters<typeof IndexedDBStore>[0]["indexedDB"], dbName: SYNC_DB_NAME });
  await store.startup();

  const keys = new SecretStorageKeys(config.recoveryKey);
  const client = createClient({
    baseUrl: session.homeserver,
    userId: session.userId,
    deviceId: session.deviceId,
    accessToken: session.accessToken,
    store,
    fetchFn,
    logger: sdkLogger(log),
    cryptoCallbacks: keys.callbacks,
    timelineSupport: false,
  });
  const whoami = await client.whoami();
  if (whoami.device_id && whoami.device_id !== session.deviceId) {
    throw new Error(`the access token belongs to device ${whoami.device_id}, not ${session.deviceId}`);
  }
  await client.initRustCrypto({ storageKey: new Uint8Array(Buffer.from(config.cryptoStoreKey, "base64")), cryptoDatabasePrefix: CRYPTO_DB_PREFIX });

  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const transport = new MatrixTransport(client, { allowUnencryptedRooms: config.allowUnencryptedRooms, ready });
  const sender = new OutboxSender(db, transport, log, clock);
  const dispatcher = deps.createDispatcher(transport, () => sender.notify());
  const rooms = new RoomKeeper({
    client,
    transport,
    inbox,
    db,
    log,
    clock,
    allowedInviters: config.allowedInviters,
    allowUnencryptedRooms: config.allowUnencryptedRooms,
    defaults: deps.defaults,
  });
  const incoming = new IncomingProcessor({
    client,
    inbox,
    log,
    clock,
    handle: (inv) => void dispatcher.handle(inv),
    handleReaction: (reaction) => void dispatcher.handleReaction(reaction),
    isRoomEncrypted: (roomId) => transport.isRoomEncrypted(roomId),
    allowUnencryptedRooms: config.allowUnencryptedRooms,
    onUnencryptedCommandRoom: (roomId) => rooms.explainIfUnencrypted(roomId),
    undecryptableNoticeAfterMs: config.undecryptableNoticeAfterSeconds * 1000,
    enqueueUndecryptableNotice: (row) => {
      const { language } = roomSettings(db, row.roomId, deps.defaults);
      const sender_ = { userId: row.sender, name: client.getRoom(row.roomId)?.getMember(row.sender)?.rawDisplayName ?? row.sender };
      enqueue(
        db,
        {
          roomId: row.roomId,
          key: `undecryptable:${row.eventId}`,
          kind: "reply",
          doc: doc(p(...translator(language).t("matrix.undecryptable", { sender: sender_ }))),
          replyToEventId: row.eventId,
        },
        clock(),
      );
      sender.notify();
    },
  });

  const afterSync = () => {
    void rooms.maintain();
    void incoming.process().then(() => sender.notify());
  };
  client.on(ClientEvent.Sync, (state, _previous, data) => {
    if (state !== SyncState.Prepared && state !== SyncState.Syncing) return;
    // A room is only known for sure (encryption included) once a live sync answered.
    if (data?.fromCache) return;
    markReady();
    afterSync();
  });

  // Syncs can be 30 s apart in a quiet room; undecryptable messages are looked at more often.
  const retryTimer = setInterval(() => {
    if (inbox.hasUndecryptable()) void incoming.process().then(() => sender.notify());
  }, 5_000);
  retryTimer.unref();

  try {
    await client.startClient({ initialSyncLimit: 50, threadSupport: false, lazyLoadMembers: false });
    await ready;
    log.info({ deviceId: session.deviceId }, "Matrix sync is running");

    const outcome = await ensureCrossSigning({
      client,
      keys,
      userId: session.userId,
      password: config.password,
      log,
      announceRecoveryKey: (key) => announce(recoveryKeyBanner(key)),
    });
    log.info({ outcome }, "cross-signing checked");
  } catch (err) {
    clearInterval(retryTimer);
    client.stopClient();
    throw err;
  }
  sender.start();

  return {
    transport,
    client,
    async stop() {
      clearInterval(retryTimer);
      await sender.stop();
      client.stopClient();
      await store.save(true);
      log.info("Matrix transport stopped");
    },
  };
}
