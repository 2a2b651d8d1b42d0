// import_batches (the history page, undo) and import_mapping_presets (column mappings reused when the same
// headers come back). Raw prepared statements: these tables are the import's own.
import type { Db } from '../handle.ts';
import { rawOf } from '../handle.ts';

export interface ImportBatchRecord {
  id: string;
  kind: string;
  fileName: string;
  format: string;
  encoding: string | null;
  rows: number;
  summary: Record<string, unknown>;
  actor: string;
  createdAt: string;
  undoneAt: string | null;
}

interface BatchRow {
  id: string;
  kind: string;
  file_name: string;
  format: string;
  encoding: string | null;
  rows: number;
  summary: string;
  actor: string;
  created_at: string;
  undone_at: string | null;
}

const toRecord = (r: BatchRow): ImportBatchRecord => ({
  id: r.id,
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
export function recordImportBatch(db: Db, b: Omit<ImportBatchRecord, 'undoneAt'>): void {
  rawOf(db)
    .prepare(
      `INSERT INTO import_batches (id, kind, file_name, format, encoding, rows, summary, actor, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(b.id, b.kind, b.fileName, b.format, b.encoding, b.rows, JSON.stringify(b.summary), b.actor, b.createdAt, b.createdAt);
}

export function getImportBatch(db: Db, id: string): ImportBatchRecord | undefined {
  const row = rawOf(db).prepare('SELECT * FROM import_batches WHERE id = ?').get(id) as BatchRow | undefined;
  return row ? toRecord(row) : undefined;
}

export function listImportBatches(db: Db, offset: number, limit: number): { items: ImportBatchRecord[]; total: number } {
  const raw = rawOf(db);
  const rows = raw.prepare('SELECT * FROM import_batches ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?').all(limit, offset) as BatchRow[];
  const total = (raw.prepare('SELECT count(*) AS n FROM import_batches').get() as { n: number }).n;
  return { items: rows.map(toRecord), total };
}

export function markImportBatchUndone(db: Db, id: string, at: string, undoBatchId: string): void {
  rawOf(db)
    .prepare('UPDATE import_batches SET undone_at = ?, undo_batch_id = ?, updated_at = ?, version = version + 1 WHERE id = ?')
    .run(at, undoBatchId, at, id);
}

export interface MappingPreset {
  signature: string;
  kind: string;
  headers: string[];
  columns: Record<string, string | null>;
}

export function findMappingPreset(db: Db, signature: string): MappingPreset | undefined {
  const row = rawOf(db).prepare('SELECT signature, kind, headers, columns FROM import_mapping_presets WHERE signature = ?').get(signature) as
    | { signature: string; kind: string; headers: string; columns: string }
    | undefined;
  return row
    ? {
        signature: row.signature,
        kind: row.kind,
        headers: JSON.parse(row.headers) as string[],
        columns: JSON.parse(row.columns) as Record<string, string | null>,
      }
    : undefined;
}

/** Write it inside a transaction (withTransaction), like every raw write on the shared connection. */
export function saveMappingPreset(db: Db, preset: MappingPreset, at: string): void {
  rawOf(db)
    .prepare(
      `INSERT INTO import_mapping_presets (signature, kind, headers, columns, used_count, created_at, updated_at)
       VALUES (?, ?, ?, ?, 1, ?, ?)
       ON CONFLICT(signature) DO UPDATE SET kind = excluded.kind, columns = excluded.columns,
         used_count = used_count + 1, updated_at = excluded.updated_at, version = version + 1`,
    )
    .run(preset.signature, preset.kind, JSON.stringify(preset.headers), JSON.stringify(preset.columns), at, at);
}
