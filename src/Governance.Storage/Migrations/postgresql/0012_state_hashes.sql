-- Each entry also carries the hash of the state it produced, so that a state row edited outside the product no longer
-- matches the last entry of its subject. Entries written before this migration have none (and hash as they always did).
ALTER TABLE history ADD COLUMN state_hash text;

-- Every verification of the history and the current states. The API answers from the latest; the latest intact one is the
-- checkpoint an incremental verification starts from. problems holds the first problems found, one per line.
CREATE TABLE history_verifications (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    verified_at        timestamptz NOT NULL,
    scope              text NOT NULL CHECK (scope IN ('full', 'incremental')),
    status             text NOT NULL CHECK (status IN ('intact', 'broken')),
    from_sequence      bigint NOT NULL,
    head_sequence      bigint NOT NULL,
    head_hash          text NOT NULL,
    entries_checked    bigint NOT NULL,
    states_checked     bigint NOT NULL,
    states_not_covered bigint NOT NULL,
    problem_count      bigint NOT NULL,
    problems           text NOT NULL,
    elapsed_ms         bigint NOT NULL
);

CREATE INDEX history_verifications_status ON history_verifications (status, id);
