// Undo of a committed import: its batch record is checked and marked, the rows go through the one undo.
import { AppError } from '../../shared/api/appError.ts';
import { msg } from '../../shared/i18n/message.ts';
import { undoBatch, type UndoMeta, type UndoneBatch } from '../audit/undoBatch.ts';
import type { Db, Tx } from '../handle.ts';
import { getImportBatch, markImportBatchUndone } from './importBatchesRepo.ts';

/** Runs inside `tx`, a transaction of `db`; `meta.batchId` is the undo's own batch id. */
export async function undoImportBatch(db: Db, tx: Tx, batchId: string, meta: UndoMeta): Promise<UndoneBatch> {
  const batch = await getImportBatch(tx, batchId);
  if (!batch) throw new AppError('NOT_FOUND', msg('errors.importBatchUnknown', { batchId }), 'batchId');
  if (batch.undoneAt) throw new AppError('UNDO_CONFLICT', msg('errors.importAlreadyUndone', { at: batch.undoneAt }), 'batchId');
  const undone = await undoBatch(db, tx, batchId, meta, { field: 'batchId', mayBeEmpty: true });
  await markImportBatchUndone(tx, batchId, meta.at, meta.batchId);
  return undone;
}
