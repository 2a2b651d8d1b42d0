// One import = one transaction on the raw connection: lookups, the bulk writer, the search index and
// next_expiry_on upkeep, all through prepared statements. Joining withTransaction holds Kysely's connection
// for the whole import, so no other query can interleave with the open transaction.
import type { Db } from '../handle.ts';
import { rawOf } from '../handle.ts';
import { withTransaction } from '../withTransaction.ts';
import { loadNameSortKey } from './customerNameSortKeys.ts';
import { ImportBulkWriter, type BatchMeta } from './importBulkWriter.ts';
import {
  contractsByCustomerEnd,
  contractsByNumber,
  customersByName,
  followUpsOfCustomers,
  ownersByName,
  type ContractSnapshot,
  type CustomerSnapshot,
} from './importLookups.ts';
import { ImportSearchIndex } from './importSearchIndex.ts';
import { inSlices, setPageCache, type StatementCache } from './importStatements.ts';

/**
 * The page cache an import works with, half the connection's usual one: it keeps a million-row import under
 * 300 MB of memory, for about 3% more time at 200k rows (measured in bench:import; 16 MiB cost 25%).
 */
const IMPORT_CACHE_KIB = 32 * 1024;

/** next_expiry_on = earliest end of the customer's live active contracts; only rows that change are written. */
export function refreshNextExpiryBulk(cache: StatementCache, customerIds: readonly string[]): void {
  const earliest = `(SELECT min(k.ends_on) FROM contracts k
     WHERE k.customer_id = customers.id AND k.deleted_at IS NULL AND k.status = 'active' AND k.ends_on IS NOT NULL)`;
  inSlices(customerIds, 500, (slice) =>
    cache.inList(`UPDATE customers SET next_expiry_on = ${earliest} WHERE id IN ({list}) AND next_expiry_on IS NOT ${earliest}`, slice.length).run(slice),
  );
}

export class ImportSession {
  readonly writer: ImportBulkWriter;
  readonly index: ImportSearchIndex;

  constructor(db: Db, meta: BatchMeta) {
    this.writer = new ImportBulkWriter(rawOf(db), meta);
    this.index = new ImportSearchIndex(this.writer.cache);
  }

  customersByName(names: readonly string[]): Map<string, CustomerSnapshot> {
    return customersByName(this.writer.cache, names);
  }
  ownersByName(names: readonly string[]): Map<string, string> {
    return ownersByName(this.writer.cache, names);
  }
  contractsByNumber(numbers: readonly string[]): Map<string, ContractSnapshot> {
    return contractsByNumber(this.writer.cache, numbers);
  }
  contractsByCustomerEnd(pairs: readonly { customerId: string; endsOn: string }[]): Map<string, ContractSnapshot[]> {
    return contractsByCustomerEnd(this.writer.cache, pairs);
  }
  followUpsOfCustomers(customerIds: readonly string[]): Map<string, string> {
    return followUpsOfCustomers(this.writer.cache, customerIds);
  }

  /** Sets next_expiry_on to a value the caller knows (an earlier end it just added), with no recompute. */
  setNextExpiry(pairs: readonly [customerId: string, endsOn: string][]): void {
    const update = this.writer.cache.get('UPDATE customers SET next_expiry_on = ? WHERE id = ?');
    for (const [id, endsOn] of pairs) update.run(endsOn, id);
  }

  refreshNextExpiry(customerIds: readonly string[]): void {
    refreshNextExpiryBulk(this.writer.cache, customerIds);
  }

  finish(): void {
    this.writer.flush();
    this.index.finish();
  }
}

/**
 * Runs an import in one transaction. `work` may throw to roll everything back (a dry run does, on purpose).
 * `meta` is taken once the write lock is held, so the batch's timestamp is later than any write it follows
 * (the reminder tick catches up on rows by updated_at).
 */
export async function withImportSession<T>(db: Db, meta: () => BatchMeta, work: (session: ImportSession) => Promise<T>): Promise<T> {
  await loadNameSortKey(); // the writer's insertCustomer is synchronous
  const restoreCache = setPageCache(rawOf(db), IMPORT_CACHE_KIB);
  try {
    return await withTransaction(db, async () => {
      const session = new ImportSession(db, meta());
      const result = await work(session);
      session.finish();
      return result;
    });
  } finally {
    restoreCache();
  }
}
