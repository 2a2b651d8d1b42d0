import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
export const migration0037Accounts: MigrationDefinition = {
  version: 37,
  name: 'accounts',
  sql: `
-- Team mode's local accounts (issue 15). A SQLite archive stays single-user and never reads them; a PostgreSQL
-- archive asks for a login once its first account exists. login is kept lower-cased (the service folds it), so
-- the unique index is the case-insensitive one. password_hash is 'scrypt$N$r$p$salt$hash' (base64url parts):
-- the parameters travel with the hash, so they can be raised later without invalidating old passwords.
-- owner_id ties a customer manager (role manager) to the owner whose customers are theirs (the owner-scoping team setting).
CREATE TABLE accounts (
  id TEXT PRIMARY KEY NOT NULL,
  login TEXT NOT NULL CHECK (length(login) BETWEEN 1 AND 64),
  display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 50),
  role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'readonly')),
  owner_id TEXT REFERENCES owners(id),
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX accounts_login ON accounts(login);

-- A signed-in session: only the SHA-256 of its token is stored, so a copy of the database opens no session.
-- Disabling an account or changing its password deletes its sessions.
CREATE TABLE account_sessions (
  token_hash TEXT PRIMARY KEY NOT NULL,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  expires_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX account_sessions_account ON account_sessions(account_id);
`,
};
