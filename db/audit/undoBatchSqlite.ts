// The undo on SQLite: replays an audited batch backwards through prepared statements on the raw connection (each
// row back to its before-image, a created row soft-deleted), or refuses, naming the row, when anything in it
// changed since. Search index and next_expiry_on of the customers it touched are redone in the same transaction;
// a 200k-row import batch undoes in seconds. db/audit/undoBatch.ts picks this or the PostgreSQL path.
import { recomputeNextExpiry } from '../bulk/bulkNextExpiry.ts';
import { BulkSearchIndex } from '../bulk/bulkSearchIndex.ts';
import { movingScopesInBulk } from '../repositories/customerScopedBigrams.ts';
import { inSlices, isRow, StatementCache } from '../statementCache.ts';
import { rawOf, type Db } from '../handle.ts';
import { newId } from '../newId.ts';
import type { AuditedTable } from '../schema.ts';
import {
  alreadyUndone,
  changedSince,
  customersOfImages,
  image,
  isAudited,
  keyColumn,
  labelOf,
  nameTaken,
  removedByUndo,
  restoredColumns,
  unknownBatch,
  versionLeftByBatch,
  type EntryRow,
  type UndoMeta,
  type UndoneBatch,
  type UndoOptions,
} from './undoImages.ts';

const isUniqueViolation = (e: unknown) => e instanceof Error && 'code' in e && e.code === 'SQLITE_CONSTRAINT_UNIQUE';

/** Customers the batch touched: its customer rows, and the customers of its contacts, contracts and follow-ups. */
function touchedCustomers(cache: StatementCache, entries: readonly EntryRow[]): { written: string[]; all: Set<string> } {
  const { written, all, imageless } = customersOfImages(entries);
  for (const [table, ids] of imageless) {
    inSlices(ids, 500, (slice) => {
      const rows = cache.inList(`SELECT customer_id FROM ${table} WHERE id IN ({list})`, slice.length).all(slice) as { customer_id: string }[];
      for (const r of rows) all.add(r.customer_id);
    });
  }
  return { written, all };
}

/** Undoes batch `batchId`. Must run inside a transaction, which a refusal rolls back. */
export function undoBatchSqlite(db: Db, batchId: string, meta: UndoMeta, options: UndoOptions): UndoneBatch {
  const raw = rawOf(db);
  const cache = new StatementCache(raw);
  const entries = cache
    .get('SELECT entity, entity_id, before, after, action FROM audit_log WHERE batch_id = ? ORDER BY id DESC')
    .all(batchId) as EntryRow[];
  if (entries.length === 0 && !options.mayBeEmpty) throw unknownBatch(options.field);
  if (entries.some((e) => e.action === 'undone')) throw alreadyUndone(options.field);
  const customers = touchedCustomers(cache, entries);
  const index = new BulkSearchIndex(cache);
  index.captureBefore([...customers.all]);
  const columnsOf = new Map<string, Set<string>>();
  const tableColumns = (table: AuditedTable) => {
    let columns = columnsOf.get(table);
    if (!columns) {
      const info = cache.get('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[];
      columns = new Set(info.map((r) => r.name));
      columnsOf.set(table, columns);
    }
    return columns;
  };
  const audit = cache.get(
    `INSERT INTO audit_log (id, at, actor, action, entity, entity_id, before, after, batch_id, created_at, updated_at)
     VALUES (?, ?, ?, 'undo', ?, ?, ?, ?, ?, ?, ?)`,
  );
  let replayed = 0;
  // Many customers' rows put back (a bulk tier apply's, a handover's) take their search postings along set-wise;
  // the loop changes no bigrams (the index is refreshed after it), as the mover requires.
  movingScopesInBulk(raw, customers.written.length, () => {
    for (const e of entries) {
      if (!isAudited(e.entity)) continue;
      replayed++;
      const table = e.entity;
      const key = keyColumn(table);
      const before = image(e.before);
      const after = image(e.after);
      const current = cache.get(`SELECT * FROM ${table} WHERE ${key} = ?`).get(e.entity_id);
      const expected = versionLeftByBatch(before, after);
      if (!isRow(current) || (expected !== undefined && current['version'] !== expected)) {
        throw changedSince(labelOf(after ?? (isRow(current) ? current : null), e.entity_id));
      }
      if (removedByUndo(before, tableColumns(table))) {
        cache.get(`DELETE FROM ${table} WHERE ${key} = ?`).run(e.entity_id);
        audit.run(newId(), meta.at, meta.actor, table, e.entity_id, JSON.stringify(current), null, meta.batchId, meta.at, meta.at);
        continue;
      }
      const restored = restoredColumns(before, current, tableColumns(table), meta.at);
      const keys = Object.keys(restored);
      try {
        cache.get(`UPDATE ${table} SET ${keys.map((k) => `${k} = ?`).join(', ')} WHERE ${key} = ?`).run(...keys.map((k) => restored[k]), e.entity_id);
      } catch (err) {
        if (isUniqueViolation(err)) throw nameTaken(labelOf(before, e.entity_id));
        throw err;
      }
      audit.run(newId(), meta.at, meta.actor, table, e.entity_id, JSON.stringify(current), JSON.stringify({ ...current, ...restored }), meta.batchId, meta.at, meta.at);
    }
  });
  index.refresh([...customers.all]);
  index.finish();
  recomputeNextExpiry(cache, [...customers.all]);
  // The marker shares the original batch id, so a second undo of the same batch is refused.
  cache
    .get(
      `INSERT INTO audit_log (id, at, actor, action, entity, entity_id, before, after, batch_id, created_at, updated_at)
       VALUES (?, ?, ?, 'undone', 'batch', ?, NULL, ?, ?, ?, ?)`,
    )
    .run(newId(), meta.at, meta.actor, batchId, JSON.stringify({ undoBatchId: meta.batchId }), batchId, meta.at, meta.at);
  return { entries: replayed, customersWritten: customers.written, customerIds: [...customers.all] };
}
