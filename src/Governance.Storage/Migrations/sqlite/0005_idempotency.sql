-- Idempotency keys of the write API. The first response to a key is kept, so that a retry with the same key is answered
-- with it instead of writing again. An operational record, not history: rows expire and are deleted.
-- status 'running' holds the key while its first request runs; 'completed' rows carry the response to replay.
CREATE TABLE idempotency_keys (
    actor            TEXT NOT NULL CHECK (actor <> ''),
    request_key      TEXT NOT NULL CHECK (request_key <> ''),
    fingerprint      TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('running', 'completed')),
    created_at       TEXT NOT NULL,
    expires_at       TEXT NOT NULL,
    response_status  INTEGER,
    response_headers TEXT,
    response_body    BLOB,
    CHECK ((status = 'completed') = (response_status IS NOT NULL AND response_headers IS NOT NULL AND response_body IS NOT NULL)),
    PRIMARY KEY (actor, request_key)
) STRICT;

CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
