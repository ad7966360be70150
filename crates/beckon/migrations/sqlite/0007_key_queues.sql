-- Session keys generated through the command API may route to the general queue, a team or
-- an issue instead of a representative: rep_id becomes optional and the queue is recorded.
CREATE TABLE session_keys_new (
    id            INTEGER PRIMARY KEY,
    short_key     TEXT NOT NULL,
    rep_id        INTEGER REFERENCES users(id) ON DELETE CASCADE,
    queue_kind    TEXT NOT NULL DEFAULT 'rep' CHECK (queue_kind IN ('general', 'rep', 'team', 'issue')),
    queue_ref     INTEGER,
    start_type    TEXT NOT NULL DEFAULT 'chat' CHECK (start_type IN ('chat', 'full')),
    external_key  TEXT NOT NULL DEFAULT '',
    attributes    TEXT NOT NULL DEFAULT '{}',
    created_at    INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL,
    used_at       INTEGER,
    revoked_at    INTEGER,
    session_id    INTEGER REFERENCES support_sessions(id)
);
INSERT INTO session_keys_new (id, short_key, rep_id, queue_kind, queue_ref, start_type, external_key,
    attributes, created_at, expires_at, used_at, revoked_at, session_id)
SELECT id, short_key, rep_id, 'rep', rep_id, start_type, external_key, attributes, created_at,
    expires_at, used_at, revoked_at, session_id FROM session_keys;
DROP TABLE session_keys;
ALTER TABLE session_keys_new RENAME TO session_keys;
CREATE UNIQUE INDEX session_keys_live ON session_keys (short_key)
    WHERE used_at IS NULL AND revoked_at IS NULL;
