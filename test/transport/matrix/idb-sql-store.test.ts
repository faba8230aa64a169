// The IndexedDB API is untyped here (no DOM lib): `any` is allowed in this file (see biome.jsonc).
import Database from "better-sqlite3-multiple-ciphers";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openPersistentIndexedDB } from "../../../src/transport/matrix/idb-sqlite.js";
import * as Rust from "@matrix-org/matrix-sdk-crypto-wasm";
import { IDBKeyRange } from "fake-indexeddb";
import { encodeIdbKey } from "../../../src/transport/matrix/idb/key-codec.js";
import { OrderedSql } from "../../../src/transport/matrix/idb/ordered-sql.js";
import { SqlRecords } from "../../../src/transport/matrix/idb/sql-records.js";
import { IdbSqliteStore } from "../../../src/transport/matrix/idb/sqlite-store.js";
import { serializeValue } from "../../../src/transport/matrix/idb/value-codec.js";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const migrationSql = ["0003_matrix_idb.sql", "0025_idb_ordered_records.sql"]
  .map((file) => readFileSync(join(repoRoot, "migrations", file), "utf8"))
  .join("\n");
const ROOM_KEYS = "inbound_group_sessions3";

const dirs: string[] = [];
const openDbs: Database.Database[] = [];

function openSqlite(path: string): Database.Database {
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  openDbs.push(db);
  return db;
}

function newSqliteFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "tandem-idb-sql-store-"));
  dirs.push(dir);
  const path = join(dir, "tandem.sqlite");
  openSqlite(path).exec(migrationSql);
  return path;
}

afterEach(() => {
  for (const db of openDbs.splice(0)) if (db.open) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function request<T = any>(req: any): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error);
  });
}

function completion(tx: any): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error("aborted"));
  });
}

function openDb(factory: any, name: string, version?: number, upgrade?: (db: any, tx: any) => void): Promise<any> {
  const req = version === undefined ? factory.open(name) : factory.open(name, version);
  req.onupgradeneeded = () => upgrade?.(req.result, req.transaction);
  return request(req);
}

async function write(db: any, work: (store: any, tx: any) => void, store = ROOM_KEYS): Promise<void> {
  const tx = db.transaction(store, "readwrite");
  work(tx.objectStore(store), tx);
  await completion(tx);
}

const read = <T = any>(db: any, work: (store: any) => any, store = ROOM_KEYS): Promise<T> =>
  request<T>(work(db.transaction(store, "readonly").objectStore(store)));

/** The values an index cursor over `key` meets, up to `limit` of them, in one readonly transaction. */
function walkValues(db: any, index: string, key: unknown, limit = Number.POSITIVE_INFINITY): Promise<any[]> {
  const values: any[] = [];
  return new Promise((resolve, reject) => {
    const cursor = db.transaction(ROOM_KEYS, "readonly").objectStore(ROOM_KEYS).index(index).openCursor(key);
    cursor.onerror = () => reject(cursor.error);
    cursor.onsuccess = () => {
      if (!cursor.result || values.length >= limit) return resolve(values);
      values.push(cursor.result.value);
      cursor.result.continue();
    };
  });
}

/**
 * Where the record of `key` is: in SQLite only (the store and its indexes are SQL record sets with
 * nothing pending), in memory (fake-indexeddb's own record set, or a change not yet committed), or nowhere.
 */
function heldIn(db: any, key: unknown, store = ROOM_KEYS): "memory" | "sqlite" | "absent" {
  const raw = db._rawDatabase.rawObjectStores.get(store);
  if (raw.records.get(key) === undefined) return "absent";
  const sets = [raw.records, ...[...raw.rawIndexes.values()].map((index: any) => index.records)];
  return sets.every((set) => set instanceof SqlRecords && !set.hasPending) ? "sqlite" : "memory";
}

const session = (id: string, room: string, pickle = "x".repeat(2_000)) => ({ id, room, pickle, needsBackup: 1 });
const createRoomKeys = (d: any) => {
  const store = d.createObjectStore(ROOM_KEYS, { keyPath: "id" });
  store.createIndex("byRoom", "room");
  d.createObjectStore("devices");
};

