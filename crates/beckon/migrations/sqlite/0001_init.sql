-- Beckon's data model. Times are INTEGER milliseconds since the Unix epoch (UTC), so that the
-- same columns mean the same thing on SQLite and PostgreSQL. Names follow the reference's words.

CREATE TABLE users (
    id                    INTEGER PRIMARY KEY,
    username              TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash         TEXT NOT NULL,
    public_display_name   TEXT NOT NULL,
    private_display_name  TEXT NOT NULL,
    email_address         TEXT NOT NULL DEFAULT '',
    perm_admin            INTEGER NOT NULL DEFAULT 0,
    perm_support          INTEGER NOT NULL DEFAULT 1,
    perm_generate_keys    INTEGER NOT NULL DEFAULT 1,
    perm_command_api      INTEGER NOT NULL DEFAULT 0,
    enabled               INTEGER NOT NULL DEFAULT 1,
    must_change_password  INTEGER NOT NULL DEFAULT 0,
    created_at            INTEGER NOT NULL,
    last_authentication   INTEGER
);

CREATE TABLE skills (
    id            INTEGER PRIMARY KEY,
    code_name     TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL
);

CREATE TABLE user_skills (
    user_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    skill_id  INTEGER NOT NULL REFERENCES skills(id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, skill_id)
);

