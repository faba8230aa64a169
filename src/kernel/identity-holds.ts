import type { Db } from "../platform/db.js";
import { perDb } from "../platform/per-db.js";

/**
 * Members whose cross-signing identity changed (an account reset, or a takeover): the transport
 * notices the change and holds their messages; a moderator of the room approves the new identity
 * (`!trust`); the transport then pins it and runs what it held. Shared by both sides, so it lives
 * in the kernel; the approval counts for the person in every room, since an identity is hers, not
 * a room's.
 */
/** The transport's signal that a member's identity changed in a room (see `IncomingEvent.local`). */
export const IDENTITY_CHANGED = "tandem.local.identity_changed";

const statements = perDb((db: Db) => ({
  open: db.prepare("INSERT OR IGNORE INTO identity_holds (room_id, user_id, since) VALUES (?, ?, ?)"),
  awaiting: db.prepare("SELECT since FROM identity_holds WHERE room_id = ? AND user_id = ? AND approved_at IS NULL"),
  approve: db.prepare(
    "UPDATE identity_holds SET approved_by = ?, approved_at = ? WHERE room_id = ? AND user_id = ? AND approved_at IS NULL",
  ),
  approved: db.prepare("SELECT DISTINCT user_id FROM identity_holds WHERE approved_at IS NOT NULL ORDER BY user_id"),
  closeUser: db.prepare("DELETE FROM identity_holds WHERE user_id = ?"),
  closeRoom: db.prepare("DELETE FROM identity_holds WHERE room_id = ? AND user_id = ?"),
}));

export const identityHolds = (db: Db) => {
  const s = statements(db);
  return {
    /** Records that the room was told; false when it already was (the change is not told twice). */
    open: (roomId: string, userId: string, now: number): boolean => s.open.run(roomId, userId, now).changes === 1,
    /** Since when the room waits for a moderator to trust the person's new identity; undefined if it does not. */
    awaiting: (roomId: string, userId: string): number | undefined =>
      (s.awaiting.get(roomId, userId) as { since: number } | undefined)?.since,
    approve: (roomId: string, userId: string, by: string, now: number): boolean =>
      s.approve.run(by, now, roomId, userId).changes === 1,
    /** People whose new identity a moderator approved and the transport has not pinned yet. */
    approved: (): string[] => s.approved.pluck().all() as string[],
    /** The new identity is pinned: nothing is held for the person anywhere any more. */
    closeUser: (userId: string): void => void s.closeUser.run(userId),
    /** What the room held of the person was dropped; a later message opens (and tells) it again. */
    closeRoom: (roomId: string, userId: string): void => void s.closeRoom.run(roomId, userId),
  };
};
