import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
export const migration0022ContractAttachments: MigrationDefinition = {
  version: 22,
  name: 'contract_attachments',
  sql: `
-- A contract's attachments (the scanned contract, a PDF or a photo). The bytes live in the attachments folder beside
-- the data file, content-addressed by their SHA-256 (the same scan added twice is stored once); a row is the
-- reference. Audited like the other records: undoing an add soft-deletes the row, and a file no row references is
-- removed by the next backup, after that backup has kept it in the backups' own store. A deleted contract hides its
-- attachments without touching them, so restoring the contract brings them back.
CREATE TABLE contract_attachments (
  id TEXT PRIMARY KEY NOT NULL,
  contract_id TEXT NOT NULL REFERENCES contracts(id),
  file_name TEXT NOT NULL CHECK (length(file_name) > 0),
  stored_name TEXT NOT NULL,
  mime TEXT NOT NULL,
  size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT
);
CREATE INDEX contract_attachments_contract ON contract_attachments(contract_id, created_at) WHERE deleted_at IS NULL;
CREATE INDEX contract_attachments_sha256 ON contract_attachments(sha256);
`,
};
