-- OAuth2 access tokens of API accounts, stored as SHA-256 hashes. A token is valid while it
-- has not expired and its account is enabled with the same secret generation.
CREATE TABLE api_tokens (
    token_hash         TEXT PRIMARY KEY,
    account_id         INTEGER NOT NULL REFERENCES api_accounts(id) ON DELETE CASCADE,
    secret_generation  INTEGER NOT NULL,
    created_at         INTEGER NOT NULL,
    expires_at         INTEGER NOT NULL
);
CREATE INDEX api_tokens_expiry ON api_tokens (expires_at);
