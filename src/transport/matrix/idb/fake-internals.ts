/**
 * The parts of fake-indexeddb 6 internals that the SQLite mirror relies on, typed in one place.
 * They are not public API, so `assertSupportedFakeIndexedDB` checks them at start-up and fails
 * loudly if an upgrade of fake-indexeddb changed them, rather than silently persisting nothing.
 *
 * Shapes (fake-indexeddb/build/esm):
 * - FDBFactory._databases: Map<name, Database>; `delete(name)` is the moment deleteDatabase
 *   takes effect, before its success event.
 * - Database: { name, version, rawObjectStores: Map<name, ObjectStore> }.
 * - ObjectStore: { name, keyPath, autoIncrement, keyGenerator: { num } | null,
 *   rawIndexes: Map<name, Index>, records: RecordStore, storeRecord(record, noOverwrite) }.
 *   Every record mutation, rollbacks included, goes through records.put/delete/clear.
 * - FDBTransaction: { mode, _scope: Set<storeName>, db: FDBDatabase { _rawDatabase }, _abort(name) };
 *   it dispatches its "complete" event through dispatchEvent right after the last request.
 * - An index's records (Index.records, a RecordStore) keep a tree `records: { _root }` of nodes
 *   { record: { key, value: primaryKey }, left, right, deleted }, in (key, primary key) order;
 *   FDBCursor.prototype._iterate(key?, primaryKey?) calls `records.values(range, "prev"?)` once
 *   (idb/index-cursor-seek.ts).
 * - RecordStore (a store's or an index's records) is called by ObjectStore, Index and FDBCursor
 *   only through get, put, delete, deleteByKeyAndValue, clear, values and size, which
 *   idb/sql-records.ts implements on SQLite; Index.getIndexKey(value) computes an index's keys.
 * - FDBTransaction._abort replays the rollback log synchronously.
 */
import { IDBCursor as FDBCursor, IDBFactory as FDBFactory, IDBTransaction as FDBTransaction } from "fake-indexeddb";

export type KeyPath = string | string[] | null;

export interface RawRecord {
  key: unknown;
  value: unknown;
}

export interface RawRecordStore {
  put(record: RawRecord, noOverwrite?: boolean): RawRecord | undefined;
  delete(key: unknown): RawRecord[];
  clear(): RawRecord[];
  get(key: unknown): RawRecord | undefined;
  values(): Iterable<RawRecord>;
}

export interface RawTreeNode {
  record: RawRecord;
  left: RawTreeNode | undefined;
  right: RawTreeNode | undefined;
  deleted: boolean;
}

export interface RawTreeRecordStore {
  records: { _root: RawTreeNode | undefined };
}

export interface RawKeyRange {
  lower: unknown;
  upper: unknown;
  lowerOpen: boolean;
  upperOpen: boolean;
}

export interface KeyBound {
  key: unknown;
  open: boolean;
}

/** Key types in IndexedDB's order (number < date < string < binary < array). */
function keyRank(key: unknown): number {
  if (typeof key === "number") return 0;
  if (key instanceof Date) return 1;
  if (typeof key === "string") return 2;
  if (key instanceof ArrayBuffer) return 3;
  if (Array.isArray(key)) return 4;
  throw new TypeError("not a normalized IndexedDB key");
}

/**
 * IndexedDB's order of two keys already stored by fake-indexeddb (normalized: binary keys are
 * ArrayBuffers), as its internal cmpKeys. The public IDBFactory.cmp would do, but it normalizes
 * (copies) both keys on every call, which was 40% of an index cursor step.
 */
export function cmpKeys(first: unknown, second: unknown): number {
  const rank = keyRank(first);
  const otherRank = keyRank(second);
  if (rank !== otherRank) return rank < otherRank ? -1 : 1;
  switch (rank) {
    case 1:
      return Math.sign((first as Date).getTime() - (second as Date).getTime());
    case 3:
      return Buffer.compare(new Uint8Array(first as ArrayBuffer), new Uint8Array(second as ArrayBuffer));
    case 4: {
      const a = first as unknown[];
      const b = second as unknown[];
      for (let i = 0; i < Math.min(a.length, b.length); i++) {
        const byItem = cmpKeys(a[i], b[i]);
        if (byItem !== 0) return byItem;
      }
      return Math.sign(a.length - b.length);
    }
    default:
      return first === second ? 0 : (first as number | string) > (second as number | string) ? 1 : -1;
  }
}

