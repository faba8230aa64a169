-- Every command message handled, so a redelivered event is never handled twice.
CREATE TABLE handled_events (
  event_id   TEXT PRIMARY KEY,
  room_id    TEXT NOT NULL,
  handled_at INTEGER NOT NULL
);

-- Replies and posts waiting to be delivered; `key` doubles as the Matrix transaction id.
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  room_id         TEXT NOT NULL,
  key             TEXT NOT NULL UNIQUE,
  kind            TEXT NOT NULL CHECK (kind IN ('reply', 'notice')),
  doc             TEXT NOT NULL,
  reply_to        TEXT,
  thread_root     TEXT,
  created_at      INTEGER NOT NULL,
  sent_at         INTEGER,
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  -- set when the homeserver refuses for good (e.g. the bot left the room); kept for the operator
  failed_at       INTEGER,
  last_error      TEXT
);
CREATE INDEX outbox_pending ON outbox (id) WHERE sent_at IS NULL AND failed_at IS NULL;

CREATE TABLE room_settings (
  room_id    TEXT PRIMARY KEY,
  language   TEXT,
  timezone   TEXT,
  updated_at INTEGER NOT NULL
);
