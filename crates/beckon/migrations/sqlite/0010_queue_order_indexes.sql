-- Queue positions for thousands of waiting customers (issue 11): the order inside a queue
-- and the recent waits of a queue are read from indexes instead of scanning the table.
DROP INDEX support_sessions_open;
CREATE INDEX support_sessions_queue_order
    ON support_sessions (state, queue_kind, queue_ref, queued_at, id);
CREATE INDEX support_sessions_queue_accepted
    ON support_sessions (queue_kind, queue_ref, accepted_at);
