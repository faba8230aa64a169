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
  answerBySql(store, STORE_ANSWERS);
  for (const index of liveIndexes(store)) attachSqlIndex(store, index, sql, db);
}

function attachSqlIndex(store: RawObjectStore, index: RawIndex, sql: OrderedSql, db: string): void {
  const storeRecords = store.records as unknown;
  (index as { records: unknown }).records = new SqlRecords(
    sql,
    { db, store: store.name, index: index.name },
    index.unique,
    storeRecords instanceof SqlRecords ? storeRecords : undefined,
  );
  answerBySql(index, INDEX_ANSWERS);
}

type Method = (this: { records: unknown }, argument: unknown) => unknown;
const answeringBySql = new WeakSet<object>();

/**
 * Questions fake-indexeddb's ObjectStore and Index answer by walking or copying their records,
 * answered by a SQL record set instead. The prototype is patched once; record sets in memory keep
 * the originals.
 * - count walks every record in the range (the Rust crypto counts its room keys at start-up):
 *   SQL counts them.
 * - ObjectStore.getValue clones the value it reads, which a SQL record set has just decoded from
 *   its bytes, and a cursor over an index clones that clone again: one copy of each room key per
 *   step of a key-backup walk is saved by decoding it afresh instead (idb/sql-records.ts).
 */
function answerBySql(
  owner: object,
  methods: Record<string, (records: SqlRecords, argument: unknown) => unknown>,
): void {
  const prototype = Object.getPrototypeOf(owner) as Record<string, Method>;
  if (answeringBySql.has(prototype)) return;
  answeringBySql.add(prototype);
  for (const [name, answer] of Object.entries(methods)) {
    const original = prototype[name];
    if (typeof original !== "function") throw new Error(`fake-indexeddb: ${name} is missing`);
    prototype[name] = function (this: { records: unknown }, argument: unknown): unknown {
      if (this.records instanceof SqlRecords) return answer(this.records, argument);
      return original.call(this, argument);
    };
  }
}

const countBySql = (records: SqlRecords, range: unknown) => records.count(range as RawKeyRange | undefined);

/** For an object store; an index's getValue reads its object store's, so it needs no patch of its own. */
const STORE_ANSWERS = { count: countBySql, getValue: (records: SqlRecords, key: unknown) => records.freshValue(key) };
const INDEX_ANSWERS = { count: countBySql };

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
