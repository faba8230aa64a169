import type { Db } from "../../src/platform/db.js";
import { nameKey } from "../../src/kernel/text-hygiene.js";
import { perDb } from "../../src/platform/per-db.js";
import type { Figures } from "./protocol/messages.js";

export interface Assembly {
  roomId: string;
  name: string;
}

/** The assembly's view of a member cell: an opaque id and a pseudonym, never its room. */
export interface Cell {
  cellId: string;
  assemblyRoom: string;
  pseudonym: string;
  /** The bot account speaking for a cell of another Tandem; null for a cell of this one. */
  tandem: string | null;
  sector: string | null;
  joinedAt: number;
}

/** The cell's view of its assembly. */
export interface Membership {
  cellRoom: string;
  assemblyRoom: string;
  cellId: string;
  pseudonym: string;
  state: "pending" | "active" | "paused";
  proofKey: string | null;
  assemblyTandem: string | null;
  assemblyName: string;
  host: string | null;
  cells: string[];
  joinedAt: number;
  previewedAt: number | null;
}

export interface Round {
  id: number;
  assemblyRoom: string;
  year: number;
  month: number;
  from: number;
  to: number;
  final: boolean;
  dueAt: number;
  postedAt: number | null;
}

export type AnswerState = "sent" | "waiting" | "paused";
export interface Answer {
  cellId: string;
  state: AnswerState | null;
  figures: Figures | null;
}

const membership = (r: Record<string, unknown>): Membership => ({
  cellRoom: r.cell_room as string,
  assemblyRoom: r.assembly_room as string,
  cellId: r.cell_id as string,
  pseudonym: r.pseudonym as string,
  state: r.state as Membership["state"],
  proofKey: (r.proof_key as string | null) ?? null,
  assemblyTandem: (r.assembly_tandem as string | null) ?? null,
  assemblyName: r.assembly_name as string,
  host: (r.host as string | null) ?? null,
  cells: JSON.parse(r.cells as string) as string[],
  joinedAt: r.joined_at as number,
  previewedAt: (r.previewed_at as number | null) ?? null,
});

const round = (r: Record<string, unknown>): Round => ({
  id: r.id as number,
  assemblyRoom: r.assembly_room as string,
  year: r.year as number,
  month: r.month as number,
  from: r.from_ms as number,
  to: r.to_ms as number,
  final: r.final === 1,
  dueAt: r.due_at as number,
  postedAt: (r.posted_at as number | null) ?? null,
});

const CELL = "cell_id AS cellId, assembly_room AS assemblyRoom, pseudonym, tandem, sector, joined_at AS joinedAt";

