import Database from "better-sqlite3-multiple-ciphers";
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, StartupError } from "../../src/platform/db.js";
import { migrate, readMigrations, type Migration } from "../../src/platform/migrations.js";
import { packageRoot } from "../../src/platform/package-root.js";

const files: Migration[] = [
  { version: 1, name: "first", sql: "CREATE TABLE a (x INTEGER);" },
  { version: 2, name: "second", sql: "CREATE TABLE b (y INTEGER);" },
];

describe("migrate", () => {
  it("applies pending migrations once, each with its schema_version row", () => {
    const db = new Database(":memory:");
    expect(migrate(db, files.slice(0, 1)).applied).toEqual([1]);
    expect(migrate(db, files).applied).toEqual([2]);
    expect(migrate(db, files).applied).toEqual([]);
    expect(db.prepare("SELECT version, name FROM schema_version").all()).toEqual([
      { version: 1, name: "first" },
      { version: 2, name: "second" },
    ]);
  });

  it("rolls back a failing migration together with its version row", () => {
    const db = new Database(":memory:");
    const broken = [
      ...files,
      { version: 3, name: "broken", sql: "CREATE TABLE c (z INTEGER); CREATE TABLE a (x INTEGER);" },
    ];
    expect(() => migrate(db, broken)).toThrow(/already exists/);
    expect(db.prepare("SELECT max(version) AS v FROM schema_version").get()).toEqual({ v: 2 });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'c'").get()).toBeUndefined();
  });

  it("refuses a database newer than the code", () => {
    const db = new Database(":memory:");
    migrate(db, files);
    expect(() => migrate(db, files.slice(0, 1))).toThrow(StartupError);
    expect(() => migrate(db, files.slice(0, 1))).toThrow(/schema version 2 .* only knows up to 1/);
  });

  it("refuses applied migrations that are not a prefix of the files", () => {
    const db = new Database(":memory:");
    migrate(db, files);
    const renamed = [files[0]!, { ...files[1]!, name: "renamed" }];
    expect(() => migrate(db, renamed)).toThrow(/does not match .*never edited/);
  });

  it("refuses an applied migration whose file was edited afterwards", () => {
    const db = new Database(":memory:");
    migrate(db, files);
    const edited = [files[0]!, { ...files[1]!, sql: "CREATE TABLE b (y INTEGER, z TEXT);" }];
    expect(() => migrate(db, edited)).toThrow(/does not match .*never edited/);
    const multiline = [{ version: 1, name: "first", sql: "CREATE TABLE a (\n  x INTEGER\n);\n" }];
    const other = new Database(":memory:");
    migrate(other, multiline);
    expect(migrate(other, [{ ...multiline[0]!, sql: multiline[0]!.sql.replace(/\n/g, "\r\n") }]).applied).toEqual([]);
  });

  it("reads the shipped migrations in order, without gaps", () => {
    const shipped = readMigrations(join(packageRoot(), "migrations"));
    expect(shipped.map((m) => m.version)).toEqual(shipped.map((_, i) => i + 1));
    const db = new Database(":memory:");
    expect(migrate(db, shipped).applied.length).toBe(shipped.length);
  });
});

describe("openDatabase", () => {
  it("creates the file and its folder privately, in WAL mode with foreign keys", () => {
    const path = join(mkdtempSync(join(tmpdir(), "tandem-db-")), "nested", "tandem.db");
    const opened = openDatabase(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(opened.db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(opened.db.pragma("foreign_keys", { simple: true })).toBe(1);
    opened.close();
  });

  it("refuses a file that is not a database, or a path it cannot create, with a sentence for the operator", () => {
    const dir = mkdtempSync(join(tmpdir(), "tandem-db-"));
    const notDb = join(dir, "notes.db");
    writeFileSync(notDb, "these are not the droids you are looking for, nor a database\n".repeat(20));
    expect(() => openDatabase(notDb)).toThrow(StartupError);
    expect(() => openDatabase(notDb)).toThrow(`${notDb} is not a SQLite database, or it is damaged`);
    const underFile = join(notDb, "sub", "tandem.db");
    expect(() => openDatabase(underFile)).toThrow(StartupError);
    expect(() => openDatabase(underFile)).toThrow(/^cannot create or open the database at .*\(ENOTDIR\)/);
  });

  it("refuses a second process on the same file, and allows it after the first closed", () => {
    const path = join(mkdtempSync(join(tmpdir(), "tandem-db-")), "tandem.db");
    const first = openDatabase(path);
    expect(() => openDatabase(path)).toThrow(/another Tandem process is already using/);
    first.close();
    openDatabase(path).close();
  });
});
