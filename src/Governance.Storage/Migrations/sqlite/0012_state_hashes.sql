-- Each entry also carries the hash of the state it produced, so that a state row edited outside the product no longer
-- matches the last entry of its subject. Entries written before this migration have none (and hash as they always did).
ALTER TABLE history ADD COLUMN state_hash TEXT;

-- Every verification of the history and the current states. The API answers from the latest; the latest intact one is the
-- checkpoint an incremental verification starts from. problems holds the first problems found, one per line.
CREATE TABLE history_verifications (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    verified_at        TEXT NOT NULL,
    scope              TEXT NOT NULL CHECK (scope IN ('full', 'incremental')),
    status             TEXT NOT NULL CHECK (status IN ('intact', 'broken')),
    from_sequence      INTEGER NOT NULL,
    head_sequence      INTEGER NOT NULL,
    head_hash          TEXT NOT NULL,
    entries_checked    INTEGER NOT NULL,
    states_checked     INTEGER NOT NULL,
    states_not_covered INTEGER NOT NULL,
    problem_count      INTEGER NOT NULL,
    problems           TEXT NOT NULL,
    elapsed_ms         INTEGER NOT NULL
) STRICT;

CREATE INDEX history_verifications_status ON history_verifications (status, id);
