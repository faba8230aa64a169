-- Cell side: when this cell's moderators confirmed the exchange's safety code (compared with the
-- other cell's outside Matrix), and when a typed code did not match. A contact is sealed only after
-- a match; a mismatch stops the exchange until the right code is typed. No person is recorded.
ALTER TABLE federation_board_matches ADD COLUMN verified_at INTEGER;
ALTER TABLE federation_board_matches ADD COLUMN mismatch_at INTEGER;
