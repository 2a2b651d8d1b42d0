// Undo of a committed import from the history page or `renewal-desk undo-import <batchId>`: every create is
// soft-deleted and every update restored, in one transaction, or nothing when a row changed since.
import { newId } from '../../../db/newId.ts';
import { listImportBatches, undoImportBatch } from '../../../db/import/index.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { contractsCreatedByBatch, removeRemindersOfContracts } from '../../../db/repositories/importedTermReminders.ts';
import type { ImportBatch } from '../../../shared/api/import.contract.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { withSafetyBackup } from '../system/withSafetyBackup.ts';

export async function undoImport(ctx: ServiceContext, batchId: string) {
  const undoBatchId = newId();
  let at = '';
  const undo = () =>
    withTransaction(ctx.db, async (tx) => {
      // Stamped under the write lock: later than every write before it (the reminder tick catches up by updated_at).
      at = ctx.now().toISOString();
      const undone = await undoImportBatch(ctx.db, tx, batchId, { batchId: undoBatchId, at, actor: ctx.actor });
      // The terms it created are gone: so are their reminder steps, their unread notifications and the summary.
      await removeRemindersOfContracts(tx, await contractsCreatedByBatch(tx, batchId), batchId);
      return undone;
    });
  const result = await withSafetyBackup(ctx, 'pre-undo-import', undo);
  return { batchId, undoneAt: at, entries: result.entries, customersAffected: result.customerIds.length };
}

export function importHistory(ctx: ServiceContext, offset: number, limit: number): Promise<{ items: ImportBatch[]; total: number }> {
  return listImportBatches(ctx.db, offset, limit);
}
