-- Failed sign-ins, counted per account (`user:NAME`) and per address (`ip:ADDR`) so that
-- password guessing is throttled on every server node alike.
CREATE TABLE auth_failures (
    scope  TEXT NOT NULL,
    at     INTEGER NOT NULL
);
CREATE INDEX auth_failures_scope_at ON auth_failures (scope, at);
