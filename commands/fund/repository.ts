import { freshCode } from "../../src/kernel/readable-code.js";
import type { Db } from "../../src/platform/db.js";
import { perDb } from "../../src/platform/per-db.js";
import { nextNumber } from "../../src/platform/next-number.js";
import type { Money } from "./rules/money.js";

export interface Movement {
  number: number;
  direction: "in" | "out";
  currency: string;
  minor: number;
  person: string | null;
  note: string;
  /** A payout waits as 'proposed' until approved ('done'), cancelled or expired; 'undone' took effect and was taken back. */
  status: "proposed" | "done" | "cancelled" | "expired" | "undone";
  request: number | null;
  proposedBy: string;
  proposedAt: number;
  approvedBy: string | null;
  effectiveAt: number | null;
}

export interface SupportRequest {
  number: number;
  roomId: string;
  asker: string;
  currency: string;
  minor: number;
  reason: string;
  status: "waiting" | "granted" | "declined";
  askedAt: number;
  firstGrantBy: string | null;
  decidedBy: string | null;
}

/** One change to a movement: what it was before, who changed it (empty for an expiry) and when. */
export interface Correction {
  movement: number;
  action: "cancel" | "expire" | "undo" | "fix";
  by: string;
  at: number;
  previous: Money & { person: string | null; note: string };
}

export interface Pledge extends Money {
  person: string;
}

const MOVEMENT = `number, direction, currency, minor, person, note, status, request, proposed_by AS proposedBy,
  proposed_at AS proposedAt, approved_by AS approvedBy, effective_at AS effectiveAt`;
const REQUEST = `number, room_id AS roomId, asker, currency, minor, reason, status, asked_at AS askedAt,
  first_grant_by AS firstGrantBy, decided_by AS decidedBy`;

