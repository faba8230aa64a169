/**
 * Durable IndexedDB for matrix-js-sdk in Node: fake-indexeddb (in memory), mirrored
 * write-through into Tandem's SQLite file (tables of migrations/0003_matrix_idb.sql).
 *
 * Guarantees:
 * - The writes of each IndexedDB transaction are committed to SQLite in one SQLite transaction
 *   before that transaction fires "complete", so a crash at any time leaves SQLite holding
 *   exactly the transactions that completed. If SQLite fails, the IndexedDB transaction is
 *   aborted (UnknownError) and its in-memory effects rolled back.
 * - Schema changes (stores, indexes, versions, renames) and deleteDatabase are persisted too.
 * - At open, every stored database is restored: names, versions, stores (keyPath,
 *   autoIncrement and key generator), indexes (keyPath, unique, multiEntry) and records, with
 *   keys and values of their original types (structured clone semantics).
 * - The room keys of the Rust crypto (idb/sql-stores.ts) are not held in memory at all: their
 *   records and index records are rows of tables ordered as IndexedDB orders keys, read by SQL
 *   ranges (idb/sql-records.ts); at start-up only their schema is read.
 * - Index cursors step in O(log n), not O(records sharing the index key) (idb/index-cursor-seek.ts).
 * - Nothing is logged: the module has no logger, and errors carry no record content.
 *
 * Usage (Matrix transport):
 *   const idb = await openPersistentIndexedDB(db);   // after migrations, before initRustCrypto
 *   idb.installGlobals();   // the Rust crypto WASM finds `indexedDB` and checks `instanceof IDBDatabase`… on globalThis
 *   await client.initRustCrypto({ storageKey });
 *   new IndexedDBStore({ indexedDB: idb.indexedDB, dbName: "tandem-sync" });   // sync store, same factory
 *
 * Open one factory per SQLite file at a time (two would overwrite each other's rows); the store's
 * process lock already keeps a second bot off the file. No flush or close is needed at shutdown:
 * every completed IndexedDB transaction is already in SQLite.
 */
import type Database from "better-sqlite3";
import {
  IDBCursor as FDBCursor,
  IDBCursorWithValue as FDBCursorWithValue,
  IDBDatabase as FDBDatabase,
  IDBFactory as FDBFactory,
  IDBIndex as FDBIndex,
  IDBKeyRange as FDBKeyRange,
  IDBObjectStore as FDBObjectStore,
  IDBOpenDBRequest as FDBOpenDBRequest,
  IDBRecord as FDBRecord,
  IDBRequest as FDBRequest,
  IDBTransaction as FDBTransaction,
  IDBVersionChangeEvent as FDBVersionChangeEvent,
} from "fake-indexeddb";
import { DatabaseMirror } from "./idb/database-mirror.js";
import {
  assertSupportedFakeIndexedDB,
  installCommitHook,
  openWithUpgrade,
  removeCommitListener,
  setCommitListener,
  type RawDatabase,
} from "./idb/fake-internals.js";
import { installIndexCursorSeek } from "./idb/index-cursor-seek.js";
import { decodeIdbKey } from "./idb/key-codec.js";
import { OrderedSql } from "./idb/ordered-sql.js";
import { attachSqlRecords, isSqlStore, type MemoryRecordStore, moveLegacyRecords } from "./idb/sql-stores.js";
import { IdbSqliteStore, type StoredDatabase } from "./idb/sqlite-store.js";
import { deserializeValue } from "./idb/value-codec.js";

export interface PersistentIndexedDBOptions {
  /** Told when SQLite refused a commit (the IndexedDB transaction is then aborted). Never given record content. */
  onPersistError?: (error: unknown) => void;
}

export interface PersistentIndexedDB {
  /** A fresh fake-indexeddb IDBFactory holding the restored databases, mirrored into SQLite. */
  readonly indexedDB: InstanceType<typeof FDBFactory>;
  /** fake-indexeddb's IDBKeyRange, the one this factory's stores understand. */
  readonly IDBKeyRange: typeof FDBKeyRange;
  /**
   * Sets globalThis.indexedDB to this factory and the IDB* classes (IDBKeyRange, IDBDatabase,
   * IDBCursor, …) to fake-indexeddb's. Needed by the Rust crypto store, which reads the global
   * `indexedDB` and checks `instanceof` against the global classes, and by matrix-js-sdk's
   * IndexedDBStore, which uses the global IDBKeyRange.
   */
  installGlobals(): void;
}

/**
 * Opens the SQLite-backed IndexedDB: restores every stored database into a new factory, then
 * mirrors every later commit. The idb_* tables must exist (migration 0003).
 */
export async function openPersistentIndexedDB(
  db: Database.Database,
  options: PersistentIndexedDBOptions = {},
): Promise<PersistentIndexedDB> {
  const probe = await assertSupportedFakeIndexedDB();
  installIndexCursorSeek(probe);
  installCommitHook();
  const sqlite = new IdbSqliteStore(db);
  const sql = { sqlite, ordered: new OrderedSql(db), RecordStore: probe.constructor as MemoryRecordStore };
  const factory = new FDBFactory();
  const databases = new MirroredDatabases(sql, options);
  (factory as unknown as { _databases: Map<string, RawDatabase> })._databases = databases;
  for (const stored of sqlite.loadDatabases()) {
    databases.attach(await restoreDatabase(factory, sql, stored)).adoptCurrentState();
  }
  databases.mirrorNewDatabases();
  return {
    indexedDB: factory,
    IDBKeyRange: FDBKeyRange,
    installGlobals: () => installGlobals(factory),
  };
}

