import type Database from "better-sqlite3";

/**
 * Where a walk starts or ends: a position in (key, primary key) order, as bytes of
 * idb/ordered-key-codec.ts. For an object store `primaryKey` is unused. An empty primary key is
 * below every record of `key`, 0xFF above them all, so a bound on keys alone is a bound here too.
 */
export interface Bound {
  key: Buffer;
  primaryKey: Buffer;
  open: boolean;
}

export interface OrderedRow {
  key: Buffer;
  /** The value's bytes for an object store, the primary key's for an index. */
  second: Buffer;
  /** For an index page read with its records' values: the value of the record `second` names. */
  value?: Buffer | null;
}

/** One object store or one index in the ordered tables of migrations/0025_idb_ordered_records.sql. */
export interface OrderedTarget {
  db: string;
  store: string;
  /** The index's name; undefined for the object store's own records. */
  index?: string;
}

/** SQL access to the ordered tables; knows nothing of IndexedDB semantics or of values. */
export class OrderedSql {
  private readonly db: Database.Database;
  private readonly pages = new Map<string, Database.Statement>();
  private readonly statements;

  constructor(db: Database.Database) {
    this.db = db;
    this.statements = {
      value: db
        .prepare<[string, string, Buffer], Buffer>(
          "SELECT value FROM idb_ordered_records WHERE db = ? AND store = ? AND key = ?",
        )
        .pluck(),
      countRecords: db
        .prepare<[string, string], number>("SELECT count(*) FROM idb_ordered_records WHERE db = ? AND store = ?")
        .pluck(),
      countIndex: db
        .prepare<[string, string, string], number>(
          "SELECT count(*) FROM idb_ordered_index_records WHERE db = ? AND store = ? AND idx = ?",
        )
        .pluck(),
      hasIndexRecord: db
        .prepare<[string, string, string, Buffer, Buffer], number>(
          "SELECT 1 FROM idb_ordered_index_records WHERE db = ? AND store = ? AND idx = ? AND key = ? AND primary_key = ?",
        )
        .pluck(),
      putRecord: db.prepare<[string, string, Buffer, Buffer]>(
        "INSERT INTO idb_ordered_records (db, store, key, value) VALUES (?, ?, ?, ?) ON CONFLICT (db, store, key) DO UPDATE SET value = excluded.value",
      ),
      deleteRecord: db.prepare<[string, string, Buffer]>(
        "DELETE FROM idb_ordered_records WHERE db = ? AND store = ? AND key = ?",
      ),
      putIndexRecord: db.prepare<[string, string, string, Buffer, Buffer]>(
        "INSERT OR IGNORE INTO idb_ordered_index_records (db, store, idx, key, primary_key) VALUES (?, ?, ?, ?, ?)",
      ),
      deleteIndexRecord: db.prepare<[string, string, string, Buffer, Buffer]>(
        "DELETE FROM idb_ordered_index_records WHERE db = ? AND store = ? AND idx = ? AND key = ? AND primary_key = ?",
      ),
      clearRecords: db.prepare<[string, string]>("DELETE FROM idb_ordered_records WHERE db = ? AND store = ?"),
      clearIndex: db.prepare<[string, string, string]>(
        "DELETE FROM idb_ordered_index_records WHERE db = ? AND store = ? AND idx = ?",
      ),
      clearIndexes: db.prepare<[string, string]>("DELETE FROM idb_ordered_index_records WHERE db = ? AND store = ?"),
      indexNames: db
        .prepare<[string, string], string>(
          "SELECT DISTINCT idx FROM idb_ordered_index_records WHERE db = ? AND store = ?",
        )
        .pluck(),
    };
  }

  /**
   * Up to `limit` rows after `from` and up to `to`, in key order or its reverse. Read whole
   * (`all`), never as an open iterator: the connection is shared with Tandem's own transactions.
   * An index page `withValues` also reads the value of each row's record, in the same query: one
   * statement instead of one more per row for a cursor that reads them all.
   */
  page(
    target: OrderedTarget,
    from: Bound | undefined,
    to: Bound | undefined,
    descending: boolean,
    limit: number,
    withValues = false,
  ) {
    const isIndex = target.index !== undefined;
    const joined = isIndex && withValues;
    const shape = `${isIndex ? "i" : "s"}${joined ? "v" : ""}${descending ? "d" : "a"}${boundShape(from)}${boundShape(to)}`;
    let statement = this.pages.get(shape);
    if (statement === undefined) {
      statement = this.db.prepare(
        joined ? joinedPageSql(descending, from, to) : pageSql(isIndex, descending, from, to),
      );
      this.pages.set(shape, statement);
    }
    const params: unknown[] = isIndex ? [target.db, target.store, target.index] : [target.db, target.store];
    for (const bound of [from, to]) {
      if (bound !== undefined) params.push(...(isIndex ? [bound.key, bound.primaryKey] : [bound.key]));
    }
    params.push(limit);
    return statement.all(...params) as OrderedRow[];
  }

