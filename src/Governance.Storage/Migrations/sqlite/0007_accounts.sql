-- The server's local accounts (the embedded default's identity) and their API tokens. Secrets are kept only as salted
-- hashes. An operational record like idempotency keys: a sign-in failure count changes without a history entry.
CREATE TABLE accounts (
    name            TEXT PRIMARY KEY CHECK (name <> ''),
    roles           TEXT NOT NULL CHECK (roles <> ''),
    team            TEXT,
    tier            INTEGER CHECK (tier BETWEEN 0 AND 3),
    password_hash   TEXT,
    failed_sign_ins INTEGER NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
    locked_until    TEXT,
    created_at      TEXT NOT NULL
) STRICT;

CREATE TABLE api_tokens (
    id          TEXT PRIMARY KEY CHECK (id <> ''),
    account     TEXT NOT NULL REFERENCES accounts (name),
    secret_hash TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL
) STRICT;

CREATE INDEX api_tokens_account ON api_tokens (account);

-- The server's data-protection key ring (what signs session cookies and antiforgery tokens), shared by every node so that
-- a session begun on one is good on the others and survives restarts.
CREATE TABLE data_protection_keys (
    name       TEXT PRIMARY KEY CHECK (name <> ''),
    xml        TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
