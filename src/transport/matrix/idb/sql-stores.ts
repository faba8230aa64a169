import type { RawIndex, RawKeyRange, RawObjectStore, RawRecord } from "./fake-internals.js";
import { decodeIdbKey } from "./key-codec.js";
import { encodeOrderedKey } from "./ordered-key-codec.js";
import type { OrderedSql, OrderedTarget } from "./ordered-sql.js";
import { SqlRecords } from "./sql-records.js";
import type { IdbSqliteStore } from "./sqlite-store.js";
import { deserializeValue, serializeValue } from "./value-codec.js";

/**
 * Stores whose records live in SQLite only (idb/sql-records.ts), not in memory. The Rust crypto
 * keeps one record per room key (Megolm session) in `inbound_group_sessions3`: ~2.4 KB each, one
 * per sender device and rotation in every room, so 100 busy cells reach 100,000 in about two years
 * (bench/README.md). It reads one when it decrypts an event from that session, rarely all of them.
 * The other stores (devices, identities, the sync store…) are small or read constantly: kept in
 * memory and mirrored (idb/database-mirror.ts).
 */
const SQL_STORES: ReadonlySet<string> = new Set(["inbound_group_sessions3"]);

export function isSqlStore(storeName: string): boolean {
  return SQL_STORES.has(storeName);
}

/** fake-indexeddb's own record set class, to give a store its records back in memory. */
export type MemoryRecordStore = new (
  keysAreUnique: boolean,
) => {
  put(record: RawRecord, noOverwrite?: boolean): unknown;
};

/** The parts of fake-indexeddb's Index this module calls. */
interface IndexInternals extends RawIndex {
  getIndexKey(value: unknown): unknown;
  storeRecord(record: RawRecord): void;
}

export function isSqlBacked(store: RawObjectStore): boolean {
  return (store.records as unknown) instanceof SqlRecords;
}

function liveIndexes(store: RawObjectStore): IndexInternals[] {
  return [...store.rawIndexes.values()].filter((index) => !index.deleted) as IndexInternals[];
}

/** The SQL record sets of a store: its own and its indexes'; none for a store held in memory. */
export function sqlRecordSets(store: RawObjectStore): SqlRecords[] {
  if (!isSqlBacked(store)) return [];
  const sets = [store.records as unknown, ...liveIndexes(store).map((index) => index.records as unknown)];
  return sets.filter((set): set is SqlRecords => set instanceof SqlRecords);
}

/** Points the store and its indexes at their rows in the ordered tables (under the store's current name). */
export function attachSqlRecords(store: RawObjectStore, sql: OrderedSql, db: string): void {
  (store as { records: unknown }).records = new SqlRecords(sql, { db, store: store.name }, true);
  countBySql(store);
  for (const index of liveIndexes(store)) attachSqlIndex(store, index, sql, db);
}

function attachSqlIndex(store: RawObjectStore, index: RawIndex, sql: OrderedSql, db: string): void {
  (index as { records: unknown }).records = new SqlRecords(
    sql,
    { db, store: store.name, index: index.name },
    index.unique,
  );
  countBySql(index);
}

type Count = (this: { records: unknown }, range: unknown) => number;
const countingBySql = new WeakSet<object>();

/**
 * fake-indexeddb's ObjectStore.count and Index.count walk every record in the range (the Rust
 * crypto counts its room keys at start-up): on a SQL record set, SQL counts them instead. The
 * prototype is patched once; record sets in memory keep the original.
 */
function countBySql(owner: object): void {
  const prototype = Object.getPrototypeOf(owner) as { count: Count };
  if (countingBySql.has(prototype)) return;
  countingBySql.add(prototype);
  const count = prototype.count;
  prototype.count = function (this: { records: unknown }, range: unknown): number {
    if (this.records instanceof SqlRecords) return this.records.count(range as RawKeyRange | undefined);
    return count.call(this, range);
  };
}

