CREATE TABLE ledger_entries (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  room_id     TEXT NOT NULL,
  number      INTEGER NOT NULL,
  what        TEXT NOT NULL,
  amount      REAL,
  unit        TEXT,
  kind        TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,
  status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'corrected', 'undone')),
  UNIQUE (room_id, number)
);
CREATE INDEX ledger_entries_room_time ON ledger_entries (room_id, recorded_at);
CREATE INDEX ledger_entries_recorder ON ledger_entries (recorded_by, recorded_at);

CREATE TABLE ledger_givers (
  entry_id INTEGER NOT NULL REFERENCES ledger_entries (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  user_id  TEXT,
  name     TEXT NOT NULL,
  PRIMARY KEY (entry_id, position)
);
CREATE INDEX ledger_givers_user ON ledger_givers (user_id);

-- Undo and fix never erase: the previous state is kept here.
CREATE TABLE ledger_corrections (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  entry_id      INTEGER NOT NULL REFERENCES ledger_entries (id) ON DELETE CASCADE,
  action        TEXT NOT NULL CHECK (action IN ('undo', 'fix')),
  by_user       TEXT NOT NULL,
  at            INTEGER NOT NULL,
  previous_what TEXT NOT NULL,
  previous_kind TEXT NOT NULL,
  previous_amount REAL,
  previous_unit TEXT
);
