// import_batches: one row per committed import, for the history page and undo. Plain SQL through Kysely (the table
// is the import's own and has no Kysely shape), portable to both engines.
import { sql } from 'kysely';
import { q, type Executor } from '../handle.ts';
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

/** Called inside the import's transaction (pass its Tx), so the record commits or rolls back with the rows. */
export async function recordImportBatch(x: Executor, b: Omit<ImportBatch, 'undoneAt'>): Promise<void> {
  await sql`INSERT INTO import_batches (id, kind, file_name, format, encoding, rows, summary, actor, created_at, updated_at)
       VALUES (${b.batchId}, ${b.kind}, ${b.fileName}, ${b.format}, ${b.encoding}, ${b.rows}, ${JSON.stringify(b.summary)}, ${b.actor},
               ${b.createdAt}, ${b.createdAt})`.execute(q(x));
}

export async function getImportBatch(x: Executor, id: string): Promise<ImportBatch | undefined> {
  const { rows } = await sql<BatchRow>`SELECT * FROM import_batches WHERE id = ${id}`.execute(q(x));
  return rows[0] ? toBatch(rows[0]) : undefined;
}

export async function listImportBatches(x: Executor, offset: number, limit: number): Promise<{ items: ImportBatch[]; total: number }> {
  const { rows } = await sql<BatchRow>`SELECT * FROM import_batches ORDER BY created_at DESC, id DESC LIMIT ${limit} OFFSET ${offset}`.execute(q(x));
  const counted = await sql<{ n: number }>`SELECT count(*) AS n FROM import_batches`.execute(q(x));
  return { items: rows.map(toBatch), total: Number(counted.rows[0]?.n ?? 0) };
}

export async function markImportBatchUndone(x: Executor, id: string, at: string, undoBatchId: string): Promise<void> {
  await sql`UPDATE import_batches SET undone_at = ${at}, undo_batch_id = ${undoBatchId}, updated_at = ${at}, version = import_batches.version + 1
             WHERE id = ${id}`.execute(q(x));
}
