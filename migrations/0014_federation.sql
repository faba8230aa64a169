-- Federation, first slice: cells of one Tandem instance link to an assembly room under a pseudonym.
-- Only aggregates ever cross into the assembly, so these tables hold links, never care data.
CREATE TABLE federation_assemblies (
  room_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  started_by TEXT NOT NULL,
  started_at INTEGER NOT NULL
);

-- One-time join codes: only a hash is kept, so a stolen database cannot replay an open code.
CREATE TABLE federation_invites (
  code_hash TEXT PRIMARY KEY,
  assembly_room TEXT NOT NULL REFERENCES federation_assemblies (room_id) ON DELETE CASCADE,
  created_by TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);

-- A cell belongs to at most one assembly; the pseudonym is what the assembly sees of it.
-- previewed_at: the cell saw what it sends (`!federation preview`); nothing is sent before that.
CREATE TABLE federation_links (
  cell_room TEXT PRIMARY KEY,
  assembly_room TEXT NOT NULL REFERENCES federation_assemblies (room_id) ON DELETE CASCADE,
  pseudonym TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
  joined_by TEXT NOT NULL,
  joined_at INTEGER NOT NULL,
  previewed_at INTEGER,
  UNIQUE (assembly_room, pseudonym)
);

-- A cell's declared sector (health, logistics…), which the host rotation alternates.
CREATE TABLE federation_sectors (
  cell_room TEXT PRIMARY KEY,
  sector TEXT NOT NULL
);

-- Who hosted when: the rotation's fairness reads this history.
CREATE TABLE federation_hosts (
  id INTEGER PRIMARY KEY,
  assembly_room TEXT NOT NULL REFERENCES federation_assemblies (room_id) ON DELETE CASCADE,
  cell_room TEXT NOT NULL,
  since INTEGER NOT NULL
);
CREATE INDEX federation_hosts_by_assembly ON federation_hosts (assembly_room, since);
