// The undo on PostgreSQL: the same replay as undoBatchSqlite.ts (each row back to its before-image, a created row
// soft-deleted, a refusal naming the row when anything in it changed since), written through Kysely on the caller's
// transaction. The customers it touched are reindexed one by one (what the SQLite path's bulk index diff equals) and
// their next_expiry_on taken again; the customer_scoped_bigrams triggers move search postings row by row.
import { sql } from 'kysely';
import { q, type Tx } from '../handle.ts';
import { reindexCustomer } from '../repositories/customerSearchIndex.ts';
import { getRow, writeAudit } from '../repositories/auditedWrites.ts';
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
  type UndoMeta,
  type UndoneBatch,
  type UndoOptions,
} from './undoImages.ts';

const SLICE = 500;

function slices<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += SLICE) out.push(items.slice(i, i + SLICE));
  return out;
}

/** PostgreSQL's unique_violation (SQLSTATE 23505), as pg reports it. */
const isUniqueViolation = (e: unknown) => e instanceof Error && 'code' in e && e.code === '23505';

async function touchedCustomers(tx: Tx, entries: Parameters<typeof customersOfImages>[0]) {
  const { written, all, imageless } = customersOfImages(entries);
  for (const [table, ids] of imageless) {
    for (const slice of slices(ids)) {
      const rows = await sql<{ customer_id: string }>`SELECT customer_id FROM ${sql.table(table)} WHERE id IN (${sql.join(slice)})`.execute(q(tx));
      for (const r of rows.rows) all.add(r.customer_id);
    }
  }
  return { written, all };
}

/** customers.next_expiry_on again for these customers; only rows whose value changes are written. */
async function recomputeNextExpiry(tx: Tx, customerIds: readonly string[]): Promise<void> {
  const earliest = sql`(SELECT min(k.ends_on) FROM contracts k
    WHERE k.customer_id = customers.id AND k.deleted_at IS NULL AND k.status = 'active' AND k.ends_on IS NOT NULL)`;
  for (const slice of slices(customerIds)) {
    await sql`UPDATE customers SET next_expiry_on = ${earliest}
      WHERE id IN (${sql.join(slice)}) AND next_expiry_on IS DISTINCT FROM ${earliest}`.execute(q(tx));
  }
}


/** Undoes batch `batchId` inside the caller's transaction `tx`, which a refusal rolls back. */
export async function undoBatchPostgres(tx: Tx, batchId: string, meta: UndoMeta, options: UndoOptions): Promise<UndoneBatch> {
  const entries = await q(tx)
    .selectFrom('audit_log')
    .select(['entity', 'entity_id', 'before', 'after', 'action'])
    .where('batch_id', '=', batchId)
    .orderBy('id', 'desc')
    .execute();
  if (entries.length === 0 && !options.mayBeEmpty) throw unknownBatch(options.field);
  if (entries.some((e) => e.action === 'undone')) throw alreadyUndone(options.field);
  const customers = await touchedCustomers(tx, entries);
  let replayed = 0;
  // Each row put back is audited in the undo's own batch.
  const undoAudit = { at: meta.at, actor: meta.actor, action: 'undo', batchId: meta.batchId };
  for (const e of entries) {
    if (!isAudited(e.entity)) continue;
    replayed++;
    const table = e.entity;
    const key = keyColumn(table);
    const before = image(e.before);
    const after = image(e.after);
    const current = (await getRow(tx, table, e.entity_id)) as Record<string, unknown> | undefined;
    const expected = versionLeftByBatch(before, after);
    if (!current || (expected !== undefined && current['version'] !== expected)) {
      throw changedSince(labelOf(after ?? current ?? null, e.entity_id));
    }
    // The row as read holds every column the table has now: a before-image's column since dropped is skipped.
    if (removedByUndo(before, new Set(Object.keys(current)))) {
      await sql`DELETE FROM ${sql.table(table)} WHERE ${sql.ref(key)} = ${e.entity_id}`.execute(q(tx));
      await writeAudit(tx, undoAudit, table, e.entity_id, current, null);
      continue;
    }
    const restored = restoredColumns(before, current, new Set(Object.keys(current)), meta.at);
    const assignments = Object.entries(restored).map(([column, value]) => sql`${sql.ref(column)} = ${value}`);
    try {
      await sql`UPDATE ${sql.table(table)} SET ${sql.join(assignments)} WHERE ${sql.ref(key)} = ${e.entity_id}`.execute(q(tx));
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken(labelOf(before, e.entity_id));
      throw err;
    }
    await writeAudit(tx, undoAudit, table, e.entity_id, current, { ...current, ...restored });
  }
  for (const id of customers.all) await reindexCustomer(tx, id);
  await recomputeNextExpiry(tx, [...customers.all]);
  // The marker shares the original batch id, so a second undo of the same batch is refused.
  await writeAudit(tx, { at: meta.at, actor: meta.actor, action: 'undone', batchId }, 'batch', batchId, null, { undoBatchId: meta.batchId });
  return { entries: replayed, customersWritten: customers.written, customerIds: [...customers.all] };
}
