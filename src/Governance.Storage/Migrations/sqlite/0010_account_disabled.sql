-- An administrator may disable a local account: it then neither signs in nor uses its API tokens, and its sessions end.
-- The account is kept (the history names it); enabling it again clears the column.
ALTER TABLE accounts ADD COLUMN disabled_at TEXT;