const statements = perDb((db) => ({
  room: db.prepare("SELECT code, keeper_role AS keeperRole FROM fund_rooms WHERE room_id = ?"),
  roomByCode: db.prepare("SELECT room_id FROM fund_rooms WHERE code = ?").pluck(),
  addRoom: db.prepare("INSERT INTO fund_rooms (room_id, code) VALUES (?, ?)"),
  setKeeperRole: db.prepare("UPDATE fund_rooms SET keeper_role = ? WHERE room_id = ?"),
  addMovement: db.prepare(
    `INSERT INTO fund_movements (room_id, number, direction, currency, minor, person, note, status, request, proposed_by, proposed_at, approved_by, effective_at)
     VALUES (@roomId, @number, @direction, @currency, @minor, @person, @note, @status, @request, @proposedBy, @proposedAt, @approvedBy, @effectiveAt)`,
  ),
  movement: db.prepare(`SELECT ${MOVEMENT} FROM fund_movements WHERE room_id = ? AND number = ?`),
  approve: db.prepare(
    "UPDATE fund_movements SET status = 'done', approved_by = ?, effective_at = ? WHERE room_id = ? AND number = ?",
  ),
  setStatus: db.prepare("UPDATE fund_movements SET status = ? WHERE room_id = ? AND number = ?"),
  change: db.prepare(
    "UPDATE fund_movements SET currency = @currency, minor = @minor, person = @person, note = @note WHERE room_id = @roomId AND number = @number",
  ),
  addCorrection: db.prepare(
    `INSERT INTO fund_corrections (room_id, movement, action, by_user, at, previous_currency, previous_minor, previous_person, previous_note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  corrections: db.prepare(
    `SELECT movement, action, by_user AS by, at, previous_currency AS currency, previous_minor AS minor, previous_person AS person, previous_note AS note
     FROM fund_corrections WHERE room_id = ? ORDER BY movement, id`,
  ),
  all: db.prepare(`SELECT ${MOVEMENT} FROM fund_movements WHERE room_id = ? ORDER BY number`),
  done: db.prepare(
    `SELECT ${MOVEMENT} FROM fund_movements WHERE room_id = ? AND status = 'done' ORDER BY effective_at, number`,
  ),
  recent: db.prepare(`SELECT ${MOVEMENT} FROM fund_movements WHERE room_id = ? ORDER BY number DESC LIMIT ?`),
  proposed: db.prepare(
    `SELECT ${MOVEMENT} FROM fund_movements WHERE room_id = ? AND status = 'proposed' ORDER BY number`,
  ),
  between: db.prepare(
    `SELECT ${MOVEMENT} FROM fund_movements WHERE room_id = ? AND status = 'done' AND effective_at >= ? AND effective_at < ? ORDER BY effective_at, number`,
  ),
  setPledge: db.prepare(
    `INSERT INTO fund_pledges (room_id, person, currency, minor, pledged_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (room_id, person, currency) DO UPDATE SET minor = excluded.minor, pledged_at = excluded.pledged_at`,
  ),
  stopPledges: db.prepare("DELETE FROM fund_pledges WHERE room_id = ? AND person = ?"),
  pledges: db.prepare("SELECT person, currency, minor FROM fund_pledges WHERE room_id = ? ORDER BY currency, person"),
  addRequest: db.prepare(
    `INSERT INTO fund_requests (room_id, number, asker, currency, minor, reason, status, asked_at)
     VALUES (@roomId, @number, @asker, @currency, @minor, @reason, 'waiting', @askedAt)`,
  ),
  request: db.prepare(`SELECT ${REQUEST} FROM fund_requests WHERE room_id = ? AND number = ?`),
  waiting: db.prepare(`SELECT ${REQUEST} FROM fund_requests WHERE room_id = ? AND status = 'waiting' ORDER BY number`),
  firstGrant: db.prepare("UPDATE fund_requests SET first_grant_by = ? WHERE room_id = ? AND number = ?"),
  decide: db.prepare(
    "UPDATE fund_requests SET status = ?, decided_by = ?, decided_at = ? WHERE room_id = ? AND number = ?",
  ),
}));

export type NewMovement = Omit<Movement, "number"> & { roomId: string };

/** The fund of each cell: its code and keeper role, movements, pledges and support requests. */
export const fundRepo = perDb((db: Db) => {
  const s = statements(db);
  return {
    /** The room's fund, made on first use with a fresh code. */
    room(roomId: string): { code: string; keeperRole: string } {
      const found = s.room.get(roomId) as { code: string; keeperRole: string } | undefined;
      if (found) return found;
      const code = freshCode(5, (taken) => s.roomByCode.get(taken) !== undefined);
      s.addRoom.run(roomId, code);
      return { code, keeperRole: "treasurer" };
    },
    roomByCode: (code: string) => s.roomByCode.get(code.toUpperCase()) as string | undefined,
    setKeeperRole: (roomId: string, role: string) => void s.setKeeperRole.run(role, roomId),
    addMovement(m: NewMovement): Movement {
      const number = nextNumber(db, "fund_movements", "room_id", m.roomId);
      s.addMovement.run({ ...m, number });
      return { ...m, number };
    },
    movement: (roomId: string, number: number) => s.movement.get(roomId, number) as Movement | undefined,
    approve: (roomId: string, number: number, by: string, at: number) => void s.approve.run(by, at, roomId, number),
    /** Closes a movement (cancel, expire, undo), keeping what it was. */
    close(roomId: string, m: Movement, action: "cancel" | "expire" | "undo", by: string, at: number): void {
      s.addCorrection.run(roomId, m.number, action, by, at, m.currency, m.minor, m.person, m.note);
      s.setStatus.run(action === "cancel" ? "cancelled" : action === "expire" ? "expired" : "undone", roomId, m.number);
    },
    /** Corrects a movement's amount, person and note, keeping what it was. */
    fix(
      roomId: string,
      m: Movement,
      change: Money & { person: string | null; note: string },
      by: string,
      at: number,
    ): void {
      s.addCorrection.run(roomId, m.number, "fix", by, at, m.currency, m.minor, m.person, m.note);
      s.change.run({
        roomId,
        number: m.number,
        currency: change.currency,
        minor: change.minor,
        person: change.person,
        note: change.note,
      });
    },
    /** Every movement, whatever became of it, for the export. */
    all: (roomId: string) => s.all.all(roomId) as Movement[],
    corrections: (roomId: string) =>
      (
        s.corrections.all(roomId) as (Omit<Correction, "previous"> & Money & { person: string | null; note: string })[]
      ).map(({ movement, action, by, at, ...previous }): Correction => ({ movement, action, by, at, previous })),
    done: (roomId: string) => s.done.all(roomId) as Movement[],
    recent: (roomId: string, limit: number) => s.recent.all(roomId, limit) as Movement[],
    proposed: (roomId: string) => s.proposed.all(roomId) as Movement[],
    between: (roomId: string, from: number, to: number) => s.between.all(roomId, from, to) as Movement[],
    pledge: (roomId: string, person: string, money: Money, at: number) =>
      void s.setPledge.run(roomId, person, money.currency, money.minor, at),
    stopPledges: (roomId: string, person: string) => s.stopPledges.run(roomId, person).changes,
    pledges: (roomId: string) => s.pledges.all(roomId) as Pledge[],
    addRequest(r: { roomId: string; asker: string; money: Money; reason: string; askedAt: number }): number {
      const number = nextNumber(db, "fund_requests", "room_id", r.roomId);
      s.addRequest.run({
        roomId: r.roomId,
        number,
        asker: r.asker,
        currency: r.money.currency,
        minor: r.money.minor,
        reason: r.reason,
        askedAt: r.askedAt,
      });
      return number;
    },
    request: (roomId: string, number: number) => s.request.get(roomId, number) as SupportRequest | undefined,
    waiting: (roomId: string) => s.waiting.all(roomId) as SupportRequest[],
    firstGrant: (roomId: string, number: number, by: string) => void s.firstGrant.run(by, roomId, number),
    decide: (roomId: string, number: number, status: "granted" | "declined", by: string, at: number) =>
      void s.decide.run(status, by, at, roomId, number),
  };
});

export type FundRepo = ReturnType<typeof fundRepo>;