  /** How many rows lie after `from` and up to `to`. */
  countBetween(target: OrderedTarget, from: Bound | undefined, to: Bound | undefined): number {
    const isIndex = target.index !== undefined;
    const shape = `c${isIndex ? "i" : "s"}${boundShape(from)}${boundShape(to)}`;
    let statement = this.pages.get(shape);
    if (statement === undefined) {
      statement = this.db.prepare(pageSql(isIndex, false, from, to, true)).pluck();
      this.pages.set(shape, statement);
    }
    const params: unknown[] = isIndex ? [target.db, target.store, target.index] : [target.db, target.store];
    for (const bound of [from, to]) {
      if (bound !== undefined) params.push(...(isIndex ? [bound.key, bound.primaryKey] : [bound.key]));
    }
    return statement.get(...params) as number;
  }

  value(db: string, store: string, key: Buffer): Buffer | undefined {
    return this.statements.value.get(db, store, key);
  }

  count(target: OrderedTarget): number {
    const s = this.statements;
    return target.index === undefined
      ? (s.countRecords.get(target.db, target.store) ?? 0)
      : (s.countIndex.get(target.db, target.store, target.index) ?? 0);
  }

  has(target: OrderedTarget, key: Buffer, primaryKey: Buffer): boolean {
    if (target.index === undefined) return this.value(target.db, target.store, key) !== undefined;
    return this.statements.hasIndexRecord.get(target.db, target.store, target.index, key, primaryKey) !== undefined;
  }

  /** Writes one row: the value for an object store, the (key, primary key) pair for an index. */
  put(target: OrderedTarget, key: Buffer, second: Buffer): void {
    if (target.index === undefined) this.statements.putRecord.run(target.db, target.store, key, second);
    else this.statements.putIndexRecord.run(target.db, target.store, target.index, key, second);
  }

  delete(target: OrderedTarget, key: Buffer, primaryKey: Buffer): void {
    if (target.index === undefined) this.statements.deleteRecord.run(target.db, target.store, key);
    else this.statements.deleteIndexRecord.run(target.db, target.store, target.index, key, primaryKey);
  }

  clear(target: OrderedTarget): void {
    if (target.index === undefined) this.statements.clearRecords.run(target.db, target.store);
    else this.statements.clearIndex.run(target.db, target.store, target.index);
  }

  /** Removes a store's records and all its index records. */
  clearStore(db: string, store: string): void {
    this.statements.clearRecords.run(db, store);
    this.statements.clearIndexes.run(db, store);
  }

  /** Index names that have rows, to drop those of deleted or renamed indexes. */
  indexNames(db: string, store: string): string[] {
    return this.statements.indexNames.all(db, store);
  }
}

function boundShape(bound: Bound | undefined): string {
  return bound === undefined ? "-" : bound.open ? "o" : "c";
}

function pageSql(
  isIndex: boolean,
  descending: boolean,
  from: Bound | undefined,
  to: Bound | undefined,
  count = false,
): string {
  const columns = count ? "count(*)" : isIndex ? "key, primary_key AS second" : "key, value AS second";
  const table = isIndex
    ? "idb_ordered_index_records WHERE db = ? AND store = ? AND idx = ?"
    : "idb_ordered_records WHERE db = ? AND store = ?";
  const position = isIndex ? "(key, primary_key)" : "key";
  const placeholder = isIndex ? "(?, ?)" : "?";
  const conditions: string[] = [];
  if (from !== undefined)
    conditions.push(`${position} ${comparison(descending ? "<" : ">", from.open)} ${placeholder}`);
  if (to !== undefined) conditions.push(`${position} ${comparison(descending ? ">" : "<", to.open)} ${placeholder}`);
  const order = isIndex
    ? descending
      ? "key DESC, primary_key DESC"
      : "key, primary_key"
    : descending
      ? "key DESC"
      : "key";
  const where = `${table}${conditions.map((c) => ` AND ${c}`).join("")}`;
  return count ? `SELECT ${columns} FROM ${where}` : `SELECT ${columns} FROM ${where} ORDER BY ${order} LIMIT ?`;
}

/** An index page with each row's record value (NULL if it had none, which the tables never hold). */
function joinedPageSql(descending: boolean, from: Bound | undefined, to: Bound | undefined): string {
  const conditions = ["i.db = ?", "i.store = ?", "i.idx = ?"];
  if (from !== undefined)
    conditions.push(`(i.key, i.primary_key) ${comparison(descending ? "<" : ">", from.open)} (?, ?)`);
  if (to !== undefined) conditions.push(`(i.key, i.primary_key) ${comparison(descending ? ">" : "<", to.open)} (?, ?)`);
  const order = descending ? "i.key DESC, i.primary_key DESC" : "i.key, i.primary_key";
  return (
    "SELECT i.key, i.primary_key AS second, r.value FROM idb_ordered_index_records i" +
    " LEFT JOIN idb_ordered_records r ON r.db = i.db AND r.store = i.store AND r.key = i.primary_key" +
    ` WHERE ${conditions.join(" AND ")} ORDER BY ${order} LIMIT ?`
  );
}

function comparison(strict: "<" | ">", open: boolean): string {
  return open ? strict : `${strict}=`;
}
