// The attachments' bytes kept in the archive (migration 0042). Kept beside schema.ts, which is at its size limit;
// the table-shape check (electron/services/tableShapes.test.ts) reads both.

/** One content's bytes, by their SHA-256 (hex); never changed once written. Used by team (PostgreSQL) archives. */
export interface AttachmentBlobsTable {
  sha256: string;
  size_bytes: number;
  /** BLOB on SQLite, bytea on PostgreSQL: both drivers hand back a Buffer. */
  bytes: Buffer;
  created_at: string;
}
