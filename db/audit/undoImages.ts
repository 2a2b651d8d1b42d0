// What both undo paths (db/audit/undoBatchSqlite.ts, undoBatchPostgres.ts) share: the batch's audit entries, the
// images they carry, and the errors an undo refuses with, so both engines refuse alike.
import { AppError } from '../../shared/api/appError.ts';
import { msg } from '../../shared/i18n/message.ts';
import { isRow } from '../statementCache.ts';
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

export interface EntryRow {
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  action: string;
}

export const unknownBatch = (field: string) => new AppError('NOT_FOUND', msg('errors.undoUnknown'), field);
export const alreadyUndone = (field: string) => new AppError('UNDO_CONFLICT', msg('errors.undoAlreadyDone'), field);
export const changedSince = (label: string) => new AppError('UNDO_CONFLICT', msg('errors.undoChangedSince', { label }), null);
export const nameTaken = (label: string) => new AppError('UNDO_CONFLICT', msg('errors.undoNameTaken', { label }), null);

const AUDITED = new Set<string>(AUDITED_TABLES);
export const isAudited = (entity: string): entity is AuditedTable => AUDITED.has(entity);
export const CUSTOMER_CHILDREN = new Set<string>(['contacts', 'contracts', 'follow_ups']);
/** Columns an undo never writes back: the row's identity, its version (set apart) and its birth. */
export const FROZEN = new Set(['id', 'key', 'version', 'created_at']);
export const keyColumn = (table: AuditedTable) => (table === 'settings' ? 'key' : table === 'tiers' ? 'code' : 'id');

export function image(json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  const parsed: unknown = JSON.parse(json);
  return isRow(parsed) ? parsed : null;
}

/** What a conflict names: the record's name, number or summary as the user knows it. */
export function labelOf(row: Record<string, unknown> | null, fallback: string): string {
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

/**
 * The customers a batch touched, as far as its images tell: its customer rows, and the customers of its contacts,
 * contracts and follow-ups. Rows created by the import's bulk path carry no image: `imageless` lists them by table,
 * for the caller to read their customer from the row.
 */
export function customersOfImages(entries: readonly EntryRow[]): { written: string[]; all: Set<string>; imageless: Map<string, string[]> } {
  const written: string[] = [];
  const all = new Set<string>();
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
  return { written, all, imageless };
}

/**
 * The columns an undo writes back to a row: the before-image's, less the frozen ones and any the table no longer
 * has; a created row is soft-deleted instead. Its version goes back to the before-image's, so an earlier batch that
 * wrote this row (a later import links terms an earlier one created) still finds the version it left, and undoing
 * imports newest first works.
 */
/**
 * A row the batch created in a table without soft delete (a setting first written, which otherwise reads as its
 * default): its undo removes it, as no deleted_at can hide it.
 */
export function removedByUndo(before: Record<string, unknown> | null, columns: ReadonlySet<string>): boolean {
  return before === null && !columns.has('deleted_at');
}

export function restoredColumns(
  before: Record<string, unknown> | null,
  current: Record<string, unknown>,
  columns: ReadonlySet<string>,
  at: string,
): Record<string, unknown> {
  const restored: Record<string, unknown> = {};
  if (before) {
    for (const [k, v] of Object.entries(before)) if (!FROZEN.has(k) && columns.has(k)) restored[k] = v;
  } else {
    restored['deleted_at'] = at;
  }
  restored['updated_at'] = at;
  restored['version'] = before && typeof before['version'] === 'number' ? before['version'] : Number(current['version']) + 1;
  return restored;
}
