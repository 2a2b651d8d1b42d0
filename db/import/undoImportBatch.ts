// Undo of a committed import: its batch record is checked and marked, the rows go through the one undo.
import { AppError } from '../../shared/api/appError.ts';
import { undoBatch, type UndoMeta, type UndoneBatch } from '../audit/undoBatch.ts';
import type { Db } from '../handle.ts';
import { getImportBatch, markImportBatchUndone } from './importBatchesRepo.ts';

/** Must run inside a transaction; `meta.batchId` is the undo's own batch id. */
export function undoImportBatch(db: Db, batchId: string, meta: UndoMeta): UndoneBatch {
  const batch = getImportBatch(db, batchId);
  if (!batch) throw new AppError('NOT_FOUND', `找不到导入批次 ${batchId}`, 'batchId');
  if (batch.undoneAt) throw new AppError('UNDO_CONFLICT', `这次导入已在 ${batch.undoneAt} 撤销过`, 'batchId');
  const undone = undoBatch(db, batchId, meta, { field: 'batchId', mayBeEmpty: true });
  markImportBatchUndone(db, batchId, meta.at, meta.batchId);
  return undone;
}
