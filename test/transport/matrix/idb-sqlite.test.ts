// The IndexedDB API is untyped here (no DOM lib): `any` is allowed in this file (see biome.jsonc).
import Database from "better-sqlite3-multiple-ciphers";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createClient, IndexedDBStore, type ICreateClientOpts, type MatrixClient } from "matrix-js-sdk";
import { openPersistentIndexedDB, type PersistentIndexedDB } from "../../../src/transport/matrix/idb-sqlite.js";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const migrationSql = ["0003_matrix_idb.sql", "0025_idb_ordered_records.sql"]
  .map((file) => readFileSync(join(repoRoot, "migrations", file), "utf8"))
  .join("\n");

type Idb = any;

// ---- SQLite file and IndexedDB helpers -------------------------------------------------------

const dirs: string[] = [];
const openDbs: Database.Database[] = [];

function newSqliteFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "tandem-idb-"));
  dirs.push(dir);
  const path = join(dir, "tandem.sqlite");
  const db = openSqlite(path);
  db.exec(migrationSql);
  return path;
}

function openSqlite(path: string): Database.Database {
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  openDbs.push(db);
  return db;
}

afterEach(() => {
  for (const db of openDbs.splice(0)) if (db.open) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new process' view: a new SQLite connection and a new factory restored from it. */
async function restart(path: string): Promise<{ sqlite: Database.Database; idb: PersistentIndexedDB }> {
  const sqlite = openSqlite(path);
  return { sqlite, idb: await openPersistentIndexedDB(sqlite) };
}

function request<T = any>(req: Idb): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error);
  });
}

function completion(tx: Idb): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error("aborted"));
  });
}

function openDb(
  factory: Idb,
  name: string,
  version?: number,
  upgrade?: (db: Idb, tx: Idb, oldVersion: number) => void,
): Promise<Idb> {
  const req = version === undefined ? factory.open(name) : factory.open(name, version);
  req.onupgradeneeded = (event: any) => upgrade?.(req.result, req.transaction, event.oldVersion);
  return request(req);
}

async function write(db: Idb, stores: string | string[], work: (tx: Idb) => void): Promise<void> {
  const tx = db.transaction(stores, "readwrite");
  work(tx);
  await completion(tx);
}

async function read<T = any>(db: Idb, store: string, work: (store: Idb) => Idb): Promise<T> {
  return request<T>(work(db.transaction(store, "readonly").objectStore(store)));
}

function tag(value: unknown): string {
  return Object.prototype.toString.call(value).slice(8, -1);
}

function rowCount(sqlite: Database.Database, table: string, where = "1 = 1", ...params: unknown[]): number {
  return (sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get(...params) as { n: number }).n;
}

// ---- Round trips --------------------------------------------------------------------------------

