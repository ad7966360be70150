-- Secrets the site generates for itself (the client-ticket signing key). In the store, not in
-- memory or a file, so that every node of a cluster signs and verifies with the same key; the
-- first node to need one inserts it and the others read it (INSERT ... ON CONFLICT DO NOTHING).
CREATE TABLE site_secrets (
    name        TEXT PRIMARY KEY,
    value       BLOB NOT NULL,
    created_at  INTEGER NOT NULL
);

-- One row per client ticket issued (docs/customer_client.md). Only the SHA-256 of the ticket's
-- nonce is kept: the ticket itself lives in the downloaded file. used_at makes a ticket
-- one-time (set by a guarded UPDATE ... WHERE used_at IS NULL). When a client joins with it,
-- customer_token_hash holds the hash of the customer token issued to that client: a second
-- credential for the session, because the store keeps only a hash of the first one.
CREATE TABLE client_tickets (
    nonce_hash           TEXT PRIMARY KEY,
    session_id           INTEGER NOT NULL REFERENCES support_sessions(id) ON DELETE CASCADE,
    created_at           INTEGER NOT NULL,
    expires_at           INTEGER NOT NULL,
    used_at              INTEGER,
    customer_token_hash  TEXT
);
CREATE UNIQUE INDEX client_tickets_token ON client_tickets (customer_token_hash)
    WHERE customer_token_hash IS NOT NULL;
CREATE INDEX client_tickets_unused ON client_tickets (expires_at) WHERE used_at IS NULL;
