-- Security for a cell under watch: devices their owners did not verify, and identity changes.

-- A message whose sender's identity changed waits in the inbox, held (not run, not lost), until a
-- moderator trusts the new identity (it is then run) or a week passed (it is then dropped).
ALTER TABLE matrix_inbox ADD COLUMN held_at INTEGER;

-- A member's cross-signing identity changed while she was in this room: the room was told once.
-- approved_by/approved_at are set by a moderator's !trust; the row goes once the new identity is
-- pinned (or the held messages were dropped).
CREATE TABLE identity_holds (
  room_id     TEXT NOT NULL,
  user_id     TEXT NOT NULL,
  since       INTEGER NOT NULL,
  approved_by TEXT,
  approved_at INTEGER,
  PRIMARY KEY (room_id, user_id)
) STRICT;
CREATE INDEX identity_holds_approved ON identity_holds (user_id) WHERE approved_at IS NOT NULL;

-- Devices their owners have not verified, each told about once (in the room it first wrote to).
CREATE TABLE matrix_unverified_devices (
  user_id TEXT NOT NULL,
  device  TEXT NOT NULL,
  room_id TEXT NOT NULL,
  told_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, device)
) STRICT;
