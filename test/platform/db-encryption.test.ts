import { existsSync, readFileSync, statSync } from "node:fs";
import { isPlainSqlite, openDatabase, StartupError } from "../../src/platform/db.js";
import { backupDatabase, countRows, encryptDatabase, rekeyDatabase } from "../../src/platform/db-maintenance.js";
import { tempDatabasePath } from "../support/db.js";

const KEY = "first-long-random-database-key";
const NEW_KEY = "second-long-random-database-key";
const SECRET_ROW = "ana-cooked-forty-meals-for-the-strike-fund";

function fill(path: string, key?: string): void {
  const opened = openDatabase(path, { key });
  opened.db.exec("CREATE TABLE notes (text TEXT NOT NULL); CREATE TABLE people (name TEXT NOT NULL)");
  const insert = opened.db.prepare("INSERT INTO notes (text) VALUES (?)");
  insert.run(SECRET_ROW);
  for (let i = 0; i < 500; i++) insert.run(`note ${i}`);
  opened.db.prepare("INSERT INTO people (name) VALUES (?)").run("ana");
  opened.close();
}

function rawBytes(path: string): Buffer {
  return Buffer.concat([`${path}`, `${path}-wal`].filter(existsSync).map((f) => readFileSync(f)));
}

describe("the database encrypted at rest", () => {
  let temp: ReturnType<typeof tempDatabasePath>;
  beforeEach(() => {
    temp = tempDatabasePath();
  });
  afterEach(() => temp.remove());

  it("keeps a row's text out of the file when a key is given, and reads it back with the key", () => {
    fill(temp.path, KEY);
    expect(rawBytes(temp.path).includes(SECRET_ROW)).toBe(false);
    expect(isPlainSqlite(temp.path)).toBe(false);
    const opened = openDatabase(temp.path, { key: KEY });
    expect(opened.db.prepare("SELECT text FROM notes WHERE rowid = 1").pluck().get()).toBe(SECRET_ROW);
    expect(opened.db.pragma("secure_delete", { simple: true })).toBe(1);
    expect(opened.db.pragma("journal_mode", { simple: true })).toBe("wal");
    opened.close();
    // Without encryption the same row is in plain sight: the test above proves something.
    const plain = tempDatabasePath();
    fill(plain.path);
    expect(rawBytes(plain.path).includes(SECRET_ROW)).toBe(true);
    plain.remove();
  });

  it("overwrites deleted rows (secure delete), so an undone entry is not left in free pages", () => {
    fill(temp.path);
    const opened = openDatabase(temp.path);
    opened.db.prepare("DELETE FROM notes WHERE text = ?").run(SECRET_ROW);
    opened.close();
    expect(rawBytes(temp.path).includes(SECRET_ROW)).toBe(false);
  });

  it("refuses a wrong key, or no key, in one sentence, and leaves the file byte for byte as it was", () => {
    fill(temp.path, KEY);
    const before = readFileSync(temp.path);
    expect(() => openDatabase(temp.path, { key: NEW_KEY })).toThrow(StartupError);
    expect(() => openDatabase(temp.path, { key: NEW_KEY })).toThrow(
      `the database key does not open ${temp.path}; check database.key (or TANDEM_DATABASE_KEY), the file was left untouched`,
    );
    expect(() => openDatabase(temp.path)).toThrow(/is encrypted; .*give an encrypted file its key in database\.key/);
    expect(readFileSync(temp.path).equals(before)).toBe(true);
    // The lock was released each time: the right key opens it now.
    openDatabase(temp.path, { key: KEY }).close();
  });

  it("asks for 'tandem db encrypt' when a key is given for a plain file, instead of failing obscurely", () => {
    fill(temp.path);
    expect(() => openDatabase(temp.path, { key: KEY })).toThrow(
      `${temp.path} is not encrypted yet; stop the bot, run "tandem db encrypt" once`,
    );
  });

  it("keeps the single-process lock with a key", () => {
    const first = openDatabase(temp.path, { key: KEY });
    expect(() => openDatabase(temp.path, { key: KEY })).toThrow(/another Tandem process is already using/);
    first.close();
    openDatabase(temp.path, { key: KEY }).close();
  });
});

