-- The first findings (by service, then policy) that a succeeded run found new, and found resolved, against the succeeded run
-- before it; the counts are in audit_run_changes. What the risks page lists, kept when the run is stored: diffing two runs of
-- 100,000 services on each view takes most of a second. Runs stored before this migration have none; their diff is computed.
CREATE TABLE audit_run_changed_findings (
    run_id     INTEGER NOT NULL,
    change     TEXT NOT NULL CHECK (change IN ('new', 'resolved')),
    service_id TEXT NOT NULL,
    policy_id  TEXT NOT NULL,
    PRIMARY KEY (run_id, change, service_id, policy_id)
) STRICT, WITHOUT ROWID;
