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
  const lock = memory ? undefined : acquireProcessLock(`${path}.lock`);
  if (!memory) ensurePrivateFile(path);
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  return {
    db,
    close() {
      if (db.open) db.close();
      if (lock?.open) lock.close();
    },
  };
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
    // Checked by code, not instanceof: native errors may come from another realm (jest's VM).
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
