/**
 * Benchmark of the SQLite-backed IndexedDB with 10,000 real Megolm room keys (see bench/README.md).
 *
 * 1. An in-memory OlmMachine creates ROOM_KEYS real Megolm sessions (one per room) and exports
 *    them, so machine B later receives them as room keys from someone else would arrive.
 * 2. Machine B, on the SQLite-backed IndexedDB with a storage key, imports them: they land in the
 *    Rust store's `inbound_group_sessions3` store, encrypted, each IndexedDB commit mirrored to SQLite.
 * 3. Commit latency: single-record readwrite transactions, mirrored vs plain fake-indexeddb.
 * 4. Start-up, in a fresh process: the factory is restored from the SQLite file, then the OlmMachine opens on it.
 * 5. In that process, after an export of every key: key backup turned on and run pass after pass
 *    (each pass walks the `backup` index for the next batch, encrypts it, marks it backed up),
 *    with the longest event-loop stall. BENCH_PLAIN_CURSORS=1 runs it on fake-indexeddb's own cursors.
 *
 * Run: scripts/with-node24 npm run build && scripts/with-node24 node dist/bench/idb-roomkeys.js [roomKeys]
 */
import * as Rust from "@matrix-org/matrix-sdk-crypto-wasm";
import Database from "better-sqlite3-multiple-ciphers";
import { IDBFactory } from "fake-indexeddb";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { openPersistentIndexedDB } from "../src/transport/matrix/idb-sqlite.js";
import { uninstallIndexCursorSeek } from "../src/transport/matrix/idb/index-cursor-seek.js";

const ROOM_KEYS = Number(process.argv[2] ?? 10_000);
const SINGLE_COMMITS = 1_000;
const USER = "@bot:bench.test";
const STORE_PREFIX = "tandem-bench";

function migrationSql(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "migrations", "0003_matrix_idb.sql"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("migrations/0003_matrix_idb.sql not found above the bench script");
    dir = parent;
  }
  // 0025 holds the records of stores kept in SQL (issue 21); absent on a branch before it.
  return ["0003_matrix_idb.sql", "0025_idb_ordered_records.sql"]
    .filter((file) => existsSync(join(dir, "migrations", file)))
    .map((file) => readFileSync(join(dir, "migrations", file), "utf8"))
    .join("\n");
}

/** Opened as Tandem's store opens its file (src/platform/db.ts): WAL, synchronous NORMAL. */
function openSqlite(path: string): Database.Database {
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  return db;
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}

async function exportRealRoomKeys(count: number): Promise<string> {
  const sender = await Rust.OlmMachine.initialize(new Rust.UserId("@sender:bench.test"), new Rust.DeviceId("SENDER"));
  for (let i = 0; i < count; i++) {
    await sender.shareRoomKey(new Rust.RoomId(`!room${i}:bench.test`), [], new Rust.EncryptionSettings());
  }
  const exported = await sender.exportRoomKeys(() => true);
  sender.close();
  return exported;
}

function openIdb(factory: any, name: string): Promise<any> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore("s");
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Milliseconds per readwrite transaction putting one 2 KB record. */
async function commitLatency(factory: any): Promise<number> {
  const db = await openIdb(factory, "latency");
  const value = { blob: new Uint8Array(randomBytes(2048)) };
  const start = performance.now();
  for (let i = 0; i < SINGLE_COMMITS; i++) {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction("s", "readwrite");
      tx.objectStore("s").put(value, i);
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error);
    });
  }
  db.close();
  return (performance.now() - start) / SINGLE_COMMITS;
}

