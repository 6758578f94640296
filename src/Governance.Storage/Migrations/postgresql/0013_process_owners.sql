-- Which process began a run: its host (name, boot and pid namespace), process id and when that process started. A run
-- left 'running' whose process is gone from this host is failed at once by the next audit, rather than after
-- InterruptedAfter; a run of another host keeps the age rule. Runs begun before this migration have no owner.
ALTER TABLE audit_runs ADD COLUMN owner_host text;
ALTER TABLE audit_runs ADD COLUMN owner_pid integer;
ALTER TABLE audit_runs ADD COLUMN owner_started_at timestamptz;

-- The same for an idempotency key's claim: a retry after the claiming process was killed runs at once on this host,
-- instead of being answered "in progress" until IdempotencyAbandonAfter.
ALTER TABLE idempotency_keys ADD COLUMN owner_host text;
ALTER TABLE idempotency_keys ADD COLUMN owner_pid integer;
ALTER TABLE idempotency_keys ADD COLUMN owner_started_at timestamptz;
