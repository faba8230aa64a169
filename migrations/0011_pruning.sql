-- Pruning of rows that only guard exactly-once delivery (src/kernel/pruning.ts, hourly from the
-- scheduler tick): handled marks, delivered or failed outbox rows, closed Matrix inbox rows. Without
-- these indexes each hourly DELETE would scan its whole table, which after two years is the largest
-- part of the file; with them it reads only the rows old enough to go.
CREATE INDEX handled_events_age ON handled_events (handled_at);
CREATE INDEX outbox_settled_age ON outbox (coalesce(sent_at, failed_at)) WHERE sent_at IS NOT NULL OR failed_at IS NOT NULL;
CREATE INDEX matrix_inbox_closed_age ON matrix_inbox (received_at) WHERE state IN ('done', 'abandoned');
