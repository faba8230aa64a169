-- Scheduled posts. The schedule lives here, never only in memory: a tick claims due rows and
-- writes their post to the outbox in the same transaction.
CREATE TABLE jobs (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  room_id        TEXT NOT NULL,
  kind           TEXT NOT NULL,
  -- JSON recurrence rule in local time: once, weekly or cron (see src/domain/time/recurrence.ts)
  rule           TEXT NOT NULL,
  -- the zone next_run_utc was computed in; re-planned when the room's zone changes
  zone           TEXT NOT NULL,
  -- fire this many minutes after each occurrence (negative: before, e.g. an opener)
  offset_minutes INTEGER NOT NULL DEFAULT 0,
  -- what the job belongs to, e.g. 'careplan:3', so it can be cancelled with it
  ref            TEXT,
  payload        TEXT NOT NULL DEFAULT '{}',
  -- NULL once the job will never run again
  next_run_utc   INTEGER,
  last_run_utc   INTEGER,
  created_at     INTEGER NOT NULL
);
CREATE INDEX jobs_due ON jobs (next_run_utc) WHERE next_run_utc IS NOT NULL;
CREATE INDEX jobs_room ON jobs (room_id, kind);
CREATE INDEX jobs_ref ON jobs (room_id, ref);

-- Role rotation of a room, as the JSON state of src/domain/rotation (roles, lines, away, history).
CREATE TABLE rotation_state (
  room_id    TEXT PRIMARY KEY,
  state      TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

-- Care-mirror plans: an action paired with a care act and the people who carry it.
CREATE TABLE careplans (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  room_id        TEXT NOT NULL,
  number         INTEGER NOT NULL,
  action         TEXT NOT NULL,
  starts_at      INTEGER NOT NULL,
  ends_at        INTEGER NOT NULL,
  care_act       TEXT,
  status         TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done', 'cancelled')),
  created_by     TEXT NOT NULL,
  created_at     INTEGER NOT NULL,
  closed_at      INTEGER,
  UNIQUE (room_id, number)
);
CREATE INDEX careplans_room_time ON careplans (room_id, starts_at);

CREATE TABLE careplan_volunteers (
  plan_id   INTEGER NOT NULL REFERENCES careplans (id) ON DELETE CASCADE,
  person    TEXT NOT NULL,
  user_id   TEXT,
  name      TEXT NOT NULL,
  joined_at INTEGER NOT NULL,
  PRIMARY KEY (plan_id, person)
);

-- Care acts a room added to the built-in catalog.
CREATE TABLE care_acts (
  room_id  TEXT NOT NULL,
  id       TEXT NOT NULL,
  label    TEXT NOT NULL,
  added_by TEXT NOT NULL,
  added_at INTEGER NOT NULL,
  PRIMARY KEY (room_id, id)
);

-- Campaign tempo of a room, and what the last prompts were (so they do not repeat).
CREATE TABLE room_rhythm (
  room_id            TEXT PRIMARY KEY,
  phase              TEXT NOT NULL DEFAULT 'slow' CHECK (phase IN ('burst', 'slow')),
  phase_since        INTEGER NOT NULL,
  phase_until        INTEGER,
  last_decompression TEXT,
  last_focus         TEXT,
  updated_at         INTEGER NOT NULL
);