describe("SQLite-backed IndexedDB", () => {
  test("keys and values keep their types across a restart", async () => {
    const path = newSqliteFile();
    const first = await openPersistentIndexedDB(openSqlite(path));
    const db = await openDb(first.indexedDB, "typed", 1, (d) => d.createObjectStore("things"));
    const shared = new Uint8Array([1, 2, 3, 4, 5]);
    const value = {
      bytes: new Uint8Array([0, 255, 7]),
      view: shared.subarray(1, 3),
      whole: shared,
      buffer: new Uint8Array([9, 8, 7]).buffer,
      when: new Date(Date.UTC(2024, 1, 29, 12)),
      map: new Map<string, unknown>([["k", new Uint8Array([42])]]),
      set: new Set([1, "two"]),
      big: 12345678901234567890n,
      nested: { list: [1, [2, { deep: "ñandú 🐢" }]], nothing: null, missing: undefined },
    };
    const keys: unknown[] = [
      -1.5,
      3.5,
      "plain",
      "lone \ud800 surrogate and ünïcödé",
      "paired 🐢 surrogates",
      new Date(0),
      new Uint8Array([1, 2, 3]),
      ["room", 7, [new Date(1)], new Uint8Array([9])],
    ];
    await write(db, "things", (tx) => keys.forEach((key, i) => tx.objectStore("things").put({ ...value, i }, key)));
    const keysBefore = await read<unknown[]>(db, "things", (s) => s.getAllKeys());
    db.close();

    const { idb } = await restart(path);
    const again = await openDb(idb.indexedDB, "typed");
    const keysAfter = await read<unknown[]>(again, "things", (s) => s.getAllKeys());
    expect(keysAfter).toEqual(keysBefore);
    const binaryKey = keysAfter.find((key) => tag(key) === "ArrayBuffer");
    expect(tag(binaryKey)).toBe("ArrayBuffer");

    const restored = await read(again, "things", (s) => s.get(["room", 7, [new Date(1)], new Uint8Array([9])]));
    expect(restored.i).toBe(7);
    // Types are checked by their tag: jest runs tests in a VM context, where objects built by
    // node:v8 belong to the main realm and fail `instanceof` against the test realm's classes.
    expect(tag(restored.bytes)).toBe("Uint8Array");
    expect([...restored.bytes]).toEqual([0, 255, 7]);
    expect(tag(restored.buffer)).toBe("ArrayBuffer");
    expect([...new Uint8Array(restored.buffer)]).toEqual([9, 8, 7]);
    expect(tag(restored.when)).toBe("Date");
    expect(restored.when.toISOString()).toBe("2024-02-29T12:00:00.000Z");
    expect(tag(restored.map)).toBe("Map");
    expect([...restored.map.get("k")]).toEqual([42]);
    expect(tag(restored.set)).toBe("Set");
    expect([...restored.set]).toEqual([1, "two"]);
    expect(restored.big).toBe(12345678901234567890n);
    expect(restored.nested).toEqual({ list: [1, [2, { deep: "ñandú 🐢" }]], nothing: null, missing: undefined });
    expect("missing" in restored.nested).toBe(true);
    // Structured clone keeps a view on its whole buffer, and two views of one buffer share it.
    expect(restored.view.byteOffset).toBe(1);
    expect(restored.view.buffer).toBe(restored.whole.buffer);
    expect([...restored.view]).toEqual([2, 3]);

    expect((await read(again, "things", (s) => s.get("lone \ud800 surrogate and ünïcödé"))).i).toBe(3);
    expect((await read(again, "things", (s) => s.get(-1.5))).i).toBe(0);
    expect((await read(again, "things", (s) => s.get("paired 🐢 surrogates"))).i).toBe(4);
  });

  test("a put overwriting a key replaces its row instead of adding one", async () => {
    const path = newSqliteFile();
    const sqlite = openSqlite(path);
    const { indexedDB } = await openPersistentIndexedDB(sqlite);
    const db = await openDb(indexedDB, "overwrite", 1, (d) => d.createObjectStore("s"));
    // The same string built two ways, so V8 may hold it in different representations.
    const built = ["a", "b", "c"].join("");
    await write(db, "s", (tx) => tx.objectStore("s").put(1, "abc"));
    await write(db, "s", (tx) => tx.objectStore("s").put(2, built));
    await write(db, "s", (tx) => tx.objectStore("s").put(3, -0));
    await write(db, "s", (tx) => tx.objectStore("s").put(4, 0));
    expect(rowCount(sqlite, "idb_records", "db = 'overwrite'")).toBe(2);
  });

  // ---- Schema ---------------------------------------------------------------------------------

  test("stores, indexes and the key generator are restored, and queries by index work", async () => {
    const path = newSqliteFile();
    const first = await openPersistentIndexedDB(openSqlite(path));
    const db = await openDb(first.indexedDB, "schema", 3, (d) => {
      const people = d.createObjectStore("people", { keyPath: "id" });
      people.createIndex("byRoom", "room");
      people.createIndex("byTag", "tags", { multiEntry: true });
      people.createIndex("byEmail", "contact.email", { unique: true });
      people.createIndex("byRoomAndName", ["room", "name"]);
      d.createObjectStore("log", { autoIncrement: true });
      d.createObjectStore("events", { keyPath: "seq", autoIncrement: true });
    });
    await write(db, ["people", "log", "events"], (tx) => {
      const people = tx.objectStore("people");
      people.put({ id: "ana", room: "!a", name: "Ana", tags: ["cook", "driver"], contact: { email: "ana@x" } });
      people.put({ id: "bo", room: "!a", name: "Bo", tags: ["driver"], contact: { email: "bo@x" } });
      people.put({ id: "cy", room: "!b", name: "Cy", tags: [], contact: { email: "cy@x" } });
      const log = tx.objectStore("log");
      for (const line of ["one", "two", "three"]) log.add(line);
      tx.objectStore("events").add({ what: "first" });
    });
    await write(db, "log", (tx) => tx.objectStore("log").delete(3));
    db.close();

    const { idb } = await restart(path);
    const again = await openDb(idb.indexedDB, "schema");
    expect(again.version).toBe(3);
    expect([...again.objectStoreNames]).toEqual(["events", "log", "people"]);
    const tx = again.transaction(["people", "log", "events"], "readonly");
    const people = tx.objectStore("people");
    expect(people.keyPath).toBe("id");
    expect(people.autoIncrement).toBe(false);
    expect([...people.indexNames]).toEqual(["byEmail", "byRoom", "byRoomAndName", "byTag"]);
    expect(people.index("byTag").multiEntry).toBe(true);
    expect(people.index("byEmail").unique).toBe(true);
    expect(people.index("byEmail").keyPath).toBe("contact.email");
    expect(people.index("byRoomAndName").keyPath).toEqual(["room", "name"]);
    expect(tx.objectStore("log").autoIncrement).toBe(true);
    expect(tx.objectStore("events").keyPath).toBe("seq");

    expect((await request(people.index("byRoom").getAll("!a"))).map((p: any) => p.id)).toEqual(["ana", "bo"]);
    expect(await request(people.index("byTag").getAllKeys("driver"))).toEqual(["ana", "bo"]);
    expect(await request(people.index("byTag").count("cook"))).toBe(1);
    expect((await request(people.index("byEmail").get("cy@x"))).name).toBe("Cy");
    expect(
      (await request(people.index("byRoomAndName").getAll(idb.IDBKeyRange.bound(["!a", "B"], ["!a", "\uffff"])))).map(
        (p: any) => p.id,
      ),
    ).toEqual(["bo"]);
    await completion(tx);

    // The unique index still refuses a duplicate after the restore.
    const dup = again.transaction("people", "readwrite");
    dup.objectStore("people").add({ id: "dan", room: "!c", name: "Dan", tags: [], contact: { email: "ana@x" } });
    await expect(completion(dup)).rejects.toMatchObject({ name: "ConstraintError" });

    // Generated keys never go back, even though the highest one (3) was deleted before the restart.
    const next = again.transaction(["log", "events"], "readwrite");
    const logKey = request(next.objectStore("log").add("four"));
    const eventKey = request(next.objectStore("events").add({ what: "second" }));
    await completion(next);
    expect(await logKey).toBe(4);
    expect(await eventKey).toBe(2);
    expect(await read(again, "events", (s) => s.get(2))).toEqual({ what: "second", seq: 2 });
  });

  test("delete, delete by range and clear are persisted", async () => {
    const path = newSqliteFile();
    const first = await openPersistentIndexedDB(openSqlite(path));
    const db = await openDb(first.indexedDB, "deletes", 1, (d) => {
      d.createObjectStore("numbers");
      d.createObjectStore("scratch");
    });
    await write(db, ["numbers", "scratch"], (tx) => {
      for (let n = 1; n <= 10; n++) tx.objectStore("numbers").put(`n${n}`, n);
      tx.objectStore("scratch").put("x", "x");
    });
    await write(db, ["numbers", "scratch"], (tx) => {
      tx.objectStore("numbers").delete(1);
      tx.objectStore("numbers").delete(first.IDBKeyRange.bound(4, 6));
      tx.objectStore("scratch").clear();
    });
    // A cursor deletes and updates too.
    await write(db, "numbers", (tx) => {
      tx.objectStore("numbers").openCursor(first.IDBKeyRange.lowerBound(9)).onsuccess = (event: any) => {
        const cursor = event.target.result;
        if (!cursor) return;
        if (cursor.key === 9) cursor.delete();
        else cursor.update("ten");
        cursor.continue();
      };
    });
    db.close();

    const { idb, sqlite } = await restart(path);
    const again = await openDb(idb.indexedDB, "deletes");
    expect(await read(again, "numbers", (s) => s.getAllKeys())).toEqual([2, 3, 7, 8, 10]);
    expect(await read(again, "numbers", (s) => s.get(10))).toBe("ten");
    expect(await read(again, "scratch", (s) => s.count())).toBe(0);
    expect(rowCount(sqlite, "idb_records", "db = 'deletes'")).toBe(5);
  });

  test("version upgrades persist created, deleted and renamed stores and indexes", async () => {
    const path = newSqliteFile();
    const first = await openPersistentIndexedDB(openSqlite(path));
    const v1 = await openDb(first.indexedDB, "evolving", 1, (d) => {
      d.createObjectStore("old").createIndex("byX", "x");
      d.createObjectStore("keep", { keyPath: "id" }).createIndex("gone", "g");
      d.createObjectStore("doomed");
    });
    await write(v1, ["old", "keep", "doomed"], (tx) => {
      tx.objectStore("old").put({ x: 1 }, "a");
      tx.objectStore("keep").put({ id: 1, g: "g", y: "y1" });
      tx.objectStore("doomed").put("bye", "d");
    });
    v1.close();

    const v2 = await openDb(first.indexedDB, "evolving", 2, (d, tx) => {
      tx.objectStore("old").name = "renamed";
      d.deleteObjectStore("doomed");
      d.createObjectStore("doomed").put("reborn", "r"); // same name, new store: old rows must go
      const keep = tx.objectStore("keep");
      keep.deleteIndex("gone");
      keep.createIndex("byY", "y", { unique: true });
      keep.put({ id: 2, y: "y2" });
    });
    v2.close();

    const { idb, sqlite } = await restart(path);
    const again = await openDb(idb.indexedDB, "evolving");
    expect(again.version).toBe(2);
    expect([...again.objectStoreNames]).toEqual(["doomed", "keep", "renamed"]);
    const tx = again.transaction(["renamed", "keep", "doomed"], "readonly");
    expect(await request(tx.objectStore("renamed").index("byX").get(1))).toEqual({ x: 1 });
    expect([...tx.objectStore("keep").indexNames]).toEqual(["byY"]);
    expect(await request(tx.objectStore("keep").index("byY").get("y2"))).toEqual({ id: 2, y: "y2" });
    expect(await request(tx.objectStore("doomed").getAll())).toEqual(["reborn"]);
    expect(rowCount(sqlite, "idb_records", "db = 'evolving' AND store = 'old'")).toBe(0);
    expect(rowCount(sqlite, "idb_records", "db = 'evolving'")).toBe(4);
    expect(rowCount(sqlite, "idb_indexes", "db = 'evolving'")).toBe(2);
  });

  test("deleteDatabase removes the database and all its rows", async () => {
    const path = newSqliteFile();
    const sqlite = openSqlite(path);
    const { indexedDB } = await openPersistentIndexedDB(sqlite);
    for (const name of ["victim", "bystander"]) {
      const db = await openDb(indexedDB, name, 1, (d) => d.createObjectStore("s").createIndex("i", "v"));
      await write(db, "s", (tx) => tx.objectStore("s").put({ v: 1 }, 1));
      db.close();
    }
    expect(rowCount(sqlite, "idb_records", "db = 'victim'")).toBe(1);
    await request(indexedDB.deleteDatabase("victim"));
    for (const table of ["idb_records", "idb_indexes", "idb_stores"]) {
      expect(rowCount(sqlite, table, "db = 'victim'")).toBe(0);
      expect(rowCount(sqlite, table, "db = 'bystander'")).toBe(1);
    }
    expect(rowCount(sqlite, "idb_databases", "name = 'victim'")).toBe(0);

    const { idb } = await restart(path);
    expect((await idb.indexedDB.databases()).map((d: any) => d.name)).toEqual(["bystander"]);
    // A database created again under the deleted name starts empty and is persisted again.
    const reborn = await openDb(idb.indexedDB, "victim", 1, (d) => d.createObjectStore("t"));
    await write(reborn, "t", (tx) => tx.objectStore("t").put("new", 1));
    expect(rowCount(sqlite, "idb_records", "db = 'victim' AND store = 't'")).toBe(1);
  });

  // ---- Transactions ---------------------------------------------------------------------------

  test("an aborted transaction persists nothing, now or later", async () => {
    const path = newSqliteFile();
    const sqlite = openSqlite(path);
    const { indexedDB } = await openPersistentIndexedDB(sqlite);
    const db = await openDb(indexedDB, "aborts", 1, (d) =>
      d.createObjectStore("s", { keyPath: "id" }).createIndex("u", "u", { unique: true }),
    );
    await write(db, "s", (tx) => tx.objectStore("s").put({ id: 1, u: "one", v: "committed" }));
    const before = sqlite.prepare("SELECT key, value FROM idb_records ORDER BY key").all();

    const explicit = db.transaction("s", "readwrite");
    explicit.objectStore("s").put({ id: 1, u: "one", v: "aborted" });
    explicit.objectStore("s").put({ id: 2, u: "two", v: "aborted" });
    request(explicit.objectStore("s").count()).then(
      () => explicit.abort(),
      () => undefined,
    );
    await expect(completion(explicit)).rejects.toBeDefined();

    const failing = db.transaction("s", "readwrite");
    failing.objectStore("s").put({ id: 3, u: "three" });
    failing.objectStore("s").add({ id: 4, u: "one" }); // unique index violation aborts the transaction
    await expect(completion(failing)).rejects.toMatchObject({ name: "ConstraintError" });
    expect(sqlite.prepare("SELECT key, value FROM idb_records ORDER BY key").all()).toEqual(before);

    // A later commit on the same store writes only its own change.
    await write(db, "s", (tx) => tx.objectStore("s").put({ id: 5, u: "five" }));
    db.close();
    const { idb } = await restart(path);
    const again = await openDb(idb.indexedDB, "aborts");
    expect(await read(again, "s", (s) => s.getAll())).toEqual([
      { id: 1, u: "one", v: "committed" },
      { id: 5, u: "five" },
    ]);
  });

  test("an aborted upgrade persists no schema change", async () => {
    const path = newSqliteFile();
    const sqlite = openSqlite(path);
    const { indexedDB } = await openPersistentIndexedDB(sqlite);
    const v1 = await openDb(indexedDB, "upgrade-abort", 1, (d) => d.createObjectStore("a"));
    v1.close();
    const schemaBefore = sqlite
      .prepare("SELECT * FROM idb_stores UNION ALL SELECT db, name, key_path, 0, 0 FROM idb_indexes")
      .all();
    await expect(
      openDb(indexedDB, "upgrade-abort", 2, (d, tx) => {
        d.createObjectStore("b");
        d.deleteObjectStore("a");
        tx.abort();
      }),
    ).rejects.toBeDefined();
    expect(sqlite.prepare("SELECT version FROM idb_databases WHERE name = 'upgrade-abort'").get()).toEqual({
      version: 1,
    });
    expect(
      sqlite.prepare("SELECT * FROM idb_stores UNION ALL SELECT db, name, key_path, 0, 0 FROM idb_indexes").all(),
    ).toEqual(schemaBefore);
  });

  test("SQLite holds a transaction's writes, all together, before its complete event", async () => {
    const path = newSqliteFile();
    const sqlite = openSqlite(path);
    const { indexedDB } = await openPersistentIndexedDB(sqlite);
    const db = await openDb(indexedDB, "ordering", 1, (d) => d.createObjectStore("s"));
    const observer = openSqlite(path); // another connection sees only committed SQLite transactions
    const seen: number[] = [];
    const tx = db.transaction("s", "readwrite");
    const store = tx.objectStore("s");
    store.put("a", 1).onsuccess = () => seen.push(rowCount(observer, "idb_records", "db = 'ordering'"));
    store.put("b", 2).onsuccess = () => seen.push(rowCount(observer, "idb_records", "db = 'ordering'"));
    tx.addEventListener("complete", () => seen.push(rowCount(observer, "idb_records", "db = 'ordering'")));
    await completion(tx);
    expect(seen).toEqual([0, 0, 2]);
  });

  test("when SQLite refuses a commit, the transaction aborts and memory is rolled back", async () => {
    const path = newSqliteFile();
    const sqlite = openSqlite(path);
    const failures: unknown[] = [];
    const { indexedDB } = await openPersistentIndexedDB(sqlite, { onPersistError: (error) => failures.push(error) });
    const db = await openDb(indexedDB, "refused", 1, (d) => d.createObjectStore("s"));
    await write(db, "s", (tx) => tx.objectStore("s").put("kept", 1));
    sqlite.exec(`CREATE TRIGGER refuse BEFORE INSERT ON idb_records WHEN NEW.db = 'refused'
                 BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const tx = db.transaction("s", "readwrite");
    tx.objectStore("s").put("lost", 2);
    tx.objectStore("s").delete(1);
    await expect(completion(tx)).rejects.toMatchObject({ name: "UnknownError" });
    expect(failures).toHaveLength(1);
    expect(await read(db, "s", (s) => s.getAll())).toEqual(["kept"]);
    expect(rowCount(sqlite, "idb_records", "db = 'refused'")).toBe(1);

    sqlite.exec("DROP TRIGGER refuse");
    await write(db, "s", (tx2) => tx2.objectStore("s").put("later", 3));
    db.close();
    const { idb } = await restart(path);
    expect(await read(await openDb(idb.indexedDB, "refused"), "s", (s) => s.getAll())).toEqual(["kept", "later"]);
  });

  test("when SQLite refuses an upgrade, the open fails and the old version and schema stay", async () => {
    const path = newSqliteFile();
    const sqlite = openSqlite(path);
    const { indexedDB } = await openPersistentIndexedDB(sqlite, { onPersistError: () => undefined });
    const v1 = await openDb(indexedDB, "refused-upgrade", 1, (d) => d.createObjectStore("a"));
    await write(v1, "a", (tx) => tx.objectStore("a").put("kept", 1));
    v1.close();
    sqlite.exec(`CREATE TRIGGER refuse BEFORE INSERT ON idb_stores WHEN NEW.name = 'b'
                 BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    await expect(openDb(indexedDB, "refused-upgrade", 2, (d) => d.createObjectStore("b"))).rejects.toBeDefined();
    const current = await openDb(indexedDB, "refused-upgrade");
    expect(current.version).toBe(1);
    expect([...current.objectStoreNames]).toEqual(["a"]);
    current.close();

    const { idb } = await restart(path);
    const again = await openDb(idb.indexedDB, "refused-upgrade");
    expect(again.version).toBe(1);
    expect([...again.objectStoreNames]).toEqual(["a"]);
    expect(await read(again, "a", (s) => s.getAll())).toEqual(["kept"]);
  });

  test("factories are isolated: transactions of a plain fake-indexeddb factory are untouched", async () => {
    const path = newSqliteFile();
    const sqlite = openSqlite(path);
    await openPersistentIndexedDB(sqlite);
    const { IDBFactory } = await import("fake-indexeddb");
    const plain = new IDBFactory();
    const db = await openDb(plain, "plain", 1, (d) => d.createObjectStore("s"));
    await write(db, "s", (tx) => tx.objectStore("s").put("x", 1));
    expect(rowCount(sqlite, "idb_databases")).toBe(0);
    expect(rowCount(sqlite, "idb_records")).toBe(0);
  });

  // ---- matrix-js-sdk on top --------------------------------------------------------------------

  test("the Rust crypto store keeps the device identity across a restart, encrypted with the storage key", async () => {
    const path = newSqliteFile();
    const storageKey = new Uint8Array(randomBytes(32));
    const first = await startCrypto(path, storageKey);
    const identity = await first.getCrypto()!.getOwnDeviceKeys();
    expect(identity.ed25519).toMatch(/^[A-Za-z0-9+/]{43}$/);
    expect(identity.curve25519).toMatch(/^[A-Za-z0-9+/]{43}$/);
    first.stopClient();

    const sqlite = openSqlite(path);
    expect(rowCount(sqlite, "idb_records", "db = 'matrix-js-sdk::matrix-sdk-crypto'")).toBeGreaterThan(0);
    // Values are sealed by the Rust store with the storage key: not even public keys are in clear.
    const cleartext = sqlite.prepare(
      "SELECT count(*) AS n FROM idb_records WHERE instr(value, ?) > 0 OR instr(value, ?) > 0",
    );
    expect(cleartext.get(Buffer.from(identity.curve25519), Buffer.from(identity.ed25519))).toEqual({ n: 0 });

    const second = await startCrypto(path, storageKey);
    expect(await second.getCrypto()!.getOwnDeviceKeys()).toEqual(identity);
    second.stopClient();

    await expect(startCrypto(path, new Uint8Array(randomBytes(32)))).rejects.toThrow();
  }, 60_000);

  test("matrix-js-sdk's IndexedDBStore (sync store) keeps its sync token across a restart", async () => {
    const path = newSqliteFile();
    const first = await openPersistentIndexedDB(openSqlite(path));
    first.installGlobals(); // the store's backend uses the global IDBKeyRange
    const store = new IndexedDBStore({ indexedDB: first.indexedDB, dbName: "sync" });
    await store.startup();
    expect(await store.getSavedSyncToken()).toBeFalsy();
    await store.setSyncData({
      next_batch: "s72595_4483_1934",
      rooms: { join: {}, invite: {}, leave: {}, knock: {} },
      account_data: { events: [] },
    } as any);
    await store.save(true);

    const { idb } = await restart(path);
    idb.installGlobals();
    const again = new IndexedDBStore({ indexedDB: idb.indexedDB, dbName: "sync" });
    await again.startup();
    expect(await again.getSavedSyncToken()).toBe("s72595_4483_1934");
  });

  // ---- Crashes --------------------------------------------------------------------------------

  test("SIGKILL at any moment leaves exactly whole, committed transactions", async () => {
    for (const killAfterMs of [150, 400, 900]) {
      const path = newSqliteFile();
      const reported = await runChildUntilKilled(["crash-writer", path], killAfterMs);
      const { sqlite, idb } = await restart(path);
      const db = await openDb(idb.indexedDB, "crash");
      const batches = new Map<number, number>();
      for (const record of await read<{ batch: number }[]>(db, "rows", (s) => s.getAll())) {
        batches.set(record.batch, (batches.get(record.batch) ?? 0) + 1);
      }
      // Every transaction whose completion was seen is there; at most the one in flight beyond it.
      const stored = [...batches.keys()].sort((a, b) => a - b);
      expect(stored).toEqual([...Array(stored.length).keys()]);
      expect(stored.length).toBeGreaterThanOrEqual(reported);
      expect(stored.length).toBeLessThanOrEqual(reported + 1);
      // Each transaction is all or nothing: 20 rows, 5 records of the store kept in SQL (and their
      // index records), and its counter update.
      for (const count of batches.values()) expect(count).toBe(20);
      const inSql = await read<{ batch: number }[]>(db, "inbound_group_sessions3", (s) => s.getAll());
      expect(inSql.length).toBe(stored.length * 5);
      for (const batch of stored) {
        expect(await read(db, "inbound_group_sessions3", (s) => s.index("batch").count(batch))).toBe(5);
      }
      expect(rowCount(sqlite, "idb_ordered_index_records")).toBe(stored.length * 5);
      expect(await read(db, "meta", (s) => s.get("batches"))).toBe(stored.length === 0 ? undefined : stored.length);
      expect(reported).toBeGreaterThan(0);
      sqlite.close();
    }
  }, 60_000);
});

type Logger = NonNullable<ICreateClientOpts["logger"]>;
const silent: Logger = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  getChild: () => silent,
};

