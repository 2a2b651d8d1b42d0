// import_batches: one row per committed import, for the history page and undo. Raw prepared statements:
// the table is the import's own.
import type { Db } from '../handle.ts';
import { rawOf } from '../handle.ts';
import type { ImportBatch } from '../../shared/api/import.contract.ts';

interface BatchRow {
  id: string;
  kind: ImportBatch['kind'];
  file_name: string;
  format: string;
  encoding: string | null;
  rows: number;
  summary: string;
  actor: string;
  created_at: string;
  undone_at: string | null;
}

const toBatch = (r: BatchRow): ImportBatch => ({
  batchId: r.id,
  kind: r.kind,
  fileName: r.file_name,
  format: r.format,
  encoding: r.encoding,
  rows: r.rows,
  summary: JSON.parse(r.summary) as Record<string, unknown>,
  actor: r.actor,
  createdAt: r.created_at,
  undoneAt: r.undone_at,
});

/** Called inside the import's transaction, so the record commits or rolls back with the rows. */
export function recordImportBatch(db: Db, b: Omit<ImportBatch, 'undoneAt'>): void {
  rawOf(db)
    .prepare(
      `INSERT INTO import_batches (id, kind, file_name, format, encoding, rows, summary, actor, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(b.batchId, b.kind, b.fileName, b.format, b.encoding, b.rows, JSON.stringify(b.summary), b.actor, b.createdAt, b.createdAt);
}

export function getImportBatch(db: Db, id: string): ImportBatch | undefined {
  const row = rawOf(db).prepare('SELECT * FROM import_batches WHERE id = ?').get(id) as BatchRow | undefined;
  return row ? toBatch(row) : undefined;
}

export function listImportBatches(db: Db, offset: number, limit: number): { items: ImportBatch[]; total: number } {
  const raw = rawOf(db);
  const rows = raw.prepare('SELECT * FROM import_batches ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?').all(limit, offset) as BatchRow[];
  const total = (raw.prepare('SELECT count(*) AS n FROM import_batches').get() as { n: number }).n;
  return { items: rows.map(toBatch), total };
}

export function markImportBatchUndone(db: Db, id: string, at: string, undoBatchId: string): void {
  rawOf(db)
    .prepare('UPDATE import_batches SET undone_at = ?, undo_batch_id = ?, updated_at = ?, version = version + 1 WHERE id = ?')
    .run(at, undoBatchId, at, id);
}
