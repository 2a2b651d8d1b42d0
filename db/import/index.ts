// The import's one way into the database. A service opens a session, looks records up and hands over one
// plan per chunk in domain terms; everything below (flush order, audit, search index, next_expiry_on, the
// updated_at stamps the reminder catch-up reads) is the session's business.
import { bulkSqlOf } from '../bulk/bulkSql.ts';
import { engineOf, rawOf, type Db, type Tx } from '../handle.ts';
import { loadNameSortKey } from '../repositories/customerNameSortKeys.ts';
import { setPageCache } from '../statementCache.ts';
import { withTransaction } from '../withTransaction.ts';
import type { BatchMeta } from './chunkPlan.ts';
import { ImportSession } from './importSession.ts';

export type {
  BatchMeta,
  ChunkPlan,
  ContactChanges,
  ContactSnapshot,
  ContractChanges,
  ContractSnapshot,
  CustomerChanges,
  CustomerSnapshot,
  FollowUpChanges,
  NewContact,
  NewContract,
  NewCustomer,
  NewFollowUp,
  NewOwner,
  NewRenewal,
  RecordChange,
  RenewalChanges,
  RenewalFields,
  RenewalSnapshot,
  SheetRenewal,
} from './chunkPlan.ts';
export { emptyChunkPlan } from './chunkPlan.ts';
export type { BatchContract, BatchSummary, ImportLookup, ImportSession, TierPatch } from './importSession.ts';
export type { ChainSettlement } from './chainLinking.ts';
export { customerEndKey, followUpKey } from './importLookups.ts';
export { listImportBatches } from './importBatchesRepo.ts';
export { findMappingPreset, saveMappingPreset, type MappingPreset } from './mappingPresetsRepo.ts';
export { undoImportBatch } from './undoImportBatch.ts';

/**
 * Three eighths of the connection's usual page cache: keeps a million-row import under 300 MB (README,
 * Performance). It was half until pinyin-pro's dictionaries (about 25 MiB once loaded) came in with the name key.
 */
const IMPORT_CACHE_KIB = 24 * 1024;

/**
 * Runs an import in one transaction. `work` may throw to roll everything back (a dry run does, on purpose).
 * `meta` is taken once the write lock is held, so the batch's timestamp is later than any write it follows
 * (the reminder tick catches up on rows by updated_at). Joining withTransaction holds Kysely's connection for
 * the whole import, so no other query interleaves with the raw statements; on PostgreSQL the session's statements run
 * on the transaction's own connection.
 */
export async function withImportSession<T>(db: Db, meta: () => BatchMeta, work: (session: ImportSession, tx: Tx) => Promise<T>): Promise<T> {
  await loadNameSortKey(); // the writer's customer row is built synchronously
  // The page cache is SQLite's; a PostgreSQL server sizes its own buffers.
  const restoreCache = engineOf(db) === 'sqlite' ? setPageCache(rawOf(db), IMPORT_CACHE_KIB) : () => {};
  try {
    return await withTransaction(db, async (tx) => {
      const session = new ImportSession(db, tx, bulkSqlOf(db, tx), meta());
      const result = await work(session, tx);
      await session.finish();
      return result;
    });
  } finally {
    restoreCache();
  }
}