export interface RawIndex {
  name: string;
  /** fake-indexeddb's tree, or the SQL record set of idb/sql-records.ts. */
  records: RawTreeRecordStore;
  deleted: boolean;
  keyPath: string | string[];
  unique: boolean;
  multiEntry: boolean;
}

export interface RawObjectStore {
  name: string;
  keyPath: KeyPath;
  autoIncrement: boolean;
  keyGenerator: { num: number } | null;
  rawIndexes: Map<string, RawIndex>;
  records: RawRecordStore;
  storeRecord(record: RawRecord, noOverwrite: boolean): unknown;
}

export interface RawDatabase {
  name: string;
  version: number;
  rawObjectStores: Map<string, RawObjectStore>;
}

export type TransactionMode = "readonly" | "readwrite" | "versionchange";

export interface RawTransaction {
  mode: TransactionMode;
  _scope: Set<string>;
  db: { _rawDatabase: RawDatabase };
  _abort(errorName: string | null): void;
}

export interface RawConnection {
  _rawDatabase: RawDatabase;
  close(): void;
}

/**
 * `commit` is called when a transaction is about to report completion; throwing vetoes the
 * completion. `aborted` is called when an abort has just rolled a transaction back.
 */
export interface CommitListener {
  commit(transaction: RawTransaction): void;
  aborted(transaction: RawTransaction): void;
}

const commitListeners = new WeakMap<RawDatabase, CommitListener>();
const HOOK_MARK = Symbol.for("tandem.idb-sqlite.commit-hook");

export function setCommitListener(database: RawDatabase, listener: CommitListener): void {
  commitListeners.set(database, listener);
}

export function removeCommitListener(database: RawDatabase): void {
  commitListeners.delete(database);
}

/**
 * Wraps FDBTransaction's dispatchEvent once per loaded fake-indexeddb module. The prototype is
 * patched rather than each object proxied, so `instanceof IDBTransaction` and every other
 * identity check stay true. Transactions of databases without a listener are untouched.
 *
 * If the listener throws (SQLite could not commit), the transaction is aborted instead of
 * completed: fake-indexeddb replays its rollback log, so memory matches SQLite again, and the
 * consumer sees an "abort" event with an UnknownError.
 */
export function installCommitHook(): void {
  const prototype = (FDBTransaction as unknown as { prototype: object }).prototype;
  if (Object.hasOwn(prototype, HOOK_MARK)) return;
  const inherited = (Object.getPrototypeOf(prototype) as { dispatchEvent?: unknown }).dispatchEvent;
  if (typeof inherited !== "function") {
    throw new Error("fake-indexeddb: FDBTransaction has no inherited dispatchEvent; this version is not supported");
  }
  const dispatch = inherited as (this: unknown, event: { type: string }) => boolean;
  Object.defineProperty(prototype, "dispatchEvent", {
    configurable: true,
    writable: true,
    value: function dispatchEvent(this: RawTransaction, event: { type: string }): boolean {
      if (event.type === "complete") {
        const listener = commitListeners.get(this.db._rawDatabase);
        if (listener !== undefined) {
          try {
            listener.commit(this);
          } catch {
            this._abort("UnknownError");
            return false;
          }
        }
      }
      return dispatch.call(this, event);
    },
  });
  // The rollback log is replayed synchronously inside _abort, before any other transaction can run.
  const abort = (prototype as { _abort?: unknown })._abort;
  if (typeof abort !== "function") throw new Error("fake-indexeddb: FDBTransaction._abort is missing");
  Object.defineProperty(prototype, "_abort", {
    configurable: true,
    writable: true,
    value: function _abort(this: RawTransaction, errorName: string | null): unknown {
      const result = (abort as (this: RawTransaction, name: string | null) => unknown).call(this, errorName);
      commitListeners.get(this.db._rawDatabase)?.aborted(this);
      return result;
    },
  });
  Object.defineProperty(prototype, HOOK_MARK, { value: true });
}

/** The raw database behind an IDBDatabase connection of fake-indexeddb. */
export function rawDatabaseOf(connection: unknown): RawDatabase {
  return (connection as RawConnection)._rawDatabase;
}

let verified: Promise<RawTreeRecordStore> | undefined;

/**
 * Exercises the internals above once on a throwaway factory; rejects with a clear message if any is
 * missing. Resolves to the probe's index record set, whose prototype idb/index-cursor-seek.ts patches.
 */