function fileBytes(path: string): number {
  return statSync(path).size + (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "tandem-bench-idb-"));
  const path = join(dir, "tandem.sqlite");
  const storageKey = new Uint8Array(randomBytes(32));
  try {
    const generated = await timed(() => exportRealRoomKeys(ROOM_KEYS));

    const sqlite = openSqlite(path);
    sqlite.exec(migrationSql());
    const idb = await openPersistentIndexedDB(sqlite);
    idb.installGlobals();
    await Rust.initAsync();
    const handle = await Rust.StoreHandle.openWithKey(STORE_PREFIX, storageKey);
    const bot = await Rust.OlmMachine.initFromStore(new Rust.UserId(USER), new Rust.DeviceId("BOT"), handle);
    handle.free();
    const imported = await timed(() => bot.importExportedRoomKeys(generated.result, () => undefined));
    const counts = await bot.roomKeyCounts();
    bot.close();

    const rows = sqlite
      .prepare(
        "SELECT count(*) AS n, avg(length(value)) AS value_bytes FROM idb_ordered_records WHERE store = 'inbound_group_sessions3'",
      )
      .get() as { n: number; value_bytes: number };
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    sqlite.close();
    const size = fileBytes(path);

    // On its own file, so the size above counts room keys only.
    const latencySqlite = openSqlite(join(dir, "latency.sqlite"));
    latencySqlite.exec(migrationSql());
    const mirroredLatency = await commitLatency((await openPersistentIndexedDB(latencySqlite)).indexedDB);
    const plainLatency = await commitLatency(new IDBFactory());
    latencySqlite.close();

    const startup = await restoreInFreshProcess(path, storageKey);
    if (startup.roomKeys !== counts.total)
      throw new Error(`restored ${startup.roomKeys} room keys, expected ${counts.total}`);

    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
    console.log(
      `room keys (real Megolm sessions)      ${counts.total} (${rows.n} rows in inbound_group_sessions3, ${Math.round(rows.value_bytes)} B per value)`,
    );
    console.log(`generate + export (not measured)      ${(generated.ms / 1000).toFixed(1)} s`);
    console.log(
      `import into SQLite-backed store       ${(imported.ms / 1000).toFixed(2)} s (${Math.round(ROOM_KEYS / (imported.ms / 1000))} keys/s)`,
    );
    console.log(
      `single-record commit, mirrored        ${mirroredLatency.toFixed(3)} ms (${Math.round(1000 / mirroredLatency)} tx/s)`,
    );
    console.log(
      `single-record commit, plain in-memory ${plainLatency.toFixed(3)} ms (${Math.round(1000 / plainLatency)} tx/s)`,
    );
    console.log(`SQLite file after checkpoint          ${mb(size)}`);
    console.log(
      `start-up: restore from SQLite         ${startup.restoreMs.toFixed(0)} ms (heap and buffers +${mb(startup.heapBytes)}), fresh process`,
    );
    console.log(`start-up: OlmMachine on restored store ${startup.olmMachineMs.toFixed(0)} ms`);
    console.log(`after start-up: every room key read back ${startup.exportMs.toFixed(0)} ms`);
    const backup = startup.backup;
    console.log(
      `key backup: ${backup.passes} passes, ${backup.keys} keys in ${(backup.totalMs / 1000).toFixed(1)} s${backup.finished ? "" : " (stopped at the time limit)"}; ` +
        `pass p50 ${backup.passP50Ms.toFixed(0)} ms, max ${backup.passMaxMs.toFixed(0)} ms; longest event-loop stall ${backup.stallMaxMs.toFixed(0)} ms`,
    );
    console.log(
      `memory after backup: heap and buffers +${mb(startup.heapAfterBackupBytes)}, RSS ${mb(startup.rssBytes)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface StartupNumbers {
  restoreMs: number;
  heapBytes: number;
  olmMachineMs: number;
  roomKeys: number;
  /** Reading every room key back and decrypting it (an export), after the restart. */
  exportMs: number;
  backup: BackupNumbers;
  heapAfterBackupBytes: number;
  rssBytes: number;
}

interface BackupNumbers {
  passes: number;
  keys: number;
  totalMs: number;
  passP50Ms: number;
  passMaxMs: number;
  stallMaxMs: number;
  finished: boolean;
}

const BACKUP_TIME_LIMIT_MS = Number(process.env["BENCH_BACKUP_SECONDS"] ?? 120) * 1000;

/**
 * Key backup as the Rust crypto runs it: each pass asks for the next batch of room keys not yet
 * backed up (a walk of the `backup` index), and the answer from the homeserver marks them backed up.
 * No homeserver here: the request is answered as Synapse would, so only the bot's own cost is timed.
 */
async function runKeyBackup(machine: Rust.OlmMachine): Promise<BackupNumbers> {
  const key = Rust.BackupDecryptionKey.createRandomKey();
  await machine.enableBackupV1(key.megolmV1PublicKey.publicKeyBase64, "1");
  const stalls = monitorEventLoopDelay({ resolution: 5 });
  stalls.enable();
  const passes: number[] = [];
  let keys = 0;
  let finished = false;
  const start = performance.now();
  while (performance.now() - start < BACKUP_TIME_LIMIT_MS) {
    const passStart = performance.now();
    const request = await machine.backupRoomKeys();
    if (request === undefined) {
      finished = true;
      break;
    }
    const rooms = (JSON.parse(request.body) as { rooms: Record<string, { sessions: object }> }).rooms;
    for (const room of Object.values(rooms)) keys += Object.keys(room.sessions).length;
    await machine.markRequestAsSent(request.id, request.type, JSON.stringify({ etag: String(keys), count: keys }));
    passes.push(performance.now() - passStart);
  }
  const totalMs = performance.now() - start;
  stalls.disable();
  const sorted = [...passes].sort((a, b) => a - b);
  return {
    passes: passes.length,
    keys,
    totalMs,
    passP50Ms: sorted[Math.floor(sorted.length / 2)] ?? 0,
    passMaxMs: sorted.at(-1) ?? 0,
    stallMaxMs: stalls.max / 1e6,
    finished,
  };
}

/** Start-up as after a restart: this script again, in a new process, with only the SQLite file. */
function restoreInFreshProcess(path: string, storageKey: Uint8Array): Promise<StartupNumbers> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, "--expose-gc", fileURLToPath(import.meta.url), "--restore", path],
      {
        env: { ...process.env, BENCH_STORAGE_KEY: Buffer.from(storageKey).toString("base64") },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve(JSON.parse(output) as StartupNumbers)
        : reject(new Error(`restore process failed (${code})`)),
    );
  });
}

/**
 * The memory in use once garbage is collected (what the restored store keeps, not what restoring it
 * cost on the way): the JS heap and the array buffers outside it, where binary values live.
 */
function heapKept(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

async function restoreAndReport(path: string, storageKey: Uint8Array): Promise<void> {
  const heapBefore = heapKept();
  const sqlite = openSqlite(path);
  const restored = await timed(() => openPersistentIndexedDB(sqlite));
  restored.result.installGlobals();
  if (process.env["BENCH_PLAIN_CURSORS"] === "1") uninstallIndexCursorSeek();
  const heapAfter = heapKept();
  const reopened = await timed(async () => {
    await Rust.initAsync();
    const handle = await Rust.StoreHandle.openWithKey(STORE_PREFIX, storageKey);
    const machine = await Rust.OlmMachine.initFromStore(new Rust.UserId(USER), new Rust.DeviceId("BOT"), handle);
    handle.free();
    return machine;
  });
  const counts = await reopened.result.roomKeyCounts();
  // Every room key read back (from SQLite, where they live) and decrypted by the Rust store.
  const exported = await timed(
    async () => (JSON.parse(await reopened.result.exportRoomKeys(() => true)) as unknown[]).length,
  );
  if (exported.result !== counts.total)
    throw new Error(`exported ${exported.result} room keys after the restart, expected ${counts.total}`);
  const backup = await runKeyBackup(reopened.result);
  const heapAfterBackup = heapKept();
  const rssBytes = process.memoryUsage().rss;
  reopened.result.close();
  sqlite.close();
  const numbers: StartupNumbers = {
    restoreMs: restored.ms,
    heapBytes: heapAfter - heapBefore,
    olmMachineMs: reopened.ms,
    roomKeys: counts.total,
    exportMs: exported.ms,
    backup,
    heapAfterBackupBytes: heapAfterBackup - heapBefore,
    rssBytes,
  };
  process.stdout.write(JSON.stringify(numbers));
}

if (process.argv[2] === "--restore") {
  await restoreAndReport(
    process.argv[3]!,
    new Uint8Array(Buffer.from(process.env["BENCH_STORAGE_KEY"] ?? "", "base64")),
  );
} else {
  await main();
}
