// Undo of a whole import batch through prepared statements: the same rules as undoBatch in auditedWrites.ts
// (replay backwards, restore before-images, soft-delete created rows, refuse when a row changed since, one
// 'undone' marker), but without per-row query building, so a 200k-row batch undoes in seconds.
import { AppError } from '../../shared/api/appError.ts';
import type { Db } from '../handle.ts';
import { rawOf } from '../handle.ts';
import { newId } from '../newId.ts';
import { versionLeftByBatch } from '../repositories/auditedWrites.ts';
import type { BatchMeta } from './chunkPlan.ts';
import { BulkSearchIndex } from '../bulk/bulkSearchIndex.ts';
import { recomputeNextExpiry } from '../bulk/bulkNextExpiry.ts';
import { inSlices, StatementCache } from '../bulk/statementCache.ts';

const TABLES = new Set(['owners', 'customers', 'contacts', 'contracts', 'follow_ups']);
const FROZEN = new Set(['id', 'version', 'created_at']);

export interface UndoneBatch {
  entries: number;
  /** Customers whose rows, contacts or contracts the undo touched; their index and next expiry are redone. */
  customerIds: string[];
}

interface Entry {
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  action: string;
}

/** Must run inside a transaction; `meta.batchId` is the undo's own batch id. */
export function undoImportBatch(db: Db, batchId: string, meta: BatchMeta): UndoneBatch {
  const raw = rawOf(db);
  const cache = new StatementCache(raw);
  const entries = raw
    .prepare('SELECT entity, entity_id, before, after, action FROM audit_log WHERE batch_id = ? ORDER BY id DESC')
    .all(batchId) as Entry[];
  if (entries.some((e) => e.action === 'undone')) throw new AppError('UNDO_CONFLICT', '这次导入已经撤销过', 'batchId');
  const customerIds = new Set<string>();
  // Rows the batch created carry no image (importBulkWriter.ts): their customer is read from the row.
  const imageless = new Map<string, string[]>();
  for (const e of entries) {
    if (e.entity === 'customers') customerIds.add(e.entity_id);
    else if (TABLES.has(e.entity) && e.entity !== 'owners') {
      const image = e.after ?? e.before;
      if (image === null) {
        const ids = imageless.get(e.entity) ?? [];
        imageless.set(e.entity, ids);
        ids.push(e.entity_id);
        continue;
      }
      const { customer_id } = JSON.parse(image) as { customer_id?: string };
      if (customer_id) customerIds.add(customer_id);
    }
  }
  for (const [table, ids] of imageless) {
    inSlices(ids, 500, (slice) => {
      const rows = cache.inList(`SELECT customer_id FROM ${table} WHERE id IN ({list})`, slice.length).all(slice) as { customer_id: string }[];
      for (const r of rows) customerIds.add(r.customer_id);
    });
  }
  const index = new BulkSearchIndex(cache);
  index.captureBefore([...customerIds]);
  const columnsOf = new Map<string, Set<string>>();
  const tableColumns = (table: string) => {
    let cols = columnsOf.get(table);
    if (!cols) {
      cols = new Set((raw.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((r) => r.name));
      columnsOf.set(table, cols);
    }
    return cols;
  };
  const audit = cache.get(
    `INSERT INTO audit_log (id, at, actor, action, entity, entity_id, before, after, batch_id, created_at, updated_at)
     VALUES (?, ?, ?, 'undo', ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const e of entries) {
    if (!TABLES.has(e.entity)) continue;
    const after = e.after ? (JSON.parse(e.after) as Record<string, unknown>) : null;
    const before = e.before ? (JSON.parse(e.before) as Record<string, unknown>) : null;
    const current = cache.get(`SELECT * FROM ${e.entity} WHERE id = ?`).get(e.entity_id) as Record<string, unknown> | undefined;
    const expectedVersion = versionLeftByBatch(before, after);
    if (!current || (expectedVersion !== undefined && current['version'] !== expectedVersion)) {
      const image = after ?? current;
      const label = String(image?.['name'] ?? image?.['number'] ?? image?.['summary'] ?? e.entity_id);
      throw new AppError('UNDO_CONFLICT', `无法撤销：「${label}」在这次导入之后又被修改过`, null);
    }
    const restored: Record<string, unknown> = {};
    if (before) {
      const cols = tableColumns(e.entity);
      for (const [k, v] of Object.entries(before)) if (!FROZEN.has(k) && cols.has(k)) restored[k] = v;
    } else {
      restored['deleted_at'] = meta.at;
    }
    restored['updated_at'] = meta.at;
    restored['version'] = (current['version'] as number) + 1;
    const keys = Object.keys(restored);
    try {
      cache.get(`UPDATE ${e.entity} SET ${keys.map((k) => `${k} = ?`).join(', ')} WHERE id = ?`).run(...keys.map((k) => restored[k]), e.entity_id);
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        const label = String(before?.['name'] ?? before?.['number'] ?? e.entity_id);
        throw new AppError('UNDO_CONFLICT', `无法撤销：已存在同名记录「${label}」`, null);
      }
      throw err;
    }
    audit.run(newId(), meta.at, meta.actor, e.entity, e.entity_id, JSON.stringify(current), JSON.stringify({ ...current, ...restored }), meta.batchId, meta.at, meta.at);
  }
  index.refresh([...customerIds]);
  index.finish();
  recomputeNextExpiry(cache, [...customerIds]);
  raw
    .prepare(
      `INSERT INTO audit_log (id, at, actor, action, entity, entity_id, before, after, batch_id, created_at, updated_at)
       VALUES (?, ?, ?, 'undone', 'batch', ?, NULL, ?, ?, ?, ?)`,
    )
    .run(newId(), meta.at, meta.actor, batchId, JSON.stringify({ undoBatchId: meta.batchId }), batchId, meta.at, meta.at);
  return { entries: entries.length, customerIds: [...customerIds] };
}
