import { ClientEvent, createClient, IndexedDBStore, SyncState, type MatrixClient } from "matrix-js-sdk";
import { AllDevicesIsolationMode, OnlySignedDevicesIsolationMode } from "matrix-js-sdk/lib/crypto-api/index.js";
import type { Logger } from "pino";
import type { TextKey } from "../../kernel/i18n/catalog.js";
import type { MatrixConfig } from "../../platform/config/matrix.js";
import { doc, p } from "../../kernel/doc.js";
import type { RoomSettingsView } from "../../kernel/command.js";
import type { Dispatcher } from "../../kernel/dispatcher.js";
import type { Texts } from "../../kernel/i18n/index.js";
import type { Params } from "../../kernel/i18n/template.js";
import { enqueue } from "../../kernel/outbox/outbox.js";
import type { OutboxSender } from "../../kernel/outbox/sender.js";
import { roomSettings } from "../../kernel/room-settings.js";
import type { Db } from "../../platform/db.js";
import type { OutsideData } from "../../kernel/room-data.js";
import { clientStores } from "./client-stores.js";
import { ensureCrossSigning, SecretStorageKeys } from "./crypto-setup.js";
import { tandemFetch, type SyncHook } from "./http.js";
import { identitySignals } from "./identity-signals.js";
import { openPersistentIndexedDB } from "./idb-sqlite.js";
import { Inbox } from "./inbox.js";
import { IncomingProcessor } from "./incoming.js";
import { resolveSession } from "./login.js";
import { MatrixTransport } from "./matrix-transport.js";
import { RoomUpgrades } from "./room-upgrade.js";
import { outboxNotices } from "./notices.js";
import { RoomKeeper } from "./rooms.js";
import { captureSdkConsole, sdkLogger } from "./sdk-logger.js";
import { SenderGuard } from "./sender-guard.js";
import { DeviceListChanges } from "./device-list-changes.js";
import { syncRecorder } from "./sync-recorder.js";
import { keepNetworkCause, untilReachable } from "./unreachable.js";

export interface MatrixConnectDeps {
  config: MatrixConfig;
  db: Db;
  log: Logger;
  /** The settings of a room that chose none: the transport's own notices are in its language. */
  defaults: RoomSettingsView;
  /** Where the recovery key is shown once to the operator (stdout by default, never the JSON log). */
  announce?: (text: string) => void;
  clock?: () => number;
  /** Aborted when a stop is asked for, so waiting for an unreachable homeserver ends. */
  signal?: AbortSignal;
}

/** What the transport drives once connected: the app built on it (see app/app.ts). */
export interface MatrixApp {
  dispatcher: Pick<
    Dispatcher,
    "handle" | "handleReaction" | "handlePollAnswer" | "readsEvent" | "handleEvent" | "hostsRoom" | "handleJoin"
  >;
  sender: OutboxSender;
  texts: Texts;
}

/** Connected but not yet syncing: the app is built on `transport`, then `start` runs it. */
export interface MatrixConnection {
  transport: MatrixTransport;
  /** What the client keeps of people outside Tandem's tables (its sync cache), for forgetting. */
  outside: OutsideData;
  /** Syncs into the app; resolves once the first sync is done and the bot's identity is set up. */
  start(app: MatrixApp): Promise<RunningMatrix>;
}

