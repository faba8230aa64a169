/**
 * The floor: the least a Matrix bot with Tandem's encryption can do. matrix-js-sdk with the same
 * Rust crypto on the same SQLite-backed IndexedDB and the same persisted sync store, and nothing
 * else: every text message from someone else gets an encrypted echo, as an m.notice reply.
 * Configured by one JSON argument: { baseUrl, userId, accessToken, deviceId, dbPath, cryptoStoreKey }.
 */
import { join } from "node:path";
import {
  ClientEvent,
  createClient,
  EventType,
  IndexedDBStore,
  MatrixEventEvent,
  MsgType,
  RoomEvent,
  RoomMemberEvent,
  SyncState,
  type MatrixEvent,
} from "matrix-js-sdk";
import { pino } from "pino";
import { openDatabase } from "../../src/platform/db.js";
import { migrate, readMigrations } from "../../src/platform/migrations.js";
import { packageRoot } from "../../src/platform/package-root.js";
import { tandemFetch } from "../../src/transport/matrix/http.js";
import { openPersistentIndexedDB } from "../../src/transport/matrix/idb-sqlite.js";

interface EchoConfig {
  baseUrl: string;
  userId: string;
  accessToken: string;
  deviceId: string;
  dbPath: string;
  cryptoStoreKey: string;
}

const config = JSON.parse(process.argv[2] ?? "{}") as EchoConfig;
const log = pino({ level: "warn" });
const silent = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, getChild: () => silent };

const opened = openDatabase(config.dbPath);
migrate(opened.db, readMigrations(join(packageRoot(), "migrations")));
const idb = await openPersistentIndexedDB(opened.db);
idb.installGlobals();
const store = new IndexedDBStore({
  indexedDB: idb.indexedDB as unknown as ConstructorParameters<typeof IndexedDBStore>[0]["indexedDB"],
  dbName: "echo-sync",
});
await store.startup();
const client = createClient({
  baseUrl: config.baseUrl,
  userId: config.userId,
  deviceId: config.deviceId,
  accessToken: config.accessToken,
  store,
  fetchFn: tandemFetch({ log, onSync: async () => {} }),
  logger: silent,
  timelineSupport: false,
});
await client.initRustCrypto({
  storageKey: new Uint8Array(Buffer.from(config.cryptoStoreKey, "base64")),
  cryptoDatabasePrefix: "echo",
});

let live = false;
const answered = new Set<string>();

async function echo(event: MatrixEvent): Promise<void> {
  const id = event.getId();
  if (
    !live ||
    !id ||
    answered.has(id) ||
    event.getSender() === config.userId ||
    event.getType() !== EventType.RoomMessage
  )
    return;
  const content = event.getContent() as { msgtype?: string; body?: string };
  if (content.msgtype !== MsgType.Text || typeof content.body !== "string") return;
  answered.add(id);
  await client.sendEvent(event.getRoomId()!, EventType.RoomMessage, {
    msgtype: MsgType.Notice,
    body: content.body,
    "m.relates_to": { "m.in_reply_to": { event_id: id } },
    "m.mentions": {},
  });
}

client.on(RoomEvent.Timeline, (event, _room, toStart) => {
  if (toStart) return;
  if (event.isBeingDecrypted() || event.shouldAttemptDecryption())
    event.once(MatrixEventEvent.Decrypted, () => void echo(event));
  else void echo(event);
});
client.on(RoomMemberEvent.Membership, (_event, member) => {
  if (member.userId === config.userId && member.membership === "invite") void client.joinRoom(member.roomId);
});
client.on(ClientEvent.Sync, (state) => {
  if (state === SyncState.Prepared && !live) {
    live = true;
    process.stdout.write("ready\n");
  }
});
await client.startClient({ initialSyncLimit: 50, threadSupport: false, lazyLoadMembers: false });
process.on("SIGTERM", () => {
  client.stopClient();
  opened.close();
  process.exit(0);
});
