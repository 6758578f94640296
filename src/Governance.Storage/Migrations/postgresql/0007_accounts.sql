-- The server's local accounts (the embedded default's identity) and their API tokens. Secrets are kept only as salted
-- hashes. An operational record like idempotency keys: a sign-in failure count changes without a history entry.
CREATE TABLE accounts (
    name            text COLLATE "C" PRIMARY KEY CHECK (name <> ''),
    roles           text NOT NULL CHECK (roles <> ''),
    team            text,
    tier            integer CHECK (tier BETWEEN 0 AND 3),
    password_hash   text,
    failed_sign_ins integer NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
    locked_until    timestamptz,
    created_at      timestamptz NOT NULL
);

CREATE TABLE api_tokens (
    id          text COLLATE "C" PRIMARY KEY CHECK (id <> ''),
    account     text COLLATE "C" NOT NULL REFERENCES accounts (name),
    secret_hash text NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);

CREATE INDEX api_tokens_account ON api_tokens (account);

-- The server's data-protection key ring (what signs session cookies and antiforgery tokens), shared by every node so that
-- a session begun on one is good on the others and survives restarts.
CREATE TABLE data_protection_keys (
    name       text COLLATE "C" PRIMARY KEY CHECK (name <> ''),
    xml        text NOT NULL,
    created_at timestamptz NOT NULL
);
