import type { Person } from "../../src/kernel/invocation.js";
import { nameKey } from "../../src/kernel/text-hygiene.js";
import type { Db } from "../../src/platform/db.js";
import { perDb } from "../../src/platform/per-db.js";
import { nextNumber } from "../../src/platform/next-number.js";
import type { CareKind } from "./rules/index.js";

export type EntryStatus = "active" | "corrected" | "undone";

/** Care to record: who gave it, what, of which kind, and who wrote it down when. */
export interface NewLedgerEntry {
  roomId: string;
  givers: Person[];
  what: string;
  quantity?: { amount: number; unit: string };
  kind: CareKind;
  recordedBy: string;
  recordedAt: number;
}

/** One earlier change of an entry: who took it back or corrected it, when, and what it said before. */
export interface LedgerCorrection {
  action: "undo" | "fix";
  by: string;
  at: number;
  previousWhat: string;
  previousKind: CareKind;
}

export interface LedgerEntry extends Omit<NewLedgerEntry, "roomId"> {
  id: number;
  number: number;
  status: EntryStatus;
}

interface EntryRow {
  id: number;
  number: number;
  what: string;
  amount: number | null;
  unit: string | null;
  kind: CareKind;
  recorded_by: string;
  recorded_at: number;
  status: EntryStatus;
}

const COLUMNS = "id, number, what, amount, unit, kind, recorded_by, recorded_at, status";

const statements = perDb((db) => ({
  insert: db.prepare(
    `INSERT INTO ledger_entries (room_id, number, what, amount, unit, kind, recorded_by, recorded_at)
     VALUES (@roomId, @number, @what, @amount, @unit, @kind, @recordedBy, @recordedAt)`,
  ),
  insertGiver: db.prepare(
    "INSERT INTO ledger_givers (entry_id, room_id, position, user_id, name, name_key) VALUES (?, ?, ?, ?, ?, ?)",
  ),
  givers: db.prepare("SELECT user_id, name FROM ledger_givers WHERE entry_id = ? ORDER BY position"),
  // By room first: the room's givers sit together in ledger_givers_room (migration 0016).
  giversOfMany: db.prepare(
    "SELECT entry_id, user_id, name FROM ledger_givers WHERE room_id = ? AND entry_id IN (SELECT value FROM json_each(?)) ORDER BY entry_id, position",
  ),
  giversOfRoom: db.prepare(
    "SELECT entry_id, user_id, name FROM ledger_givers WHERE room_id = ? ORDER BY entry_id, position",
  ),
  byNumber: db.prepare(`SELECT ${COLUMNS} FROM ledger_entries WHERE room_id = ? AND number = ?`),
  recent: db.prepare(
    `SELECT ${COLUMNS} FROM ledger_entries WHERE room_id = ? AND status != 'undone' ORDER BY number DESC LIMIT ?`,
  ),
  between: db.prepare(
    `SELECT ${COLUMNS} FROM ledger_entries WHERE room_id = ? AND status != 'undone' AND recorded_at >= ? AND recorded_at < ? ORDER BY recorded_at, number`,
  ),
  // The planner would rather walk (room_id, number) and fetch each row from a page of its own; a
  // whole room read from the covering index and sorted costs a fraction of that (migration 0016).
  all: db.prepare(
    `SELECT ${COLUMNS} FROM ledger_entries INDEXED BY ledger_entries_room_rows WHERE room_id = ? ORDER BY number`,
  ),
  byGiver: db.prepare(
    `SELECT ${COLUMNS.split(", ")
      .map((c) => `e.${c}`)
      .join(", ")} FROM ledger_entries e
     WHERE e.room_id = @roomId AND e.status != 'undone' AND EXISTS (
       SELECT 1 FROM ledger_givers g WHERE g.entry_id = e.id AND (
         g.user_id = @userId OR (g.user_id IS NULL AND g.name_key IN (@name, @localpart))))
     ORDER BY e.number DESC LIMIT @limit`,
  ),
  setStatus: db.prepare("UPDATE ledger_entries SET status = ? WHERE id = ?"),
  update: db.prepare(
    "UPDATE ledger_entries SET what = @what, amount = @amount, unit = @unit, kind = @kind, status = 'corrected' WHERE id = @id",
  ),
  corrections: db.prepare(
    "SELECT action, by_user, at, previous_what, previous_kind FROM ledger_corrections WHERE entry_id = ? ORDER BY at, id",
  ),
  fixCount: db.prepare("SELECT count(*) FROM ledger_corrections WHERE entry_id = ? AND action = 'fix'").pluck(),
  correction: db.prepare(
    `INSERT INTO ledger_corrections (entry_id, action, by_user, at, previous_what, previous_kind, previous_amount, previous_unit)
     VALUES (@entryId, @action, @by, @at, @what, @kind, @amount, @unit)`,
  ),
}));

type GiverRow = { user_id: string | null; name: string };
const giver = (g: GiverRow): Person => (g.user_id ? { userId: g.user_id, name: g.name } : { name: g.name });

function hydrate(db: Db, row: EntryRow): LedgerEntry {
  return withGivers(row, (statements(db).givers.all(row.id) as GiverRow[]).map(giver));
}

