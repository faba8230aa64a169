import Database from "better-sqlite3-multiple-ciphers";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readSync } from "node:fs";
import { dirname } from "node:path";

export type Db = Database.Database;

/** SQLite3 Multiple Ciphers' additions to the better-sqlite3 connection. */
interface Keyed {
  key(key: Buffer): number;
  rekey(key: Buffer): number;
}

/** Sets the key a connection reads and writes with (before its first statement). */
export function setKey(db: Db, key: string): void {
  (db as Db & Keyed).key(Buffer.from(key, "utf8"));
}

/** Re-encrypts the whole file under a new key (or, on a plain file, encrypts it for the first time). */
export function changeKey(db: Db, key: string): void {
  (db as Db & Keyed).rekey(Buffer.from(key, "utf8"));
}

/** A startup problem the operator must fix; printed as is, without a stack trace. */
export class StartupError extends Error {}

export interface OpenedDatabase {
  db: Db;
  /** Closes the database and releases the single-process lock. */
  close(): void;
}

export interface DatabaseOptions {
  /** Encrypts the whole file at rest (SQLCipher 4 format); without it the file is plain SQLite. */
  key?: string;
}

/**
 * Opens the bot's one SQLite file (created 0600 with its folder), encrypted when a key is given,
 * WAL, foreign keys, secure delete, busy timeout.
 * A second bot process on the same file is refused: the lock is an exclusive SQLite lock on a
 * sibling file, held by the OS for as long as the process lives, so a crash never leaves it stale.
 */
export function openDatabase(path: string, options: DatabaseOptions = {}): OpenedDatabase {
  const memory = path === ":memory:";
  let lock: Db | undefined;
  let db: Db | undefined;
  try {
    lock = memory ? undefined : acquireProcessLock(`${path}.lock`);
    if (!memory) ensurePrivateFile(path);
    db = openKeyed(path, options.key);
    db.pragma("journal_mode = WAL");
    // Deleted rows (an undone entry, a forgotten member) are overwritten, not left in free pages.
    db.pragma("secure_delete = ON");
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

/**
 * Opens one connection with the key set and proves the key right by reading the schema, before
 * anything (WAL, migrations) may write: a wrong key leaves the file byte for byte as it was.
 */
export function openKeyed(path: string, key: string | undefined, options: Database.Options = {}): Db {
  if (key !== undefined && path !== ":memory:" && isPlainSqlite(path)) {
    throw new StartupError(
      `${path} is not encrypted yet; stop the bot, run "tandem db encrypt" once (it keeps every row), then start again`,
    );
  }
  const db = new Database(path, options);
  try {
    if (key !== undefined) {
      useSqlCipher(db);
      setKey(db, key);
    }
    db.prepare("SELECT count(*) FROM sqlite_master").get();
  } catch (err) {
    db.close();
    const code = (err as { code?: unknown }).code;
    if (key !== undefined && (code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT")) {
      throw new StartupError(
        `the database key does not open ${path}; check database.key (or TANDEM_DATABASE_KEY), the file was left untouched`,
      );
    }
    throw err;
  }
  return db;
}

/** SQLCipher 4's format, so the file also opens with the sqlcipher tool given the same key. */
export const SQLCIPHER_PRAGMAS = ["cipher = 'sqlcipher'", "legacy = 4"] as const;

export function useSqlCipher(db: Db): void {
  for (const pragma of SQLCIPHER_PRAGMAS) db.pragma(pragma);
}

const SQLITE_HEADER = Buffer.from("SQLite format 3\0", "latin1");

/** A plain SQLite file starts with a fixed header; an encrypted one starts with random bytes. */
export function isPlainSqlite(path: string): boolean {
  if (!existsSync(path)) return false;
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(path, "r");
  try {
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

/** The one line console mode prints at start when its file is readable by whoever copies it. */
export function unencryptedNotice(path: string): string | undefined {
  if (path === ":memory:") return undefined;
  return `tandem: note: ${path} is not encrypted at rest; set database.key (or TANDEM_DATABASE_KEY) and run "tandem db encrypt" to protect it.`;
}

/** A file the operator must fix (wrong path, no permission, not a database) gets a sentence, not a stack. */
function startupErrorFor(err: unknown, path: string): unknown {
  if (err instanceof StartupError) return err;
  // Checked by code, not instanceof: native errors may come from another realm (jest's VM).
  const code = (err as { code?: unknown }).code;
  if (code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT") {
    return new StartupError(
      `${path} is not a SQLite database, or it is damaged, or it is encrypted; check the database setting (or TANDEM_DATABASE) and give an encrypted file its key in database.key (or TANDEM_DATABASE_KEY), or restore the file from a backup`,
    );
  }
  if (typeof code === "string" && /^E[A-Z]+$/.test(code)) {
    return new StartupError(
      `cannot create or open the database at ${path} (${code}); check that its folder exists or can be created, and that Tandem may write there`,
    );
  }
  return err;
}

export function ensurePrivateFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  if (!existsSync(path)) closeSync(openSync(path, "a", 0o600));
  chmodSync(path, 0o600);
}

export function acquireProcessLock(lockPath: string): Db {
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
