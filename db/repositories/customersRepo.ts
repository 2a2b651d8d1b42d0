import type { Customer } from '../../shared/api/customers.contract.ts';
import type { LifecycleStage, Tier } from '../../shared/domain/enums.ts';
import { q, type Executor, type Tx } from '../handle.ts';
import type { CustomerRow } from '../schema.ts';
import { tagsOfCustomers } from './tagsRepo.ts';

export async function toCustomers(x: Executor, rows: readonly (CustomerRow & { owner_name: string | null })[]): Promise<Customer[]> {
  const tags = await tagsOfCustomers(x, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    code: r.code,
    industry: r.industry,
    tier: r.tier as Tier,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    lifecycleStage: r.lifecycle_stage as LifecycleStage,
    source: r.source,
    customFields: JSON.parse(r.custom_fields) as Record<string, string>,
    notes: r.notes,
    nextExpiryOn: r.next_expiry_on,
    archivedAt: r.archived_at,
    tags: tags.get(r.id) ?? [],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  }));
}

function customersWithOwner(x: Executor) {
  return q(x)
    .selectFrom('customers as c')
    .leftJoin('owners as o', 'o.id', 'c.owner_id')
    .selectAll('c')
    .select('o.name as owner_name');
}

export async function getCustomer(x: Executor, id: string): Promise<Customer | undefined> {
  const row = await customersWithOwner(x).where('c.id', '=', id).where('c.deleted_at', 'is', null).executeTakeFirst();
  return row ? (await toCustomers(x, [row]))[0] : undefined;
}

export async function findLiveCustomerIdByName(x: Executor, name: string): Promise<string | undefined> {
  const row = await q(x)
    .selectFrom('customers')
    .select('id')
    .where('name', '=', name)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row?.id;
}

export async function countLiveCustomers(x: Executor): Promise<number> {
  const row = await q(x)
    .selectFrom('customers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * next_expiry_on is the earliest end date among the customer's live, active contracts, overdue ones
 * included. Returns the new value; the caller writes it through the audited path when it changed.
 */
export async function earliestActiveExpiry(tx: Tx | Executor, customerId: string): Promise<string | null> {
  const row = await q(tx)
    .selectFrom('contracts')
    .select((eb) => eb.fn.min<string | null>('ends_on').as('next'))
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .where('status', '=', 'active')
    .where('ends_on', 'is not', null)
    .executeTakeFirst();
  return row?.next ?? null;
}

export async function lastFollowUpAt(x: Executor, customerId: string): Promise<string | null> {
  const row = await q(x)
    .selectFrom('follow_ups')
    .select((eb) => eb.fn.max<string | null>('at').as('last'))
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row?.last ?? null;
}

export async function liveChildIds(
  x: Executor,
  customerId: string,
): Promise<{ contacts: string[]; contracts: string[]; followUps: string[] }> {
  const k = q(x);
  const ids = async (table: 'contacts' | 'contracts' | 'follow_ups') =>
    (
      await k.selectFrom(table).select('id').where('customer_id', '=', customerId).where('deleted_at', 'is', null).execute()
    ).map((r) => r.id);
  return { contacts: await ids('contacts'), contracts: await ids('contracts'), followUps: await ids('follow_ups') };
}

/** next_expiry_on is derived from contracts, so it is written without a version bump or audit row of its own. */
export async function setNextExpiry(tx: Tx, customerId: string, value: string | null): Promise<void> {
  await q(tx).updateTable('customers').set({ next_expiry_on: value }).where('id', '=', customerId).execute();
}
