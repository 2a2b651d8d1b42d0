// The one undo, for a deleted customer and a whole import alike: replays an audited batch backwards through
// prepared statements (each row back to its before-image, a created row soft-deleted), or refuses, naming
// the row, when anything in it changed since. Search index and next_expiry_on of the customers it touched
// are redone in the same transaction; a 200k-row import batch undoes in seconds.
import { AppError } from '../../shared/api/appError.ts';
import { msg } from '../../shared/i18n/message.ts';
import { recomputeNextExpiry } from '../bulk/bulkNextExpiry.ts';
import { BulkSearchIndex } from '../bulk/bulkSearchIndex.ts';
import { movingScopesInBulk } from '../repositories/customerScopedBigrams.ts';
import { inSlices, isRow, StatementCache } from '../statementCache.ts';
import { rawOf, type Db } from '../handle.ts';
import { newId } from '../newId.ts';
import { AUDITED_TABLES, type AuditedTable } from '../schema.ts';

/** The undo's own batch: its audit rows carry this id. */
export interface UndoMeta {
  batchId: string;
  at: string;
  actor: string;
}

export interface UndoOptions {
  /** The input field that named the batch, for the errors about the batch as a whole. */
  field: string;
  /** An empty batch was still a batch (an import that changed nothing) rather than an unknown one. */
  mayBeEmpty?: boolean;
}

export interface UndoneBatch {
  /** Audit entries of the batch, the 'undone' marker excluded. */
  entries: number;
  /** Customers whose own row the batch wrote. */
  customersWritten: string[];
  /** Customers whose row, contacts, contracts or follow-ups the undo touched. */
  customerIds: string[];
}

const unknownBatch = (field: string) => new AppError('NOT_FOUND', msg('errors.undoUnknown'), field);
const alreadyUndone = (field: string) => new AppError('UNDO_CONFLICT', msg('errors.undoAlreadyDone'), field);
const changedSince = (label: string) => new AppError('UNDO_CONFLICT', msg('errors.undoChangedSince', { label }), null);
const nameTaken = (label: string) => new AppError('UNDO_CONFLICT', msg('errors.undoNameTaken', { label }), null);

const AUDITED = new Set<string>(AUDITED_TABLES);
const isAudited = (entity: string): entity is AuditedTable => AUDITED.has(entity);
const CUSTOMER_CHILDREN = new Set<string>(['contacts', 'contracts', 'follow_ups']);
const FROZEN = new Set(['id', 'key', 'version', 'created_at']);
const keyColumn = (table: AuditedTable) => (table === 'settings' ? 'key' : table === 'tiers' ? 'code' : 'id');

interface EntryRow {
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  action: string;
}

function image(json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  const parsed: unknown = JSON.parse(json);
  return isRow(parsed) ? parsed : null;
}

/** What a conflict names: the record's name, number or summary as the user knows it. */
function labelOf(row: Record<string, unknown> | null, fallback: string): string {
  return String(row?.['name'] ?? row?.['number'] ?? row?.['summary'] ?? fallback);
}

/**
 * The version a batch left its row at, to tell whether anyone edited the row since: the after-image's, or 1
 * for a create audited without an after-image (the import's bulk path); undefined when the entry has neither
 * image and so no version to compare.
 */
export function versionLeftByBatch(before: object | null, after: Record<string, unknown> | null): unknown {
  if (after) return after['version'];
  return before ? undefined : 1;
}

const isUniqueViolation = (e: unknown) => e instanceof Error && 'code' in e && e.code === 'SQLITE_CONSTRAINT_UNIQUE';

/** Customers the batch touched: its customer rows, and the customers of its contacts, contracts and follow-ups. */
function touchedCustomers(cache: StatementCache, entries: readonly EntryRow[]): { written: string[]; all: Set<string> } {
  const written: string[] = [];
  const all = new Set<string>();
  // Rows created by the import's bulk path carry no image: their customer is read from the row.
  const imageless = new Map<string, string[]>();
  for (const e of entries) {
    if (e.entity === 'customers') {
      written.push(e.entity_id);
      all.add(e.entity_id);
    } else if (CUSTOMER_CHILDREN.has(e.entity)) {
      const customerId = image(e.after ?? e.before)?.['customer_id'];
      if (typeof customerId === 'string') all.add(customerId);
      else if (e.after === null && e.before === null) {
        const ids = imageless.get(e.entity);
        if (ids) ids.push(e.entity_id);
        else imageless.set(e.entity, [e.entity_id]);
      }
    }
  }
  for (const [table, ids] of imageless) {
    inSlices(ids, 500, (slice) => {
      const rows = cache.inList(`SELECT customer_id FROM ${table} WHERE id IN ({list})`, slice.length).all(slice) as { customer_id: string }[];
      for (const r of rows) all.add(r.customer_id);
    });
  }
  return { written, all };
}

/** Undoes batch `batchId`. Must run inside a transaction, which a refusal rolls back. */
export function undoBatch(db: Db, batchId: string, meta: UndoMeta, options: UndoOptions): UndoneBatch {
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
      const restored: Record<string, unknown> = {};
      if (before) {
        const columns = tableColumns(table);
        for (const [k, v] of Object.entries(before)) if (!FROZEN.has(k) && columns.has(k)) restored[k] = v;
      } else {
        restored['deleted_at'] = meta.at;
      }
      restored['updated_at'] = meta.at;
      // Back to the before-image's version with its content: an earlier batch that wrote this row (a later import
      // links terms an earlier one created) still finds the version it left, so undoing imports newest first works.
      restored['version'] = before && typeof before['version'] === 'number' ? before['version'] : Number(current['version']) + 1;
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
