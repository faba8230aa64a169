import type { Db } from "../../src/platform/db.js";
import { nextNumber } from "../../src/platform/next-number.js";
import { perDb } from "../../src/platform/per-db.js";

/** A meeting-time poll: its slots (meeting starts, earliest first), and how it ended. */
export interface MeetingFind {
  id: number;
  roomId: string;
  number: number;
  slots: number[];
  offline: boolean;
  openedAt: number;
  closesAt: number | null;
  closedAt: number | null;
  /** Slot numbers (1-based) tied at the close, until a moderator picks one. */
  tied: number[];
  /** The slot number the meeting was scheduled at. */
  chosen: number | null;
}

export interface SlotAnswer {
  voter: string;
  slots: number[];
}

interface Row {
  id: number;
  room_id: string;
  number: number;
  slots: string;
  offline: number;
  opened_at: number;
  closes_at: number | null;
  closed_at: number | null;
  tied: string | null;
  chosen: number | null;
}

const hydrate = (r: Row): MeetingFind => ({
  id: r.id,
  roomId: r.room_id,
  number: r.number,
  slots: JSON.parse(r.slots) as number[],
  offline: r.offline === 1,
  openedAt: r.opened_at,
  closesAt: r.closes_at,
  closedAt: r.closed_at,
  tied: r.tied === null ? [] : (JSON.parse(r.tied) as number[]),
  chosen: r.chosen,
});

const statements = perDb((db: Db) => ({
  insert: db.prepare(
    "INSERT INTO meeting_finds (room_id, number, slots, offline, opened_at, closes_at) VALUES (?, ?, ?, ?, ?, ?)",
  ),
  get: db.prepare("SELECT * FROM meeting_finds WHERE room_id = ? AND number = ?"),
  close: db.prepare("UPDATE meeting_finds SET closed_at = ?, tied = ? WHERE id = ? AND closed_at IS NULL"),
  choose: db.prepare("UPDATE meeting_finds SET chosen = ?, tied = NULL WHERE id = ? AND chosen IS NULL"),
  answer: db.prepare(
    `INSERT INTO meeting_find_answers (find_id, voter, slots, answered_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (find_id, voter) DO UPDATE SET slots = excluded.slots, answered_at = excluded.answered_at
     WHERE excluded.answered_at >= meeting_find_answers.answered_at`,
  ),
  answers: db.prepare("SELECT voter, slots FROM meeting_find_answers WHERE find_id = ? ORDER BY answered_at, voter"),
  names: db.prepare("SELECT show_names FROM meeting_find_names WHERE room_id = ?").pluck(),
  setNames: db.prepare(
    "INSERT INTO meeting_find_names (room_id, show_names) VALUES (?, ?) ON CONFLICT (room_id) DO UPDATE SET show_names = excluded.show_names",
  ),
}));

/** Each room's meeting-time polls, the members' latest answers, and whether a close names who cannot come. */
export const meetingFinds = perDb((db: Db) => {
  const s = statements(db);
  const one = (row: unknown) => (row ? hydrate(row as Row) : undefined);
  return {
    open(roomId: string, slots: readonly number[], offline: boolean, now: number, closesAt: number | null) {
      const number = nextNumber(db, "meeting_finds", "room_id", roomId);
      s.insert.run(roomId, number, JSON.stringify(slots), offline ? 1 : 0, now, closesAt);
      return one(s.get.get(roomId, number))!;
    },
    get: (roomId: string, number: number) => one(s.get.get(roomId, number)),
    /** False when it was closed already (the deadline and a moderator may race). */
    close: (find: MeetingFind, now: number, tied: readonly number[]) =>
      s.close.run(now, tied.length > 0 ? JSON.stringify(tied) : null, find.id).changes === 1,
    choose: (find: MeetingFind, slot: number) => s.choose.run(slot, find.id).changes === 1,
    /** A member's latest answer replaces the earlier one; an answer older than the one kept is dropped. */
    answer: (find: MeetingFind, voter: string, slots: readonly number[], at: number) =>
      void s.answer.run(find.id, voter, JSON.stringify(slots), at),
    answers: (find: MeetingFind): SlotAnswer[] =>
      (s.answers.all(find.id) as { voter: string; slots: string }[]).map((r) => ({
        voter: r.voter,
        slots: JSON.parse(r.slots) as number[],
      })),
    showNames: (roomId: string) => s.names.get(roomId) === 1,
    setShowNames: (roomId: string, show: boolean) => void s.setNames.run(roomId, show ? 1 : 0),
  };
});

export type MeetingFinds = ReturnType<typeof meetingFinds>;
