// customers.next_expiry_on (the earliest end of the customer's live active contracts) after bulk writes.
import { inSlices, type StatementCache } from '../statementCache.ts';
import { inSlicesAsync, type BulkSql } from './bulkSql.ts';

const EARLIEST = `(SELECT min(k.ends_on) FROM contracts k
   WHERE k.customer_id = customers.id AND k.deleted_at IS NULL AND k.status = 'active' AND k.ends_on IS NOT NULL)`;

/** Takes the minimum again for these customers; only rows whose value changes are written. */
export function recomputeNextExpiry(cache: StatementCache, customerIds: readonly string[]): void {
  inSlices(customerIds, 500, (slice) =>
    cache.inList(`UPDATE customers SET next_expiry_on = ${EARLIEST} WHERE id IN ({list}) AND next_expiry_on IS NOT ${EARLIEST}`, slice.length).run(slice),
  );
}

/**
 * Brings next_expiry_on forward to an end just added by an active contract, with no recompute: the new
 * minimum is the earlier of the two. A customer whose value is already as early is not written.
 */
export function bringNextExpiryForward(cache: StatementCache, earliestAdded: ReadonlyMap<string, string>): void {
  const update = cache.get('UPDATE customers SET next_expiry_on = ? WHERE id = ? AND (next_expiry_on IS NULL OR next_expiry_on > ?)');
  for (const [id, endsOn] of earliestAdded) update.run(endsOn, id, endsOn);
}

/** IS NOT compares with NULLs on SQLite; PostgreSQL spells it IS DISTINCT FROM. */
const recomputeSql = (bulk: BulkSql) =>
  `UPDATE customers SET next_expiry_on = ${EARLIEST} WHERE id IN ({list}) AND next_expiry_on ${bulk.engine === 'postgres' ? 'IS DISTINCT FROM' : 'IS NOT'} ${EARLIEST}`;

/** recomputeNextExpiry through a bulk runner on either engine (the import's path). */
export async function recomputeNextExpiryOn(bulk: BulkSql, customerIds: readonly string[]): Promise<void> {
  await inSlicesAsync(customerIds, 500, (slice) => bulk.inListRun(recomputeSql(bulk), slice));
}

/** bringNextExpiryForward through a bulk runner on either engine (the import's path). */
export async function bringNextExpiryForwardOn(bulk: BulkSql, earliestAdded: ReadonlyMap<string, string>): Promise<void> {
  for (const [id, endsOn] of earliestAdded) {
    await bulk.run('UPDATE customers SET next_expiry_on = ? WHERE id = ? AND (next_expiry_on IS NULL OR next_expiry_on > ?)', [endsOn, id, endsOn]);
  }
}
