import type { Db } from "../../../src/platform/db.js";
import { nextNumber } from "../../../src/platform/next-number.js";
import { perDb } from "../../../src/platform/per-db.js";

/** An action window as the assembly proposed it. */
export interface ProposedAction {
  assemblyRoom: string;
  number: number;
  text: string;
  startsAt: number;
  endsAt: number;
}

/** An action as a cell heard it; `plan` is the cell's own care plan once it joined. */
export interface HeardAction {
  cellId: string;
  cellRoom: string;
  number: number;
  text: string;
  startsAt: number;
  endsAt: number;
  plan: number | null;
}

const PROPOSED = "assembly_room AS assemblyRoom, number, text, starts_at AS startsAt, ends_at AS endsAt";
const HEARD = "cell_id AS cellId, cell_room AS cellRoom, number, text, starts_at AS startsAt, ends_at AS endsAt, plan";

/**
 * Both sides of days of action. The assembly keeps which cells are in only to count each once and
 * let it withdraw; nothing here ever lists them.
 */
export const actionsRepo = perDb((db: Db) => {
  const s = {
    propose: db.prepare(
      "INSERT INTO federation_actions (assembly_room, number, text, starts_at, ends_at, proposed_by, proposed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    ),
    proposed: db.prepare(`SELECT ${PROPOSED} FROM federation_actions WHERE assembly_room = ? AND number = ?`),
    recent: db.prepare(
      `SELECT ${PROPOSED} FROM federation_actions WHERE assembly_room = ? AND ends_at > ? ORDER BY starts_at, number LIMIT ?`,
    ),
    joinCell: db.prepare(
      "INSERT OR IGNORE INTO federation_action_cells (assembly_room, number, cell_id, joined_at) VALUES (?, ?, ?, ?)",
    ),
    withdrawCell: db.prepare(
      "DELETE FROM federation_action_cells WHERE assembly_room = ? AND number = ? AND cell_id = ?",
    ),
    cellsIn: db.prepare("SELECT count(*) FROM federation_action_cells WHERE assembly_room = ? AND number = ?").pluck(),
    setActed: db.prepare("UPDATE federation_actions SET acted = ? WHERE assembly_room = ? AND number = ?"),
    acted: db.prepare("SELECT acted FROM federation_actions WHERE assembly_room = ? AND number = ?").pluck(),
    isIn: db.prepare("SELECT 1 FROM federation_action_cells WHERE assembly_room = ? AND number = ? AND cell_id = ?"),
    addLesson: db.prepare(
      "INSERT OR IGNORE INTO federation_action_lessons (assembly_room, number, cell_id, ref, text, shared_at) VALUES (?, ?, ?, ?, ?, ?)",
    ),
    lessons: db
      .prepare(
        "SELECT text FROM federation_action_lessons WHERE assembly_room = ? AND number = ? ORDER BY shared_at, rowid",
      )
      .pluck(),
    hear: db.prepare(
      "INSERT OR IGNORE INTO federation_actions_heard (cell_id, number, cell_room, text, starts_at, ends_at, heard_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    ),
    heard: db.prepare(`SELECT ${HEARD} FROM federation_actions_heard WHERE cell_id = ? AND number = ?`),
    heardIn: db.prepare(
      `SELECT ${HEARD} FROM federation_actions_heard WHERE cell_id = ? AND ends_at > ? ORDER BY starts_at, number LIMIT ?`,
    ),
    joined: db.prepare(`SELECT ${HEARD} FROM federation_actions_heard WHERE cell_id = ? AND plan IS NOT NULL`),
    join: db.prepare(
      "UPDATE federation_actions_heard SET plan = ?, joined_by = ?, joined_at = ? WHERE cell_id = ? AND number = ? AND plan IS NULL",
    ),
    withdraw: db.prepare(
      "UPDATE federation_actions_heard SET plan = NULL, joined_by = NULL, joined_at = NULL WHERE cell_id = ? AND number = ?",
    ),
    forgetCell: db.prepare("DELETE FROM federation_actions_heard WHERE cell_id = ?"),
  };
  return {
    /** Proposes a window in an assembly; returns its number. */
    propose(a: Omit<ProposedAction, "number">, by: string, at: number): number {
      const number = nextNumber(db, "federation_actions", "assembly_room", a.assemblyRoom);
      s.propose.run(a.assemblyRoom, number, a.text, a.startsAt, a.endsAt, by, at);
      return number;
    },
    proposed: (assemblyRoom: string, number: number) =>
      s.proposed.get(assemblyRoom, number) as ProposedAction | undefined,
    /** Actions not over yet at `now`, soonest first. */
    upcoming: (assemblyRoom: string, now: number, limit: number) =>
      s.recent.all(assemblyRoom, now, limit) as ProposedAction[],
    /** False when the cell was in already (a message sent twice). */
    joinCell: (assemblyRoom: string, number: number, cellId: string, at: number) =>
      s.joinCell.run(assemblyRoom, number, cellId, at).changes === 1,
    withdrawCell: (assemblyRoom: string, number: number, cellId: string) =>
      s.withdrawCell.run(assemblyRoom, number, cellId).changes === 1,
    cellsIn: (assemblyRoom: string, number: number) => s.cellsIn.get(assemblyRoom, number) as number,
    isIn: (assemblyRoom: string, number: number, cellId: string) =>
      s.isIn.get(assemblyRoom, number, cellId) !== undefined,
    /** Keeps how many cells were in when the window started: the cells that acted. */
    setActed: (assemblyRoom: string, number: number, count: number) => void s.setActed.run(count, assemblyRoom, number),
    acted: (assemblyRoom: string, number: number) => (s.acted.get(assemblyRoom, number) as number | null) ?? null,
    /** False when the cell had shared this lesson already. */
    addLesson: (l: { assemblyRoom: string; number: number; cellId: string; ref: number; text: string }, at: number) =>
      s.addLesson.run(l.assemblyRoom, l.number, l.cellId, l.ref, l.text, at).changes === 1,
    lessons: (assemblyRoom: string, number: number) => s.lessons.all(assemblyRoom, number) as string[],

    /** False when the cell heard it already. */
    hear: (a: Omit<HeardAction, "plan">, at: number) =>
      s.hear.run(a.cellId, a.number, a.cellRoom, a.text, a.startsAt, a.endsAt, at).changes === 1,
    heard: (cellId: string, number: number) => s.heard.get(cellId, number) as HeardAction | undefined,
    /** Actions the cell heard that are not over at `now`, soonest first. */
    heardUpcoming: (cellId: string, now: number, limit: number) => s.heardIn.all(cellId, now, limit) as HeardAction[],
    joinedBy: (cellId: string) => s.joined.all(cellId) as HeardAction[],
    join: (cellId: string, number: number, plan: number, by: string, at: number) =>
      s.join.run(plan, by, at, cellId, number).changes === 1,
    withdraw: (cellId: string, number: number) => void s.withdraw.run(cellId, number),
    /** Everything the cell heard: it left its assembly. */
    forgetCell: (cellId: string) => void s.forgetCell.run(cellId),
  };
});

export type ActionsRepo = ReturnType<typeof actionsRepo>;
