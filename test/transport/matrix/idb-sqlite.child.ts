/**
 * Child process for test/transport/matrix/idb-sqlite.test.ts (run by node with type stripping, not by jest).
 *   crash-writer <sqlite path>: commits IndexedDB transactions in a loop until killed; prints
 *   "ready", then "committed" after each complete event (stdout to a pipe is synchronous on Linux,
 *   so every printed line reaches the parent even when the process is SIGKILLed right after).
 */
import Database from "better-sqlite3-multiple-ciphers";
import { writeSync } from "node:fs";
import { openPersistentIndexedDB } from "../../../src/transport/matrix/idb-sqlite.js";

const ROWS_PER_TRANSACTION = 20;
const SQL_ROWS_PER_TRANSACTION = 5;
const MAX_TRANSACTIONS = 100_000; // bounded: the parent kills the child long before this

async function crashWriter(path: string): Promise<void> {
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  const { indexedDB } = await openPersistentIndexedDB(sqlite);
  const db = await new Promise<any>((resolve, reject) => {
    const req = indexedDB.open("crash", 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore("rows", { autoIncrement: true });
      req.result.createObjectStore("meta");
      // Kept in SQL, not in memory (idb/sql-stores.ts): its rows and index rows commit with the others.
      req.result.createObjectStore("inbound_group_sessions3").createIndex("batch", "batch");
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  writeSync(1, "ready\n");
  const payload = new Uint8Array(512).fill(7);
  for (let batch = 0; batch < MAX_TRANSACTIONS; batch++) {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(["rows", "meta", "inbound_group_sessions3"], "readwrite");
      for (let i = 0; i < ROWS_PER_TRANSACTION; i++) tx.objectStore("rows").add({ batch, i, payload });
      for (let i = 0; i < SQL_ROWS_PER_TRANSACTION; i++) {
        tx.objectStore("inbound_group_sessions3").put({ batch, payload }, [`session-${batch}`, i]);
      }
      tx.objectStore("meta").put(batch + 1, "batches");
      tx.oncomplete = () => {
        writeSync(1, "committed\n");
        resolve();
      };
      tx.onabort = () => reject(tx.error);
    });
  }
  process.exitCode = 3; // never reached in the test: it means nobody killed us
}

const [mode, ...args] = process.argv.slice(2);
switch (mode) {
  case "crash-writer":
    await crashWriter(args[0]!);
    break;
  default:
    throw new Error(`unknown mode ${mode}`);
}
