// The IndexedDB API is untyped here (no DOM lib): `any` is allowed in this file (see biome.jsonc).
import Database from "better-sqlite3-multiple-ciphers";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openPersistentIndexedDB } from "../../../src/transport/matrix/idb-sqlite.js";
import { SqlRecords } from "../../../src/transport/matrix/idb/sql-records.js";
import { randomKeyRange } from "../../support/idb-ranges.js";

/**
 * The room keys' store answers from SQL (idb/sql-records.ts) exactly as fake-indexeddb answers
 * from memory: the same seeded operation sequences — puts, adds refused by a key or a unique index,
 * deletes by key and range, clears, gets, getAll/getAllKeys/count on the store and its indexes,
 * cursors in four directions with continue(key), continuePrimaryKey, advance, update and delete,
 * writes between steps, aborted transactions, and a restart from the SQLite file between
 * sequences — run against plain fake-indexeddb and against the SQL store, and every answer and
 * error must be the same.
 */

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const migrationSql = ["0003_matrix_idb.sql", "0025_idb_ordered_records.sql"]
  .map((file) => readFileSync(join(repoRoot, "migrations", file), "utf8"))
  .join("\n");
const STORE = "inbound_group_sessions3";
const INDEXES = ["few", "unique", "tags", "pair", "mixed"] as const;
type IndexName = (typeof INDEXES)[number];
const DIRECTIONS = ["next", "nextunique", "prev", "prevunique"] as const;
const KEYS = 60;

const dirs: string[] = [];
const openDbs: Database.Database[] = [];
afterEach(() => {
  for (const db of openDbs.splice(0)) if (db.open) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** A key of any IndexedDB type: number, date, string (with a NUL and a surrogate pair), binary or an array. */
function mixedKey(random: () => number, depth = 0): unknown {
  const small = Math.floor(random() * 4);
  switch (Math.floor(random() * (depth === 0 ? 5 : 4))) {
    case 0:
      return [-1e9, -0.5, 0, 2.5][small];
    case 1:
      return new Date(Date.UTC(2026, 0, 1 + small));
    case 2:
      return ["", "a\u0000", "a", "\ud83d\udc22"][small];
    case 3:
      return new Uint8Array([0, 1, 255].slice(0, small)).buffer;
    default:
      return Array.from({ length: small }, () => mixedKey(random, depth + 1));
  }
}

function primaryKey(random: () => number): unknown {
  const n = Math.floor(random() * KEYS);
  return random() < 0.8 ? [`!room${n % 5}`, n] : n;
}

function valueFor(random: () => number): Record<string, unknown> {
  const value: Record<string, unknown> = {
    few: Math.floor(random() * 4),
    tags: Array.from({ length: Math.floor(random() * 4) }, () => Math.floor(random() * 6)),
    pair: [`room${Math.floor(random() * 3)}`, Math.floor(random() * 3)],
    mixed: mixedKey(random),
    pickle: "x".repeat(Math.floor(random() * 40)),
  };
  if (random() < 0.6) value["unique"] = `u${Math.floor(random() * KEYS * 2)}`;
  return value;
}

function indexKey(random: () => number, index: IndexName): unknown {
  switch (index) {
    case "few":
      return Math.floor(random() * 5) - 0.5 * Math.floor(random() * 2);
    case "unique":
      return `u${Math.floor(random() * KEYS * 2)}`;
    case "tags":
      return Math.floor(random() * 7);
    case "pair":
      return [`room${Math.floor(random() * 4)}`, Math.floor(random() * 4)];
    case "mixed":
      return mixedKey(random);
  }
}

/** Answers as plain data: binary as hex, dates as ISO text, so that both runs compare by content. */
function shown(value: unknown): unknown {
  if (value instanceof ArrayBuffer || Object.prototype.toString.call(value) === "[object ArrayBuffer]")
    return `bin:${Buffer.from(value as ArrayBuffer).toString("hex")}`;
  if (Object.prototype.toString.call(value) === "[object Date]") return `date:${(value as Date).toISOString()}`;
  if (Array.isArray(value)) return value.map(shown);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shown(v)]));
  }
  return value;
}

