import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { newId } from '../../../db/newId.ts';
import { mergeCustomerInto, mergeRecordOf, undoCustomerMerge } from '../../../db/repositories/customerMerge.ts';
import { auditMeta } from '../auditMeta.ts';
import { requireCustomer } from '../references/customerRefs.ts';
import { recomputeRemindersForCustomers } from '../reminders/recomputeReminders.ts';
import type { ServiceContext } from '../serviceContext.ts';

/**
 * 合并客户: folds customer `from` into `into` as one audit batch; its id is the undo token. The survivor's pending
 * reminders are recomputed, since the moved contracts now follow its tier's ladder.
 */
export async function mergeCustomers(ctx: ServiceContext, input: ApiParsedInput<'customers:merge'>): Promise<ApiOutput<'customers:merge'>> {
  if (input.from === input.into) throw new AppError('VALIDATION', msg('merge.sameCustomer'), 'into');
  return withTransaction(ctx.db, async (tx) => {
    const from = await requireCustomer(tx, input.from, 'from');
    const into = await requireCustomer(tx, input.into, 'into');
    const batchId = newId();
    const moved = await mergeCustomerInto(tx, from.id, into.id, { ...auditMeta(ctx, 'merge', batchId), batchId });
    await recomputeRemindersForCustomers(ctx, tx, [into.id]);
    return { undoToken: batchId, fromName: from.name, intoName: into.name, moved };
  });
}

/** Undoes a merge (refused, naming the record, when anything it moved was changed since). */
export async function undoMergeCustomers(ctx: ServiceContext, input: ApiParsedInput<'customers:undoMerge'>): Promise<ApiOutput<'customers:undoMerge'>> {
  return withTransaction(ctx.db, async (tx) => {
    const record = await mergeRecordOf(tx, input.undoToken);
    if (!record) throw new AppError('NOT_FOUND', msg('merge.notAMerge'), 'undoToken');
    const undoId = newId();
    await undoCustomerMerge(ctx.db, tx, record, input.undoToken, { ...auditMeta(ctx, 'undo', undoId), batchId: undoId });
    await recomputeRemindersForCustomers(ctx, tx, [record.fromId, record.intoId]);
    return { fromId: record.fromId, intoId: record.intoId, fromName: record.fromName };
  });
}