CREATE TABLE support_teams (
    id                   INTEGER PRIMARY KEY,
    name                 TEXT NOT NULL,
    code_name            TEXT NOT NULL UNIQUE,
    comments             TEXT NOT NULL DEFAULT '',
    routing_mode         TEXT NOT NULL DEFAULT 'none'
                         CHECK (routing_mode IN ('none', 'least_busy', 'skills_then_least_busy')),
    alert_timeout_secs   INTEGER NOT NULL DEFAULT 60,
    persistent_queue     INTEGER NOT NULL DEFAULT 1,
    unavailable_message  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE team_members (
    team_id  INTEGER NOT NULL REFERENCES support_teams(id) ON DELETE CASCADE,
    user_id  INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (team_id, user_id)
);

CREATE TABLE issues (
    id           INTEGER PRIMARY KEY,
    code_name    TEXT NOT NULL UNIQUE,
    description  TEXT NOT NULL,
    team_id      INTEGER NOT NULL REFERENCES support_teams(id),
    position     INTEGER NOT NULL DEFAULT 0
);

-- Skills of an issue, in rank order (rank 0 matters most; routing drops the highest rank first).
CREATE TABLE issue_skills (
    issue_id  INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
    skill_id  INTEGER NOT NULL REFERENCES skills(id) ON DELETE CASCADE,
    rank      INTEGER NOT NULL,
    PRIMARY KEY (issue_id, skill_id)
);

CREATE TABLE custom_fields (
    id             INTEGER PRIMARY KEY,
    code_name      TEXT NOT NULL UNIQUE,
    display_name   TEXT NOT NULL,
    shown_to_reps  INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE languages (
    locale      TEXT PRIMARY KEY,
    enabled     INTEGER NOT NULL DEFAULT 1,
    is_default  INTEGER NOT NULL DEFAULT 0
);

-- Site-wide settings an administrator changes at run time (public URL, key lifetime, ...).
CREATE TABLE site_settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

-- Whether a representative is logged in and what they told routing. Kept in the store, not in
-- memory, so that every server node routes from the same truth.
CREATE TABLE rep_presence (
    user_id           INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    status            TEXT NOT NULL CHECK (status IN ('available', 'busy', 'away')),
    logged_in_since   INTEGER NOT NULL,
    last_seen_at      INTEGER NOT NULL,
    idle_since        INTEGER NOT NULL
);

CREATE TABLE support_sessions (
    id                  INTEGER PRIMARY KEY,
    lsid                TEXT NOT NULL UNIQUE,
    start_type          TEXT NOT NULL CHECK (start_type IN ('chat', 'full')),
    state               TEXT NOT NULL
                        CHECK (state IN ('awaiting_client', 'queued', 'active', 'ended')),
    start_method        TEXT NOT NULL
                        CHECK (start_method IN ('session_key', 'rep', 'issue', 'general')),
    queue_kind          TEXT NOT NULL CHECK (queue_kind IN ('general', 'rep', 'team')),
    queue_ref           INTEGER,
    issue_id            INTEGER REFERENCES issues(id),
    session_key_id      INTEGER,
    skills              TEXT NOT NULL DEFAULT '[]',
    customer_name       TEXT NOT NULL DEFAULT '',
    customer_company    TEXT NOT NULL DEFAULT '',
    customer_company_code TEXT NOT NULL DEFAULT '',
    customer_details    TEXT NOT NULL DEFAULT '',
    locale              TEXT NOT NULL,
    chat_locale         TEXT,
    external_key        TEXT NOT NULL DEFAULT '',
    timezone_offset     INTEGER,
    page_url            TEXT NOT NULL DEFAULT '',
    client_ip           TEXT NOT NULL DEFAULT '',
    owner_id            INTEGER REFERENCES users(id),
    offered_to          INTEGER REFERENCES users(id),
    offered_at          INTEGER,
    created_at          INTEGER NOT NULL,
    queued_at           INTEGER,
    accepted_at         INTEGER,
    ended_at            INTEGER,
    end_reason          TEXT,
    client_deadline     INTEGER,
    next_seq            INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX support_sessions_open ON support_sessions (state, queue_kind, queue_ref);
CREATE INDEX support_sessions_created ON support_sessions (created_at);

-- Custom field values of a session (external_key is a column of the session itself).
CREATE TABLE session_attributes (
    session_id  INTEGER NOT NULL REFERENCES support_sessions(id) ON DELETE CASCADE,
    code_name   TEXT NOT NULL,
    value       TEXT NOT NULL,
    PRIMARY KEY (session_id, code_name)
);

-- The append-only log of a session. seq is dense per session; client_msg_id makes a resent
-- chat message idempotent.
CREATE TABLE session_events (
    session_id     INTEGER NOT NULL REFERENCES support_sessions(id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,
    kind           TEXT NOT NULL,
    actor_kind     TEXT NOT NULL CHECK (actor_kind IN ('system', 'customer', 'rep', 'api')),
    actor_id       INTEGER,
    body           TEXT NOT NULL DEFAULT '{}',
    client_msg_id  TEXT,
    at             INTEGER NOT NULL,
    PRIMARY KEY (session_id, seq)
);
CREATE UNIQUE INDEX session_events_client_msg
    ON session_events (session_id, client_msg_id) WHERE client_msg_id IS NOT NULL;

CREATE TABLE session_keys (
    id            INTEGER PRIMARY KEY,
    short_key     TEXT NOT NULL,
    rep_id        INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    start_type    TEXT NOT NULL DEFAULT 'chat' CHECK (start_type IN ('chat', 'full')),
    external_key  TEXT NOT NULL DEFAULT '',
    attributes    TEXT NOT NULL DEFAULT '{}',
    created_at    INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL,
    used_at       INTEGER,
    revoked_at    INTEGER,
    session_id    INTEGER REFERENCES support_sessions(id)
);
-- A seven-digit key is unique among live (unused, unrevoked) keys only.
CREATE UNIQUE INDEX session_keys_live ON session_keys (short_key)
    WHERE used_at IS NULL AND revoked_at IS NULL;

CREATE TABLE api_accounts (
    id                  INTEGER PRIMARY KEY,
    name                TEXT NOT NULL,
    client_id           TEXT NOT NULL UNIQUE,
    secret_hash         TEXT NOT NULL,
    command_permission  TEXT NOT NULL CHECK (command_permission IN ('none', 'read_only', 'full')),
    reporting           INTEGER NOT NULL DEFAULT 0,
    enabled             INTEGER NOT NULL DEFAULT 1,
    secret_generation   INTEGER NOT NULL DEFAULT 1,
    created_at          INTEGER NOT NULL
);

CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    target    TEXT NOT NULL DEFAULT '',
    before    TEXT,
    after     TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
