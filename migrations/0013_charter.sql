-- The living charter: numbered articles a cell writes together and revises in open meetings.
-- Every version of an article is kept with its date and the decision that changed it; notes sit
-- under their article until the cell deals with them (an amendment of the article settles them).
CREATE TABLE charter_articles (
  id INTEGER PRIMARY KEY,
  room_id TEXT NOT NULL,
  number INTEGER NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  removed_at INTEGER,
  UNIQUE (room_id, number)
);

CREATE TABLE charter_versions (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES charter_articles (id) ON DELETE CASCADE,
  change TEXT NOT NULL CHECK (change IN ('start', 'add', 'amend', 'remove')),
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  decision INTEGER,
  changed_at INTEGER NOT NULL
);
CREATE INDEX charter_versions_by_article ON charter_versions (article_id);

CREATE TABLE charter_notes (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES charter_articles (id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  written_by TEXT NOT NULL,
  written_at INTEGER NOT NULL,
  settled_at INTEGER
);
CREATE INDEX charter_notes_open ON charter_notes (article_id) WHERE settled_at IS NULL;

-- A proposal may change the charter when adopted (amend, add or remove an article): what it would
-- change, as JSON, applied in the same transaction as the close.
ALTER TABLE proposals ADD COLUMN charter_change TEXT;
