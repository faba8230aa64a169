/* eslint-disable @typescript-eslint/no-explicit-any -- the IndexedDB API is untyped here (no DOM lib) */
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { assertSupportedFakeIndexedDB, cmpKeys } from "../../../src/transport/matrix/idb/fake-internals.js";
import { randomKeyRange } from "../../support/idb-ranges.js";
import {
  installIndexCursorSeek,
  uninstallIndexCursorSeek,
} from "../../../src/transport/matrix/idb/index-cursor-seek.js";

/**
 * The index cursor seek must not change a single answer of fake-indexeddb: the same seeded
 * operation sequences run against plain fake-indexeddb and against the patched one, and every
 * step's key, primary key, value and error must be the same.
 */

const RECORDS = 240;
const INDEXES = ["few", "unique", "tags", "pair", "mixed"] as const;
const DIRECTIONS = ["next", "nextunique", "prev", "prevunique"] as const;

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

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function request<T = any>(req: any): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error);
  });
}

/** A key of any IndexedDB type: number, date, string, binary or an array of them. */
function mixedKey(random: () => number, depth = 0): unknown {
  const small = Math.floor(random() * 4);
  switch (Math.floor(random() * (depth === 0 ? 5 : 4))) {
    case 0:
      return small - 1.5;
    case 1:
      return new Date(Date.UTC(2026, 0, 1 + small));
    case 2:
      return ["", "a", "ab", "b"][small];
    case 3:
      return new Uint8Array([1, 2, 3].slice(0, small)).buffer;
    default:
      return Array.from({ length: small }, () => mixedKey(random, depth + 1));
  }
}

function recordFor(random: () => number, n: number): { key: unknown[]; value: Record<string, unknown> } {
  const value: Record<string, unknown> = {
    few: Math.floor(random() * 4),
    tags: Array.from({ length: Math.floor(random() * 4) }, () => Math.floor(random() * 6)),
    pair: [`room${Math.floor(random() * 3)}`, Math.floor(random() * 5)],
    mixed: mixedKey(random),
    n,
  };
  // Most records share a `few` key; some have no `unique` at all, so that index is sparse.
  if (random() < 0.7) value["unique"] = `u${n}`;
  return { key: [`!room${n % 7}`, n], value };
}

/** A database whose index trees hold tombstones too: a tenth of the records is deleted after filling. */
async function seededDatabase(seed: number): Promise<any> {
  const random = prng(seed);
  const open = new (IDBFactory as any)().open("seek", 1);
  open.onupgradeneeded = () => {
    const store = open.result.createObjectStore("s");
    store.createIndex("few", "few");
    store.createIndex("unique", "unique", { unique: true });
    store.createIndex("tags", "tags", { multiEntry: true });
    store.createIndex("pair", "pair");
    store.createIndex("mixed", "mixed");
  };
  const db = await request(open);
  const tx = db.transaction("s", "readwrite");
  const store = tx.objectStore("s");
  for (let n = 0; n < RECORDS; n++) {
    const { key, value } = recordFor(random, n);
    store.put(value, key);
  }
  for (let n = 0; n < RECORDS; n += 10) store.delete([`!room${n % 7}`, n]);
  await new Promise((resolve) => (tx.oncomplete = resolve));
  return db;
}

function randomIndexKey(random: () => number, index: (typeof INDEXES)[number]): unknown {
  switch (index) {
    case "few":
      return Math.floor(random() * 5) - 0.5 * Math.floor(random() * 2);
    case "unique":
      return `u${Math.floor(random() * RECORDS)}`;
    case "tags":
      return Math.floor(random() * 7);
    case "pair":
      return [`room${Math.floor(random() * 4)}`, Math.floor(random() * 6)];
    case "mixed":
      return mixedKey(random);
  }
}

function randomPrimaryKey(random: () => number): unknown[] {
  const n = Math.floor(random() * (RECORDS + 10)) - 5;
  return [`!room${Math.floor(random() * 8)}`, n];
}

let factoryForCmp: any;
function indexedDB(): any {
  factoryForCmp ??= new (IDBFactory as any)();
  return factoryForCmp;
}

/** One cursor's life: what it answered at each step, or the error that ended it. */
async function cursorTrial(db: any, random: () => number): Promise<unknown[]> {
  const index = pick(random, INDEXES);
  const direction = pick(random, DIRECTIONS);
  const range = randomKeyRange(random, () => randomIndexKey(random, index));
  const keyOnly = random() < 0.3;
  const tx = db.transaction("s", "readwrite");
  const store = tx.objectStore("s");
  const source = store.index(index);
  const cursorRequest = keyOnly ? source.openKeyCursor(range, direction) : source.openCursor(range, direction);
  const answers: unknown[] = [{ index, direction, keyOnly }];
  let steps = 0;
  await new Promise<void>((resolve, reject) => {
    cursorRequest.onerror = () => reject(cursorRequest.error);
    cursorRequest.onsuccess = () => {
      const cursor = cursorRequest.result;
      if (cursor === null) {
        answers.push("end");
        return resolve();
      }
      answers.push([cursor.key, cursor.primaryKey, keyOnly ? undefined : cursor.value]);
      if (++steps > 40) return resolve();
      try {
        step(cursor, store, index, random, answers);
      } catch (error) {
        answers.push((error as Error).name);
        resolve();
      }
    };
  });
  await new Promise((resolve) => {
    tx.oncomplete = resolve;
    tx.onabort = resolve;
  });
  return answers;
}

