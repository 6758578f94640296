-- Fleet audits. A run is written 'running' when it begins; its profiles arrive in the one transaction that marks it
-- 'succeeded', so no reader ever sees part of a run. Failed runs keep their reason and have no profiles.
CREATE TABLE audit_runs (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    started_at         timestamptz NOT NULL,
    finished_at        timestamptz,
    trigger            text NOT NULL,
    policy_set_hash    text NOT NULL,
    status             text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    audited_at         timestamptz,
    policies_evaluated integer,
    services_audited   integer,
    findings           integer,
    failure            text,
    CHECK ((status = 'running') = (finished_at IS NULL)),
    CHECK ((status = 'failed') = (failure IS NOT NULL)),
    CHECK (status <> 'succeeded' OR (audited_at IS NOT NULL AND policies_evaluated IS NOT NULL AND services_audited IS NOT NULL AND findings IS NOT NULL))
);

CREATE INDEX audit_runs_status ON audit_runs (status, id);

-- One row per service with at least one trait. score and level are kept beside the traits for queries ("the riskiest
-- services"); policy_ids (space-separated, sorted) gives a run's finding keys without parsing every trait.
CREATE TABLE audit_profiles (
    run_id     bigint NOT NULL REFERENCES audit_runs (id),
    service_id text COLLATE "C" NOT NULL CHECK (service_id <> ''),
    score      integer NOT NULL CHECK (score >= 0),
    level      text NOT NULL CHECK (level IN ('none', 'low', 'medium', 'high', 'critical')),
    policy_ids text NOT NULL CHECK (policy_ids <> ''),
    traits     text NOT NULL,
    PRIMARY KEY (run_id, service_id)
);
