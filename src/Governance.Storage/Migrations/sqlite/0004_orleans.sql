-- Orleans' operational tables: the silo's reminders, beside the product tables. On SQLite the server runs one silo with
-- localhost clustering, so there is no membership table. Orleans' ADO.NET reminders provider reads its SQL at silo start
-- from OrleansQuery (QueryKey → QueryText), a name and columns fixed by the provider; the queries below are this
-- project's, written to the provider's contract: the parameter names it binds (@ServiceId, @GrainId, …) and the result
-- columns it reads by name (GrainId, ReminderName, StartTime, Period, Version). The server opens the provider with the
-- invariant "System.Data.SQLite", which Orleans maps to Microsoft.Data.Sqlite.

-- IF NOT EXISTS: a later migration for another Orleans provider (grain state) may have created it first.
CREATE TABLE IF NOT EXISTS OrleansQuery (
    QueryKey  TEXT PRIMARY KEY,
    QueryText TEXT NOT NULL
) STRICT;

-- Reminders, keyed by the cluster's ServiceId (which therefore must not change between deployments). start_time is the
-- text Microsoft.Data.Sqlite writes for a DateTime (UTC). grain_hash is the grain id's uniform hash as Orleans binds it:
-- a uint reinterpreted as a signed int32, compared signed.
CREATE TABLE orleans_reminders (
    service_id    TEXT NOT NULL,
    grain_id      TEXT NOT NULL,
    reminder_name TEXT NOT NULL,
    start_time    TEXT NOT NULL,
    period_ms     INTEGER NOT NULL CHECK (period_ms >= 0),
    grain_hash    INTEGER NOT NULL,
    version       INTEGER NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
) STRICT;

-- A silo loads the reminders of its slice of the hash ring.
CREATE INDEX orleans_reminders_ring ON orleans_reminders (service_id, grain_hash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Insert, or replace and bump the version; answers the new version.
('UpsertReminderRowKey', '
INSERT INTO orleans_reminders (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
SET start_time = excluded.start_time,
    period_ms = excluded.period_ms,
    grain_hash = excluded.grain_hash,
    version = orleans_reminders.version + 1
RETURNING version AS Version
'),

('ReadReminderRowsKey', '
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId
'),

('ReadReminderRowKey', '
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
'),

-- The ring slice (BeginHash, EndHash] when it does not wrap in signed order.
('ReadRangeRows1Key', '
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
'),

-- The slice that wraps: above BeginHash or up to EndHash (all rows when they are equal).
('ReadRangeRows2Key', '
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
FROM orleans_reminders
WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
'),

-- Deletes only the version the caller read. The provider reads exactly one row with one column (how many rows went):
-- changes() gives it even when nothing matched, which RETURNING would not.
('DeleteReminderRowKey', '
DELETE FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version;
SELECT changes() AS Deleted
'),

('DeleteReminderRowsKey', '
DELETE FROM orleans_reminders WHERE service_id = @ServiceId
');
