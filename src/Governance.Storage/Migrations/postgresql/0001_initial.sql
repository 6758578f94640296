-- Current state ("in-flight"): one row per aggregate, its JSON state and its version (the ETag).
-- Keys use the "C" collation so that ordering is by code point, as in SQLite, whatever the server's locale.
CREATE TABLE services (
    id         text COLLATE "C" PRIMARY KEY,
    name       text NOT NULL,
    kind       text NOT NULL,
    owner      text COLLATE "C",
    tier       integer,
    lifecycle  text,
    system     text,
    version    bigint NOT NULL CHECK (version > 0),
    state      text NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE INDEX services_owner ON services (owner);
CREATE INDEX services_tier ON services (tier);

CREATE TABLE catalog_entities (
    kind       text COLLATE "C" NOT NULL,
    id         text COLLATE "C" NOT NULL,
    name       text NOT NULL,
    version    bigint NOT NULL CHECK (version > 0),
    state      text NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (kind, id)
);

-- History ("post-flight"): append-only, hash-chained. payload is text, not jsonb: jsonb reorders keys and
-- would change the hashed bytes. recorded_at keeps microseconds, which is all HistoryEntry.Normalize leaves.
CREATE TABLE history (
    sequence      bigint PRIMARY KEY,
    recorded_at   timestamptz NOT NULL,
    actor         text NOT NULL,
    subject       text COLLATE "C" NOT NULL,
    command       text NOT NULL,
    payload       text NOT NULL,
    version       bigint NOT NULL,
    previous_hash text NOT NULL,
    hash          text NOT NULL
);

CREATE INDEX history_subject ON history (subject, sequence);

-- The last entry's sequence and hash: a log cut short at its end no longer matches it.
CREATE TABLE history_head (
    id       integer PRIMARY KEY CHECK (id = 1),
    sequence bigint NOT NULL,
    hash     text NOT NULL
);

INSERT INTO history_head (id, sequence, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Defence in depth: the store never updates or deletes history; neither may anyone else without dropping these first.
CREATE FUNCTION history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'history is append-only: % is refused', TG_OP;
END;
$$;

CREATE TRIGGER history_no_update BEFORE UPDATE ON history
    FOR EACH ROW EXECUTE FUNCTION history_is_append_only();

CREATE TRIGGER history_no_delete BEFORE DELETE ON history
    FOR EACH ROW EXECUTE FUNCTION history_is_append_only();

CREATE TRIGGER history_no_truncate BEFORE TRUNCATE ON history
    FOR EACH STATEMENT EXECUTE FUNCTION history_is_append_only();