function step(
  cursor: any,
  store: any,
  index: (typeof INDEXES)[number],
  random: () => number,
  answers: unknown[],
): void {
  const choice = random();
  if (choice < 0.4) return cursor.continue();
  if (choice < 0.55) return cursor.advance(1 + Math.floor(random() * 5));
  if (choice < 0.7) {
    // A write between steps: the cursor must see the tree as it is now, tombstones included.
    const n = Math.floor(random() * RECORDS);
    if (random() < 0.5) store.delete([`!room${n % 7}`, n]);
    else store.put(recordFor(random, n).value, [`!room${n % 7}`, n]);
    answers.push("write");
    return cursor.continue();
  }
  if (choice < 0.85) {
    // Usually ahead of the cursor, sometimes behind it (a DataError, recorded like any answer).
    return cursor.continue(random() < 0.8 ? nearKey(cursor, index, random) : randomIndexKey(random, index));
  }
  const key = random() < 0.6 ? cursor.key : nearKey(cursor, index, random);
  cursor.continuePrimaryKey(key, random() < 0.5 ? randomPrimaryKey(random) : nextPrimaryKey(cursor, random));
}

function nearKey(cursor: any, index: (typeof INDEXES)[number], random: () => number): unknown {
  const descending = cursor.direction.startsWith("prev");
  for (let tries = 0; tries < 10; tries++) {
    const key = randomIndexKey(random, index);
    if (indexedDB().cmp(key, cursor.key) * (descending ? -1 : 1) > 0) return key;
  }
  return randomIndexKey(random, index);
}

function nextPrimaryKey(cursor: any, random: () => number): unknown[] {
  const [room, n] = cursor.primaryKey as [string, number];
  const offset = 1 + Math.floor(random() * 20);
  return [room, cursor.direction.startsWith("prev") ? n - offset : n + offset];
}

/** How many index records the cursors' walks visit during `work` (what makes a step cheap or not). */
async function countVisited<T>(work: () => Promise<T>): Promise<{ result: T; visited: number }> {
  const prototype = Object.getPrototypeOf(await assertSupportedFakeIndexedDB()) as {
    values: (...args: unknown[]) => Iterable<unknown>;
  };
  const values = prototype.values;
  let visited = 0;
  prototype.values = function (this: unknown, ...args: unknown[]) {
    const iterable = values.apply(this, args);
    return {
      [Symbol.iterator]: () => {
        const iterator = iterable[Symbol.iterator]();
        return {
          next: () => {
            const result = iterator.next();
            if (result.done !== true) visited++;
            return result;
          },
        };
      },
    };
  };
  try {
    return { result: await work(), visited };
  } finally {
    prototype.values = values;
  }
}

async function runTrials(seed: number, trials: number): Promise<unknown[]> {
  const db = await seededDatabase(seed);
  const random = prng(seed * 7919);
  const results: unknown[] = [];
  for (let i = 0; i < trials; i++) results.push(await cursorTrial(db, random));
  db.close();
  return results;
}

describe("index cursor seek (idb/index-cursor-seek.ts)", () => {
  afterAll(async () => installIndexCursorSeek(await assertSupportedFakeIndexedDB()));

  it.each([1, 2, 3, 4, 5, 6])("answers every cursor operation as plain fake-indexeddb does (seed %i)", async (seed) => {
    uninstallIndexCursorSeek();
    const plain = await runTrials(seed, 120);
    installIndexCursorSeek(await assertSupportedFakeIndexedDB());
    const seeking = await runTrials(seed, 120);
    expect(seeking).toEqual(plain);
    // The trials did reach every kind of answer, so the comparison covered them.
    const flat = JSON.stringify(plain);
    for (const answer of ['"end"', '"write"', '"DataError"', '"InvalidAccessError"']) expect(flat).toContain(answer);
  });

  it("orders stored keys of every type as fake-indexeddb's own cmp does", () => {
    const random = prng(42);
    const keys = Array.from({ length: 200 }, () => mixedKey(random));
    const pairs = keys.flatMap((a) => keys.map((b) => [a, b] as const));
    expect(pairs.map(([a, b]) => cmpKeys(a, b))).toEqual(pairs.map(([a, b]) => indexedDB().cmp(a, b)));
  });

  it("walks thousands of records sharing one index key, both ways, as plain fake-indexeddb does", async () => {
    const walkAll = async (direction: "next" | "prev"): Promise<unknown[]> => {
      const open = new (IDBFactory as any)().open("dups", 1);
      open.onupgradeneeded = () => open.result.createObjectStore("s").createIndex("backup", "needs_backup");
      const db = await request(open);
      const tx = db.transaction("s", "readwrite");
      for (let n = 0; n < 1200; n++) tx.objectStore("s").put({ needs_backup: n % 3 === 0 ? 0 : 1 }, `session-${n}`);
      const seen: unknown[] = [];
      const cursorRequest = tx.objectStore("s").index("backup").openKeyCursor(IDBKeyRange.only(1), direction);
      await new Promise<void>((resolve) => {
        cursorRequest.onsuccess = () => {
          const cursor = cursorRequest.result;
          if (cursor === null) return resolve();
          seen.push(cursor.primaryKey);
          cursor.continue();
        };
      });
      db.close();
      return seen;
    };
    for (const direction of ["next", "prev"] as const) {
      uninstallIndexCursorSeek();
      const plain = await countVisited(() => walkAll(direction));
      installIndexCursorSeek(await assertSupportedFakeIndexedDB());
      const seeking = await countVisited(() => walkAll(direction));
      expect(plain.result).toHaveLength(800);
      expect(seeking.result).toEqual(plain.result);
      // Quadratic without the seek (each step re-reads the duplicates behind it), linear with it.
      expect(plain.visited).toBeGreaterThan(800 * 100);
      expect(seeking.visited).toBeLessThan(800 * 3);
    }
  }, 30_000);
});
