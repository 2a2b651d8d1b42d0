// Undo of a committed import from the history page or `renewal-desk undo-import <batchId>`: every create is
// soft-deleted and every update restored, in one transaction, or nothing when a row changed since.
import { newId } from '../../../db/newId.ts';
import { getImportBatch, listImportBatches, markImportBatchUndone, undoImportBatch } from '../../../db/import/index.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { AppError } from '../../../shared/api/appError.ts';
import type { ImportBatch } from '../../../shared/api/import.contract.ts';
import type { ServiceContext } from '../serviceContext.ts';

export async function undoImport(ctx: ServiceContext, batchId: string) {
  const batch = getImportBatch(ctx.db, batchId);
  if (!batch) throw new AppError('NOT_FOUND', `找不到导入批次 ${batchId}`, 'batchId');
  if (batch.undoneAt) throw new AppError('UNDO_CONFLICT', `这次导入已在 ${batch.undoneAt} 撤销过`, 'batchId');
  const undoBatchId = newId();
  let at = '';
  const result = await withTransaction(ctx.db, async () => {
    // Stamped under the write lock: later than every write before it (the reminder tick catches up by updated_at).
    at = ctx.now().toISOString();
    const undone = undoImportBatch(ctx.db, batchId, { batchId: undoBatchId, at, actor: ctx.actor });
    markImportBatchUndone(ctx.db, batchId, at, undoBatchId);
    return undone;
  });
  ctx.emit('data:changed', { domains: ['customers', 'contacts', 'contracts', 'followups', 'owners', 'import'] });
  return { batchId, undoneAt: at, entries: result.entries, customersAffected: result.customerIds.length };
}

export function importHistory(ctx: ServiceContext, offset: number, limit: number): { items: ImportBatch[]; total: number } {
  return listImportBatches(ctx.db, offset, limit);
}
