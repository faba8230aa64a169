import type { RawRecord } from "./fake-internals.js";
import { encodeIdbKey } from "./key-codec.js";
import type { IdbSqliteStore } from "./sqlite-store.js";
import { deserializeValue } from "./value-codec.js";

/**
 * Stores whose committed values stay in SQLite instead of in memory. The Rust crypto keeps one
 * record per room key (Megolm session) in `inbound_group_sessions3`: ~2.4 KB of heap each, one per
 * sender device and rotation in every room, so 100 busy cells reach 100,000 in about two years
 * (bench/README.md). It reads one when it decrypts an event from that session, rarely all of them.
 * The other stores (devices, identities, the sync store…) are small or read constantly: kept in memory.
 */
const PAGED_STORES: ReadonlySet<string> = new Set(["inbound_group_sessions3"]);

export function isPagedStore(storeName: string): boolean {
  return PAGED_STORES.has(storeName);
}

/** Reads the value of the record it is called on (`this`) from SQLite. */
export type ValueReader = (this: RawRecord) => unknown;

/**
 * Replaces a committed record's value by a getter that reads it back from SQLite, each time it is
 * read. The key stays in memory: fake-indexeddb's record tree, its indexes and cursors need it.
 * Every value fake-indexeddb hands out is a structured clone anyway, so a fresh copy per read is
 * what a caller would have seen. A write to `value` (fake-indexeddb does not, but may) makes the
 * record an ordinary one again.
 */
export function pageOut(record: RawRecord, read: ValueReader): void {
  Object.defineProperty(record, "value", { configurable: true, enumerable: true, get: read, set: holdAgain });
}

function holdAgain(this: RawRecord, value: unknown): void {
  holdInMemory(this, value);
}

/** Makes the record hold `value` itself (again). */
export function holdInMemory(record: RawRecord, value: unknown): void {
  Object.defineProperty(record, "value", { configurable: true, enumerable: true, writable: true, value });
}

/** Whether the record reads its value from SQLite. */
export function isPagedOut(record: RawRecord): boolean {
  return Object.getOwnPropertyDescriptor(record, "value")?.get !== undefined;
}

const readers = new WeakMap<IdbSqliteStore, Map<string, ValueReader>>();

/**
 * The getter of one store's paged records, shared by all of them: it finds the row by the record's
 * own key, so a paged record costs no more memory than its key.
 */
export function sqliteReader(sqlite: IdbSqliteStore, db: string, store: string): ValueReader {
  const byStore = readers.get(sqlite) ?? new Map<string, ValueReader>();
  readers.set(sqlite, byStore);
  const name = `${db}\u0000${store}`;
  let reader = byStore.get(name);
  if (reader === undefined) {
    reader = function (this: RawRecord) {
      const bytes = sqlite.recordValue(db, store, encodeIdbKey(this.key));
      if (bytes === undefined) throw new Error("an IndexedDB record kept in SQLite is missing there");
      return deserializeValue(bytes);
    };
    byStore.set(name, reader);
  }
  return reader;
}
