-- Money typed wrong must be fixable, and nothing waits forever: a proposed payout can be cancelled
-- or expire, a movement that took effect can be undone or corrected. SQLite widens a CHECK only by
-- rebuilding the table; the columns and their order stay as they were.
CREATE TABLE fund_movements_new (
  id INTEGER PRIMARY KEY,
  room_id TEXT NOT NULL,
  number INTEGER NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  currency TEXT NOT NULL,
  minor INTEGER NOT NULL CHECK (minor > 0),
  person TEXT,
  note TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('proposed', 'done', 'cancelled', 'expired', 'undone')),
  request INTEGER,
  proposed_by TEXT NOT NULL,
  proposed_at INTEGER NOT NULL,
  approved_by TEXT,
  effective_at INTEGER,
  UNIQUE (room_id, number)
);
INSERT INTO fund_movements_new SELECT * FROM fund_movements;
DROP TABLE fund_movements;
ALTER TABLE fund_movements_new RENAME TO fund_movements;
CREATE INDEX fund_movements_effective ON fund_movements (room_id, status, effective_at);

-- What a movement was before each change, and who changed it when: the export shows the original.
-- An expiry has no person behind it (by_user is empty).
CREATE TABLE fund_corrections (
  id INTEGER PRIMARY KEY,
  room_id TEXT NOT NULL,
  movement INTEGER NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('cancel', 'expire', 'undo', 'fix')),
  by_user TEXT NOT NULL,
  at INTEGER NOT NULL,
  previous_currency TEXT NOT NULL,
  previous_minor INTEGER NOT NULL,
  previous_person TEXT,
  previous_note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX fund_corrections_movement ON fund_corrections (room_id, movement);
