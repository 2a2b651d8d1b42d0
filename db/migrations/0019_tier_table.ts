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
INSERT INTO tiers (code, name, colour, rank, builtin, created_at, updated_at) VALUES
  ('vip', NULL, 'gold', 10, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('important', NULL, 'blue', 20, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('normal', NULL, 'default', 30, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
`,
};
