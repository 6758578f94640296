-- Current state ("in-flight"): one row per aggregate, its JSON state and its version (the ETag).
CREATE TABLE services (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    owner      TEXT,
    tier       INTEGER,
    lifecycle  TEXT,
    system     TEXT,
    version    INTEGER NOT NULL CHECK (version > 0),
    state      TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX services_owner ON services (owner);
CREATE INDEX services_tier ON services (tier);

CREATE TABLE catalog_entities (
    kind       TEXT NOT NULL,
    id         TEXT NOT NULL,
    name       TEXT NOT NULL,
    version    INTEGER NOT NULL CHECK (version > 0),
    state      TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (kind, id)
) STRICT;

-- History ("post-flight"): append-only, hash-chained. recorded_at is HistoryEntry.FormatTime text, exactly what is hashed.
CREATE TABLE history (
    sequence      INTEGER PRIMARY KEY,
    recorded_at   TEXT NOT NULL,
    actor         TEXT NOT NULL,
    subject       TEXT NOT NULL,
    command       TEXT NOT NULL,
    payload       TEXT NOT NULL,
    version       INTEGER NOT NULL,
    previous_hash TEXT NOT NULL,
    hash          TEXT NOT NULL
) STRICT;

CREATE INDEX history_subject ON history (subject, sequence);

-- The last entry's sequence and hash: a log cut short at its end no longer matches it.
CREATE TABLE history_head (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    sequence INTEGER NOT NULL,
    hash     TEXT NOT NULL
) STRICT;

INSERT INTO history_head (id, sequence, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Defence in depth: the store never updates or deletes history; neither may anyone else without dropping these first.
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN
    SELECT RAISE(ABORT, 'history is append-only: UPDATE is refused');
END;

CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN
    SELECT RAISE(ABORT, 'history is append-only: DELETE is refused');
END;
