-- Governance: consent and choice proposals, voted on with native polls or `!vote`, closed at a
-- deadline into the decision log. Votes are personal data (forget removes them); secret ballots are
-- kept in two tables that cannot be joined: who voted (to refuse a second vote) and, apart, the
-- choices keyed by the hash of a random receipt. WITHOUT ROWID orders both by key, never by the
-- order votes came in, so row order cannot pair a voter with a choice either.
CREATE TABLE proposals (
  id INTEGER PRIMARY KEY,
  room_id TEXT NOT NULL,
  number INTEGER NOT NULL,
  question TEXT NOT NULL,
  -- JSON array of the option texts; empty for a consent proposal (agree / abstain / disagree / block)
  options TEXT NOT NULL DEFAULT '[]',
  max_choices INTEGER NOT NULL DEFAULT 1,
  secret INTEGER NOT NULL DEFAULT 0,
  -- secret ballots only: the short code members type in their direct chat with the bot
  ballot_code TEXT UNIQUE,
  proposer TEXT NOT NULL,
  opened_at INTEGER NOT NULL,
  closes_at INTEGER NOT NULL,
  -- JSON array of the member ids in the room when it opened: only they count
  eligible TEXT NOT NULL,
  closed_at INTEGER,
  -- adopted / not_adopted / blocked / no_quorum / chosen / tie, and the totals as JSON
  outcome TEXT,
  totals TEXT,
  -- the decision the outcome was recorded as (its number in the room's decision log)
  decision_number INTEGER,
  -- a 👍 on the proposal is not a vote: the bot says so once per proposal, not at every reaction
  reaction_explained INTEGER NOT NULL DEFAULT 0,
  UNIQUE (room_id, number)
);

-- Open votes: the latest answer of each member.
CREATE TABLE proposal_votes (
  proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
  voter TEXT NOT NULL,
  choices TEXT NOT NULL,
  voted_at INTEGER NOT NULL,
  PRIMARY KEY (proposal_id, voter)
) WITHOUT ROWID;

-- Secret ballots: that a member voted, and nothing else (no time, no choice).
CREATE TABLE proposal_voters (
  proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
  voter TEXT NOT NULL,
  PRIMARY KEY (proposal_id, voter)
) WITHOUT ROWID;

-- Secret ballots: each choice under the hash of the receipt its voter got, never under a person.
CREATE TABLE proposal_ballots (
  proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
  receipt_hash TEXT NOT NULL,
  choices TEXT NOT NULL,
  PRIMARY KEY (proposal_id, receipt_hash)
) WITHOUT ROWID;

-- A room's quorum for proposals: the share of members (in percent) who must answer; none when absent.
CREATE TABLE proposal_quorum (
  room_id TEXT PRIMARY KEY,
  percent INTEGER NOT NULL CHECK (percent BETWEEN 1 AND 100)
);
