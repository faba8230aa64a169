-- A quorum is a share of members (30%) or a number of people (3 people): exactly one of the two.
CREATE TABLE proposal_quorum_next (
  room_id TEXT PRIMARY KEY,
  percent INTEGER CHECK (percent BETWEEN 1 AND 100),
  people INTEGER CHECK (people BETWEEN 1 AND 10000),
  CHECK ((percent IS NULL) <> (people IS NULL))
);
INSERT INTO proposal_quorum_next (room_id, percent) SELECT room_id, percent FROM proposal_quorum;
DROP TABLE proposal_quorum;
ALTER TABLE proposal_quorum_next RENAME TO proposal_quorum;

-- Console mode has no member list: a name that typed in a room is one of its members from then on.
CREATE TABLE console_members (
  room_id   TEXT NOT NULL,
  user_id   TEXT NOT NULL,
  joined_at INTEGER NOT NULL,
  PRIMARY KEY (room_id, user_id)
);
