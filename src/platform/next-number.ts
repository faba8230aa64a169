import type Database from "better-sqlite3-multiple-ciphers";
import type { Db } from "./db.js";
import { perDb } from "./per-db.js";

const prepared = perDb(() => new Map<string, Database.Statement>());
const NAME = /^[a-z_]+$/;

/**
 * The number a room's next record gets (#1, #2, …): one past the highest it holds. Called inside the
 * transaction that inserts the record, so two records never get the same number. `table` and
 * `scope` are the repository's own names, never input.
 */
export function nextNumber(db: Db, table: string, scope: string, value: string): number {
  if (!NAME.test(table) || !NAME.test(scope)) throw new Error(`not a table or column name: ${table}.${scope}`);
  const statements = prepared(db);
  const key = `${table}.${scope}`;
  let statement = statements.get(key);
  if (!statement) {
    statement = db.prepare(`SELECT coalesce(max(number), 0) + 1 FROM ${table} WHERE ${scope} = ?`).pluck();
    statements.set(key, statement);
  }
  return statement.get(value) as number;
}
