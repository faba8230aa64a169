-- The solidarity fund of each cell: strike funds and hardship support, kept transparent inside the
-- cell. Amounts are integer minor units per currency (cents), so sums are exact.

-- One row per cell with a fund: the short code a member names it by from a direct message (a
-- direct chat has no cell), and the role whose holder keeps the fund.
CREATE TABLE fund_rooms (
  room_id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  keeper_role TEXT NOT NULL DEFAULT 'treasurer'
);

-- Money in and out. A payout is 'proposed' until a second person approves it ('done'); money in is
-- 'done' at once. A granted support request becomes a payout with `request` set and no person, so
-- the room never learns who asked.
CREATE TABLE fund_movements (
  id INTEGER PRIMARY KEY,
  room_id TEXT NOT NULL,
  number INTEGER NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  currency TEXT NOT NULL,
  minor INTEGER NOT NULL CHECK (minor > 0),
  person TEXT,
  note TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('proposed', 'done')),
  request INTEGER,
  proposed_by TEXT NOT NULL,
  proposed_at INTEGER NOT NULL,
  approved_by TEXT,
  effective_at INTEGER,
  UNIQUE (room_id, number)
);
CREATE INDEX fund_movements_effective ON fund_movements (room_id, status, effective_at);

-- Monthly pledges: one per member and currency, totalled in the monthly reminder.
CREATE TABLE fund_pledges (
  room_id TEXT NOT NULL,
  person TEXT NOT NULL,
  currency TEXT NOT NULL,
  minor INTEGER NOT NULL CHECK (minor > 0),
  pledged_at INTEGER NOT NULL,
  PRIMARY KEY (room_id, person, currency)
);

-- Support asked for privately. The asker is known only to the keeper and the approver; the room
-- sees counts. `first_grant_by` holds the first of the two people a grant needs.
CREATE TABLE fund_requests (
  id INTEGER PRIMARY KEY,
  room_id TEXT NOT NULL,
  number INTEGER NOT NULL,
  asker TEXT NOT NULL,
  currency TEXT NOT NULL,
  minor INTEGER NOT NULL CHECK (minor > 0),
  reason TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('waiting', 'granted', 'declined')),
  asked_at INTEGER NOT NULL,
  first_grant_by TEXT,
  decided_by TEXT,
  decided_at INTEGER,
  UNIQUE (room_id, number)
);
