import { encodeIdbKey } from "./key-codec.js";
import type { RawDatabase, RawObjectStore, RawRecord, RawTransaction } from "./fake-internals.js";
import type { OrderedSql } from "./ordered-sql.js";
import type { SqlRecords } from "./sql-records.js";
import {
  attachIndexes,
  attachSqlRecords,
  backToMemory,
  isSqlBacked,
  isSqlStore,
  type MemoryRecordStore,
  reconcileIndexes,
  sqlRecordSets,
  wholeRecords,
  writeOrdered,
} from "./sql-stores.js";
import type { IdbSqliteStore, StoredStore } from "./sqlite-store.js";
import { serializeValue } from "./value-codec.js";

/**
 * Keys of one object store changed in memory since SQLite last matched it.
 * The values are not kept: at commit the current in-memory record of each key is written
 * (or deleted if gone), which also makes rollbacks inside a transaction come out right.
 */
class StoreChanges {
  cleared = false;
  readonly keys = new Map<string, { key: unknown; encoded: Buffer }>();

  touch(key: unknown): void {
    const encoded = encodeIdbKey(key);
    this.keys.set(encoded.toString("latin1"), { key, encoded });
  }

  clear(): void {
    this.cleared = true;
    this.keys.clear();
  }

  get isEmpty(): boolean {
    return !this.cleared && this.keys.size === 0;
  }

  reset(): void {
    this.cleared = false;
    this.keys.clear();
  }
}

const changesByStore = new WeakMap<RawObjectStore, StoreChanges>();

/**
 * Records which keys of a store change, by wrapping the mutators of this store's own record
 * set (every put, delete, clear and rollback of fake-indexeddb goes through them). Index record
 * sets are separate objects and are not wrapped: indexes are rebuilt from records at restore.
 * Stores kept in SQL (idb/sql-stores.ts) hold their own pending changes instead.
 */
function trackStore(store: RawObjectStore): StoreChanges {
  const existing = changesByStore.get(store);
  if (existing !== undefined) return existing;
  const changes = new StoreChanges();
  const records = store.records;
  const put = records.put;
  const remove = records.delete;
  const clear = records.clear;
  records.put = function (record: RawRecord, noOverwrite?: boolean) {
    const replaced = put.call(this, record, noOverwrite);
    changes.touch(record.key);
    return replaced;
  };
  records.delete = function (key: unknown) {
    const removed = remove.call(this, key);
    for (const record of removed) changes.touch(record.key);
    return removed;
  };
  records.clear = function () {
    const removed = clear.call(this);
    changes.clear();
    return removed;
  };
  changesByStore.set(store, changes);
  return changes;
}

/**
 * Keeps the SQLite copy of one fake-indexeddb database equal to its committed state.
 *
 * Readwrite transactions with overlapping scopes never run at the same time in IndexedDB, so
 * when a transaction commits, the pending changes of the stores in its scope are its own
 * (plus, at most, keys touched by an aborted transaction and rolled back, which rewrite the
 * value SQLite already has).
 */
export class DatabaseMirror {
  /** The stores SQLite holds, by name, as the objects they were when written. */
  private persistedStores = new Map<string, RawObjectStore>();
  private deleted = false;
  private readonly database: RawDatabase;
  private readonly sqlite: IdbSqliteStore;
  private readonly ordered: OrderedSql;
  private readonly RecordStore: MemoryRecordStore;

  constructor(database: RawDatabase, sqlite: IdbSqliteStore, ordered: OrderedSql, RecordStore: MemoryRecordStore) {
    this.database = database;
    this.sqlite = sqlite;
    this.ordered = ordered;
    this.RecordStore = RecordStore;
  }

  /** Declares the database's current state to be what SQLite holds (after a restore). */
  adoptCurrentState(): void {
    this.persistedStores = new Map(this.database.rawObjectStores);
    for (const store of this.persistedStores.values()) {
      if (isSqlBacked(store)) changesByStore.delete(store);
      else trackStore(store).reset();
    }
  }

  markDeleted(): void {
    this.deleted = true;
  }

  /** Writes the transaction's effects in one SQLite transaction; throws if SQLite fails. */
  commit(transaction: RawTransaction): void {
    if (this.deleted || transaction.mode === "readonly") return;
    if (transaction.mode === "versionchange") {
      this.commitUpgrade();
      return;
    }
    const inScope = [...transaction._scope]
      .map((name) => this.database.rawObjectStores.get(name))
      .filter((store): store is RawObjectStore => store !== undefined);
    const inMemory = inScope.filter((store) => !isSqlBacked(store) && !(changesByStore.get(store)?.isEmpty ?? true));
    const inSql = inScope.filter((store) => sqlRecordSets(store).some((set) => set.hasPending));
    if (inMemory.length === 0 && inSql.length === 0) return;
    const sets = inSql.flatMap(sqlRecordSets);
    this.sqlite.inTransaction(() => {
      for (const store of inMemory) this.flushChanges(store);
      for (const set of sets) set.flush();
      for (const store of inSql) this.saveKeyGenerator(store);
    });
    for (const store of inMemory) changesByStore.get(store)?.reset();
    for (const set of sets) set.committed();
  }

