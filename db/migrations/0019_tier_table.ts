import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
export const migration0019TierTable: MigrationDefinition = {
  version: 19,
  name: 'tier_table',
  sql: `
-- The tiers as a table (the settings page's tier card, electron/services/tiers/tierTable.service.ts). customers.tier stays the
-- text code. The three built-ins keep their codes and cannot be removed; their name is NULL while the user has
-- not renamed them, so the catalogue names them in the reader's language (VIP/Key/Standard in English).
-- colour: an antd preset colour name (shared/tiers/tierTable.ts TIER_COLOURS). rank: lower is higher, listed so.
-- A tier's reminder ladder and template are its reminder_rules row ('tier', code), as before.
CREATE TABLE tiers (
  code TEXT PRIMARY KEY NOT NULL CHECK (length(code) BETWEEN 1 AND 24),
  name TEXT CHECK (name IS NULL OR length(trim(name)) BETWEEN 1 AND 20),
  colour TEXT NOT NULL,
  rank INTEGER NOT NULL,
  builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
  CHECK (builtin = 1 OR name IS NOT NULL),
  CHECK (builtin = 0 OR deleted_at IS NULL)
);
-- The built-ins existed since the archive did: stamped with its first migration's time (the injected clock's, so
-- two runs of the same upgrade leave the same rows), not SQLite's wall clock.
WITH builtin(code, colour, rank) AS (VALUES ('vip', 'gold', 10), ('important', 'blue', 20), ('normal', 'default', 30)),
     stamp(since) AS (SELECT coalesce((SELECT min(applied_at) FROM schema_migrations), '1970-01-01T00:00:00.000Z'))
INSERT INTO tiers (code, name, colour, rank, builtin, created_at, updated_at)
  SELECT code, NULL, colour, rank, 1, since, since FROM builtin, stamp ORDER BY rank;
`,
};