function settle(req: any, log: unknown[], label: string): Promise<void> {
  return new Promise((resolve) => {
    req.onsuccess = () => {
      log.push([label, shown(req.result)]);
      resolve();
    };
    req.onerror = (event: any) => {
      log.push([label, req.error?.name]);
      event.preventDefault();
      resolve();
    };
  });
}

/** One request on the store or one of its indexes, chosen by `random`. */
function oneRequest(store: any, random: () => number, log: unknown[]): Promise<void> | undefined {
  const choice = random();
  const storeRange = () => randomKeyRange(random, () => primaryKey(random));
  if (choice < 0.25) return settle(store.put(valueFor(random), primaryKey(random)), log, "put");
  if (choice < 0.35) return settle(store.add(valueFor(random), primaryKey(random)), log, "add");
  if (choice < 0.42) return settle(store.delete(primaryKey(random)), log, "delete");
  if (choice < 0.45) return settle(store.delete(storeRange() ?? IDBKeyRange.lowerBound(KEYS / 2)), log, "deleteRange");
  if (choice < 0.46) return settle(store.clear(), log, "clear");
  if (choice < 0.5) return settle(store.get(primaryKey(random)), log, "get");
  if (choice < 0.54) return settle(store.getAll(storeRange(), Math.floor(random() * 5)), log, "getAll");
  if (choice < 0.57) return settle(store.getAllKeys(storeRange(), Math.floor(random() * 5)), log, "getAllKeys");
  if (choice < 0.6) return settle(store.count(storeRange()), log, "count");
  const name = pick(random, INDEXES);
  const index = store.index(name);
  const range = () => randomKeyRange(random, () => indexKey(random, name));
  if (choice < 0.65) return settle(index.get(indexKey(random, name)), log, `get ${name}`);
  if (choice < 0.7) return settle(index.getKey(indexKey(random, name)), log, `getKey ${name}`);
  if (choice < 0.75) return settle(index.getAll(range(), Math.floor(random() * 6)), log, `getAll ${name}`);
  if (choice < 0.8) return settle(index.getAllKeys(range(), Math.floor(random() * 6)), log, `getAllKeys ${name}`);
  if (choice < 0.85) return settle(index.count(range()), log, `count ${name}`);
  return undefined;
}

/** A cursor's life on the store or an index: each step's key, primary key and value, or the error that ended it. */
function cursorLife(store: any, random: () => number, log: unknown[]): Promise<void> {
  const onIndex = random() < 0.75;
  const name = pick(random, INDEXES);
  const source = onIndex ? store.index(name) : store;
  const key = () => (onIndex ? indexKey(random, name) : primaryKey(random));
  const direction = pick(random, DIRECTIONS);
  const keyOnly = random() < 0.3;
  const range = randomKeyRange(random, key);
  const req = keyOnly ? source.openKeyCursor(range, direction) : source.openCursor(range, direction);
  log.push(["cursor", onIndex ? name : "store", direction, keyOnly]);
  let steps = 0;
  return new Promise((resolve) => {
    req.onerror = (event: any) => {
      log.push(["cursor error", req.error?.name]);
      event.preventDefault();
      resolve();
    };
    req.onsuccess = () => {
      const cursor = req.result;
      if (cursor === null) {
        log.push("end");
        return resolve();
      }
      log.push(shown([cursor.key, cursor.primaryKey, keyOnly ? undefined : cursor.value]));
      if (++steps > 25) return resolve();
      try {
        const choice = random();
        if (choice < 0.35) cursor.continue();
        else if (choice < 0.45) cursor.advance(1 + Math.floor(random() * 4));
        else if (choice < 0.55) {
          // A write between steps: the cursor must see the records as they are now.
          if (random() < 0.5) store.delete(primaryKey(random));
          else settle(store.put(valueFor(random), primaryKey(random)), log, "put between");
          cursor.continue();
        } else if (choice < 0.62 && !keyOnly) {
          settle(cursor.update(valueFor(random)), log, "update");
          cursor.continue();
        } else if (choice < 0.68 && !keyOnly) {
          settle(cursor.delete(), log, "delete at cursor");
          cursor.continue();
        } else if (choice < 0.84) cursor.continue(key());
        else cursor.continuePrimaryKey(random() < 0.5 ? cursor.key : key(), primaryKey(random));
      } catch (error) {
        log.push((error as Error).name);
        resolve();
      }
    };
  });
}

