import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { newId } from '../../../db/newId.ts';
import { getCustomer } from '../../../db/repositories/customersRepo.ts';
import { deletedContracts, deletedCustomers, restoreContract, restoreCustomer } from '../../../db/repositories/trashRepo.ts';
import { auditMeta } from '../auditMeta.ts';
import { recomputeRemindersForCustomer } from '../reminders/recomputeReminders.ts';
import type { ServiceContext } from '../serviceContext.ts';

const TRASH_LIMIT = 200;

export async function listTrash(ctx: ServiceContext, input: ApiParsedInput<'hygiene:trash'>): Promise<ApiOutput<'hygiene:trash'>> {
  return { customers: await deletedCustomers(ctx.db, TRASH_LIMIT, input.ownerId), contracts: await deletedContracts(ctx.db, TRASH_LIMIT, input.ownerId) };
}

/** 回收站 → 恢复: one customer (with what was deleted with it) or one contract, as one audited batch. */
export async function restoreFromTrash(ctx: ServiceContext, input: ApiParsedInput<'hygiene:restore'>): Promise<ApiOutput<'hygiene:restore'>> {
  return withTransaction(ctx.db, async (tx) => {
    const meta = auditMeta(ctx, 'restore', newId());
    let customerId = input.id;
    if (input.kind === 'customer') await restoreCustomer(tx, input.id, meta);
    else customerId = await restoreContract(tx, input.id, input.withCustomer, meta);
    await recomputeRemindersForCustomer(ctx, tx, customerId);
    const customer = await getCustomer(tx, customerId);
    return { customerId, name: customer?.name ?? '' };
  });
}
