import Database from "better-sqlite3";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";

export type Db = Database.Database;

/** A startup problem the operator must fix; printed as is, without a stack trace. */
export class StartupError extends Error {}

export interface OpenedDatabase {
  db: Db;
  /** Closes the database and releases the single-process lock. */
  close(): void;
}

/**
 * Opens the bot's one SQLite file (created 0600 with its folder), WAL, foreign keys, busy timeout.
 * A second bot process on the same file is refused: the lock is an exclusive SQLite lock on a
 * sibling file, held by the OS for as long as the process lives, so a crash never leaves it stale.
 */
export function openDatabase(path: string): OpenedDatabase {
  const memory = path === ":memory:";
  let lock: Db | undefined;
  let db: Db | undefined;
  try {
    lock = memory ? undefined : acquireProcessLock(`${path}.lock`);
    if (!memory) ensurePrivateFile(path);
    db = new Database(path);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
  } catch (err) {
    db?.close();
    lock?.close();
    throw startupErrorFor(err, path);
  }
  const opened = db;
  return {
    db: opened,
    close() {
      if (opened.open) opened.close();
      if (lock?.open) lock.close();
    },
  };
}

/** A file the operator must fix (wrong path, no permission, not a database) gets a sentence, not a stack. */
function startupErrorFor(err: unknown, path: string): unknown {
  // Checked by code, not instanceof: native errors may come from another realm (jest's VM).
  const code = (err as { code?: unknown }).code;
  if (code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT") {
    return new StartupError(`${path} is not a SQLite database, or it is damaged; check the database setting (or TANDEM_DATABASE), or restore the file from a backup`);
  }
  if (typeof code === "string" && /^E[A-Z]+$/.test(code)) {
    return new StartupError(`cannot create or open the database at ${path} (${code}); check that its folder exists or can be created, and that Tandem may write there`);
  }
  return err;
}

function ensurePrivateFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  if (!existsSync(path)) closeSync(openSync(path, "a", 0o600));
  chmodSync(path, 0o600);
}

function acquireProcessLock(lockPath: string): Db {
  ensurePrivateFile(lockPath);
  const lock = new Database(lockPath, { timeout: 0 });
  try {
    lock.pragma("locking_mode = EXCLUSIVE");
    lock.exec("BEGIN EXCLUSIVE");
  } catch (err) {
    lock.close();
    const code = (err as { code?: unknown }).code;
    if (code === "SQLITE_BUSY" || code === "SQLITE_LOCKED") {
      throw new StartupError(
        `another Tandem process is already using ${lockPath.replace(/\.lock$/, "")}; stop it first (one bot per database file)`,
      );
    }
    throw err;
  }
  return lock;
}
