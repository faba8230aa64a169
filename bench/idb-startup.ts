/**
 * Start-up of the crypto store with many real room keys, for one build of the SQLite-backed
 * IndexedDB given by path, so that two builds (main and a branch) run on copies of one file.
 *
 *   generate <idb-sqlite.js> <sqlite path> <roomKeys>   real Megolm sessions imported by an OlmMachine
 *   measure  <idb-sqlite.js> <sqlite path>              one fresh process: prints one JSON line
 *   passes   <idb-sqlite.js> <sqlite path> [n=50]       n key-backup passes, each call's longest synchronous stretch and CPU
 *
 * measure: heap + array buffers kept after the restore (forced GC; run node with --expose-gc),
 * restore time, the first answer (OlmMachine on the restored store, then its room key count), a
 * walk over half of the `backup` index of `inbound_group_sessions3` reading each value, and one
 * key-backup pass (the next batch of keys to back up, encrypted, marked sent as Synapse would answer).
 * A migration the build has and the file lacks (0025) is applied first, as Tandem's start-up would.
 *
 * Run: scripts/with-node24 npm run build && scripts/with-node24 node --expose-gc dist/bench/idb-startup.js …
 */
import * as Rust from "@matrix-org/matrix-sdk-crypto-wasm";
import Database from "better-sqlite3-multiple-ciphers";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const USER = "@bot:bench.test";
const STORE_PREFIX = "tandem-bench";
const CRYPTO_DB = `${STORE_PREFIX}::matrix-sdk-crypto`;
const ROOM_KEYS_STORE = "inbound_group_sessions3";
// A fixed storage key: the files are throwaway bench files, and both builds must open them.
const STORAGE_KEY = new Uint8Array(32).fill(7);

interface IdbModule {
  openPersistentIndexedDB(db: Database.Database): Promise<{ indexedDB: any; installGlobals(): void }>;
}

function openSqlite(path: string): Database.Database {
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  return db;
}

/** The repository a compiled idb-sqlite.js belongs to (…/dist/src/transport/matrix/idb-sqlite.js). */
function migrationsOf(modulePath: string): string {
  return join(dirname(modulePath), "..", "..", "..", "..", "migrations");
}

function applyIdbMigrations(db: Database.Database, modulePath: string): void {
  const dir = migrationsOf(modulePath);
  const hasTable = (name: string) =>
    db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(name) === 1;
  if (!hasTable("idb_records")) db.exec(readFileSync(join(dir, "0003_matrix_idb.sql"), "utf8"));
  const ordered = join(dir, "0025_idb_ordered_records.sql");
  if (existsSync(ordered) && !hasTable("idb_ordered_records")) db.exec(readFileSync(ordered, "utf8"));
}

async function load(modulePath: string): Promise<IdbModule> {
  return (await import(pathToFileURL(resolve(modulePath)).href)) as IdbModule;
}

async function openMachine(): Promise<Rust.OlmMachine> {
  await Rust.initAsync();
  const handle = await Rust.StoreHandle.openWithKey(STORE_PREFIX, STORAGE_KEY);
  const machine = await Rust.OlmMachine.initFromStore(new Rust.UserId(USER), new Rust.DeviceId("BOT"), handle);
  handle.free();
  return machine;
}

async function generate(modulePath: string, path: string, count: number): Promise<void> {
  const sender = await Rust.OlmMachine.initialize(new Rust.UserId("@sender:bench.test"), new Rust.DeviceId("SENDER"));
  for (let i = 0; i < count; i++) {
    await sender.shareRoomKey(new Rust.RoomId(`!room${i}:bench.test`), [], new Rust.EncryptionSettings());
  }
  const exported = await sender.exportRoomKeys(() => true);
  sender.close();
  const sqlite = openSqlite(path);
  applyIdbMigrations(sqlite, modulePath);
  const idb = await (await load(modulePath)).openPersistentIndexedDB(sqlite);
  idb.installGlobals();
  const bot = await openMachine();
  if (count > 0) await bot.importExportedRoomKeys(exported, () => undefined);
  console.log(JSON.stringify({ generated: (await bot.roomKeyCounts()).total }));
  bot.close();
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
}

