import { encodeIdbKey } from "./key-codec.js";
import type { RawDatabase, RawObjectStore, RawRecord, RawTransaction } from "./fake-internals.js";
import type { IdbSqliteStore, StoredStore } from "./sqlite-store.js";
import { holdInMemory, isPagedOut, isPagedStore, pageOut, sqliteReader } from "./paged-records.js";
import { deserializeValue, serializeValue } from "./value-codec.js";

/** A record just written to SQLite, to be read from there once the SQLite transaction committed. */
interface ToPage {
  record: RawRecord;
  store: string;
}

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

  constructor(database: RawDatabase, sqlite: IdbSqliteStore) {
    this.database = database;
    this.sqlite = sqlite;
  }

  /** Declares the database's current in-memory state to be what SQLite holds (after a restore). */
  adoptCurrentState(): void {
    this.persistedStores = new Map(this.database.rawObjectStores);
    for (const store of this.persistedStores.values()) trackStore(store).reset();
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
    const stores = [...transaction._scope]
      .map((name) => this.database.rawObjectStores.get(name))
      .filter((store): store is RawObjectStore => store !== undefined && !(changesByStore.get(store)?.isEmpty ?? true));
    if (stores.length === 0) return;
    const toPage: ToPage[] = [];
    this.sqlite.inTransaction(() => {
      for (const store of stores) toPage.push(...this.flushChanges(store));
    });
    for (const store of stores) changesByStore.get(store)?.reset();
    this.pageOut(toPage);
  }

  /** Writes a store's pending changes; returns the written records of a paged store. */
  private flushChanges(store: RawObjectStore): ToPage[] {
    const changes = changesByStore.get(store);
    if (changes === undefined) return [];
    const db = this.database.name;
    // Every value is read before anything is deleted: a paged record reads its value from SQLite.
    const writes = [...changes.keys.values()].map(({ key, encoded }) => {
      const record = store.records.get(key);
      return { record, encoded, bytes: record === undefined ? undefined : serializeValue(record.value) };
    });
    if (changes.cleared) this.sqlite.deleteStoreRecords(db, store.name);
    const toPage: ToPage[] = [];
    for (const { record, encoded, bytes } of writes) {
      if (record === undefined || bytes === undefined) {
        this.sqlite.deleteRecord(db, store.name, encoded);
        continue;
      }
      this.sqlite.putRecord(db, store.name, encoded, bytes);
      if (isPagedStore(store.name) && !isPagedOut(record)) toPage.push({ record, store: store.name });
    }
    if (store.keyGenerator !== null) this.sqlite.setKeyGenerator(db, store.name, store.keyGenerator.num);
    return toPage;
  }

  private pageOut(records: ToPage[]): void {
    for (const { record, store } of records) pageOut(record, sqliteReader(this.sqlite, this.database.name, store));
  }

  /**
   * A versionchange transaction may create, delete and rename stores and indexes. A store whose
   * name now points at a different object than SQLite knows (new, recreated or renamed) is
   * rewritten whole; the others get their pending changes. The schema rows are replaced whole.
   */
  private commitUpgrade(): void {
    const db = this.database.name;
    const current = new Map(this.database.rawObjectStores);
    // The stores written whole, their values read first: a paged record reads its value from
    // SQLite, under the store name it had, which is deleted or reused below.
    const rewritten = [...current]
      .filter(([name, store]) => this.persistedStores.get(name) !== store)
      .map(([name, store]) => ({
        name,
        records: [...store.records.values()].map((record) => ({
          record,
          encoded: encodeIdbKey(record.key),
          bytes: serializeValue(record.value),
        })),
      }));
    const toPage: ToPage[] = [];
    this.sqlite.inTransaction(() => {
      for (const [name, store] of this.persistedStores) {
        if (current.get(name) !== store) this.sqlite.deleteStoreRecords(db, name);
      }
      for (const [name, store] of current) {
        if (this.persistedStores.get(name) === store) toPage.push(...this.flushChanges(store));
      }
      for (const { name, records } of rewritten) {
        this.sqlite.deleteStoreRecords(db, name);
        for (const { encoded, bytes } of records) this.sqlite.putRecord(db, name, encoded, bytes);
      }
      this.sqlite.replaceSchema(db, this.database.version, [...current.values()].map(describeStore));
    });
    // A rewritten record reads from its store's new name, or, in a store not paged, holds its value again.
    for (const { name, records } of rewritten) {
      for (const { record, bytes } of records) {
        if (isPagedStore(name)) toPage.push({ record, store: name });
        else if (isPagedOut(record)) holdInMemory(record, deserializeValue(bytes));
      }
    }
    this.pageOut(toPage);
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
