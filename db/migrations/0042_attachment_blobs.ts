import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
export const migration0042AttachmentBlobs: MigrationDefinition = {
  version: 42,
  name: 'attachment_blobs',
  sql: `
-- The bytes of contract attachments kept in the archive itself, content-addressed by their SHA-256 like the
-- attachments folder (the same scan added twice is stored once). A team archive (PostgreSQL) keeps its attachments
-- here, so every client opens them and the server's pg_dump carries them. An SQLite archive keeps its attachments
-- folder beside the data file (its backups, manifests and restores depend on it) and leaves this table empty: it
-- exists on both engines so their schemas stay equal. A row is never changed; it is kept while any attachment row,
-- live or removed, references its bytes, so an undo of a remove always finds them.
CREATE TABLE attachment_blobs (
  sha256 TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64),
  size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
  bytes BLOB NOT NULL,
  created_at TEXT NOT NULL,
  CHECK (length(bytes) = size_bytes)
);
`,
};