export function assertSupportedFakeIndexedDB(): Promise<RawTreeRecordStore> {
  verified ??= verifyInternals();
  return verified;
}

async function verifyInternals(): Promise<RawTreeRecordStore> {
  const factory = new FDBFactory() as { _databases?: unknown; open(name: string, version: number): OpenRequest };
  const problems: string[] = [];
  if (!(factory._databases instanceof Map)) problems.push("FDBFactory._databases is not a Map");
  const connection = await openWithUpgrade(factory, (db) => {
    const store = db.createObjectStore("s", { keyPath: "id", autoIncrement: true }) as {
      createIndex(n: string, k: string): unknown;
      put(value: object): unknown;
    };
    store.createIndex("i", "x");
    store.put({ id: 1, x: 1 });
  });
  const raw = rawDatabaseOf(connection);
  const store = raw?.rawObjectStores instanceof Map ? raw.rawObjectStores.get("s") : undefined;
  if (store === undefined) problems.push("Database.rawObjectStores does not hold the created store");
  else {
    for (const method of ["put", "delete", "clear", "get", "values"] as const) {
      if (typeof store.records?.[method] !== "function") problems.push(`RecordStore.${method} is missing`);
    }
    if (typeof store.storeRecord !== "function") problems.push("ObjectStore.storeRecord is missing");
    if (store.keyGenerator === null || typeof store.keyGenerator.num !== "number")
      problems.push("ObjectStore.keyGenerator.num is missing");
    if (!(store.rawIndexes instanceof Map) || !store.rawIndexes.has("i"))
      problems.push("ObjectStore.rawIndexes does not hold the created index");
    else {
      problems.push(...indexTreeProblems(store.rawIndexes.get("i")));
      for (const method of ["getIndexKey", "storeRecord"]) {
        if (typeof (store.rawIndexes.get("i") as unknown as Record<string, unknown>)[method] !== "function")
          problems.push(`Index.${method} is missing`);
      }
    }
  }
  const cursorPrototype = (FDBCursor as unknown as { prototype: Record<string, unknown> }).prototype;
  if (typeof cursorPrototype["_iterate"] !== "function") problems.push("FDBCursor._iterate is missing");
  const transactionPrototype = (FDBTransaction as unknown as { prototype: Record<string, unknown> }).prototype;
  if (typeof transactionPrototype["_abort"] !== "function") problems.push("FDBTransaction._abort is missing");
  connection.close();
  if (problems.length > 0) {
    throw new Error(`fake-indexeddb internals changed, the SQLite mirror cannot work: ${problems.join("; ")}`);
  }
  return (store as RawObjectStore).rawIndexes.get("i")?.records as RawTreeRecordStore;
}

/** The index record tree idb/index-cursor-seek.ts walks; the probe index must hold one record. */
function indexTreeProblems(index: RawIndex | undefined): string[] {
  const records = index?.records as (RawTreeRecordStore & { values?: unknown }) | undefined;
  if (typeof records?.values !== "function") return ["Index.records.values is missing"];
  if (typeof records.records !== "object" || records.records === null)
    return ["Index.records.records (its tree) is missing"];
  const root = records.records._root;
  if (root === undefined) return ["the index record tree has no _root"];
  const shapeOk =
    typeof root.deleted === "boolean" &&
    "left" in root &&
    "right" in root &&
    root.record?.key === 1 &&
    root.record.value === 1;
  return shapeOk ? [] : ["index record tree nodes are not { record: { key, value }, left, right, deleted }"];
}

export interface UpgradeDatabase {
  createObjectStore(name: string, options: { keyPath?: KeyPath; autoIncrement?: boolean }): unknown;
}

interface OpenRequest {
  result: unknown;
  error: unknown;
  onupgradeneeded: (() => void) | null;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
  onblocked: (() => void) | null;
}

/** Opens a database through the public API, running `upgrade` inside its versionchange transaction. */
export function openWithUpgrade(
  factory: { open(name: string, version: number): OpenRequest },
  upgrade: (db: UpgradeDatabase) => void,
  name = "tandem-probe",
  version = 1,
): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, version);
    request.onupgradeneeded = () => upgrade(request.result as UpgradeDatabase);
    request.onsuccess = () => resolve(request.result as RawConnection);
    request.onerror = () =>
      reject(request.error instanceof Error ? request.error : new Error(`opening IndexedDB ${name} failed`));
    request.onblocked = () => reject(new Error(`opening IndexedDB ${name} was blocked`));
  });
}