/** The SQL side of one factory. */
interface SqlSide {
  sqlite: IdbSqliteStore;
  ordered: OrderedSql;
  /** fake-indexeddb's in-memory record set class. */
  RecordStore: MemoryRecordStore;
}

/**
 * The factory's name → database map. fake-indexeddb adds a database here when one is first
 * opened and removes it when deleteDatabase takes effect, just before the success event.
 */
class MirroredDatabases extends Map<string, RawDatabase> {
  private mirroring = false;
  private readonly mirrors = new WeakMap<RawDatabase, DatabaseMirror>();
  private readonly sql: SqlSide;
  private readonly options: PersistentIndexedDBOptions;

  constructor(sql: SqlSide, options: PersistentIndexedDBOptions) {
    super();
    this.sql = sql;
    this.options = options;
  }

  mirrorNewDatabases(): void {
    this.mirroring = true;
  }

  attach(database: RawDatabase): DatabaseMirror {
    const mirror = new DatabaseMirror(database, this.sql.sqlite, this.sql.ordered, this.sql.RecordStore);
    this.mirrors.set(database, mirror);
    setCommitListener(database, {
      commit: (transaction) => {
        try {
          mirror.commit(transaction);
        } catch (error) {
          this.options.onPersistError?.(error);
          throw error;
        }
      },
      aborted: (transaction) => mirror.aborted(transaction),
    });
    return mirror;
  }

  override set(name: string, database: RawDatabase): this {
    super.set(name, database);
    // Restored databases are attached by the restore itself, once their records are loaded.
    if (this.mirroring && !this.mirrors.has(database)) this.attach(database);
    return this;
  }

  override delete(name: string): boolean {
    const database = this.get(name);
    if (database === undefined) return false;
    if (this.mirroring) {
      try {
        this.sql.sqlite.inTransaction(() => this.sql.sqlite.deleteDatabase(name));
      } catch (error) {
        this.options.onPersistError?.(error);
        throw error;
      }
      this.mirrors.get(database)?.markDeleted();
      removeCommitListener(database);
    }
    return super.delete(name);
  }
}

async function restoreDatabase(
  factory: InstanceType<typeof FDBFactory>,
  { sqlite, ordered }: SqlSide,
  stored: StoredDatabase,
): Promise<RawDatabase> {
  const connection = await openWithUpgrade(
    factory,
    (upgrading) => {
      for (const store of stored.stores) {
        const created = upgrading.createObjectStore(store.name, {
          keyPath: store.keyPath,
          autoIncrement: store.autoIncrement,
        }) as { createIndex(name: string, keyPath: string | string[], options: object): unknown };
        for (const index of store.indexes) {
          created.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
        }
      }
    },
    stored.name,
    stored.version,
  );
  const database = connection._rawDatabase;
  connection.close();
  // Records go straight into the store (indexes included) instead of through put requests:
  // no clone per record, no event-loop turn per request.
  for (const store of stored.stores) {
    const rawStore = database.rawObjectStores.get(store.name);
    if (rawStore === undefined) throw new Error(`restored IndexedDB store is missing after upgrade`);
    if (isSqlStore(store.name)) {
      // Nothing per record: the store answers from SQL. A file of the version before moves once.
      if (sqlite.hasRecords(stored.name, store.name)) moveLegacyRecords(rawStore, sqlite, ordered, stored.name);
      attachSqlRecords(rawStore, ordered, stored.name);
    } else {
      for (const record of sqlite.records(stored.name, store.name)) {
        rawStore.storeRecord({ key: decodeIdbKey(record.key), value: deserializeValue(record.value) }, false);
      }
    }
    if (rawStore.keyGenerator !== null) rawStore.keyGenerator.num = store.keyGenerator;
  }
  return database;
}

function installGlobals(factory: InstanceType<typeof FDBFactory>): void {
  const globals: Record<string, unknown> = {
    indexedDB: factory,
    IDBCursor: FDBCursor,
    IDBCursorWithValue: FDBCursorWithValue,
    IDBDatabase: FDBDatabase,
    IDBFactory: FDBFactory,
    IDBIndex: FDBIndex,
    IDBKeyRange: FDBKeyRange,
    IDBObjectStore: FDBObjectStore,
    IDBOpenDBRequest: FDBOpenDBRequest,
    IDBRecord: FDBRecord,
    IDBRequest: FDBRequest,
    IDBTransaction: FDBTransaction,
    IDBVersionChangeEvent: FDBVersionChangeEvent,
  };
  for (const [name, value] of Object.entries(globals)) {
    Object.defineProperty(globalThis, name, { value, configurable: true, writable: true, enumerable: false });
  }
}
