-- A cell's ledger read together: on a Tandem of many cells, entries arrive interleaved in time, so
-- the rows of one cell are spread over as many pages as it has entries, and an export of 10,000
-- entries read ~20,000 pages (each decrypted by SQLCipher) for rows and givers. These indexes hold
-- every column those reads need, ordered by room, so one cell's ledger sits on a few hundred pages
-- (bench/README.md, "Scale on one machine").

-- Givers carry their entry's room. moveRoom moves it with every other room-keyed column, and
-- ledgerRepo writes it with the giver; rows written before are filled in here from their entry.
ALTER TABLE ledger_givers ADD COLUMN room_id TEXT NOT NULL DEFAULT '';
UPDATE ledger_givers SET room_id = (SELECT e.room_id FROM ledger_entries e WHERE e.id = ledger_givers.entry_id);
CREATE INDEX ledger_givers_room ON ledger_givers (room_id, entry_id, position, user_id, name);

-- Replaces (room_id, recorded_at), of which it is an extension: a month reads the same range.
DROP INDEX ledger_entries_room_time;
CREATE INDEX ledger_entries_room_rows ON ledger_entries (room_id, recorded_at, number, id, what, amount, unit, kind, recorded_by, status);
