import type { IDBDatabase as FakeDatabase, IDBFactory as FakeFactory } from "fake-indexeddb";
import type { IndexedDBStore } from "matrix-js-sdk";
import type { Logger } from "pino";
import type { OutsideData, PersonMatch } from "../../kernel/room-data.js";
import { errorForLog } from "../../platform/log.js";

/** Memberships of someone who is still in the room: the room's current state, which every client of it holds. */
const PRESENT = new Set(["join", "invite", "knock"]);

interface CachedEvent {
  sender?: string;
  state_key?: string;
  content?: { membership?: string };
}

/**
 * One joined room in matrix-js-sdk's sync cache (its SyncAccumulator: held in memory, persisted by
 * the IndexedDBStore into Tandem's SQLite file). The sdk has no call to drop a person from it, so
 * these fields of its 43.x shape are read here, and a test on the real sdk keeps them honest.
 */
interface CachedRoom {
  _currentState: Record<string, Record<string, CachedEvent>>;
  _timeline: { event: CachedEvent }[];
  _summary?: Record<string, unknown>;
  _receipts?: {
    unthreadedReadReceipts?: Map<string, unknown>;
    threadedReadReceipts?: Map<string, Map<string, unknown>>;
  };
  _stickyEvents?: { event: CachedEvent }[];
}

const HEROES = "m.heroes";

/**
 * Drops a person from a room's cached state: her membership event once she has left (its
 * `unsigned.prev_content` still carries her display name), the cached timeline when she appears
 * in it (the sdk itself empties it after a gap, and Tandem reads messages from its own inbox),
 * her read receipts, and her place among the room's "heroes". Returns whether anything changed.
 */
export function dropFromCachedRoom(room: CachedRoom, userId: string): boolean {
  let changed = false;
  const members = room._currentState["m.room.member"];
  const membership = members?.[userId]?.content?.membership;
  if (members && membership !== undefined && !PRESENT.has(membership)) {
    delete members[userId];
    changed = true;
  }
  if (room._timeline.some(({ event }) => event.sender === userId || event.state_key === userId)) {
    room._timeline = [];
    changed = true;
  }
  if (room._stickyEvents?.some(({ event }) => event.sender === userId)) {
    room._stickyEvents = room._stickyEvents.filter(({ event }) => event.sender !== userId);
    changed = true;
  }
  const heroes = room._summary?.[HEROES];
  if (Array.isArray(heroes) && heroes.includes(userId)) {
    room._summary![HEROES] = heroes.filter((h) => h !== userId);
    changed = true;
  }
  if (room._receipts?.unthreadedReadReceipts?.delete(userId)) changed = true;
  for (const thread of room._receipts?.threadedReadReceipts?.values() ?? []) if (thread.delete(userId)) changed = true;
  return changed;
}

/** The few IndexedDB calls made here (the transport has no DOM types). */
interface UsersDb {
  transaction(
    stores: string[],
    mode: "readwrite",
  ): {
    objectStore(name: string): { delete(key: string): unknown };
    oncomplete: (() => void) | null;
    onerror: (() => void) | null;
    error: unknown;
  };
}

/** The sdk's store internals this module reaches: the accumulator and the IndexedDB of the local backend. */
interface StoreInternals {
  backend?: {
    syncAccumulator?: { joinRooms?: Record<string, CachedRoom> };
    db?: UsersDb;
  };
}

function isCachedRoom(room: unknown): room is CachedRoom {
  const r = room as Partial<CachedRoom> | undefined;
  return typeof r?._currentState === "object" && Array.isArray(r._timeline);
}

/** Removes her presence event (display name, avatar) from the store's `users` table; the sdk only ever adds there. */
function dropPresence(db: UsersDb, userId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const txn = db.transaction(["users"], "readwrite");
    txn.objectStore("users").delete(userId);
    txn.oncomplete = () => resolve();
    txn.onerror = () => reject(txn.error ?? new Error("the users store refused the deletion"));
  });
}

type FDBFactory = InstanceType<typeof FakeFactory>;
type FDBDatabase = InstanceType<typeof FakeDatabase>;
const TRACKED_USERS = "tracked_users";

/**
 * The Rust crypto store lists each user whose devices it follows under her plain user id
 * (`tracked_users`), and matrix-js-sdk never stops following anyone (leaves are unhandled there). The
 * record is removed once she shares no room with the bot; the running crypto forgets her at the
 * next start, and only a shared room makes it follow her again.
 */
async function untrack(factory: FDBFactory, cryptoDb: string, userId: string): Promise<void> {
  if (!(await factory.databases()).some((d: { name?: string }) => d.name === cryptoDb)) return;
  const db = await new Promise<FDBDatabase>((resolve, reject) => {
    const request = factory.open(cryptoDb);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("the crypto store did not open"));
  });
  try {
    if (!db.objectStoreNames.contains(TRACKED_USERS)) return;
    await new Promise<void>((resolve, reject) => {
      const txn = db.transaction([TRACKED_USERS], "readwrite");
      txn.objectStore(TRACKED_USERS).delete(userId);
      txn.oncomplete = () => resolve();
      txn.onerror = () => reject(txn.error ?? new Error("the crypto store refused the deletion"));
    });
  } finally {
    db.close();
  }
}

export interface ClientStoresDeps {
  store: IndexedDBStore;
  /** The IndexedDB the Rust crypto store lives in, and its database's name. */
  crypto?: { factory: FDBFactory; dbName: string };
  /** Whether the person is in another room the bot is in: there her profile is still the room's state. */
  sharesAnotherRoom(userId: string, roomId: string): boolean;
  log: Logger;
}

/**
 * What the Matrix client keeps about a forgotten person: her membership and messages in the cached
 * room state, her read receipts, and, when she shares no other room with the bot, her presence,
 * profile and place among the users the crypto follows. Written back to SQLite at once. What stays
 * (README, "Forgetting"): her current membership while she is still in the room; state events she
 * sent that are still the room's state; and the Rust crypto store's record of her devices, sealed
 * with matrix.cryptoStoreKey under hashed keys, which the sdk has no call to remove.
 */
export function clientStores(
  deps: ClientStoresDeps,
): OutsideData & { purge(roomId: string, userId: string): Promise<boolean> } {
  const internals = deps.store as unknown as StoreInternals;

  async function purge(roomId: string, userId: string): Promise<boolean> {
    const room = internals.backend?.syncAccumulator?.joinRooms?.[roomId];
    const changed = isCachedRoom(room) && dropFromCachedRoom(room, userId);
    if (!deps.sharesAnotherRoom(userId, roomId)) {
      const db = internals.backend?.db;
      if (db) await dropPresence(db, userId);
      await deps.store.removeUserProfiles([userId]);
      if (deps.crypto) await untrack(deps.crypto.factory, deps.crypto.dbName, userId);
    }
    if (changed) await deps.store.save(true);
    return changed;
  }

  return {
    purge,
    forgetPerson(roomId: string, who: PersonMatch) {
      if (who.userId === null) return;
      purge(roomId, who.userId).catch((err: unknown) =>
        deps.log.error({ err: errorForLog(err) }, "could not purge a forgotten person from the Matrix client's stores"),
      );
    },
    // The bot stays in a wiped room: the room's state is what it needs to keep serving it.
    wipeRoom: () => undefined,
  };
}