function heapKept(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

function request<T>(req: any): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error);
  });
}

/** Steps a cursor over the first half of the `backup` index, reading each value; milliseconds. */
async function walkHalfOfBackupIndex(indexedDB: any, keys: number): Promise<{ ms: number; steps: number }> {
  const db = await request<any>(indexedDB.open(CRYPTO_DB));
  const start = performance.now();
  const store = db.transaction(ROOM_KEYS_STORE, "readonly").objectStore(ROOM_KEYS_STORE);
  const cursorRequest = store.index("backup").openCursor();
  let steps = 0;
  await new Promise<void>((resolve, reject) => {
    cursorRequest.onerror = () => reject(cursorRequest.error);
    cursorRequest.onsuccess = () => {
      const cursor = cursorRequest.result;
      if (cursor === null || steps >= keys / 2) return resolve();
      if (cursor.value === undefined) return reject(new Error("a room key without a value"));
      steps++;
      cursor.continue();
    };
  });
  const ms = performance.now() - start;
  db.close();
  return { ms, steps };
}

async function backupPass(machine: Rust.OlmMachine): Promise<{ ms: number; keys: number }> {
  const key = Rust.BackupDecryptionKey.createRandomKey();
  await machine.enableBackupV1(key.megolmV1PublicKey.publicKeyBase64, "1");
  const start = performance.now();
  const backup = await machine.backupRoomKeys();
  let keys = 0;
  if (backup !== undefined) {
    const rooms = (JSON.parse(backup.body) as { rooms: Record<string, { sessions: object }> }).rooms;
    for (const room of Object.values(rooms)) keys += Object.keys(room.sessions).length;
    await machine.markRequestAsSent(backup.id, backup.type, JSON.stringify({ etag: "1", count: keys }));
  }
  return { ms: performance.now() - start, keys };
}

async function measure(modulePath: string, path: string): Promise<void> {
  const idbModule = await load(modulePath);
  const sqlite = openSqlite(path);
  applyIdbMigrations(sqlite, modulePath);
  await Rust.initAsync();
  const heapBefore = heapKept();
  const startupStart = performance.now();
  const idb = await idbModule.openPersistentIndexedDB(sqlite);
  const restoreMs = performance.now() - startupStart;
  idb.installGlobals();
  const heapAfterRestore = heapKept() - heapBefore;
  const answerStart = performance.now();
  const machine = await openMachine();
  const keys = (await machine.roomKeyCounts()).total;
  const firstAnswerMs = performance.now() - answerStart;
  const walk = await walkHalfOfBackupIndex(idb.indexedDB, keys);
  const pass = await backupPass(machine);
  const heapAfterAll = heapKept() - heapBefore;
  machine.close();
  sqlite.close();
  console.log(
    JSON.stringify({
      keys,
      restoreMs: Math.round(restoreMs),
      heapAfterRestoreMiB: +(heapAfterRestore / 1048576).toFixed(1),
      firstAnswerMs: Math.round(firstAnswerMs),
      startupToFirstAnswerMs: Math.round(restoreMs + firstAnswerMs),
      walkHalfMs: Math.round(walk.ms),
      walkSteps: walk.steps,
      backupPassMs: Math.round(pass.ms),
      backupPassKeys: pass.keys,
      heapAfterAllMiB: +(heapAfterAll / 1048576).toFixed(1),
      rssMiB: Math.round(process.memoryUsage().rss / 1048576),
    }),
  );
}

interface PassTiming {
  /** The longest gap between two ticks of a 1 ms timer while the call ran: its longest synchronous stretch. */
  stretchMs: number;
  /** The main thread's CPU from the call to its answer (it may span several turns of the event loop). */
  cpuMs: number;
}

