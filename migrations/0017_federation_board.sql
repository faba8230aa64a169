-- The federation board: offers, needs, answers, contacts and stories. As with the rest of
-- federation, each side keeps its own rows: the cell's (keyed by its room and cell id) and the
-- assembly's (keyed by the assembly room, cells by opaque id and pseudonym). Contact names live only
-- on the cell side; the assembly holds sealed blobs it cannot open.

-- Cell side: the cell's X25519 key pair (raw, base64url), made when it is welcomed.
CREATE TABLE federation_board_keys (
  cell_id TEXT PRIMARY KEY,
  cell_room TEXT NOT NULL,
  public_key TEXT NOT NULL,
  private_key TEXT NOT NULL
);

-- Cell side: the cell's own offers and needs, as they were sent (cleaned). ref numbers them per
-- cell so that a resent message is recognised; number is the assembly's, once it answered.
CREATE TABLE federation_board_own_posts (
  cell_id TEXT NOT NULL,
  ref INTEGER NOT NULL,
  cell_room TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('offer', 'need')),
  text TEXT NOT NULL,
  posted_by TEXT NOT NULL,
  posted_at INTEGER NOT NULL,
  number INTEGER,
  PRIMARY KEY (cell_id, ref)
);

-- Cell side: other cells' offers and needs as the assembly told them (shown once, answered by number).
CREATE TABLE federation_board_heard (
  cell_id TEXT NOT NULL,
  number INTEGER NOT NULL,
  cell_room TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('offer', 'need')),
  pseudonym TEXT NOT NULL,
  text TEXT NOT NULL,
  heard_at INTEGER NOT NULL,
  PRIMARY KEY (cell_id, number)
);

-- Cell side: one row per exchange this cell is part of (its post answered, or its answer to
-- another's). match_id is the assembly's. contact_*: whom this cell named; peer_contact_*: whom the
-- other cell named, opened from its sealed blob once both had consented.
CREATE TABLE federation_board_matches (
  cell_id TEXT NOT NULL,
  match_id INTEGER NOT NULL,
  cell_room TEXT NOT NULL,
  number INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('offer', 'need')),
  role TEXT NOT NULL CHECK (role IN ('poster', 'answerer')),
  peer TEXT NOT NULL,
  peer_key TEXT NOT NULL,
  matched_at INTEGER NOT NULL,
  contact_name TEXT,
  contact_user TEXT,
  named_by TEXT,
  named_at INTEGER,
  peer_contact_name TEXT,
  peer_contact_user TEXT,
  shared_at INTEGER,
  PRIMARY KEY (cell_id, match_id)
);
CREATE INDEX federation_board_matches_by_number ON federation_board_matches (cell_id, number);

-- Cell side: stories proposed in the cell; they cross only once a moderator approved them.
CREATE TABLE federation_board_stories (
  cell_room TEXT NOT NULL,
  number INTEGER NOT NULL,
  text TEXT NOT NULL,
  shared_by TEXT NOT NULL,
  shared_at INTEGER NOT NULL,
  approved_by TEXT,
  approved_at INTEGER,
  PRIMARY KEY (cell_room, number)
);

-- Assembly side: the last number given to an offer or a need, so that a number deleted with a
-- wiped cell's posts is never given again (cells keep the posts they heard under it).
CREATE TABLE federation_board_numbers (
  assembly_room TEXT PRIMARY KEY REFERENCES federation_assemblies (room_id) ON DELETE CASCADE,
  last INTEGER NOT NULL
);

-- Assembly side: offers and needs, numbered per assembly (one sequence for both). (cell_id, ref)
-- makes a resent post a no-op. public_key: the posting cell's, handed to whoever answers.
CREATE TABLE federation_board_posts (
  assembly_room TEXT NOT NULL REFERENCES federation_assemblies (room_id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  cell_id TEXT NOT NULL,
  ref INTEGER NOT NULL,
  pseudonym TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('offer', 'need')),
  text TEXT NOT NULL,
  public_key TEXT NOT NULL,
  posted_at INTEGER NOT NULL,
  PRIMARY KEY (assembly_room, number),
  UNIQUE (cell_id, ref)
);

-- Assembly side: a cell's answer to a post; its id is the exchange's number on both cells. The
-- sealed blobs wait here until both cells consented, then each goes to the other cell.
CREATE TABLE federation_board_answers (
  id INTEGER PRIMARY KEY,
  assembly_room TEXT NOT NULL,
  number INTEGER NOT NULL,
  cell_id TEXT NOT NULL,
  pseudonym TEXT NOT NULL,
  public_key TEXT NOT NULL,
  answered_at INTEGER NOT NULL,
  poster_sealed TEXT,
  answerer_sealed TEXT,
  shared_at INTEGER,
  UNIQUE (assembly_room, number, cell_id),
  FOREIGN KEY (assembly_room, number) REFERENCES federation_board_posts (assembly_room, number) ON DELETE CASCADE
);

-- Assembly side: stories that crossed, once each.
CREATE TABLE federation_board_stories_in (
  cell_id TEXT NOT NULL,
  ref INTEGER NOT NULL,
  assembly_room TEXT NOT NULL REFERENCES federation_assemblies (room_id) ON DELETE CASCADE,
  pseudonym TEXT NOT NULL,
  text TEXT NOT NULL,
  posted_at INTEGER NOT NULL,
  PRIMARY KEY (cell_id, ref)
);
