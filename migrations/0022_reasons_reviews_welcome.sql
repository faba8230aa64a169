-- Issue 20. Reasons with votes: an open vote keeps its reason with the vote (forget removes both);
-- a secret ballot keeps its reason with the ballot, keyed by the receipt's hash like its choice,
-- never with a voter (proposal_ballots has no voter column, and WITHOUT ROWID orders it by that
-- random hash, not by the time votes came in).
ALTER TABLE proposal_votes ADD COLUMN reason TEXT;
ALTER TABLE proposal_ballots ADD COLUMN reason TEXT;

-- Decisions that come back: the local day (YYYY-MM-DD, the room's zone) the cell reviews it; none when null.
ALTER TABLE decisions ADD COLUMN review_on TEXT;

-- A welcome for someone new: whether the cell turned it on, and its own words (null: Tandem's).
CREATE TABLE room_welcome (
  room_id TEXT PRIMARY KEY,
  enabled INTEGER NOT NULL DEFAULT 0,
  text TEXT,
  updated_at INTEGER NOT NULL
);
