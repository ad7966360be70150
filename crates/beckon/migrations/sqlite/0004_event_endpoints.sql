-- Outbound event endpoints an administrator configures: where events are POSTed, which
-- events each receives (a JSON array of names), and the shared secret that signs them.
CREATE TABLE event_endpoints (
    id          INTEGER PRIMARY KEY,
    url         TEXT NOT NULL,
    events      TEXT NOT NULL DEFAULT '[]',
    secret      TEXT NOT NULL,
    enabled     INTEGER NOT NULL DEFAULT 1,
    created_at  INTEGER NOT NULL
);
