/**
 * Forgetting reaches the Matrix client's sync cache: matrix-js-sdk's real IndexedDBStore, on the
 * SQLite-backed IndexedDB Tandem gives it, holds a member who left; after the purge neither her id
 * nor her display name is in any idb_records value, and the store still starts from what it saved.
 */
import { UserId, type OlmMachine } from "@matrix-org/matrix-sdk-crypto-wasm";
import { createClient, IndexedDBStore } from "matrix-js-sdk";
import { pino } from "pino";
import { clientStores } from "../../../src/transport/matrix/client-stores.js";
import { openPersistentIndexedDB } from "../../../src/transport/matrix/idb-sqlite.js";
import { openMigrated } from "../../support/db.js";

const ROOM = "!cell:test.org";
const OTHER = "!other:test.org";
const BOT = "@tandem:test.org";
const ZOE = "@zyxmarker:test.org";
const ZOE_NAME = "Zoë Quintanilla";
const BO = "@bo:test.org";

const member = (userId: string, membership: string, extra: Record<string, unknown> = {}) => ({
  type: "m.room.member",
  state_key: userId,
  sender: userId,
  event_id: `$${membership}-${userId}`,
  origin_server_ts: 1,
  content: {
    membership,
    ...(membership === "join" ? { displayname: { [ZOE]: ZOE_NAME, [BO]: "Bo" }[userId] ?? "Tandem" } : {}),
  },
  ...extra,
});

const joined = (events: unknown[], timeline: unknown[], readers: string[]) => ({
  state: { events },
  timeline: { events: timeline, prev_batch: "p1", limited: false },
  ephemeral: {
    events: [
      { type: "m.receipt", content: { $m1: { "m.read": Object.fromEntries(readers.map((r) => [r, { ts: 2 }])) } } },
    ],
  },
  summary: { "m.heroes": readers, "m.joined_member_count": 2 },
  account_data: { events: [] },
  unread_notifications: {},
});

/** A cell where Zoë joined, wrote and left (her leave event still carries her name in prev_content), and Bo stays. */
function syncWhereZoeLeft(nextBatch: string) {
  return {
    next_batch: nextBatch,
    rooms: {
      join: {
        [ROOM]: joined(
          [member(BOT, "join"), member(BO, "join")],
          [
            member(ZOE, "join"),
            {
              type: "m.room.encrypted",
              sender: ZOE,
              event_id: "$m1",
              origin_server_ts: 2,
              content: { algorithm: "m.megolm.v1.aes-sha2", ciphertext: "x" },
            },
            member(ZOE, "leave", {
              event_id: "$left",
              unsigned: { prev_content: { membership: "join", displayname: ZOE_NAME } },
            }),
          ],
          [ZOE, BO],
        ),
        [OTHER]: joined(
          [member(BOT, "join"), member(BO, "join")],
          [{ type: "m.room.message", sender: BO, event_id: "$m2", origin_server_ts: 2, content: { body: "hi" } }],
          [BO],
        ),
      },
      invite: {},
      leave: {},
      knock: {},
    },
    account_data: { events: [] },
    presence: { events: [] },
  };
}

async function syncStore() {
  const opened = openMigrated();
  const idb = await openPersistentIndexedDB(opened.db);
  idb.installGlobals();
  const store = new IndexedDBStore({ indexedDB: idb.indexedDB as never, dbName: "tandem-sync" });
  await store.startup();
  return { opened, idb, store };
}

/** Every persisted key and value of the client's IndexedDB, as the bytes SQLite holds (V8 strings are Latin-1 or UTF-16). */
function heldIn(db: ReturnType<typeof openMigrated>["db"], text: string): boolean {
  const values = db
    .prepare("SELECT key FROM idb_records UNION ALL SELECT value FROM idb_records")
    .pluck()
    .all() as Buffer[];
  return values.some((v) => v.includes(Buffer.from(text, "latin1")) || v.includes(Buffer.from(text, "utf16le")));
}

describe("Matrix client stores: forgetting a member who left", () => {
  it("drops her membership, timeline, receipts and hero place from the cached room, and writes it back at once", async () => {
    const { opened, store } = await syncStore();
    try {
      await store.setSyncData(syncWhereZoeLeft("s1") as never);
      await store.save(true);
      expect([heldIn(opened.db, ZOE), heldIn(opened.db, ZOE_NAME)]).toEqual([true, true]);

      const stores = clientStores({ store, log: pino({ level: "silent" }), sharesAnotherRoom: () => false });
      expect(await stores.purge(ROOM, ZOE)).toBe(true);
      expect([heldIn(opened.db, ZOE), heldIn(opened.db, ZOE_NAME)]).toEqual([false, false]);

      // The cache still holds everything else: Bo, his receipt, the other room's timeline.
      const saved = await store.getSavedSync();
      const room = saved!.roomsData.join[ROOM]!;
      expect(room.state!.events.map((e) => e.state_key).sort()).toEqual([BO, BOT]);
      expect(room.summary["m.heroes"]).toEqual([BO]);
      expect(JSON.stringify(room.ephemeral.events)).toContain(BO);
      expect(saved!.roomsData.join[OTHER]!.timeline.events.map((e) => e.event_id)).toEqual(["$m2"]);
      expect(await stores.purge(ROOM, ZOE)).toBe(false);
    } finally {
      opened.close();
    }
  });

  it("keeps the membership of someone still in the room: it is the room's current state", async () => {
    const { opened, store } = await syncStore();
    try {
      await store.setSyncData(syncWhereZoeLeft("s1") as never);
      await store.save(true);
      const stores = clientStores({ store, log: pino({ level: "silent" }), sharesAnotherRoom: () => true });
      await stores.purge(ROOM, BO);
      const saved = await store.getSavedSync();
      expect(saved!.roomsData.join[ROOM]!.state!.events.map((e) => e.state_key)).toContain(BO);
      expect(JSON.stringify(saved!.roomsData.join[ROOM]!.ephemeral.events)).not.toContain(BO);
    } finally {
      opened.close();
    }
  });
});

describe("Matrix client stores: the crypto store's tracked users", () => {
  it("stops following her devices once she shares no room with the bot, and follows everyone else still", async () => {
    const { opened, idb, store } = await syncStore();
    const client = createClient({
      baseUrl: "http://127.0.0.1:1",
      userId: BOT,
      deviceId: "DEV1",
      logger: { ...silentLogger, getChild: () => silentLogger } as never,
    });
    try {
      await client.initRustCrypto({ storageKey: new Uint8Array(32).fill(7), cryptoDatabasePrefix: "tandem" });
      // The sdk tracks every member of an encrypted room it sees; here directly, without a homeserver.
      const machine = (client.getCrypto() as unknown as { olmMachine: OlmMachine }).olmMachine;
      await machine.updateTrackedUsers([new UserId(ZOE), new UserId(BO)]);
      expect([heldIn(opened.db, ZOE), heldIn(opened.db, BO)]).toEqual([true, true]);
      const crypto = { factory: idb.indexedDB, dbName: "tandem::matrix-sdk-crypto" };
      await clientStores({
        store,
        crypto,
        log: pino({ level: "silent" }),
        sharesAnotherRoom: (userId) => userId === BO,
      }).purge(ROOM, BO);
      await clientStores({ store, crypto, log: pino({ level: "silent" }), sharesAnotherRoom: () => false }).purge(
        ROOM,
        ZOE,
      );
      expect([heldIn(opened.db, ZOE), heldIn(opened.db, BO)]).toEqual([false, true]);
    } finally {
      client.stopClient();
      opened.close();
    }
  }, 60_000);
});

const silentLogger = { trace: () => {}, debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