export interface RunningMatrix {
  /** Stops syncing, lets the outbox finish its current send, and saves the sync state. */
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
 * Connects to Matrix: session (stored, one device), Rust crypto on the SQLite-backed IndexedDB,
 * persisted sync state. Nothing is synced yet, so nothing arrives before the app exists.
 */
export async function connectMatrix(deps: MatrixConnectDeps): Promise<MatrixConnection> {
  const { config, db, log } = deps;
  const clock = deps.clock ?? Date.now;
  captureSdkConsole(log);
  const inbox = new Inbox(db);
  const recordSync = syncRecorder(inbox, config.userId, clock);
  const deviceLists = new DeviceListChanges(clock);
  const onSync: SyncHook = (body, incremental, authedGet) => {
    deviceLists.noteSync(body);
    return recordSync(body, incremental, authedGet);
  };
  const network = keepNetworkCause(tandemFetch({ log, onSync }));

  const session = await resolveSession(config, db, log, tandemFetch({ log, onSync: async () => {} }), clock);
  const idb = await openPersistentIndexedDB(db, {
    onPersistError: () => log.error("could not persist Matrix client state to SQLite"),
  });
  idb.installGlobals();
  const store = new IndexedDBStore({
    indexedDB: idb.indexedDB as unknown as ConstructorParameters<typeof IndexedDBStore>[0]["indexedDB"],
    dbName: SYNC_DB_NAME,
  });
  await store.startup();

  const keys = new SecretStorageKeys(config.recoveryKey);
  const client = createClient({
    baseUrl: session.homeserver,
    userId: session.userId,
    deviceId: session.deviceId,
    accessToken: session.accessToken,
    store,
    fetchFn: network.fetch,
    logger: sdkLogger(log),
    cryptoCallbacks: keys.callbacks,
    timelineSupport: false,
  });
  // A session exists from here on: an unreachable homeserver is waited for, not a reason to exit.
  const whoami = await untilReachable(() => client.whoami(), {
    url: config.homeserverUrl,
    log,
    reasonOf: network.reasonOf,
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  if (whoami.device_id && whoami.device_id !== session.deviceId) {
    throw new Error(`the access token belongs to device ${whoami.device_id}, not ${session.deviceId}`);
  }
  await client.initRustCrypto({
    storageKey: new Uint8Array(Buffer.from(config.cryptoStoreKey, "base64")),
    cryptoDatabasePrefix: CRYPTO_DB_PREFIX,
  });
  // Set before the first sync, so that no event is decrypted and no room key shared under the other mode.
  client
    .getCrypto()!
    .setDeviceIsolationMode(
      config.excludeInsecureDevices ? new OnlySignedDevicesIsolationMode() : new AllDevicesIsolationMode(false),
    );

  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const transport = new MatrixTransport(client, { allowUnencryptedRooms: config.allowUnencryptedRooms, ready });
  const connected: Connected = {
    ...deps,
    clock,
    inbox,
    deviceLists,
    session,
    store,
    keys,
    client,
    transport,
    ready,
    markReady,
  };
  const outside = clientStores({
    store,
    log,
    crypto: { factory: idb.indexedDB, dbName: `${CRYPTO_DB_PREFIX}::matrix-sdk-crypto` },
    sharesAnotherRoom: (userId, roomId) =>
      client
        .getRooms()
        .some(
          (room) =>
            room.roomId !== roomId &&
            room.getMyMembership() === "join" &&
            ["join", "invite"].includes(room.getMember(userId)?.membership ?? ""),
        ),
  });
  return { transport, outside, start: (app) => startSyncing(connected, app) };
}

/** What connecting made, for starting. */
interface Connected extends MatrixConnectDeps {
  clock: () => number;
  inbox: Inbox;
  deviceLists: DeviceListChanges;
  session: { userId: string; deviceId: string };
  store: IndexedDBStore;
  keys: SecretStorageKeys;
  client: MatrixClient;
  transport: MatrixTransport;
  /** Resolves at the first live sync; `markReady` resolves it. */
  ready: Promise<void>;
  markReady(): void;
}

/** Durable inbox into the app's dispatcher, the app's outbox sender, room upkeep, cross-signing. */
async function startSyncing(connected: Connected, app: MatrixApp): Promise<RunningMatrix> {
  const { config, db, log, clock, inbox, deviceLists, session, store, keys, client, transport, ready, markReady } =
    connected;
  const announce = connected.announce ?? ((text: string) => process.stdout.write(text));
  const { sender } = app;
  transport.hostRoomsOf((roomId) => app.dispatcher.hostsRoom(roomId));
  const translatorFor = (roomId: string) => app.texts.translator(roomSettings(db, roomId, connected.defaults).language);
  const personIn = (roomId: string, userId: string) => ({
    userId,
    name: client.getRoom(roomId)?.getMember(userId)?.rawDisplayName ?? userId,
  });
  const notice = (roomId: string, key: string, text: TextKey, params: Params) =>
    enqueue(db, { roomId, key, kind: "notice", doc: doc(p(...translatorFor(roomId).t(text, params))) }, clock());
  const guard = new SenderGuard({
    client,
    db,
    inbox,
    log,
    clock,
    excludeInsecureDevices: config.excludeInsecureDevices,
    deviceLists,
    // Outbox keys name events, never people: a forgotten member's id must not stay in a key.
    tellUnverifiedDevice: (row) =>
      notice(row.roomId, `unverified-device:${row.eventId}`, "matrix.unverified_device", {
        sender: personIn(row.roomId, row.sender),
      }),
    tellDropped: (roomId, userId, count, key) =>
      notice(roomId, key, "matrix.held_dropped", { sender: personIn(roomId, userId), count }),
    identityChanged: (row) => identities.held(row),
  });
  const identities = identitySignals({
    client,
    isDirect: (roomId) => transport.isDirect(roomId),
    dispatcher: app.dispatcher,
    clock,
  });
  const notices = outboxNotices(db, sender, clock);
  const rooms = new RoomKeeper({
    client,
    transport,
    inbox,
    log,
    clock,
    allowedInviters: config.allowedInviters,
    allowUnencryptedRooms: config.allowUnencryptedRooms,
    translatorFor,
    notices,
    upgrades: new RoomUpgrades({ client, db, log, notices, translatorFor }),
  });
  const incoming = new IncomingProcessor({
    client,
    inbox,
    log,
    clock,
    dispatcher: app.dispatcher,
    isRoomEncrypted: (roomId) => transport.isRoomEncrypted(roomId),
    allowUnencryptedRooms: config.allowUnencryptedRooms,
    onUnencryptedCommandRoom: (roomId) => rooms.explainIfUnencrypted(roomId),
    undecryptableNoticeAfterMs: config.undecryptableNoticeAfterSeconds * 1000,
    enqueueUndecryptableNotice: (row) => {
      const author = {
        userId: row.sender,
        name: client.getRoom(row.roomId)?.getMember(row.sender)?.rawDisplayName ?? row.sender,
      };
      enqueue(
        db,
        {
          roomId: row.roomId,
          key: `undecryptable:${row.eventId}`,
          kind: "reply",
          doc: doc(p(...translatorFor(row.roomId).t("matrix.undecryptable", { sender: author }))),
          replyToEventId: row.eventId,
        },
        clock(),
      );
      sender.notify();
    },
    guard,
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
    async stop() {
      clearInterval(retryTimer);
      await sender.stop();
      client.stopClient();
      await store.save(true);
      log.info("Matrix transport stopped");
    },
  };
}