describe("SQLite-backed IndexedDB: room keys kept in SQL, not in memory", () => {
  test("a committed room key leaves memory; gets, index queries, cursors and counts still see it", async () => {
    const { indexedDB } = await openPersistentIndexedDB(openSqlite(newSqliteFile()));
    const db = await openDb(indexedDB, "crypto", 1, createRoomKeys);
    await write(db, (s) => ["a", "b", "c"].forEach((id, i) => s.put(session(id, i < 2 ? "!one" : "!two"))));
    await write(db, (s) => s.put({ small: true }, "device"), "devices");
    expect(["a", "b", "c"].map((key) => heldIn(db, key))).toEqual(["sqlite", "sqlite", "sqlite"]);
    expect(heldIn(db, "device", "devices")).toBe("memory");
    expect(await read(db, (s) => s.get("b"))).toEqual(session("b", "!one"));
    expect((await read<any[]>(db, (s) => s.index("byRoom").getAll("!one"))).map((v) => v.id)).toEqual(["a", "b"]);
    expect(await read(db, (s) => s.count())).toBe(3);
    const seen: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const cursor = db.transaction(ROOM_KEYS, "readonly").objectStore(ROOM_KEYS).openCursor();
      cursor.onerror = () => reject(cursor.error);
      cursor.onsuccess = () => {
        if (!cursor.result) return resolve();
        seen.push(`${cursor.result.value.id}:${cursor.result.value.pickle.length}`);
        cursor.result.continue();
      };
    });
    expect(seen).toEqual(["a:2000", "b:2000", "c:2000"]);
  });

  test("updates, deletions and index moves read the value SQLite holds", async () => {
    const { indexedDB } = await openPersistentIndexedDB(openSqlite(newSqliteFile()));
    const db = await openDb(indexedDB, "crypto", 1, createRoomKeys);
    await write(db, (s) => ["a", "b"].forEach((id) => s.put(session(id, "!one"))));
    await write(db, (s) => {
      s.put(session("a", "!two", "new"));
      s.delete("b");
    });
    expect([heldIn(db, "a"), heldIn(db, "b")]).toEqual(["sqlite", "absent"]);
    expect(await read(db, (s) => s.get("a"))).toEqual(session("a", "!two", "new"));
    expect(await read(db, (s) => s.index("byRoom").count("!one"))).toBe(0);
    expect(await read(db, (s) => s.index("byRoom").getKey("!two"))).toBe("a");
  });

  test("an aborted change, even a clear, leaves the committed values readable, now and after a later commit", async () => {
    const { indexedDB } = await openPersistentIndexedDB(openSqlite(newSqliteFile()));
    const db = await openDb(indexedDB, "crypto", 1, createRoomKeys);
    await write(db, (s) => ["a", "b"].forEach((id) => s.put(session(id, "!one"))));
    for (const change of [(s: any) => s.put(session("a", "!two", "aborted")), (s: any) => s.clear()]) {
      await expect(
        write(db, (s, tx) => {
          change(s);
          request(s.count()).then(
            () => tx.abort(),
            () => undefined,
          );
        }),
      ).rejects.toBeDefined();
    }
    await write(db, (s) => s.put(session("c", "!one")));
    expect((await read<any[]>(db, (s) => s.getAll())).map((v) => `${v.id}:${v.room}:${v.pickle.length}`)).toEqual([
      "a:!one:2000",
      "b:!one:2000",
      "c:!one:2000",
    ]);
    expect(await read(db, (s) => s.index("byRoom").count("!one"))).toBe(3);
  });

  test("after a restart the room keys are restored with their indexes, and stay in SQLite", async () => {
    const path = newSqliteFile();
    const first = await openPersistentIndexedDB(openSqlite(path));
    const db = await openDb(first.indexedDB, "crypto", 1, createRoomKeys);
    await write(db, (s) => ["a", "b", "c"].forEach((id, i) => s.put(session(id, i < 2 ? "!one" : "!two"))));
    db.close();
    const again = await openDb((await openPersistentIndexedDB(openSqlite(path))).indexedDB, "crypto");
    expect(["a", "b", "c"].map((key) => heldIn(again, key))).toEqual(["sqlite", "sqlite", "sqlite"]);
    expect((await read<any[]>(again, (s) => s.index("byRoom").getAll("!two"))).map((v) => v.id)).toEqual(["c"]);
    expect(await read(again, (s) => s.get("a"))).toEqual(session("a", "!one"));
  });

  test("an upgrade that renames the room keys' store takes their values along, into memory", async () => {
    const path = newSqliteFile();
    const first = await openPersistentIndexedDB(openSqlite(path));
    const db = await openDb(first.indexedDB, "crypto", 1, createRoomKeys);
    await write(db, (s) => ["a", "b"].forEach((id) => s.put(session(id, "!one"))));
    db.close();
    const renamed = await openDb(
      first.indexedDB,
      "crypto",
      2,
      (_d, tx) => (tx.objectStore(ROOM_KEYS).name = "old_sessions"),
    );
    expect(heldIn(renamed, "a", "old_sessions")).toBe("memory");
    expect(await read(renamed, (s) => s.get("a"), "old_sessions")).toEqual(session("a", "!one"));
    renamed.close();
    const again = await openDb((await openPersistentIndexedDB(openSqlite(path))).indexedDB, "crypto");
    expect((await read<any[]>(again, (s) => s.getAll(), "old_sessions")).map((v) => v.id)).toEqual(["a", "b"]);
  });

  test("an upgrade that adds, renames and deletes indexes of the room keys' store keeps their SQL rows right", async () => {
    const path = newSqliteFile();
    const first = await openPersistentIndexedDB(openSqlite(path));
    const v1 = await openDb(first.indexedDB, "crypto", 1, (d, tx) => {
      createRoomKeys(d);
      tx.objectStore(ROOM_KEYS).createIndex("byBackup", "needsBackup");
    });
    await write(v1, (s) => ["a", "b", "c"].forEach((id, i) => s.put(session(id, i < 2 ? "!one" : "!two"))));
    v1.close();
    const v2 = await openDb(first.indexedDB, "crypto", 2, (_d, tx) => {
      const store = tx.objectStore(ROOM_KEYS);
      store.deleteIndex("byBackup");
      store.index("byRoom").name = "room";
      store.createIndex("pickle", "pickle");
      store.put(session("d", "!two", "short"));
    });
    const check = async (db: any) => {
      expect((await read<any[]>(db, (s) => s.index("room").getAll("!two"))).map((v) => v.id)).toEqual(["c", "d"]);
      expect(await read(db, (s) => s.index("pickle").getKey("short"))).toBe("d");
      expect(await read(db, (s) => s.index("pickle").count())).toBe(4);
      expect([...db.transaction(ROOM_KEYS).objectStore(ROOM_KEYS).indexNames]).toEqual(["pickle", "room"]);
      expect(["a", "d"].map((key) => heldIn(db, key))).toEqual(["sqlite", "sqlite"]);
    };
    await check(v2);
    v2.close();
    const indexRows = openSqlite(path).prepare("SELECT idx, count(*) AS n FROM idb_ordered_index_records GROUP BY idx");
    expect(indexRows.all()).toEqual([
      { idx: "pickle", n: 4 },
      { idx: "room", n: 4 },
    ]);
    const again = (await openPersistentIndexedDB(openSqlite(path))).indexedDB;
    const v2again = await openDb(again, "crypto");
    await check(v2again);
    v2again.close();
    // An upgrade that changes them and aborts leaves them as they were.
    await expect(
      openDb(again, "crypto", 3, (_d, tx) => {
        const store = tx.objectStore(ROOM_KEYS);
        store.clear();
        store.deleteIndex("room");
        store.put(session("e", "!two"));
        tx.abort();
      }),
    ).rejects.toBeDefined();
    await check(await openDb(again, "crypto"));
  });

  test("a file of the version before moves its room keys and their index records into the ordered tables, once", async () => {
    const path = newSqliteFile();
    const sqlite = openSqlite(path);
    // As the mirror before migration 0025 wrote them: records in idb_records, no index rows.
    const legacy = new IdbSqliteStore(sqlite);
    legacy.inTransaction(() => {
      legacy.replaceSchema("crypto", 1, [
        {
          name: ROOM_KEYS,
          keyPath: "id",
          autoIncrement: false,
          keyGenerator: 0,
          indexes: [{ name: "byRoom", keyPath: "room", unique: false, multiEntry: false }],
        },
      ]);
      for (const [id, room] of [
        ["a", "!one"],
        ["b", "!two"],
        ["c", "!one"],
      ] as const) {
        legacy.putRecord("crypto", ROOM_KEYS, encodeIdbKey(id), serializeValue(session(id, room)));
      }
    });
    const rows = (table: string) => sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    const db = await openDb((await openPersistentIndexedDB(sqlite)).indexedDB, "crypto");
    expect([rows("idb_records"), rows("idb_ordered_records"), rows("idb_ordered_index_records")]).toEqual([0, 3, 3]);
    expect(["a", "b", "c"].map((key) => heldIn(db, key))).toEqual(["sqlite", "sqlite", "sqlite"]);
    expect((await read<any[]>(db, (s) => s.index("byRoom").getAll("!one"))).map((v) => v.id)).toEqual(["a", "c"]);
    expect(await read(db, (s) => s.get("b"))).toEqual(session("b", "!two"));
    db.close();
    const again = await openDb((await openPersistentIndexedDB(openSqlite(path))).indexedDB, "crypto");
    expect(await read(again, (s) => s.count())).toBe(3);
  });

  test("an index cursor walking thousands of records that share one key reads each row about once, both ways", async () => {
    const { indexedDB } = await openPersistentIndexedDB(openSqlite(newSqliteFile()));
    const db = await openDb(indexedDB, "crypto", 1, (d) =>
      d.createObjectStore(ROOM_KEYS).createIndex("backup", "needsBackup"),
    );
    await write(db, (s) => {
      for (let n = 0; n < 1200; n++) s.put({ needsBackup: n % 3 === 0 ? 0 : 1 }, `session-${1000 + n}`);
    });
    const page = OrderedSql.prototype.page;
    let rowsRead = 0;
    let pagesRead = 0;
    OrderedSql.prototype.page = function (...args: Parameters<typeof page>) {
      const rows = page.apply(this, args);
      rowsRead += rows.length;
      pagesRead++;
      return rows;
    };
    try {
      for (const direction of ["next", "prev"]) {
        rowsRead = 0;
        pagesRead = 0;
        const seen: string[] = [];
        await new Promise<void>((resolve, reject) => {
          const store = db.transaction(ROOM_KEYS, "readonly").objectStore(ROOM_KEYS);
          const cursor = store.index("backup").openKeyCursor(1, direction);
          cursor.onerror = () => reject(cursor.error);
          cursor.onsuccess = () => {
            if (!cursor.result) return resolve();
            seen.push(cursor.result.primaryKey);
            cursor.result.continue();
          };
        });
        expect(seen).toHaveLength(800);
        expect(seen).toEqual(direction === "next" ? [...seen].sort() : [...seen].sort().reverse());
        // A walk restarting at the range's start on every step would read ≈ 800²/2 rows.
        expect(rowsRead).toBeLessThan(800 * 3);
        // Pages grow from one step to the next (16, 64, 256…): one query per 16 steps would be 50.
        expect(pagesRead).toBeLessThan(10);
      }
      // A cursor that reads values gets them with its pages: no statement of its own per step.
      const value = OrderedSql.prototype.value;
      let valuesRead = 0;
      OrderedSql.prototype.value = function (...args: Parameters<typeof value>) {
        valuesRead++;
        return value.apply(this, args);
      };
      try {
        rowsRead = 0;
        pagesRead = 0;
        const values = await walkValues(db, "backup", 1);
        expect(values).toHaveLength(800);
        expect(values.every((v) => v.needsBackup === 1)).toBe(true);
        expect(rowsRead).toBeLessThan(800 * 3);
        expect(valuesRead).toBe(0);
        expect(pagesRead).toBeLessThan(20);
      } finally {
        OrderedSql.prototype.value = value;
      }
      // Counting is SQL's: no row is read into memory for it.
      rowsRead = 0;
      expect(await read(db, (s) => s.index("backup").count(1))).toBe(800);
      expect(await read(db, (s) => s.count(IDBKeyRange.lowerBound("session-1600")))).toBe(600);
      expect(rowsRead).toBe(0);
    } finally {
      OrderedSql.prototype.page = page;
    }
  });

  test("a value read ahead with an index page is never answered once its record changed", async () => {
    const { indexedDB } = await openPersistentIndexedDB(openSqlite(newSqliteFile()));
    const db = await openDb(indexedDB, "crypto", 1, (d) =>
      d.createObjectStore(ROOM_KEYS).createIndex("backup", "needsBackup"),
    );
    await write(db, (s) => {
      for (let n = 0; n < 40; n++) s.put({ needsBackup: 1, round: 0 }, `session-${1000 + n}`);
    });
    expect((await walkValues(db, "backup", 1, 3)).map((v) => v.round)).toEqual([0, 0, 0]);
    // The index keys stay as they were: only the store's rows change, in a later transaction.
    await write(db, (s) => s.put({ needsBackup: 1, round: 1 }, "session-1002"));
    expect(await read(db, (s) => s.get("session-1002"))).toEqual({ needsBackup: 1, round: 1 });
    await write(db, (s) => s.put({ needsBackup: 1, round: 2 }, "session-1003"));
    const rounds = (await walkValues(db, "backup", 1)).map((v) => v.round);
    expect(rounds.slice(0, 5)).toEqual([0, 0, 1, 2, 0]);
    expect(rounds).toHaveLength(40);
  });

  test("the Rust crypto imports room keys into the SQL store, restarts on it and decrypts with them", async () => {
    const path = newSqliteFile();
    const storageKey = new Uint8Array(32).fill(3);
    const room = new Rust.RoomId("!cell:test");
    const sender = await Rust.OlmMachine.initialize(new Rust.UserId("@sender:test"), new Rust.DeviceId("SENDER"));
    await sender.shareRoomKey(room, [], new Rust.EncryptionSettings());
    const content = await sender.encryptRoomEvent(
      room,
      "m.room.message",
      JSON.stringify({ body: "hola", msgtype: "m.text" }),
    );
    const exported = await sender.exportRoomKeys(() => true);
    sender.close();
    const event = JSON.stringify({
      type: "m.room.encrypted",
      event_id: "$1",
      sender: "@sender:test",
      origin_server_ts: 1,
      room_id: room.toString(),
      content: JSON.parse(content),
    });
    const startBot = async () => {
      const idb = await openPersistentIndexedDB(openSqlite(path));
      idb.installGlobals();
      const handle = await Rust.StoreHandle.openWithKey("tandem-test", storageKey);
      const bot = await Rust.OlmMachine.initFromStore(new Rust.UserId("@bot:test"), new Rust.DeviceId("BOT"), handle);
      handle.free();
      return bot;
    };
    const first = await startBot();
    await first.importExportedRoomKeys(exported, () => undefined);
    first.close();
    const rows = openSqlite(path).prepare("SELECT count(*) FROM idb_ordered_records WHERE store = ?").pluck();
    expect(rows.get(ROOM_KEYS)).toBe(1);

    const bot = await startBot();
    expect((await bot.roomKeyCounts()).total).toBe(1);
    const decrypted = await bot.decryptRoomEvent(
      event,
      room,
      new Rust.DecryptionSettings(Rust.TrustRequirement.Untrusted),
    );
    expect(JSON.parse(decrypted.event).content.body).toBe("hola");
    bot.close();
  }, 60_000);
});
