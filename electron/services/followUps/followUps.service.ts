import type { FollowUp } from '../../../shared/api/followUps.contract.ts';
import type { ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { localDateOf, parseIsoDate } from '../../../shared/domain/dates.ts';
import { differenceInCalendarDays } from 'date-fns';
import { withTransaction } from '../../../db/withTransaction.ts';
import {
  getFollowUp,
  insertFollowUp,
  listDueFollowUps,
  listFollowUps,
  markFollowUpDone,
  openFollowUpIds,
  softDeleteFollowUp,
} from '../../../db/repositories/followUpsRepo.ts';
import type { Executor } from '../../../db/handle.ts';
import { auditMeta } from '../auditMeta.ts';
import { requireContract } from '../references/contractRefs.ts';
import { resolveCustomerId } from '../references/customerRefs.ts';
import { assertOwner } from '../references/ownerRefs.ts';
import { recomputeFollowUpRemindersOfCustomer, recomputeRemindersForFollowUp } from '../reminders/recomputeReminders.ts';
import type { ServiceContext } from '../serviceContext.ts';

async function requireFollowUp(x: Executor, id: string): Promise<FollowUp> {
  const f = await getFollowUp(x, id);
  if (!f) throw new AppError('NOT_FOUND', msg('errors.followUpMissing'), 'id');
  return f;
}

export async function listTimeline(ctx: ServiceContext, input: ApiParsedInput<'followups:list'>) {
  return listFollowUps(ctx.db, input);
}

/**
 * Logging a contact closes the customer's earlier open "next follow-up" dates: the user just followed up,
 * so they leave the due list.
 */
export async function createFollowUp(ctx: ServiceContext, input: ApiParsedInput<'followups:create'>): Promise<FollowUp> {
  return withTransaction(ctx.db, async (tx) => {
    const customerId = await resolveCustomerId(tx, input.customer);
    if (input.contractId) {
      const contract = await requireContract(tx, input.contractId, 'contractId');
      if (contract.customerId !== customerId) throw new AppError('VALIDATION', msg('errors.contractOfOtherCustomer'), 'contractId');
    }
    await assertOwner(tx, input.ownerId);
    const meta = auditMeta(ctx, 'create');
    const at = input.at ? new Date(input.at).toISOString() : meta.at;
    if (input.nextFollowUpOn && input.nextFollowUpOn < localDateOf(new Date(at))) {
      throw new AppError('VALIDATION', msg('errors.nextFollowUpTooEarly'), 'nextFollowUpOn');
    }
    for (const openId of await openFollowUpIds(tx, customerId)) await markFollowUpDone(tx, openId, { ...meta, action: 'complete' });
    const id = await insertFollowUp(
      tx,
      {
        customerId,
        contractId: input.contractId ?? null,
        at,
        channel: input.channel,
        kind: input.kind,
        summary: input.summary,
        nextFollowUpOn: input.nextFollowUpOn ?? null,
        ownerId: input.ownerId ?? null,
      },
      meta,
    );
    await recomputeFollowUpRemindersOfCustomer(ctx, tx, customerId);
    return requireFollowUp(tx, id);
  });
}

export async function listDue(ctx: ServiceContext, input: ApiParsedInput<'followups:due'>) {
  const today = input.today ?? localDateOf(ctx.now());
  const page = await listDueFollowUps(ctx.db, { ...input, today });
  return {
    total: page.total,
    items: page.items.map((f) => ({
      ...f,
      overdueDays: differenceInCalendarDays(parseIsoDate(today), parseIsoDate(f.nextFollowUpOn ?? today)),
    })),
  };
}

export async function completeFollowUp(ctx: ServiceContext, id: string): Promise<FollowUp> {
  return withTransaction(ctx.db, async (tx) => {
    const current = await requireFollowUp(tx, id);
    if (current.nextDoneAt !== null) return current;
    await markFollowUpDone(tx, id, auditMeta(ctx, 'complete'));
    await recomputeRemindersForFollowUp(ctx, tx, id);
    return requireFollowUp(tx, id);
  });
}

export async function deleteFollowUp(ctx: ServiceContext, id: string): Promise<{ id: string }> {
  await withTransaction(ctx.db, async (tx) => {
    await requireFollowUp(tx, id);
    await softDeleteFollowUp(tx, id, auditMeta(ctx, 'delete'));
    await recomputeRemindersForFollowUp(ctx, tx, id);
  });
  return { id };
}
