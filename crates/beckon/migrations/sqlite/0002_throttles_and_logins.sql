-- Wrong session keys per client address, for throttling guesses. Kept in the store so that
-- every server node counts the same failures.
CREATE TABLE key_failures (
    client_ip  TEXT NOT NULL,
    at         INTEGER NOT NULL
);
CREATE INDEX key_failures_ip_at ON key_failures (client_ip, at);

-- Signed-in representatives (console and JSON API). Only a hash of the token is stored.
CREATE TABLE login_sessions (
    token_hash  TEXT PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
);
CREATE INDEX login_sessions_user ON login_sessions (user_id);

-- The customer's capability for their session (chat page, client): only its hash is stored.
ALTER TABLE support_sessions ADD COLUMN customer_token_hash TEXT;
CREATE UNIQUE INDEX support_sessions_customer_token ON support_sessions (customer_token_hash);
