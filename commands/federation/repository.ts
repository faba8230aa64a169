import type { Db } from "../../src/platform/db.js";
import { perDb } from "../../src/platform/per-db.js";

export interface Assembly {
  roomId: string;
  name: string;
}

export interface Link {
  cellRoom: string;
  assemblyRoom: string;
  pseudonym: string;
  status: "active" | "paused";
  joinedAt: number;
  previewedAt: number | null;
}

interface LinkRow {
  cell_room: string;
  assembly_room: string;
  pseudonym: string;
  status: "active" | "paused";
  joined_at: number;
  previewed_at: number | null;
}

const link = (r: LinkRow): Link => ({
  cellRoom: r.cell_room,
  assemblyRoom: r.assembly_room,
  pseudonym: r.pseudonym,
  status: r.status,
  joinedAt: r.joined_at,
  previewedAt: r.previewed_at,
});

/** Assemblies, join codes, links, sectors and hosts: who is linked to what, never care data. */
export const federationRepo = perDb((db: Db) => {
  const s = {
    assembly: db.prepare("SELECT room_id AS roomId, name FROM federation_assemblies WHERE room_id = ?"),
    startAssembly: db.prepare("INSERT INTO federation_assemblies (room_id, name, started_by, started_at) VALUES (?, ?, ?, ?)"),
    addInvite: db.prepare("INSERT INTO federation_invites (code_hash, assembly_room, created_by, expires_at) VALUES (?, ?, ?, ?)"),
    invite: db.prepare("SELECT assembly_room AS assemblyRoom, expires_at AS expiresAt, used_at AS usedAt FROM federation_invites WHERE code_hash = ?"),
    useInvite: db.prepare("UPDATE federation_invites SET used_at = ? WHERE code_hash = ? AND used_at IS NULL"),
    link: db.prepare("SELECT * FROM federation_links WHERE cell_room = ?"),
    links: db.prepare("SELECT * FROM federation_links WHERE assembly_room = ? ORDER BY joined_at, rowid"),
    pseudonymTaken: db.prepare("SELECT count(*) FROM federation_links WHERE assembly_room = ? AND lower(pseudonym) = lower(?)").pluck(),
    addLink: db.prepare("INSERT INTO federation_links (cell_room, assembly_room, pseudonym, joined_by, joined_at) VALUES (?, ?, ?, ?, ?)"),
    setStatus: db.prepare("UPDATE federation_links SET status = ? WHERE cell_room = ?"),
    previewed: db.prepare("UPDATE federation_links SET previewed_at = coalesce(previewed_at, ?) WHERE cell_room = ?"),
    leave: db.prepare("DELETE FROM federation_links WHERE cell_room = ?"),
    sector: db.prepare("SELECT sector FROM federation_sectors WHERE cell_room = ?").pluck(),
    setSector: db.prepare("INSERT INTO federation_sectors (cell_room, sector) VALUES (?, ?) ON CONFLICT (cell_room) DO UPDATE SET sector = excluded.sector"),
    hosts: db.prepare("SELECT cell_room AS cell, since FROM federation_hosts WHERE assembly_room = ? ORDER BY since, id"),
    addHost: db.prepare("INSERT INTO federation_hosts (assembly_room, cell_room, since) VALUES (?, ?, ?)"),
  };
  return {
    assembly: (roomId: string) => s.assembly.get(roomId) as Assembly | undefined,
    startAssembly: (roomId: string, name: string, by: string, at: number) => void s.startAssembly.run(roomId, name, by, at),
    addInvite: (hash: string, assemblyRoom: string, by: string, expiresAt: number) => void s.addInvite.run(hash, assemblyRoom, by, expiresAt),
    invite: (hash: string) => s.invite.get(hash) as { assemblyRoom: string; expiresAt: number; usedAt: number | null } | undefined,
    /** Marks the code used; false if someone used it first. */
    useInvite: (hash: string, at: number) => s.useInvite.run(at, hash).changes === 1,
    link: (cellRoom: string) => {
      const row = s.link.get(cellRoom) as LinkRow | undefined;
      return row ? link(row) : undefined;
    },
    links: (assemblyRoom: string) => (s.links.all(assemblyRoom) as LinkRow[]).map(link),
    pseudonymTaken: (assemblyRoom: string, pseudonym: string) => (s.pseudonymTaken.get(assemblyRoom, pseudonym) as number) > 0,
    addLink: (cellRoom: string, assemblyRoom: string, pseudonym: string, by: string, at: number) => void s.addLink.run(cellRoom, assemblyRoom, pseudonym, by, at),
    setStatus: (cellRoom: string, status: "active" | "paused") => void s.setStatus.run(status, cellRoom),
    markPreviewed: (cellRoom: string, at: number) => void s.previewed.run(at, cellRoom),
    leave: (cellRoom: string) => void s.leave.run(cellRoom),
    sector: (cellRoom: string) => (s.sector.get(cellRoom) as string | undefined) ?? null,
    setSector: (cellRoom: string, sector: string) => void s.setSector.run(cellRoom, sector),
    hosts: (assemblyRoom: string) => s.hosts.all(assemblyRoom) as { cell: string; since: number }[],
    addHost: (assemblyRoom: string, cell: string, since: number) => void s.addHost.run(assemblyRoom, cell, since),
  };
});

export type FederationRepo = ReturnType<typeof federationRepo>;
