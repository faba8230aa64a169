-- The decision log: every decision a cell takes, numbered per room. Nothing is deleted: a fix keeps
-- the earlier text as a revision, a revocation keeps the decision, marked, with its reason.
CREATE TABLE decisions (
  id INTEGER PRIMARY KEY,
  room_id TEXT NOT NULL,
  number INTEGER NOT NULL,
  text TEXT NOT NULL,
  tags TEXT NOT NULL DEFAULT '[]',
  plan INTEGER,
  recorded_by TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,
  revoked_at INTEGER,
  revoked_by TEXT,
  revoked_reason TEXT,
  UNIQUE (room_id, number)
);

-- One row per fix: the text as it was before it, who changed it and when.
CREATE TABLE decision_revisions (
  id INTEGER PRIMARY KEY,
  decision_id INTEGER NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
  previous_text TEXT NOT NULL,
  revised_by TEXT NOT NULL,
  revised_at INTEGER NOT NULL
);
CREATE INDEX decision_revisions_by_decision ON decision_revisions (decision_id);
