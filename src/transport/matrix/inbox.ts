import type { Db } from "../../platform/db.js";
import { perDb } from "../../platform/per-db.js";

/** An event as it travels in a /sync or /messages response, plus its room. */
export interface RawEvent {
  event_id: string;
  room_id: string;
  sender: string;
  type: string;
  origin_server_ts: number;
  content: Record<string, unknown>;
  state_key?: string;
  unsigned?: Record<string, unknown>;
}

export type InboxState = "pending" | "undecryptable" | "done" | "abandoned";

export interface InboxRow {
  seq: number;
  eventId: string;
  roomId: string;
  sender: string;
  raw: RawEvent;
  state: InboxState;
  undecryptableAt?: number;
}

const WEEK_MS = 7 * 24 * 3600_000;

const statements = perDb((db) => ({
  insert: db.prepare(
    `INSERT OR IGNORE INTO matrix_inbox (event_id, room_id, sender, origin_ts, raw, received_at) VALUES (?, ?, ?, ?, ?, ?)`,
  ),
  known: db.prepare("SELECT 1 FROM matrix_inbox WHERE event_id = ?"),
  open: db.prepare(
    `SELECT seq, event_id, room_id, sender, raw, state, undecryptable_at FROM matrix_inbox
     WHERE state IN ('pending', 'undecryptable') AND held_at IS NULL ORDER BY seq`,
  ),
  hold: db.prepare("UPDATE matrix_inbox SET held_at = coalesce(held_at, ?) WHERE seq = ?"),
  release: db.prepare(
    "UPDATE matrix_inbox SET held_at = NULL WHERE sender = ? AND held_at IS NOT NULL AND state IN ('pending', 'undecryptable')",
  ),
  heldBefore: db.prepare(
    `SELECT seq, room_id, sender FROM matrix_inbox
     WHERE state IN ('pending', 'undecryptable') AND held_at IS NOT NULL AND held_at < ? ORDER BY seq`,
  ),
  finish: db.prepare("UPDATE matrix_inbox SET state = ?, raw = NULL WHERE seq = ?"),
  undecryptable: db.prepare(
    "UPDATE matrix_inbox SET state = 'undecryptable', undecryptable_at = coalesce(undecryptable_at, ?) WHERE seq = ?",
  ),
  anyUndecryptable: db.prepare("SELECT 1 FROM matrix_inbox WHERE state = 'undecryptable' AND held_at IS NULL LIMIT 1"),
  prune: db.prepare("DELETE FROM matrix_inbox WHERE state IN ('done', 'abandoned') AND received_at < ?"),
  pruneSome: db.prepare(
    "DELETE FROM matrix_inbox WHERE seq IN (SELECT seq FROM matrix_inbox WHERE state IN ('done', 'abandoned') AND received_at < ? LIMIT ?)",
  ),
  joinedAt: db.prepare("SELECT joined_at FROM matrix_rooms WHERE room_id = ?"),
  setJoinedAt: db.prepare(
    `INSERT INTO matrix_rooms (room_id, joined_at) VALUES (?, ?)
     ON CONFLICT (room_id) DO UPDATE SET joined_at = max(coalesce(joined_at, 0), excluded.joined_at)`,
  ),
  explained: db.prepare("SELECT unencrypted_explained_at FROM matrix_rooms WHERE room_id = ?"),
  setExplained: db.prepare(
    `INSERT INTO matrix_rooms (room_id, unencrypted_explained_at) VALUES (?, ?)
     ON CONFLICT (room_id) DO UPDATE SET unencrypted_explained_at = excluded.unencrypted_explained_at`,
  ),
}));

/**
 * Deletes closed rows older than a week: a redelivery comes within hours, and the handled marks
 * (kept longer, src/kernel/pruning.ts) still stop one the inbox forgot. Open rows are never pruned.
 * At most `limit` rows at a time; a kernel Pruner, so it runs with the hourly pruning in batches
 * (the first pruning of an old database has years of rows to delete).
 */
export function pruneMatrixInbox(db: Db, now: number, limit: number): number {
  return statements(db).pruneSome.run(now - WEEK_MS, limit).changes;
}

/**
 * The durable record of incoming messages and reactions. Events are written here from the raw sync response,
 * before matrix-js-sdk can persist a sync position past them; a row leaves the open set only
 * after the dispatcher committed its effect (or it was deliberately ignored).
 */
export class Inbox {
  constructor(private readonly db: Db) {}

  /** Records events (already in the database ones are left as they are); returns how many were new. */
  record(events: RawEvent[], now: number): number {
    const s = statements(this.db);
    return this.db.transaction(() =>
      events.reduce(
        (added, e) =>
          added + s.insert.run(e.event_id, e.room_id, e.sender, e.origin_server_ts, JSON.stringify(e), now).changes,
        0,
      ),
    )();
  }

  knows(eventId: string): boolean {
    return statements(this.db).known.get(eventId) !== undefined;
  }

  open(): InboxRow[] {
    const rows = statements(this.db).open.all() as {
      seq: number;
      event_id: string;
      room_id: string;
      sender: string;
      raw: string;
      state: InboxState;
      undecryptable_at: number | null;
    }[];
    return rows.map((r) => ({
      seq: r.seq,
      eventId: r.event_id,
      roomId: r.room_id,
      sender: r.sender,
      raw: JSON.parse(r.raw) as RawEvent,
      state: r.state,
      ...(r.undecryptable_at !== null ? { undecryptableAt: r.undecryptable_at } : {}),
    }));
  }

  /** Closes a row; its content is dropped, only the event id stays (to recognise a redelivery). */
  finish(seq: number, state: "done" | "abandoned"): void {
    statements(this.db).finish.run(state, seq);
  }

  /** Keeps a row out of the open set, unhandled, until its sender is released (or it is dropped). */
  hold(seq: number, now: number): void {
    statements(this.db).hold.run(now, seq);
  }

  /** Puts everything held of a sender back into the open set; returns how many rows. */
  release(sender: string): number {
    return statements(this.db).release.run(sender).changes;
  }

  /** Rows held since before `time`, oldest first. */
  heldBefore(time: number): { seq: number; roomId: string; sender: string }[] {
    return (statements(this.db).heldBefore.all(time) as { seq: number; room_id: string; sender: string }[]).map(
      (r) => ({ seq: r.seq, roomId: r.room_id, sender: r.sender }),
    );
  }

  hasUndecryptable(): boolean {
    return statements(this.db).anyUndecryptable.get() !== undefined;
  }

  markUndecryptable(seq: number, now: number): void {
    statements(this.db).undecryptable.run(now, seq);
  }

  prune(now: number): void {
    statements(this.db).prune.run(now - WEEK_MS);
  }

  joinedAt(roomId: string): number | undefined {
    const row = statements(this.db).joinedAt.get(roomId) as { joined_at: number | null } | undefined;
    return row?.joined_at ?? undefined;
  }

  recordJoin(roomId: string, joinedAt: number): void {
    statements(this.db).setJoinedAt.run(roomId, joinedAt);
  }

  wasExplainedUnencrypted(roomId: string): boolean {
    const row = statements(this.db).explained.get(roomId) as { unencrypted_explained_at: number | null } | undefined;
    return row?.unencrypted_explained_at != null;
  }

  markExplainedUnencrypted(roomId: string, now: number): void {
    statements(this.db).setExplained.run(roomId, now);
  }
}
