import type { Customer } from '../../shared/api/customers.contract.ts';
import type { CustomerPatch, NewCustomer } from '../../shared/api/recordWrites.ts';
import type { LifecycleStage, Tier } from '../../shared/domain/enums.ts';
import { undoBatch } from '../audit/undoBatch.ts';
import { q, type Db, type Executor, type Tx } from '../handle.ts';
import { newId } from '../newId.ts';
import type { CustomerRow, CustomerUpdate } from '../schema.ts';
import { insertAudited, updateAudited, type AuditMeta } from './auditedWrites.ts';
import { loadNameSortKey } from './customerNameSortKeys.ts';
import { reindexCustomer } from './customerSearchIndex.ts';
import { tagsOfCustomers } from './tagsRepo.ts';
import { tierReasonMessage } from '../../shared/tiers/tierReason.ts';

export async function toCustomers(x: Executor, rows: readonly (CustomerRow & { owner_name: string | null })[]): Promise<Customer[]> {
  const tags = await tagsOfCustomers(x, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    code: r.code,
    industry: r.industry,
    tier: r.tier as Tier,
    tierPinned: r.tier_pinned === 'manual' || r.tier_pinned === 'import' ? r.tier_pinned : null,
    tierReason: tierReasonMessage(r.tier_reason, r.tier_pinned),
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

export async function lastFollowUpAt(x: Executor, customerId: string): Promise<string | null> {
  const row = await q(x)
    .selectFrom('follow_ups')
    .select((eb) => eb.fn.max<string | null>('at').as('last'))
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row?.last ?? null;
}

/**
 * next_expiry_on is the earliest end date among the customer's live, active contracts, overdue ones included.
 * Derived from contracts, so it is written without a version bump or audit row of its own; every contract
 * write calls this.
 */
export async function refreshNextExpiry(tx: Tx, customerId: string): Promise<void> {
  const row = await q(tx)
    .selectFrom('contracts')
    .select((eb) => eb.fn.min<string | null>('ends_on').as('next'))
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .where('status', '=', 'active')
    .where('ends_on', 'is not', null)
    .executeTakeFirst();
  await q(tx).updateTable('customers').set({ next_expiry_on: row?.next ?? null }).where('id', '=', customerId).execute();
}

async function customerColumns(c: CustomerPatch): Promise<CustomerUpdate> {
  return {
    name: c.name,
    name_sort_key: c.name === undefined ? undefined : (await loadNameSortKey())(c.name),
    code: c.code,
    industry: c.industry,
    tier: c.tier,
    // A pin drops the rules' reason: the customer page then says it was set by hand.
    tier_pinned: c.tierPinned,
    tier_reason: c.tierPinned ? null : undefined,
    owner_id: c.ownerId,
    lifecycle_stage: c.lifecycleStage,
    source: c.source,
    custom_fields: c.customFields === undefined ? undefined : JSON.stringify(c.customFields),
    notes: c.notes,
    archived_at: c.archivedAt,
  };
}

/** A new customer, audited and searchable; returns its id. */
export async function insertCustomer(tx: Tx, c: NewCustomer, meta: AuditMeta): Promise<string> {
  const row = await insertAudited(
    tx,
    'customers',
    { ...(await customerColumns(c)), id: newId(), name: c.name, tier: c.tier, lifecycle_stage: c.lifecycleStage, custom_fields: JSON.stringify(c.customFields), next_expiry_on: null, archived_at: null, deleted_at: null },
    meta,
  );
  await reindexCustomer(tx, row.id);
  return row.id;
}

/** Changes the given fields; with `expectedVersion`, refuses when someone else changed the customer since. */
export async function patchCustomer(tx: Tx, id: string, patch: CustomerPatch, meta: AuditMeta, expectedVersion?: number): Promise<void> {
  await updateAudited(tx, 'customers', id, await customerColumns(patch), meta, expectedVersion);
  if (patch.name !== undefined) await reindexCustomer(tx, id);
}

async function liveChildIds(x: Executor, customerId: string): Promise<{ contacts: string[]; contracts: string[]; followUps: string[] }> {
  const k = q(x);
  const ids = async (table: 'contacts' | 'contracts' | 'follow_ups') =>
    (await k.selectFrom(table).select('id').where('customer_id', '=', customerId).where('deleted_at', 'is', null).execute()).map((r) => r.id);
  return { contacts: await ids('contacts'), contracts: await ids('contracts'), followUps: await ids('follow_ups') };
}

/** Soft-deletes the customer with its follow-ups, contracts and contacts, all under `meta.batchId` for one undo. */
export async function softDeleteCustomerTree(tx: Tx, id: string, meta: AuditMeta): Promise<void> {
  const children = await liveChildIds(tx, id);
  const gone = { deleted_at: meta.at };
  for (const fid of children.followUps) await updateAudited(tx, 'follow_ups', fid, gone, meta);
  for (const kid of children.contracts) await updateAudited(tx, 'contracts', kid, gone, meta);
  for (const cid of children.contacts) await updateAudited(tx, 'contacts', cid, gone, meta);
  await updateAudited(tx, 'customers', id, gone, meta);
  await reindexCustomer(tx, id);
}

/**
 * Replays a customer delete backwards (the undo engine also brings its search entry and next expiry back).
 * Returns the customer's id, or undefined when the batch deleted no customer (the caller refuses; its
 * transaction rolls back). Runs inside the caller's transaction `tx` on `db`.
 */
export async function undoCustomerDelete(db: Db, tx: Tx, batchId: string, meta: AuditMeta): Promise<string | undefined> {
  const undone = await undoBatch(db, tx, batchId, { batchId: meta.batchId ?? newId(), at: meta.at, actor: meta.actor }, { field: 'undoToken' });
  return undone.customersWritten[0];
}