describe("tandem db encrypt, rekey and backup", () => {
  let temp: ReturnType<typeof tempDatabasePath>;
  beforeEach(() => {
    temp = tempDatabasePath();
  });
  afterEach(() => temp.remove());

  function counts(key?: string) {
    const opened = openDatabase(temp.path, { key });
    try {
      return countRows(opened.db);
    } finally {
      opened.close();
    }
  }

  it("encrypts a plain file in place with every row kept", () => {
    fill(temp.path);
    const before = counts();
    expect(before).toEqual({ notes: 501, people: 1 });
    expect(encryptDatabase(temp.path, KEY)).toEqual({ tables: 2, rows: 502 });
    expect(rawBytes(temp.path).includes(SECRET_ROW)).toBe(false);
    expect(statSync(temp.path).mode & 0o777).toBe(0o600);
    expect(counts(KEY)).toEqual(before);
    expect(existsSync(`${temp.path}.converting`)).toBe(false);
    expect(() => encryptDatabase(temp.path, KEY)).toThrow(/is already encrypted .*nothing was changed/);
  });

  it("refuses to encrypt while the bot runs", () => {
    fill(temp.path);
    const running = openDatabase(temp.path);
    expect(() => encryptDatabase(temp.path, KEY)).toThrow(/another Tandem process is already using/);
    running.close();
    expect(isPlainSqlite(temp.path)).toBe(true);
  });

  it("rekeys: the new key opens the file, the old one no longer does; a wrong old key changes nothing", () => {
    fill(temp.path, KEY);
    const before = readFileSync(temp.path);
    expect(() => rekeyDatabase(temp.path, "not-the-right-key-at-all", NEW_KEY)).toThrow(
      /the database key does not open/,
    );
    expect(readFileSync(temp.path).equals(before)).toBe(true);
    expect(rekeyDatabase(temp.path, KEY, NEW_KEY)).toEqual({ tables: 2, rows: 502 });
    expect(counts(NEW_KEY)).toEqual({ notes: 501, people: 1 });
    expect(() => openDatabase(temp.path, { key: KEY })).toThrow(/the database key does not open/);
  });

  it("backs up while the bot holds the file: an encrypted copy that opens with the key", () => {
    fill(temp.path, KEY);
    const running = openDatabase(temp.path, { key: KEY });
    running.db.prepare("INSERT INTO people (name) VALUES (?)").run("bo");
    const copy = `${temp.path}.backup`;
    expect(backupDatabase(temp.path, KEY, copy)).toEqual({ tables: 2, rows: 503 });
    // A second backup to the same path replaces the first.
    expect(backupDatabase(temp.path, KEY, copy)).toEqual({ tables: 2, rows: 503 });
    running.close();
    expect(rawBytes(copy).includes(SECRET_ROW)).toBe(false);
    expect(statSync(copy).mode & 0o777).toBe(0o600);
    const restored = openDatabase(copy, { key: KEY });
    expect(restored.db.prepare("SELECT name FROM people ORDER BY rowid").pluck().all()).toEqual(["ana", "bo"]);
    restored.close();
    expect(() => openDatabase(copy, { key: NEW_KEY })).toThrow(/the database key does not open/);
  });

  it("says where a backup cannot be written", () => {
    fill(temp.path, KEY);
    expect(() => backupDatabase(temp.path, KEY, temp.path)).toThrow(
      `the backup must go to another path than the database itself (${temp.path})`,
    );
    expect(() => backupDatabase(temp.path, KEY, "/nonexistent-folder/tandem.db")).toThrow(
      "cannot write the backup to /nonexistent-folder/tandem.db; check that its folder exists and that Tandem may write there",
    );
  });
});
