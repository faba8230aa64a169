import type { Doc } from "../doc.js";
import type { OutgoingMessage } from "../port.js";
import type { Db } from "../../platform/db.js";
import { perDb } from "../../platform/per-db.js";

interface Row {
  id: number;
  room_id: string;
  key: string;
  kind: "reply" | "notice";
  doc: string;
  reply_to: string | null;
  thread_root: string | null;
  attempts: number;
  next_attempt_at: number;
}

const statements = perDb((db) => ({
  insert: db.prepare(
    `INSERT OR IGNORE INTO outbox (room_id, key, kind, doc, reply_to, thread_root, ref, created_at)
     VALUES (@roomId, @key, @kind, @doc, @replyTo, @threadRoot, @ref, @now)`,
  ),
  pending: db.prepare(
    `SELECT id, room_id, key, kind, doc, reply_to, thread_root, attempts, next_attempt_at FROM outbox
     WHERE sent_at IS NULL AND failed_at IS NULL AND id > ? ORDER BY id LIMIT ?`,
  ),
  // Once delivered, a reply's text is not needed any more (the key still guards against repeats):
  // emptying it keeps cell data out of the outbox.
  sent: db.prepare(
    `UPDATE outbox SET sent_at = ?, event_id = ?, last_error = NULL, doc = '{"blocks":[]}' WHERE id = ?`,
  ),
  // Room-scoped: a reaction in one room can never reach a message (or a plan) of another.
  delivered: db.prepare(
    "SELECT ref, thread_root FROM outbox WHERE room_id = ? AND event_id = ? AND sent_at IS NOT NULL",
  ),
  eventByRef: db
    .prepare("SELECT event_id FROM outbox WHERE room_id = ? AND ref = ? AND event_id IS NOT NULL ORDER BY id LIMIT 1")
    .pluck(),
  retry: db.prepare("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?"),
  // A message that can never be delivered keeps its error code for the operator, not its text.
  failed: db.prepare(`UPDATE outbox SET failed_at = ?, last_error = ?, doc = '{"blocks":[]}' WHERE id = ?`),
}));

export interface NewMessage {
  roomId: string;
  key: string;
  kind: "reply" | "notice";
  doc: Doc;
  replyToEventId?: string;
  threadRootId?: string;
  /** What the message is about (e.g. "careplan:3"), kept after delivery so reactions to it can be understood. */
  ref?: string;
}

/** Queues a message; a second message with the same key is ignored, which keeps scheduled posts single. */
export function enqueue(db: Db, message: NewMessage, now: number): void {
  statements(db).insert.run({
    roomId: message.roomId,
    key: message.key,
    kind: message.kind,
    doc: JSON.stringify(message.doc),
    replyTo: message.replyToEventId ?? null,
    threadRoot: message.threadRootId ?? null,
    ref: message.ref ?? null,
    now,
  });
}

export interface PendingMessage extends OutgoingMessage {
  attempts: number;
  nextAttemptAt: number;
}

/** Undelivered messages in order, a page at a time: those after the message `afterId`. */
export function pendingMessages(db: Db, afterId = 0, limit = 100): PendingMessage[] {
  const rows = statements(db).pending.all(afterId, limit) as Row[];
  return rows.map((r) => ({
    id: r.id,
    roomId: r.room_id,
    key: r.key,
    kind: r.kind,
    doc: JSON.parse(r.doc) as Doc,
    ...(r.reply_to ? { replyToEventId: r.reply_to } : {}),
    ...(r.thread_root ? { threadRootId: r.thread_root } : {}),
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
  }));
}

/** Marks a message delivered, with the event id the homeserver gave it (console and tests have none). */
export function markSent(db: Db, id: number, now: number, eventId?: string): void {
  statements(db).sent.run(now, eventId ?? null, id);
}

export interface DeliveredMessage {
  ref?: string;
  threadRootId?: string;
}

/** A message of the bot in this room, found by the event it became; undefined if the bot did not send it. */
export function deliveredMessage(db: Db, roomId: string, eventId: string): DeliveredMessage | undefined {
  const row = statements(db).delivered.get(roomId, eventId) as
    | { ref: string | null; thread_root: string | null }
    | undefined;
  if (!row) return undefined;
  return { ...(row.ref ? { ref: row.ref } : {}), ...(row.thread_root ? { threadRootId: row.thread_root } : {}) };
}

/** The event the first delivered message about `ref` became (a poll's start, for its end). */
export function deliveredEventOf(db: Db, roomId: string, ref: string): string | undefined {
  return (statements(db).eventByRef.get(roomId, ref) as string | undefined) ?? undefined;
}

export function markRetry(db: Db, id: number, nextAttemptAt: number, error: string): void {
  statements(db).retry.run(nextAttemptAt, error, id);
}

export function markFailed(db: Db, id: number, now: number, error: string): void {
  statements(db).failed.run(now, error, id);
}
