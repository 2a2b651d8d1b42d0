// 回收站: soft-deleted customers and contracts, restored one at a time. A customer comes back with the contacts,
// contracts and follow-ups deleted with it (same deleted_at, as a customer delete writes them); a merged customer
// is not listed (its records live on in the survivor; the merge's own undo brings it back).
import { AppError } from '../../shared/api/appError.ts';
import { msg } from '../../shared/i18n/message.ts';
import { q, type Executor, type Tx } from '../handle.ts';
import { getRow, updateAudited, type AuditMeta } from './auditedWrites.ts';
import { findLiveCustomerIdByName, refreshNextExpiry } from './customersRepo.ts';
import { reindexCustomer } from './customerSearchIndex.ts';

export interface DeletedCustomerRow {
  id: string;
  name: string;
  deletedAt: string;
}

export interface DeletedContractRow {
  id: string;
  number: string;
  customerId: string;
  customerName: string;
  customerDeleted: boolean;
  endsOn: string | null;
  amountFen: number | null;
  deletedAt: string;
}

/** `ownerId` (owner scoping): only that owner's customers, and below the contracts of that owner's customers. */
export async function deletedCustomers(x: Executor, limit: number, ownerId?: string): Promise<DeletedCustomerRow[]> {
  const rows = await q(x)
    .selectFrom('customers as c')
    .select(['c.id', 'c.name', 'c.deleted_at'])
    .where('c.deleted_at', 'is not', null)
    .$if(ownerId !== undefined, (b) => b.where('c.owner_id', '=', ownerId ?? ''))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('customer_aliases as a').select('a.id').whereRef('a.merged_from_id', '=', 'c.id').where('a.deleted_at', 'is', null))),
    )
    .orderBy('c.deleted_at', 'desc')
    .orderBy('c.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, deletedAt: r.deleted_at! }));
}

export async function deletedContracts(x: Executor, limit: number, ownerId?: string): Promise<DeletedContractRow[]> {
  const rows = await q(x)
    .selectFrom('contracts as k')
    .innerJoin('customers as c', 'c.id', 'k.customer_id')
    .select(['k.id', 'k.number', 'k.ends_on', 'k.amount_fen', 'k.deleted_at', 'c.id as customer_id', 'c.name as customer_name', 'c.deleted_at as customer_deleted_at'])
    .where('k.deleted_at', 'is not', null)
    .$if(ownerId !== undefined, (b) => b.where('c.owner_id', '=', ownerId ?? ''))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('customer_aliases as a').select('a.id').whereRef('a.merged_from_id', '=', 'c.id').where('a.deleted_at', 'is', null))),
    )
    .orderBy('k.deleted_at', 'desc')
    .orderBy('k.number')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    customerId: r.customer_id,
    customerName: r.customer_name,
    customerDeleted: r.customer_deleted_at !== null,
    endsOn: r.ends_on,
    amountFen: r.amount_fen,
    deletedAt: r.deleted_at!,
  }));
}

async function assertNumberFree(x: Executor, number: string): Promise<void> {
  const taken = await q(x).selectFrom('contracts').select('id').where('number', '=', number).where('deleted_at', 'is', null).executeTakeFirst();
  if (taken) throw new AppError('CONFLICT', msg('trash.numberTaken', { number }), 'id');
}

/** Brings a deleted customer back with what was deleted with it; refused when its name is taken meanwhile. */
export async function restoreCustomer(tx: Tx, id: string, meta: AuditMeta): Promise<void> {
  const customer = await getRow(tx, 'customers', id);
  if (!customer || customer.deleted_at === null) throw new AppError('NOT_FOUND', msg('trash.notDeleted'), 'id');
  if (await findLiveCustomerIdByName(tx, customer.name)) throw new AppError('CONFLICT', msg('trash.nameTaken', { name: customer.name }), 'id');
  const k = q(tx);
  const together = async (table: 'contacts' | 'contracts' | 'follow_ups') =>
    k.selectFrom(table).select('id').where('customer_id', '=', id).where('deleted_at', '=', customer.deleted_at).orderBy('id').execute();
  const contracts = await k
    .selectFrom('contracts')
    .select(['id', 'number'])
    .where('customer_id', '=', id)
    .where('deleted_at', '=', customer.deleted_at)
    .orderBy('id')
    .execute();
  for (const c of contracts) await assertNumberFree(tx, c.number);
  const back = { deleted_at: null };
  await updateAudited(tx, 'customers', id, back, meta);
  for (const r of await together('contacts')) await updateAudited(tx, 'contacts', r.id, back, meta);
  for (const r of contracts) await updateAudited(tx, 'contracts', r.id, back, meta);
  for (const r of await together('follow_ups')) await updateAudited(tx, 'follow_ups', r.id, back, meta);
  await reindexCustomer(tx, id);
  await refreshNextExpiry(tx, id);
}

/**
 * Brings one deleted contract back. Its customer must be live, or `withCustomer` restores the customer first (with
 * what was deleted with it, this contract too when it went in the same delete).
 */
export async function restoreContract(tx: Tx, id: string, withCustomer: boolean, meta: AuditMeta): Promise<string> {
  const contract = await getRow(tx, 'contracts', id);
  if (!contract || contract.deleted_at === null) throw new AppError('NOT_FOUND', msg('trash.notDeleted'), 'id');
  const customer = await getRow(tx, 'customers', contract.customer_id);
  if (customer?.deleted_at != null) {
    if (!withCustomer) throw new AppError('CONFLICT', msg('trash.customerDeleted', { number: contract.number, name: customer.name }), 'withCustomer');
    await restoreCustomer(tx, customer.id, meta);
  }
  const now = await getRow(tx, 'contracts', id);
  if (now?.deleted_at != null) {
    await assertNumberFree(tx, contract.number);
    await updateAudited(tx, 'contracts', id, { deleted_at: null }, meta);
    await refreshNextExpiry(tx, contract.customer_id);
  }
  return contract.customer_id;
}
