-- Federation across Tandem instances. A cell and its assembly may live in two bots with two
-- databases, so each side keeps its own view: the assembly knows its cells by an opaque cell id
-- and pseudonym (never the cell's room), the cell knows its assembly by room. When both live in
-- one Tandem, both rows are here and messages pass in-process; otherwise as encrypted events.

-- The assembly's side: one row per member cell. tandem: the bot account that speaks for a cell on
-- another Tandem (registered by its join code); NULL for a cell of this Tandem.
CREATE TABLE federation_cells (
  cell_id TEXT PRIMARY KEY,
  assembly_room TEXT NOT NULL REFERENCES federation_assemblies (room_id) ON DELETE CASCADE,
  pseudonym TEXT NOT NULL,
  tandem TEXT,
  sector TEXT,
  joined_at INTEGER NOT NULL,
  UNIQUE (assembly_room, pseudonym)
);

-- The cell's side. state: pending until the assembly welcomed the cell. proof_key: what the
-- assembly's welcome must be signed with (derived from the join code, which only the cell and the
-- assembly knew). assembly_tandem: the account whose welcome proved it; later messages must come from it.
CREATE TABLE federation_memberships (
  cell_room TEXT PRIMARY KEY,
  assembly_room TEXT NOT NULL,
  cell_id TEXT NOT NULL UNIQUE,
  pseudonym TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'active', 'paused')),
  proof_key TEXT,
  assembly_tandem TEXT,
  assembly_name TEXT NOT NULL DEFAULT '',
  host TEXT,
  cells TEXT NOT NULL DEFAULT '[]',
  joined_by TEXT NOT NULL,
  joined_at INTEGER NOT NULL,
  previewed_at INTEGER
);

-- Assembly rooms other Tandems host, where one of this Tandem's cells asked to join: this Tandem
-- stays silent there (their Tandem answers the members), also after its cells left.
CREATE TABLE federation_others_rooms (
  room_id TEXT PRIMARY KEY
);

INSERT INTO federation_memberships (cell_room, assembly_room, cell_id, pseudonym, state, assembly_name, joined_by, joined_at, previewed_at)
SELECT l.cell_room, l.assembly_room, lower(hex(randomblob(12))), l.pseudonym, l.status, coalesce(a.name, ''), l.joined_by, l.joined_at, l.previewed_at
FROM federation_links l LEFT JOIN federation_assemblies a ON a.room_id = l.assembly_room;

INSERT INTO federation_cells (cell_id, assembly_room, pseudonym, tandem, sector, joined_at)
SELECT m.cell_id, m.assembly_room, m.pseudonym, NULL, (SELECT s.sector FROM federation_sectors s WHERE s.cell_room = m.cell_room), m.joined_at
FROM federation_memberships m;

CREATE TABLE federation_hosts_by_cell (
  id INTEGER PRIMARY KEY,
  assembly_room TEXT NOT NULL REFERENCES federation_assemblies (room_id) ON DELETE CASCADE,
  cell_id TEXT NOT NULL,
  since INTEGER NOT NULL
);
INSERT INTO federation_hosts_by_cell (id, assembly_room, cell_id, since)
SELECT h.id, h.assembly_room, m.cell_id, h.since FROM federation_hosts h JOIN federation_memberships m ON m.cell_room = h.cell_room;
DROP TABLE federation_hosts;
ALTER TABLE federation_hosts_by_cell RENAME TO federation_hosts;
CREATE INDEX federation_hosts_by_assembly ON federation_hosts (assembly_room, since);
DROP TABLE federation_links;

-- proof_key: see federation_memberships; kept with the code's hash until the code is used.
ALTER TABLE federation_invites ADD COLUMN proof_key TEXT;

-- A report round: the assembly asks every cell for its figures of a period; the round's report is
-- posted when all answered, or at due_at with what arrived. final: the monthly report (hosting
-- passes on after it), not an on-demand one.
CREATE TABLE federation_rounds (
  id INTEGER PRIMARY KEY,
  assembly_room TEXT NOT NULL REFERENCES federation_assemblies (room_id) ON DELETE CASCADE,
  year INTEGER NOT NULL,
  month INTEGER NOT NULL,
  from_ms INTEGER NOT NULL,
  to_ms INTEGER NOT NULL,
  final INTEGER NOT NULL,
  due_at INTEGER NOT NULL,
  posted_at INTEGER
);

-- One row per cell asked. state stays NULL until its answer; a second answer changes nothing, so a
-- report resent after a crash is counted once. figures: the cell's aggregate, small numbers hidden.
CREATE TABLE federation_answers (
  round_id INTEGER NOT NULL REFERENCES federation_rounds (id) ON DELETE CASCADE,
  cell_id TEXT NOT NULL,
  state TEXT CHECK (state IN ('sent', 'waiting', 'paused')),
  figures TEXT,
  PRIMARY KEY (round_id, cell_id)
);
