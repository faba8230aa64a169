import type Database from "better-sqlite3";
import type { KeyPath } from "./fake-internals.js";

export interface StoredIndex {
  name: string;
  keyPath: string | string[];
  unique: boolean;
  multiEntry: boolean;
}

export interface StoredStore {
  name: string;
  keyPath: KeyPath;
  autoIncrement: boolean;
  keyGenerator: number;
  indexes: StoredIndex[];
}

export interface StoredDatabase {
  name: string;
  version: number;
  stores: StoredStore[];
}

export interface StoredRecord {
  key: Buffer;
  value: Buffer;
}

/**
 * SQL access to the idb_* tables of migrations/0003_matrix_idb.sql (the ordered tables of 0025 are
 * idb/ordered-sql.ts's, but deleteDatabase clears them too); knows nothing of IndexedDB semantics.
 */
export class IdbSqliteStore {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(db: Database.Database) {
    this.db = db;
    this.statements = {
      databases: db.prepare<[], { name: string; version: number }>(
        "SELECT name, version FROM idb_databases ORDER BY name",
      ),
      stores: db.prepare<[string], { name: string; key_path: string; auto_increment: number; key_generator: number }>(
        "SELECT name, key_path, auto_increment, key_generator FROM idb_stores WHERE db = ? ORDER BY name",
      ),
      indexes: db.prepare<[string, string], { name: string; key_path: string; is_unique: number; multi_entry: number }>(
        "SELECT name, key_path, is_unique, multi_entry FROM idb_indexes WHERE db = ? AND store = ? ORDER BY name",
      ),
      records: db.prepare<[string, string], StoredRecord>(
        "SELECT key, value FROM idb_records WHERE db = ? AND store = ?",
      ),
      recordsAfter: db.prepare<[string, string, Buffer, number], StoredRecord>(
        "SELECT key, value FROM idb_records WHERE db = ? AND store = ? AND key > ? ORDER BY key LIMIT ?",
      ),
      hasRecords: db
        .prepare<[string, string], number>("SELECT 1 FROM idb_records WHERE db = ? AND store = ? LIMIT 1")
        .pluck(),
      recordValue: db
        .prepare<[string, string, Buffer], Buffer>(
          "SELECT value FROM idb_records WHERE db = ? AND store = ? AND key = ?",
        )
        .pluck(),
      putRecord: db.prepare<[string, string, Buffer, Buffer]>(
        "INSERT INTO idb_records (db, store, key, value) VALUES (?, ?, ?, ?) ON CONFLICT (db, store, key) DO UPDATE SET value = excluded.value",
      ),
      deleteRecord: db.prepare<[string, string, Buffer]>(
        "DELETE FROM idb_records WHERE db = ? AND store = ? AND key = ?",
      ),
      deleteStoreRecords: db.prepare<[string, string]>("DELETE FROM idb_records WHERE db = ? AND store = ?"),
      setKeyGenerator: db.prepare<[number, string, string]>(
        "UPDATE idb_stores SET key_generator = ? WHERE db = ? AND name = ?",
      ),
      putDatabase: db.prepare<[string, number]>(
        "INSERT INTO idb_databases (name, version) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET version = excluded.version",
      ),
      insertStore: db.prepare<[string, string, string, number, number]>(
        "INSERT INTO idb_stores (db, name, key_path, auto_increment, key_generator) VALUES (?, ?, ?, ?, ?)",
      ),
      insertIndex: db.prepare<[string, string, string, string, number, number]>(
        "INSERT INTO idb_indexes (db, store, name, key_path, is_unique, multi_entry) VALUES (?, ?, ?, ?, ?, ?)",
      ),
      deleteSchema: [
        db.prepare<[string]>("DELETE FROM idb_indexes WHERE db = ?"),
        db.prepare<[string]>("DELETE FROM idb_stores WHERE db = ?"),
      ],
      deleteDatabase: [
        db.prepare<[string]>("DELETE FROM idb_records WHERE db = ?"),
        db.prepare<[string]>("DELETE FROM idb_ordered_records WHERE db = ?"),
        db.prepare<[string]>("DELETE FROM idb_ordered_index_records WHERE db = ?"),
        db.prepare<[string]>("DELETE FROM idb_indexes WHERE db = ?"),
        db.prepare<[string]>("DELETE FROM idb_stores WHERE db = ?"),
        db.prepare<[string]>("DELETE FROM idb_databases WHERE name = ?"),
      ],
    };
  }

  /** Runs `work` in one SQLite transaction (a savepoint if one is already open). */
  inTransaction(work: () => void): void {
    this.db.transaction(work)();
  }

  loadDatabases(): StoredDatabase[] {
    const s = this.statements;
    return s.databases.all().map((database) => ({
      name: database.name,
      version: database.version,
      stores: s.stores.all(database.name).map((store) => ({
        name: store.name,
        keyPath: JSON.parse(store.key_path) as KeyPath,
        autoIncrement: store.auto_increment === 1,
        keyGenerator: store.key_generator,
        indexes: s.indexes.all(database.name, store.name).map((index) => ({
          name: index.name,
          keyPath: JSON.parse(index.key_path) as string | string[],
          unique: index.is_unique === 1,
          multiEntry: index.multi_entry === 1,
        })),
      })),
    }));
  }

  records(db: string, store: string): IterableIterator<StoredRecord> {
    return this.statements.records.iterate(db, store);
  }

  /** Up to `limit` records after `key` in byte order, read whole (no iterator stays open). */
  recordsAfter(db: string, store: string, key: Buffer, limit: number): StoredRecord[] {
    return this.statements.recordsAfter.all(db, store, key, limit);
  }

  hasRecords(db: string, store: string): boolean {
    return this.statements.hasRecords.get(db, store) !== undefined;
  }

  /** One record's value bytes, or undefined when there is no such record. */
  recordValue(db: string, store: string, key: Buffer): Buffer | undefined {
    return this.statements.recordValue.get(db, store, key);
  }

  putRecord(db: string, store: string, key: Buffer, value: Buffer): void {
    this.statements.putRecord.run(db, store, key, value);
  }

  deleteRecord(db: string, store: string, key: Buffer): void {
    this.statements.deleteRecord.run(db, store, key);
  }

  deleteStoreRecords(db: string, store: string): void {
    this.statements.deleteStoreRecords.run(db, store);
  }

  setKeyGenerator(db: string, store: string, num: number): void {
    this.statements.setKeyGenerator.run(num, db, store);
  }

  /** Replaces the version and the whole schema (stores, indexes) of one database; records are untouched. */
  replaceSchema(db: string, version: number, stores: StoredStore[]): void {
    const s = this.statements;
    s.putDatabase.run(db, version);
    for (const statement of s.deleteSchema) statement.run(db);
    for (const store of stores) {
      s.insertStore.run(db, store.name, JSON.stringify(store.keyPath), store.autoIncrement ? 1 : 0, store.keyGenerator);
      for (const index of store.indexes) {
        s.insertIndex.run(
          db,
          store.name,
          index.name,
          JSON.stringify(index.keyPath),
          index.unique ? 1 : 0,
          index.multiEntry ? 1 : 0,
        );
      }
    }
  }

  deleteDatabase(db: string): void {
    for (const statement of this.statements.deleteDatabase) statement.run(db);
  }
}
