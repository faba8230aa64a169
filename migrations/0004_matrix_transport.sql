-- The bot's Matrix session: obtained once (password login) or given in the config, then reused
-- on every start so the bot keeps one device. One row.
CREATE TABLE matrix_session (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  homeserver   TEXT NOT NULL,
  user_id      TEXT NOT NULL,
  device_id    TEXT NOT NULL,
  access_token TEXT NOT NULL,
  created_at   INTEGER NOT NULL
) STRICT;

-- Every message event of a joined room, recorded from the raw /sync response before matrix-js-sdk
-- sees it (so before the sync position that contains it can be persisted). A row is 'pending'
-- until the dispatcher handled it or it was ignored ('done'); 'undecryptable' rows are retried
-- when keys arrive and become 'abandoned' once their sender was asked to send the message again.
-- Raw events of encrypted rooms are ciphertext; done rows are pruned after a week.
CREATE TABLE matrix_inbox (
  seq              INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id         TEXT NOT NULL UNIQUE,
  room_id          TEXT NOT NULL,
  sender           TEXT NOT NULL,
  origin_ts        INTEGER NOT NULL,
  raw              TEXT,
  state            TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'undecryptable', 'done', 'abandoned')),
  received_at      INTEGER NOT NULL,
  undecryptable_at INTEGER
) STRICT;
CREATE INDEX matrix_inbox_open ON matrix_inbox (seq) WHERE state IN ('pending', 'undecryptable');
CREATE INDEX matrix_inbox_room ON matrix_inbox (room_id, origin_ts);

-- Per room: when the bot last joined (older events are history, not commands to answer) and
-- whether the room was told that the bot works only with encryption.
CREATE TABLE matrix_rooms (
  room_id                  TEXT PRIMARY KEY,
  joined_at                INTEGER,
  unencrypted_explained_at INTEGER
) STRICT;