/**
 * Many entries with their givers in two queries, not one per entry: a month of 500 entries or an
 * export of 10,000 would otherwise read the givers row by row. `wholeRoom`: every entry of the room
 * was found, so its givers are read without a list of ids.
 */
function hydrateAll(db: Db, roomId: string, found: EntryRow[], wholeRoom = false): LedgerEntry[] {
  if (found.length <= 1) return found.map((row) => hydrate(db, row));
  const s = statements(db);
  const givers = wholeRoom
    ? s.giversOfRoom.all(roomId)
    : s.giversOfMany.all(roomId, JSON.stringify(found.map((row) => row.id)));
  const byEntry = new Map<number, Person[]>();
  for (const g of givers as (GiverRow & { entry_id: number })[]) {
    const list = byEntry.get(g.entry_id) ?? [];
    list.push(giver(g));
    byEntry.set(g.entry_id, list);
  }
  return found.map((row) => withGivers(row, byEntry.get(row.id) ?? []));
}

function withGivers(row: EntryRow, givers: Person[]): LedgerEntry {
  return {
    id: row.id,
    number: row.number,
    givers,
    what: row.what,
    ...(row.amount !== null && row.unit !== null ? { quantity: { amount: row.amount, unit: row.unit } } : {}),
    kind: row.kind,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
    status: row.status,
  };
}

export type LedgerRepo = ReturnType<typeof ledgerRepo>;

/** The care ledger of each room. Every query takes the room: one room never reads another's entries. */
export const ledgerRepo = perDb((db) => {
  const s = statements(db);
  const rows = (roomId: string, r: unknown[]) => hydrateAll(db, roomId, r as EntryRow[]);
  return {
    record(entry: NewLedgerEntry): LedgerEntry {
      const number = nextNumber(db, "ledger_entries", "room_id", entry.roomId);
      const { lastInsertRowid } = s.insert.run({
        roomId: entry.roomId,
        number,
        what: entry.what,
        amount: entry.quantity?.amount ?? null,
        unit: entry.quantity?.unit ?? null,
        kind: entry.kind,
        recordedBy: entry.recordedBy,
        recordedAt: entry.recordedAt,
      });
      entry.givers.forEach((g, i) =>
        s.insertGiver.run(lastInsertRowid, entry.roomId, i, g.userId ?? null, g.name, nameKey(g.name)),
      );
      return hydrate(db, s.byNumber.get(entry.roomId, number) as EntryRow);
    },
    get(roomId: string, number: number): LedgerEntry | undefined {
      const row = s.byNumber.get(roomId, number) as EntryRow | undefined;
      return row ? hydrate(db, row) : undefined;
    },
    recent(roomId: string, limit: number): LedgerEntry[] {
      return rows(roomId, s.recent.all(roomId, limit));
    },
    between(roomId: string, from: number, to: number): LedgerEntry[] {
      return rows(roomId, s.between.all(roomId, from, to));
    },
    all(roomId: string): LedgerEntry[] {
      return hydrateAll(db, roomId, s.all.all(roomId) as EntryRow[], true);
    },
    byGiver(roomId: string, person: Person, limit: number): LedgerEntry[] {
      const local = person.userId ? person.userId.slice(1).split(":")[0]! : person.name;
      // Typed names are compared by their stored key: "Álvaro" finds what was written as "ÁLVARO".
      return rows(
        roomId,
        s.byGiver.all({
          roomId,
          userId: person.userId ?? null,
          name: nameKey(person.name),
          localpart: nameKey(local),
          limit,
        }),
      );
    },
    undo(entry: LedgerEntry, by: string, at: number): void {
      s.correction.run({
        entryId: entry.id,
        action: "undo",
        by,
        at,
        what: entry.what,
        kind: entry.kind,
        amount: entry.quantity?.amount ?? null,
        unit: entry.quantity?.unit ?? null,
      });
      s.setStatus.run("undone", entry.id);
    },
    /**
     * Restores an undone entry as it was before the undo. The corrections table only knows "undo"
     * and "fix", so a restore leaves no row of its own; the history shows it as the undo's end.
     */
    redo(entry: LedgerEntry): void {
      s.setStatus.run((s.fixCount.get(entry.id) as number) > 0 ? "corrected" : "active", entry.id);
    },
    corrections(entry: LedgerEntry): LedgerCorrection[] {
      const found = s.corrections.all(entry.id) as {
        action: "undo" | "fix";
        by_user: string;
        at: number;
        previous_what: string;
        previous_kind: CareKind;
      }[];
      return found.map((c) => ({
        action: c.action,
        by: c.by_user,
        at: c.at,
        previousWhat: c.previous_what,
        previousKind: c.previous_kind,
      }));
    },
    fix(
      entry: LedgerEntry,
      change: { what: string; quantity?: { amount: number; unit: string }; kind: CareKind },
      by: string,
      at: number,
    ): void {
      s.correction.run({
        entryId: entry.id,
        action: "fix",
        by,
        at,
        what: entry.what,
        kind: entry.kind,
        amount: entry.quantity?.amount ?? null,
        unit: entry.quantity?.unit ?? null,
      });
      s.update.run({
        id: entry.id,
        what: change.what,
        amount: change.quantity?.amount ?? null,
        unit: change.quantity?.unit ?? null,
        kind: change.kind,
      });
    },
  };
});