/**
 * Key-backup passes one after another, each timed in its two calls: `backupRoomKeys` (the next 100
 * keys read from the store and encrypted to the backup key, in the WASM) and `markRequestAsSent`
 * (those keys marked backed up, written back). The stretch is what an event loop waits for; the
 * CPU, unlike wall time, does not count the OS running other processes.
 */
async function passes(modulePath: string, path: string, count: number): Promise<void> {
  const idbModule = await load(modulePath);
  const sqlite = openSqlite(path);
  applyIdbMigrations(sqlite, modulePath);
  await Rust.initAsync();
  (await idbModule.openPersistentIndexedDB(sqlite)).installGlobals();
  const machine = await openMachine();
  const key = Rust.BackupDecryptionKey.createRandomKey();
  await machine.enableBackupV1(key.megolmV1PublicKey.publicKeyBase64, "1");
  const cpu = () => {
    const used = process.threadCpuUsage();
    return (used.user + used.system) / 1000;
  };
  let [lastTick, stretch] = [performance.now(), 0];
  const ticks = setInterval(() => {
    const now = performance.now();
    stretch = Math.max(stretch, now - lastTick);
    lastTick = now;
  }, 1);
  const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const timed = async <T>(call: () => Promise<T>): Promise<[T, PassTiming]> => {
    await settle(20);
    [lastTick, stretch] = [performance.now(), 0];
    const cpuBefore = cpu();
    const result = await call();
    const cpuMs = cpu() - cpuBefore;
    await settle(3); // the tick that ends a stretch running up to the answer
    return [result, { stretchMs: stretch, cpuMs }];
  };
  const read: PassTiming[] = [];
  const marked: PassTiming[] = [];
  for (let pass = 0; pass < count; pass++) {
    const [backup, readTiming] = await timed(() => machine.backupRoomKeys());
    if (backup === undefined) break;
    const rooms = (JSON.parse(backup.body) as { rooms: Record<string, { sessions: object }> }).rooms;
    const keys = Object.values(rooms).reduce((n, room) => n + Object.keys(room.sessions).length, 0);
    const [, markTiming] = await timed(() =>
      machine.markRequestAsSent(backup.id, backup.type, JSON.stringify({ etag: "1", count: keys })),
    );
    read.push(readTiming);
    marked.push(markTiming);
  }
  clearInterval(ticks);
  machine.close();
  sqlite.close();
  const summary = (timings: PassTiming[]) => {
    const sorted = (values: number[]) => values.sort((a, b) => a - b).map((v) => +v.toFixed(1));
    const [stretches, cpus] = [sorted(timings.map((t) => t.stretchMs)), sorted(timings.map((t) => t.cpuMs))];
    const at = (values: number[], q: number) => values[Math.min(values.length - 1, Math.floor(values.length * q))];
    return {
      stretchMs: { p50: at(stretches, 0.5), p90: at(stretches, 0.9), max: stretches.at(-1) },
      cpuMs: { p50: at(cpus, 0.5), p90: at(cpus, 0.9), max: cpus.at(-1) },
      firstStretchMs: +(timings[0]?.stretchMs ?? 0).toFixed(1),
    };
  };
  console.log(
    JSON.stringify({ passes: read.length, backupRoomKeys: summary(read), markRequestAsSent: summary(marked) }),
  );
}

const [mode, modulePath, path, count] = process.argv.slice(2);
if (modulePath === undefined || path === undefined)
  throw new Error("usage: generate|measure|passes <idb-sqlite.js> <sqlite path> [roomKeys|passes]");
if (mode === "generate") await generate(modulePath, path, Number(count ?? 1000));
else if (mode === "measure") await measure(modulePath, path);
else if (mode === "passes") await passes(modulePath, path, Number(count ?? 50));
else throw new Error(`unknown mode ${mode}`);
