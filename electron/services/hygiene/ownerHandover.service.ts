import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { undoByToken } from '../../../db/audit/undoBatch.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { newId } from '../../../db/newId.ts';
import { handOverOwner, isHandoverBatch } from '../../../db/repositories/ownerHandover.ts';
import { auditMeta } from '../auditMeta.ts';
import { assertOwner } from '../references/ownerRefs.ts';
import type { ServiceContext } from '../serviceContext.ts';

/** 负责人交接: one bulk, audited action; its batch id is the undo token. */
export async function handOver(ctx: ServiceContext, input: ApiParsedInput<'hygiene:handover'>): Promise<ApiOutput<'hygiene:handover'>> {
  if (input.fromOwnerId === input.toOwnerId) throw new AppError('VALIDATION', msg('handover.sameOwner'), 'toOwnerId');
  return withTransaction(ctx.db, async (tx) => {
    await assertOwner(tx, input.fromOwnerId, 'fromOwnerId');
    await assertOwner(tx, input.toOwnerId, 'toOwnerId');
    const batchId = newId();
    const moved = await handOverOwner(ctx.db, tx, input.fromOwnerId, input.toOwnerId, auditMeta(ctx, 'handover', batchId));
    return { undoToken: batchId, ...moved };
  });
}

export async function undoHandOver(ctx: ServiceContext, input: ApiParsedInput<'hygiene:undoHandover'>): Promise<ApiOutput<'hygiene:undoHandover'>> {
  return withTransaction(ctx.db, async (tx) => {
    if (!(await isHandoverBatch(tx, input.undoToken))) throw new AppError('NOT_FOUND', msg('handover.notAHandover'), 'undoToken');
    const meta = auditMeta(ctx, 'undo', newId());
    const undone = await undoByToken(ctx.db, tx, input.undoToken, meta);
    return { entries: undone.entries };
  });
}
