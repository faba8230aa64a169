-- Issue 20. Coordinated days of action. As with the rest of federation, each side keeps its own rows.

-- Assembly side: an action window a moderator proposed (text cleaned as board texts are), numbered
-- per assembly.
CREATE TABLE federation_actions (
  assembly_room TEXT NOT NULL REFERENCES federation_assemblies (room_id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  text TEXT NOT NULL,
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL,
  proposed_by TEXT NOT NULL,
  proposed_at INTEGER NOT NULL,
  -- How many cells were in when the window started: the cells that acted.
  acted INTEGER,
  PRIMARY KEY (assembly_room, number)
);

-- Assembly side: which cells are in, kept only to count each cell once and to let it withdraw or
-- leave; the assembly room is only ever shown the count. A cell that leaves leaves its actions.
CREATE TABLE federation_action_cells (
  assembly_room TEXT NOT NULL,
  number INTEGER NOT NULL,
  cell_id TEXT NOT NULL REFERENCES federation_cells (cell_id) ON DELETE CASCADE,
  joined_at INTEGER NOT NULL,
  PRIMARY KEY (assembly_room, number, cell_id),
  FOREIGN KEY (assembly_room, number) REFERENCES federation_actions (assembly_room, number) ON DELETE CASCADE
);

-- Assembly side: what cells learnt from an action and chose to share (cleaned as stories are; a
-- moderator of the cell sent it). cell_id only so that a lesson sent twice counts once; never shown.
CREATE TABLE federation_action_lessons (
  assembly_room TEXT NOT NULL,
  number INTEGER NOT NULL,
  cell_id TEXT NOT NULL,
  ref INTEGER NOT NULL,
  text TEXT NOT NULL,
  shared_at INTEGER NOT NULL,
  PRIMARY KEY (assembly_room, number, cell_id, ref),
  FOREIGN KEY (assembly_room, number) REFERENCES federation_actions (assembly_room, number) ON DELETE CASCADE
);

-- Cell side: the actions the assembly proposed, as they arrived. plan: the number of the cell's own
-- care plan once its moderators joined (null while not in).
CREATE TABLE federation_actions_heard (
  cell_id TEXT NOT NULL,
  number INTEGER NOT NULL,
  cell_room TEXT NOT NULL,
  text TEXT NOT NULL,
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL,
  heard_at INTEGER NOT NULL,
  plan INTEGER,
  joined_by TEXT,
  joined_at INTEGER,
  PRIMARY KEY (cell_id, number)
);
