-- Which Matrix event a delivered message became, and what it is about (e.g. 'careplan:3'), so a
-- reaction to the bot's message can be understood. Neither holds personal data; the text of a
-- delivered message is still emptied.
ALTER TABLE outbox ADD COLUMN event_id TEXT;
ALTER TABLE outbox ADD COLUMN ref TEXT;
CREATE INDEX outbox_delivered_event ON outbox (room_id, event_id) WHERE event_id IS NOT NULL;
