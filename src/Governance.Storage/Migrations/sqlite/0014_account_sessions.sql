-- When an account's sessions were last ended (a new password, or an administrator's "End sessions"): a sign-in cookie
-- issued before this time no longer holds. Null while no session was ever ended.
ALTER TABLE accounts ADD COLUMN sessions_ended_at TEXT;
