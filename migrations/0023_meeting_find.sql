-- Issue 20. Finding a time to meet: a native poll of a few slots (several answers allowed). Closing
-- it (by hand or at its deadline) schedules the meeting at the slot most can make; a tie waits for a
-- moderator's pick. Answers are personal data (forget removes them); the poll keeps no asker.
CREATE TABLE meeting_finds (
  id INTEGER PRIMARY KEY,
  room_id TEXT NOT NULL,
  number INTEGER NOT NULL,
  -- JSON array of the slots: meeting starts (UTC milliseconds), earliest first
  slots TEXT NOT NULL,
  offline INTEGER NOT NULL DEFAULT 0,
  opened_at INTEGER NOT NULL,
  -- the deadline (a one-off job closes it then); null when a moderator closes it by hand
  closes_at INTEGER,
  closed_at INTEGER,
  -- JSON array of the slot numbers tied at the close, waiting for a moderator's pick
  tied TEXT,
  -- the slot number the meeting was scheduled at
  chosen INTEGER,
  UNIQUE (room_id, number)
);

-- The latest answer of each member: the slot numbers they can make (empty: none).
CREATE TABLE meeting_find_answers (
  find_id INTEGER NOT NULL REFERENCES meeting_finds (id) ON DELETE CASCADE,
  voter TEXT NOT NULL,
  slots TEXT NOT NULL,
  answered_at INTEGER NOT NULL,
  PRIMARY KEY (find_id, voter)
) WITHOUT ROWID;

-- Whether a meeting-time poll's close names who cannot come (off by default: it gives a count).
CREATE TABLE meeting_find_names (
  room_id TEXT PRIMARY KEY,
  show_names INTEGER NOT NULL
);
