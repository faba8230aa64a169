import { chmodSync, existsSync, renameSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { acquireProcessLock, changeKey, isPlainSqlite, openKeyed, StartupError, useSqlCipher, type Db } from "./db.js";

/** Rows per table: what "no data lost" is checked against. */
export type RowCounts = Record<string, number>;

export interface Converted {
  tables: number;
  rows: number;
}

export function countRows(db: Db): RowCounts {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((t) => [
      t,
      db
        .prepare(`SELECT count(*) FROM "${t.replaceAll('"', '""')}"`)
        .pluck()
        .get() as number,
    ]),
  );
}

/**
 * Turns the plain file at `path` into an encrypted one under `key`. Works on a copy: the copy is
 * encrypted, reopened with the key and its row counts compared with the original's; only then does
 * it replace the original. The bot must be stopped (the process lock is taken).
 */
export function encryptDatabase(path: string, key: string): Converted {
  if (!existsSync(path))
    throw new StartupError(
      `there is no database at ${path} to encrypt; check the database setting (or TANDEM_DATABASE)`,
    );
  if (!isPlainSqlite(path))
    throw new StartupError(`${path} is already encrypted (or is not a SQLite database); nothing was changed`);
  return replaceVerified(path, undefined, key);
}

/** Re-encrypts the file under `newKey`, the same way as encryptDatabase; the old key must open it. */
export function rekeyDatabase(path: string, oldKey: string, newKey: string): Converted {
  if (!existsSync(path))
    throw new StartupError(`there is no database at ${path} to rekey; check the database setting (or TANDEM_DATABASE)`);
  return replaceVerified(path, oldKey, newKey);
}

/**
 * Writes a consistent copy of the database to `target`, encrypted with the same key, while the bot
 * runs (a read transaction in WAL mode does not stop it). The copy is checked before it replaces
 * an older file at `target`.
 */
export function backupDatabase(path: string, key: string | undefined, target: string): Converted {
  if (!existsSync(path))
    throw new StartupError(
      `there is no database at ${path} to back up; check the database setting (or TANDEM_DATABASE)`,
    );
  if (resolve(target) === resolve(path))
    throw new StartupError(`the backup must go to another path than the database itself (${path})`);
  const partial = `${target}.partial-${process.pid}`;
  const source = openKeyed(path, key, { readonly: true, fileMustExist: true });
  try {
    rmSync(partial, { force: true });
    source.prepare("VACUUM INTO ?").run(partial);
  } catch (err) {
    rmSync(partial, { force: true });
    throw backupError(err, target);
  } finally {
    source.close();
  }
  return installChecked(partial, target, key);
}

function backupError(err: unknown, target: string): unknown {
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string" && code.startsWith("SQLITE_CANTOPEN")) {
    return new StartupError(
      `cannot write the backup to ${target}; check that its folder exists and that Tandem may write there`,
    );
  }
  return err;
}

function replaceVerified(path: string, oldKey: string | undefined, newKey: string): Converted {
  const lock = acquireProcessLock(`${path}.lock`);
  const work = `${path}.converting`;
  try {
    const source = openKeyed(path, oldKey, { fileMustExist: true });
    let before: RowCounts;
    try {
      before = countRows(source);
      rmSync(work, { force: true });
      // A compact copy of the committed state; VACUUM INTO keeps the source's encryption.
      source.prepare("VACUUM INTO ?").run(work);
    } finally {
      source.close();
    }
    const copy = openKeyed(work, oldKey);
    try {
      if (oldKey === undefined) useSqlCipher(copy);
      changeKey(copy, newKey);
    } finally {
      copy.close();
    }
    const after = checkedCounts(work, newKey, before);
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });
    renameSync(work, path);
    chmodSync(path, 0o600);
    return after;
  } catch (err) {
    rmSync(work, { force: true });
    throw err;
  } finally {
    lock.close();
  }
}

/** Reopens the new file with its key and compares every table's row count with the original's. */
function checkedCounts(file: string, key: string, expected: RowCounts): Converted {
  const db = openKeyed(file, key);
  try {
    const found = countRows(db);
    const same = JSON.stringify(found) === JSON.stringify(expected);
    if (!same)
      throw new StartupError(
        "the converted copy does not hold the same rows as the original, so the original was kept as it was",
      );
    db.pragma("journal_mode = WAL");
    return summary(found);
  } finally {
    db.close();
  }
}

function installChecked(partial: string, target: string, key: string | undefined): Converted {
  try {
    const db = openKeyed(partial, key, { readonly: true });
    let counts: RowCounts;
    try {
      if (db.pragma("quick_check", { simple: true }) !== "ok")
        throw new StartupError(`the backup written to ${target} did not pass SQLite's check; nothing was replaced`);
      counts = countRows(db);
    } finally {
      db.close();
    }
    chmodSync(partial, 0o600);
    renameSync(partial, target);
    return summary(counts);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
}

function summary(counts: RowCounts): Converted {
  return { tables: Object.keys(counts).length, rows: Object.values(counts).reduce((a, b) => a + b, 0) };
}