/** The keys a record has in an index, as fake-indexeddb's Index.storeRecord computes them. */
function indexKeysOf(index: IndexInternals, value: unknown): unknown[] {
  const indexKey = index.getIndexKey(value);
  if (indexKey === undefined) return [];
  return index.multiEntry && Array.isArray(indexKey) ? indexKey : [indexKey];
}

export interface WholeRecord {
  key: unknown;
  value: unknown;
  bytes: Buffer;
}

/** Every record of a store with its value's bytes, read before the rows they come from change. */
export function wholeRecords(store: RawObjectStore): WholeRecord[] {
  return [...store.records.values()].map((record) => {
    const stored = record as { bytes?: unknown };
    const bytes = Buffer.isBuffer(stored.bytes) ? stored.bytes : serializeValue(record.value);
    return { key: record.key, value: record.value, bytes };
  });
}

/** Writes records and their index records into the ordered tables; the caller holds the transaction. */
export function writeOrdered(store: RawObjectStore, records: Iterable<WholeRecord>, sql: OrderedSql, db: string): void {
  const own: OrderedTarget = { db, store: store.name };
  const indexes = liveIndexes(store).map((index) => ({ index, target: { ...own, index: index.name } }));
  for (const record of records) {
    const key = encodeOrderedKey(record.key);
    sql.put(own, key, record.bytes);
    for (const { index, target } of indexes) {
      for (const indexKey of indexKeysOf(index, record.value)) sql.put(target, encodeOrderedKey(indexKey), key);
    }
  }
}

/**
 * A file written before the ordered tables holds this store's records in idb_records: they move
 * there, with their index records, in batches and in one SQLite transaction, once.
 */
export function moveLegacyRecords(store: RawObjectStore, sqlite: IdbSqliteStore, sql: OrderedSql, db: string): void {
  sqlite.inTransaction(() => {
    for (let after: Buffer = Buffer.alloc(0); ; ) {
      const batch = sqlite.recordsAfter(db, store.name, after, 500);
      writeOrdered(
        store,
        batch.map((row) => {
          const bytes = row.value;
          return { key: decodeIdbKey(row.key), bytes, value: deserializeValue(bytes) };
        }),
        sql,
        db,
      );
      const last = batch.at(-1);
      if (last === undefined) break;
      after = last.key;
    }
    sqlite.deleteStoreRecords(db, store.name);
  });
}

/**
 * After an upgrade: rewrites the indexes whose SQL rows are not under their name (created, or
 * renamed, in the upgrade) and drops the rows of indexes gone; returns those to attach afterwards.
 * The caller holds the SQLite transaction.
 */
export function reconcileIndexes(store: RawObjectStore, sql: OrderedSql, db: string): IndexInternals[] {
  const stale = liveIndexes(store).filter((index) => {
    const records = index.records as unknown;
    return !(records instanceof SqlRecords && records.target.index === index.name);
  });
  const rows = stale.map((index) => ({ index, records: [...(index.records as unknown as SqlRecords).values()] }));
  const names = new Set(liveIndexes(store).map((index) => index.name));
  for (const name of sql.indexNames(db, store.name)) {
    if (!names.has(name) || stale.some((index) => index.name === name))
      sql.clear({ db, store: store.name, index: name });
  }
  for (const { index, records } of rows) {
    const target = { db, store: store.name, index: index.name };
    for (const record of records) sql.put(target, encodeOrderedKey(record.key), encodeOrderedKey(record.value));
  }
  return stale;
}

export function attachIndexes(store: RawObjectStore, indexes: RawIndex[], sql: OrderedSql, db: string): void {
  for (const index of indexes) attachSqlIndex(store, index, sql, db);
}

/** Gives a store renamed away from a SQL name its records (and index records) in memory again. */
export function backToMemory(store: RawObjectStore, records: WholeRecord[], RecordStore: MemoryRecordStore): void {
  const own = new RecordStore(true);
  for (const { key, value } of records) own.put({ key, value });
  (store as { records: unknown }).records = own;
  for (const index of liveIndexes(store)) {
    (index as { records: unknown }).records = new RecordStore(index.unique);
    for (const { key, value } of records) index.storeRecord({ key, value });
  }
}
