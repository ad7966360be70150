-- Delivery state of each outbound endpoint: a cursor into the session event log (the rowid
-- of the last event handled), so that delivery is durable, ordered and survives restarts.
ALTER TABLE event_endpoints ADD COLUMN cursor INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_endpoints ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_endpoints ADD COLUMN next_attempt_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_endpoints ADD COLUMN last_error TEXT NOT NULL DEFAULT '';
ALTER TABLE event_endpoints ADD COLUMN delivered INTEGER NOT NULL DEFAULT 0;