/** One transaction: a few requests and cursors, then commit, or an abort that must undo them all. */
async function oneTransaction(db: any, random: () => number, log: unknown[]): Promise<void> {
  const tx = db.transaction(STORE, "readwrite");
  const store = tx.objectStore(STORE);
  const ended = new Promise<string>((resolve) => {
    tx.oncomplete = () => resolve("complete");
    tx.onabort = () => resolve("abort");
  });
  const operations = 1 + Math.floor(random() * 6);
  for (let i = 0; i < operations; i++) {
    if (random() < 0.3) await cursorLife(store, random, log);
    else await oneRequest(store, random, log);
  }
  if (random() < 0.15) tx.abort();
  log.push(await ended);
}

function createSchema(db: any): void {
  const store = db.createObjectStore(STORE);
  store.createIndex("few", "few");
  store.createIndex("unique", "unique", { unique: true });
  store.createIndex("tags", "tags", { multiEntry: true });
  store.createIndex("pair", "pair");
  store.createIndex("mixed", "mixed");
}

function openDb(factory: any): Promise<any> {
  return new Promise((resolve, reject) => {
    const req = factory.open("compare", 1);
    req.onupgradeneeded = () => createSchema(req.result);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The SQL side: a SQLite file, reopened (a new connection and a new factory) for every sequence. */
function sqlSide(): () => Promise<any> {
  const dir = mkdtempSync(join(tmpdir(), "tandem-idb-compare-"));
  dirs.push(dir);
  const path = join(dir, "tandem.sqlite");
  return async () => {
    const sqlite = new Database(path);
    openDbs.push(sqlite);
    sqlite.pragma("journal_mode = WAL");
    sqlite.exec("CREATE TABLE IF NOT EXISTS compare_marker (x INTEGER)");
    if (sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'idb_records'").pluck().get() === 0) {
      sqlite.exec(migrationSql);
    }
    return openDb((await openPersistentIndexedDB(sqlite)).indexedDB);
  };
}

async function run(seed: number, sequences: number, reopen: () => Promise<any>): Promise<{ log: unknown[]; db: any }> {
  const random = prng(seed);
  const log: unknown[] = [];
  let db = await reopen();
  for (let sequence = 0; sequence < sequences; sequence++) {
    const transactions = 2 + Math.floor(random() * 5);
    for (let i = 0; i < transactions; i++) await oneTransaction(db, random, log);
    db.close();
    db = await reopen();
    log.push("restart");
  }
  return { log, db };
}

describe("room keys in SQL answer as fake-indexeddb (idb/sql-records.ts)", () => {
  const answers = new Set<string>();

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    "gives every answer and error of plain fake-indexeddb (seed %i)",
    async (seed) => {
      const plainFactory = new (IDBFactory as any)();
      const plain = await run(seed, 12, () => openDb(plainFactory));
      const sql = await run(seed, 12, sqlSide());
      expect(sql.log).toEqual(plain.log);
      for (const entry of plain.log) {
        for (const part of Array.isArray(entry) ? entry.slice(0, 2) : [entry])
          if (typeof part === "string") answers.add(part);
      }
      // Nothing of the store waits in memory once its transactions ended.
      const raw = sql.db._rawDatabase.rawObjectStores.get(STORE);
      const sets = [raw.records, ...[...raw.rawIndexes.values()].map((index: any) => index.records)];
      expect(sets.every((set: unknown) => set instanceof SqlRecords && !set.hasPending)).toBe(true);
    },
    60_000,
  );

  it("reached every kind of answer in those sequences, so the comparison covered them", () => {
    const kinds = ["ConstraintError", "DataError", "InvalidAccessError", "end", "abort", "restart", "clear"];
    for (const answer of [...kinds, "delete at cursor", "update", "put between", "deleteRange", "count tags"]) {
      expect(answers).toContain(answer);
    }
  });
});
