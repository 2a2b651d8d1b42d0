// A customer's aliases (migration 0017: names of customers merged into it), as the customer page reads and removes them.
import type { CustomerAlias } from '../../shared/api/customerAliases.contract.ts';
import { q, type Executor, type Tx } from '../handle.ts';
import { updateAudited, type AuditMeta } from './auditedWrites.ts';
import { reindexCustomer } from './customerSearchIndex.ts';

/** The customer's live aliases, oldest first; `mergedAt` is when the alias was made (the merge). */
export async function listCustomerAliases(x: Executor, customerId: string): Promise<CustomerAlias[]> {
  const rows = await q(x)
    .selectFrom('customer_aliases')
    .select(['id', 'name', 'created_at'])
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, mergedAt: r.created_at }));
}

/** Forgets a live alias and re-indexes its customer, so search no longer finds the customer by it. */
export async function removeCustomerAlias(tx: Tx, id: string, meta: AuditMeta): Promise<{ id: string; name: string; customerId: string } | undefined> {
  const row = await q(tx).selectFrom('customer_aliases').select(['id', 'name', 'customer_id']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) return undefined;
  await updateAudited(tx, 'customer_aliases', id, { deleted_at: meta.at }, meta);
  await reindexCustomer(tx, row.customer_id);
  return { id: row.id, name: row.name, customerId: row.customer_id };
}
