import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
export const migration0004ImportBatches: MigrationDefinition = {
  version: 4,
  name: 'import_batches',
  sql: `
-- One row per committed import. The id is the audit_log batch_id of every write the import made, so undo
-- replays exactly those writes. summary holds the counts the importer reported (JSON).
CREATE TABLE import_batches (
  id TEXT PRIMARY KEY NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('contracts', 'customers', 'followups')),
  file_name TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('csv', 'xlsx')),
  encoding TEXT,
  rows INTEGER NOT NULL,
  summary TEXT NOT NULL CHECK (json_valid(summary)),
  actor TEXT NOT NULL,
  undone_at TEXT,
  undo_batch_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX import_batches_created ON import_batches(created_at);

-- Column mappings the user confirmed, reused when a file with the same headers comes back. signature is the
-- normalized header row; columns is a JSON object from normalized header to field (or null to ignore).
CREATE TABLE import_mapping_presets (
  signature TEXT PRIMARY KEY NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('contracts', 'customers', 'followups')),
  headers TEXT NOT NULL CHECK (json_valid(headers)),
  columns TEXT NOT NULL CHECK (json_valid(columns)),
  used_count INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
) WITHOUT ROWID;
`,
};