/** Both sides of federation: assemblies with their cells and rounds, and cells with their membership. Never care data. */
export const federationRepo = perDb((db: Db) => {
  const s = {
    assembly: db.prepare("SELECT room_id AS roomId, name FROM federation_assemblies WHERE room_id = ?"),
    startAssembly: db.prepare(
      "INSERT INTO federation_assemblies (room_id, name, started_by, started_at) VALUES (?, ?, ?, ?)",
    ),
    addInvite: db.prepare(
      "INSERT INTO federation_invites (code_hash, assembly_room, created_by, expires_at, proof_key) VALUES (?, ?, ?, ?, ?)",
    ),
    invite: db.prepare(
      "SELECT assembly_room AS assemblyRoom, expires_at AS expiresAt, used_at AS usedAt, proof_key AS proofKey FROM federation_invites WHERE code_hash = ?",
    ),
    useInvite: db.prepare(
      "UPDATE federation_invites SET used_at = ?, proof_key = NULL WHERE code_hash = ? AND used_at IS NULL",
    ),
    cell: db.prepare(`SELECT ${CELL} FROM federation_cells WHERE cell_id = ?`),
    cells: db.prepare(`SELECT ${CELL} FROM federation_cells WHERE assembly_room = ? ORDER BY joined_at, rowid`),
    pseudonyms: db.prepare("SELECT pseudonym FROM federation_cells WHERE assembly_room = ?").pluck(),
    addCell: db.prepare(
      "INSERT INTO federation_cells (cell_id, assembly_room, pseudonym, tandem, sector, joined_at) VALUES (?, ?, ?, ?, ?, ?)",
    ),
    setCellSector: db.prepare("UPDATE federation_cells SET sector = ? WHERE cell_id = ?"),
    removeCell: db.prepare("DELETE FROM federation_cells WHERE cell_id = ?"),
    membership: db.prepare("SELECT * FROM federation_memberships WHERE cell_room = ?"),
    membershipOf: db.prepare("SELECT * FROM federation_memberships WHERE cell_id = ?"),
    addMembership: db.prepare(
      `INSERT INTO federation_memberships (cell_room, assembly_room, cell_id, pseudonym, state, proof_key, joined_by, joined_at)
       VALUES (?, ?, ?, ?, 'pending', ?, ?, ?)`,
    ),
    welcome: db.prepare(
      "UPDATE federation_memberships SET state = 'active', proof_key = NULL, assembly_tandem = ?, assembly_name = ?, cells = ?, host = ? WHERE cell_id = ? AND state = 'pending'",
    ),
    setState: db.prepare("UPDATE federation_memberships SET state = ? WHERE cell_room = ?"),
    setView: db.prepare("UPDATE federation_memberships SET host = ?, cells = ? WHERE cell_id = ?"),
    previewed: db.prepare(
      "UPDATE federation_memberships SET previewed_at = coalesce(previewed_at, ?) WHERE cell_room = ?",
    ),
    removeMembership: db.prepare("DELETE FROM federation_memberships WHERE cell_id = ?"),
    othersAssembly: db.prepare(
      "SELECT 1 FROM federation_others_rooms WHERE room_id = @room AND NOT EXISTS (SELECT 1 FROM federation_assemblies WHERE room_id = @room)",
    ),
    markOthers: db.prepare("INSERT OR IGNORE INTO federation_others_rooms (room_id) VALUES (?)"),
    sector: db.prepare("SELECT sector FROM federation_sectors WHERE cell_room = ?").pluck(),
    setSector: db.prepare(
      "INSERT INTO federation_sectors (cell_room, sector) VALUES (?, ?) ON CONFLICT (cell_room) DO UPDATE SET sector = excluded.sector",
    ),
    hosts: db.prepare("SELECT cell_id AS cell, since FROM federation_hosts WHERE assembly_room = ? ORDER BY since, id"),
    addHost: db.prepare("INSERT INTO federation_hosts (assembly_room, cell_id, since) VALUES (?, ?, ?)"),
    addRound: db.prepare(
      "INSERT INTO federation_rounds (assembly_room, year, month, from_ms, to_ms, final, due_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    ),
    round: db.prepare("SELECT * FROM federation_rounds WHERE id = ?"),
    postRound: db.prepare("UPDATE federation_rounds SET posted_at = ? WHERE id = ? AND posted_at IS NULL"),
    expect: db.prepare("INSERT OR IGNORE INTO federation_answers (round_id, cell_id) VALUES (?, ?)"),
    answer: db.prepare(
      "UPDATE federation_answers SET state = ?, figures = ? WHERE round_id = ? AND cell_id = ? AND state IS NULL",
    ),
    answers: db.prepare(
      "SELECT cell_id AS cellId, state, figures FROM federation_answers WHERE round_id = ? ORDER BY rowid",
    ),
  };
  return {
    assembly: (roomId: string) => s.assembly.get(roomId) as Assembly | undefined,
    startAssembly: (roomId: string, name: string, by: string, at: number) =>
      void s.startAssembly.run(roomId, name, by, at),
    addInvite: (hash: string, assemblyRoom: string, by: string, expiresAt: number, proofKey: string) =>
      void s.addInvite.run(hash, assemblyRoom, by, expiresAt, proofKey),
    invite: (hash: string) =>
      s.invite.get(hash) as
        | { assemblyRoom: string; expiresAt: number; usedAt: number | null; proofKey: string | null }
        | undefined,
    /** Marks the code used (its proof key goes with it); false if someone used it first. */
    useInvite: (hash: string, at: number) => s.useInvite.run(at, hash).changes === 1,

    cell: (cellId: string) => s.cell.get(cellId) as Cell | undefined,
    cells: (assemblyRoom: string) => s.cells.all(assemblyRoom) as Cell[],
    // Compared by the name key (SQLite's lower() folds only ASCII: "Ñandú" and "ñandú" are one name).
    pseudonymTaken: (assemblyRoom: string, pseudonym: string) =>
      (s.pseudonyms.all(assemblyRoom) as string[]).some((taken) => nameKey(taken) === nameKey(pseudonym)),
    addCell: (cell: Cell) =>
      void s.addCell.run(cell.cellId, cell.assemblyRoom, cell.pseudonym, cell.tandem, cell.sector, cell.joinedAt),
    setCellSector: (cellId: string, sector: string | null) => void s.setCellSector.run(sector, cellId),
    removeCell: (cellId: string) => void s.removeCell.run(cellId),

    membership: (cellRoom: string) => {
      const row = s.membership.get(cellRoom) as Record<string, unknown> | undefined;
      return row ? membership(row) : undefined;
    },
    membershipOf: (cellId: string) => {
      const row = s.membershipOf.get(cellId) as Record<string, unknown> | undefined;
      return row ? membership(row) : undefined;
    },
    addMembership: (m: {
      cellRoom: string;
      assemblyRoom: string;
      cellId: string;
      pseudonym: string;
      proofKey: string;
      by: string;
      at: number;
    }) => void s.addMembership.run(m.cellRoom, m.assemblyRoom, m.cellId, m.pseudonym, m.proofKey, m.by, m.at),
    welcome: (cellId: string, w: { tandem: string | null; name: string; cells: string[]; host: string | null }) =>
      s.welcome.run(w.tandem, w.name, JSON.stringify(w.cells), w.host, cellId).changes === 1,
    setState: (cellRoom: string, state: "active" | "paused") => void s.setState.run(state, cellRoom),
    setView: (cellId: string, host: string | null, cells: string[]) =>
      void s.setView.run(host, JSON.stringify(cells), cellId),
    markPreviewed: (cellRoom: string, at: number) => void s.previewed.run(at, cellRoom),
    removeMembership: (cellId: string) => void s.removeMembership.run(cellId),
    /** An assembly room another Tandem hosts, where a cell of this Tandem asked to join. */
    isOthersAssembly: (roomId: string) => s.othersAssembly.get({ room: roomId }) !== undefined,
    markOthersAssembly: (roomId: string) => void s.markOthers.run(roomId),
    sector: (cellRoom: string) => (s.sector.get(cellRoom) as string | undefined) ?? null,
    setSector: (cellRoom: string, sector: string) => void s.setSector.run(cellRoom, sector),

    hosts: (assemblyRoom: string) => s.hosts.all(assemblyRoom) as { cell: string; since: number }[],
    addHost: (assemblyRoom: string, cellId: string, since: number) => void s.addHost.run(assemblyRoom, cellId, since),

    addRound: (r: Omit<Round, "id" | "postedAt">) =>
      Number(s.addRound.run(r.assemblyRoom, r.year, r.month, r.from, r.to, r.final ? 1 : 0, r.dueAt).lastInsertRowid),
    round: (id: number) => {
      const row = s.round.get(id) as Record<string, unknown> | undefined;
      return row ? round(row) : undefined;
    },
    /** Marks the round's report posted; false if it already was. */
    postRound: (id: number, at: number) => s.postRound.run(at, id).changes === 1,
    expectAnswer: (roundId: string | number, cellId: string) => void s.expect.run(roundId, cellId),
    /** Records a cell's answer; false when it had answered already (a resend) or was not asked. */
    answer: (roundId: number, cellId: string, state: AnswerState, figures: Figures | undefined) =>
      s.answer.run(state, figures ? JSON.stringify(figures) : null, roundId, cellId).changes === 1,
    answers: (roundId: number) =>
      (s.answers.all(roundId) as { cellId: string; state: AnswerState | null; figures: string | null }[]).map(
        (a): Answer => ({
          cellId: a.cellId,
          state: a.state,
          figures: a.figures ? (JSON.parse(a.figures) as Figures) : null,
        }),
      ),
  };
});

export type FederationRepo = ReturnType<typeof federationRepo>;
