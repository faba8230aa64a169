/**
 * Walking half of an index whose walked records all share one key, as key backup walks the
 * `backup` index of the Rust crypto's `inbound_group_sessions3` (see bench/README.md): plain
 * fake-indexeddb, then the same database with Tandem's index cursor seek (idb/index-cursor-seek.ts).
 *
 * Run: scripts/with-node24 npm run build && scripts/with-node24 node dist/bench/idb-cursor-walk.js [records…] [--patched-only]
 * The last column walks as many records of the object store itself: the floor of a cursor step.
 * Plain fake-indexeddb is skipped above 20,000 records unless --plain-always (it is quadratic).
 */
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { assertSupportedFakeIndexedDB } from "../src/transport/matrix/idb/fake-internals.js";
import { installIndexCursorSeek, uninstallIndexCursorSeek } from "../src/transport/matrix/idb/index-cursor-seek.js";

const args = process.argv.slice(2);
const sizes = args.filter((arg) => !arg.startsWith("--")).map(Number);
const plainAlways = args.includes("--plain-always");
const PLAIN_LIMIT = 20_000;

function request<T>(req: { result: T; error: unknown; onsuccess: unknown; onerror: unknown }): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function fill(records: number): Promise<any> {
  const factory = new IDBFactory() as any;
  const open = factory.open("walk", 1);
  open.onupgradeneeded = () => {
    const store = open.result.createObjectStore("sessions");
    store.createIndex("backup", "needs_backup");
  };
  const db = await request<any>(open);
  const tx = db.transaction("sessions", "readwrite");
  const store = tx.objectStore("sessions");
  for (let i = 0; i < records; i++) {
    store.put({ needs_backup: i % 2, pickled: `session ${i}` }, [`!room${i % 97}:bench.test`, `session-${i}`]);
  }
  await new Promise((resolve) => (tx.oncomplete = resolve));
  return db;
}

/** Milliseconds to walk every record with needs_backup = 1 (half the store), reading each value. */
async function walk(db: any, direction: "next" | "prev"): Promise<{ ms: number; seen: number }> {
  const start = performance.now();
  const tx = db.transaction("sessions", "readonly");
  const cursorRequest = tx.objectStore("sessions").index("backup").openCursor(IDBKeyRange.only(1), direction);
  let seen = 0;
  await new Promise<void>((resolve, reject) => {
    cursorRequest.onsuccess = () => {
      const cursor = cursorRequest.result;
      if (cursor === null) return resolve();
      seen++;
      cursor.continue();
    };
    cursorRequest.onerror = () => reject(cursorRequest.error);
  });
  return { ms: performance.now() - start, seen };
}

/** The same number of steps on the object store itself (unique keys, never quadratic): fake-indexeddb's cost per step. */
async function walkStore(db: any, steps: number): Promise<number> {
  const start = performance.now();
  const tx = db.transaction("sessions", "readonly");
  const cursorRequest = tx.objectStore("sessions").openCursor();
  let seen = 0;
  await new Promise<void>((resolve, reject) => {
    cursorRequest.onsuccess = () => {
      const cursor = cursorRequest.result;
      if (cursor === null || ++seen === steps) return resolve();
      cursor.continue();
    };
    cursorRequest.onerror = () => reject(cursorRequest.error);
  });
  return performance.now() - start;
}

const probe = await assertSupportedFakeIndexedDB();
for (const records of sizes) {
  const db = await fill(records);
  const row: Record<string, string> = { records: records.toLocaleString("en") };
  for (const direction of ["next", "prev"] as const) {
    if (records <= PLAIN_LIMIT || plainAlways) {
      uninstallIndexCursorSeek();
      const plain = await walk(db, direction);
      row[`plain ${direction}`] = `${(plain.ms / 1000).toFixed(2)} s (${plain.seen})`;
    }
    installIndexCursorSeek(probe);
    const patched = await walk(db, direction);
    row[`seek ${direction}`] = `${(patched.ms / 1000).toFixed(3)} s (${patched.seen})`;
  }
  row["store walk, same steps"] = `${((await walkStore(db, records / 2)) / 1000).toFixed(3)} s`;
  console.log(JSON.stringify(row));
  db.close();
}
