// A customer's 曾用名/别名: the names of customers merged into it (customer_aliases, made by the data check's merge).
import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { listCustomerAliases, removeCustomerAlias } from '../../../db/repositories/customerAliasesRepo.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { auditMeta } from '../auditMeta.ts';
import { requireCustomer } from '../references/customerRefs.ts';
import type { ServiceContext } from '../serviceContext.ts';

export async function listAliases(ctx: ServiceContext, input: ApiParsedInput<'customers:aliases'>): Promise<ApiOutput<'customers:aliases'>> {
  await requireCustomer(ctx.db, input.customerId, 'customerId');
  const items = await listCustomerAliases(ctx.db, input.customerId);
  return { items, total: items.length };
}

/** Forgets one alias (audited): search stops finding the customer by it, and an import of that name is a new customer. */
export async function removeAlias(ctx: ServiceContext, input: ApiParsedInput<'customers:removeAlias'>): Promise<ApiOutput<'customers:removeAlias'>> {
  return withTransaction(ctx.db, async (tx) => {
    const removed = await removeCustomerAlias(tx, input.id, auditMeta(ctx, 'removeAlias'));
    if (!removed) throw new AppError('NOT_FOUND', msg('aliases.missing'), 'id');
    return { id: removed.id, name: removed.name };
  });
}
