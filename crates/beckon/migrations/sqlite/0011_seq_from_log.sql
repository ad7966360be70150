-- An event's seq is now the log's last seq plus one, read from the primary key in the same
-- statement that inserts the event (issue 11: one statement per append). The counter on the
-- session row, a second write per message, is no longer kept.
ALTER TABLE support_sessions DROP COLUMN next_seq;