/** A bot start as the Matrix transport does it: restore IndexedDB from SQLite, then initRustCrypto (no server needed). */
async function startCrypto(path: string, storageKey: Uint8Array): Promise<MatrixClient> {
  const idb = await openPersistentIndexedDB(openSqlite(path));
  idb.installGlobals();
  const client = createClient({ baseUrl: "http://127.0.0.1:1", userId: "@bot:test", deviceId: "DEV1", logger: silent });
  await client.initRustCrypto({ storageKey });
  return client;
}

// ---- Child processes ------------------------------------------------------------------------------

const childScript = join(repoRoot, "test/transport/matrix/idb-sqlite.child.ts");
// Node strips the types of the child's .ts files; the hook maps the ".js" import specifiers of the sources to their ".ts" files.
const resolveTsHook = `data:text/javascript,${encodeURIComponent(
  `import { registerHooks } from "node:module";
   registerHooks({ resolve(specifier, context, next) {
     try { return next(specifier, context); }
     catch (error) { if (/^\\.\\.?\\//.test(specifier) && specifier.endsWith(".js")) return next(specifier.slice(0, -3) + ".ts", context); throw error; }
   } });`,
)}`;

function childArgs(args: string[]): string[] {
  return ["--experimental-strip-types", "--no-warnings", "--import", resolveTsHook, childScript, ...args];
}

/** Runs the child, counts its "committed" lines, SIGKILLs it after `killAfterMs`; resolves with the count. */
function runChildUntilKilled(args: string[], killAfterMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, childArgs(args), { stdio: ["ignore", "pipe", "pipe"] });
    let committed = 0;
    let ready = false;
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      for (const line of chunk.split("\n")) {
        if (line === "ready" && !ready) {
          ready = true;
          setTimeout(() => child.kill("SIGKILL"), killAfterMs);
        }
        if (line === "committed") committed++;
      }
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("exit", (_code, signal) => {
      if (signal === "SIGKILL") resolve(committed);
      else reject(new Error(`child exited without being killed: ${stderr}`));
    });
  });
}
