import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import { AppError } from '../../shared/api/appError.ts';
import { msg } from '../../shared/i18n/message.ts';
import { q, type Executor, type Tx } from '../handle.ts';
import { newId } from '../newId.ts';
import type { AuditedTable, Database } from '../schema.ts';

export interface AuditMeta {
  actor: string;
  /** ISO instant of the write; also used for updated_at. */
  at: string;
  action: string;
  batchId?: string | null;
}

/** Every audited table is stamped with a version (schema.ts); the intersection says so for a generic table. */
type Row<T extends AuditedTable> = Selectable<Database[T]> & { version: number };
// Kysely's builder cannot name a column of a table chosen at run time from a union of tables, so these
// three generic writes are raw statements built from identifiers and bound values, typed by their table.
const keyColumn = (table: AuditedTable) => (table === 'settings' ? 'key' : table === 'tiers' ? 'code' : 'id');

/** As Kysely's builder does, an undefined value means "not given": the column keeps its default or value. */
const given = (values: Record<string, unknown>) => Object.entries(values).filter(([, v]) => v !== undefined);

function assignments(values: Record<string, unknown>) {
  return sql.join(given(values).map(([column, value]) => sql`${sql.ref(column)} = ${value}`));
}

export async function getRow<T extends AuditedTable>(x: Executor, table: T, id: string): Promise<Row<T> | undefined> {
  const result = await sql<Row<T>>`SELECT * FROM ${sql.table(table)} WHERE ${sql.ref(keyColumn(table))} = ${id}`.execute(q(x));
  return result.rows[0];
}

export async function writeAudit(
  tx: Tx,
  meta: AuditMeta,
  // 'accounts' is logged but not restorable by undo: its images leave the password hash out (accountsRepo.ts).
  entity: AuditedTable | 'batch' | 'accounts',
  entityId: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  await q(tx)
    .insertInto('audit_log')
    .values({
      id: newId(),
      at: meta.at,
      actor: meta.actor,
      action: meta.action,
      entity,
      entity_id: entityId,
      before: before == null ? null : JSON.stringify(before),
      after: after == null ? null : JSON.stringify(after),
      batch_id: meta.batchId ?? null,
      created_at: meta.at,
      updated_at: meta.at,
    })
    .execute();
}

export async function insertAudited<T extends AuditedTable>(
  tx: Tx,
  table: T,
  values: Omit<Insertable<Database[T]>, 'created_at' | 'updated_at'>,
  meta: AuditMeta,
): Promise<Row<T>> {
  const columns = given({ ...values, created_at: meta.at, updated_at: meta.at });
  const result = await sql<Row<T>>`INSERT INTO ${sql.table(table)} (${sql.join(columns.map(([c]) => sql.ref(c)))})
    VALUES (${sql.join(columns.map(([, v]) => v))}) RETURNING *`.execute(q(tx));
  const row = result.rows[0];
  if (!row) throw new Error(`insert into ${table} returned no row`);
  await writeAudit(tx, meta, table, String(Object.fromEntries(columns)[keyColumn(table)]), null, row);
  return row;
}

/**
 * Updates one row, bumps its version and records before/after. With `expectedVersion`, a row changed by
 * someone else in the meantime is refused instead of silently overwritten.
 */
export async function updateAudited<T extends AuditedTable>(
  tx: Tx,
  table: T,
  id: string,
  patch: Omit<Updateable<Database[T]>, 'updated_at' | 'version' | 'created_at' | 'id'>,
  meta: AuditMeta,
  expectedVersion?: number,
): Promise<Row<T>> {
  const before = await getRow(tx, table, id);
  if (!before) throw new AppError('NOT_FOUND', msg('errors.recordMissing'), null);
  const currentVersion = before.version;
  if (expectedVersion !== undefined && expectedVersion !== currentVersion) {
    throw new AppError('CONFLICT', msg('errors.recordChanged'), 'version');
  }
  const set = assignments({ ...patch, updated_at: meta.at, version: currentVersion + 1 });
  const result = await sql<Row<T>>`UPDATE ${sql.table(table)} SET ${set}
    WHERE ${sql.ref(keyColumn(table))} = ${id} AND version = ${currentVersion} RETURNING *`.execute(q(tx));
  const after = result.rows[0];
  if (!after) throw new AppError('CONFLICT', msg('errors.recordChanged'), 'version');
  await writeAudit(tx, meta, table, id, before, after);
  return after;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  entity: AuditedTable;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  batchId: string | null;
}

function toEntry(r: Selectable<Database['audit_log']>): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity as AuditedTable,
    entityId: r.entity_id,
    before: r.before ? (JSON.parse(r.before) as Record<string, unknown>) : null,
    after: r.after ? (JSON.parse(r.after) as Record<string, unknown>) : null,
    batchId: r.batch_id,
  };
}

export async function listAudit(x: Executor, entity: AuditedTable, entityId: string): Promise<AuditEntry[]> {
  const rows = await q(x)
    .selectFrom('audit_log')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
  return rows.map(toEntry);
}