  /** The transaction's changes were rolled back: the SQL stores drop what they held for it. */
  aborted(transaction: RawTransaction): void {
    // A readonly transaction wrote nothing, and may run beside a writer of the same stores.
    if (transaction.mode === "readonly") return;
    const stores =
      transaction.mode === "versionchange"
        ? [...this.database.rawObjectStores.values()]
        : [...transaction._scope].map((name) => this.database.rawObjectStores.get(name));
    for (const store of stores) if (store !== undefined) for (const set of sqlRecordSets(store)) set.discard();
  }

  /** Writes a memory store's pending changes. */
  private flushChanges(store: RawObjectStore): void {
    const changes = changesByStore.get(store);
    if (changes === undefined) return;
    const db = this.database.name;
    const writes = [...changes.keys.values()].map(({ key, encoded }) => {
      const record = store.records.get(key);
      return { encoded, bytes: record === undefined ? undefined : serializeValue(record.value) };
    });
    if (changes.cleared) this.sqlite.deleteStoreRecords(db, store.name);
    for (const { encoded, bytes } of writes) {
      if (bytes === undefined) this.sqlite.deleteRecord(db, store.name, encoded);
      else this.sqlite.putRecord(db, store.name, encoded, bytes);
    }
    this.saveKeyGenerator(store);
  }

  private saveKeyGenerator(store: RawObjectStore): void {
    if (store.keyGenerator !== null)
      this.sqlite.setKeyGenerator(this.database.name, store.name, store.keyGenerator.num);
  }

  /**
   * A versionchange transaction may create, delete and rename stores and indexes. A store whose
   * name now points at a different object than SQLite knows (new, recreated or renamed) is
   * rewritten whole, into the ordered tables if its name is a SQL store's (and its records then
   * leave memory), else into idb_records (and a SQL store renamed away takes its records back into
   * memory); the others get their pending changes. The schema rows are replaced whole.
   */
  private commitUpgrade(): void {
    const db = this.database.name;
    const current = new Map(this.database.rawObjectStores);
    // Read before anything is deleted: a SQL store reads its records under the name it had.
    const rewritten = [...current]
      .filter(([name, store]) => this.persistedStores.get(name) !== store)
      .map(([name, store]) => ({ name, store, records: wholeRecords(store) }));
    const inPlaceSql = [...current]
      .filter(([name, store]) => this.persistedStores.get(name) === store && isSqlBacked(store))
      .map(([, store]) => store);
    const flushed: SqlRecords[] = inPlaceSql.flatMap(sqlRecordSets);
    const reattach: { store: RawObjectStore; indexes: ReturnType<typeof reconcileIndexes> }[] = [];
    this.sqlite.inTransaction(() => {
      for (const [name, store] of this.persistedStores) {
        if (current.get(name) !== store) {
          this.sqlite.deleteStoreRecords(db, name);
          this.ordered.clearStore(db, name);
        }
      }
      for (const [name, store] of current) {
        if (this.persistedStores.get(name) === store && !isSqlBacked(store)) this.flushChanges(store);
      }
      for (const store of inPlaceSql) {
        for (const set of sqlRecordSets(store)) set.flush();
        reattach.push({ store, indexes: reconcileIndexes(store, this.ordered, db) });
        this.saveKeyGenerator(store);
      }
      for (const { name, store, records } of rewritten) {
        this.sqlite.deleteStoreRecords(db, name);
        this.ordered.clearStore(db, name);
        if (isSqlStore(name)) writeOrdered(store, records, this.ordered, db);
        else for (const { key, bytes } of records) this.sqlite.putRecord(db, name, encodeIdbKey(key), bytes);
      }
      this.sqlite.replaceSchema(db, this.database.version, [...current.values()].map(describeStore));
    });
    for (const set of flushed) set.committed();
    for (const { store, indexes } of reattach) attachIndexes(store, indexes, this.ordered, db);
    for (const { name, store, records } of rewritten) {
      if (isSqlStore(name)) attachSqlRecords(store, this.ordered, db);
      else if (isSqlBacked(store)) backToMemory(store, records, this.RecordStore);
    }
    this.adoptCurrentState();
  }
}

function describeStore(store: RawObjectStore): StoredStore {
  return {
    name: store.name,
    keyPath: store.keyPath,
    autoIncrement: store.autoIncrement,
    keyGenerator: store.keyGenerator?.num ?? 0,
    indexes: [...store.rawIndexes.values()]
      .filter((index) => !index.deleted)
      .map((index) => ({
        name: index.name,
        keyPath: index.keyPath,
        unique: index.unique,
        multiEntry: index.multiEntry,
      })),
  };
}
