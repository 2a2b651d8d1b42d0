import { q, type Executor, type Tx } from '../handle.ts';
import { newId } from '../newId.ts';
import { getRow, insertAudited, updateAudited, type AuditMeta } from './auditedWrites.ts';

// Loyalty (issue 14): point entries and referrals per customer.

export interface StoredLoyaltyEntry {
  id: string;
  occurredOn: string;
  points: number;
  reason: string;
}

export async function listLoyaltyEntries(x: Executor, customerId: string): Promise<StoredLoyaltyEntry[]> {
  return q(x)
    .selectFrom('loyalty_points')
    .select(['id', 'occurred_on as occurredOn', 'points', 'reason'])
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .orderBy('occurred_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export async function insertLoyaltyEntry(tx: Tx, customerId: string, e: Omit<StoredLoyaltyEntry, 'id'>, meta: AuditMeta): Promise<StoredLoyaltyEntry> {
  const id = newId();
  await insertAudited(tx, 'loyalty_points', { id, customer_id: customerId, occurred_on: e.occurredOn, points: e.points, reason: e.reason, deleted_at: null }, meta);
  return { id, ...e };
}

export interface StoredReferral {
  id: string;
  referrerId: string;
  referrerName: string;
  referredId: string;
  referredName: string;
  referredOn: string;
  reward: string | null;
}

function referrals(x: Executor) {
  return q(x)
    .selectFrom('referrals as r')
    .innerJoin('customers as a', 'a.id', 'r.referrer_id')
    .innerJoin('customers as b', 'b.id', 'r.referred_id')
    .select(['r.id', 'r.referrer_id as referrerId', 'a.name as referrerName', 'r.referred_id as referredId', 'b.name as referredName', 'r.referred_on as referredOn', 'r.reward'])
    .where('r.deleted_at', 'is', null)
    .orderBy('r.referred_on', 'desc')
    .orderBy('r.id');
}

export async function referralsOf(x: Executor, customerId: string): Promise<{ made: StoredReferral[]; received: StoredReferral[] }> {
  return {
    made: await referrals(x).where('r.referrer_id', '=', customerId).execute(),
    received: await referrals(x).where('r.referred_id', '=', customerId).execute(),
  };
}

export async function findLiveReferral(x: Executor, referrerId: string, referredId: string): Promise<string | undefined> {
  const row = await q(x).selectFrom('referrals').select('id').where('referrer_id', '=', referrerId).where('referred_id', '=', referredId).where('deleted_at', 'is', null).executeTakeFirst();
  return row?.id;
}

export async function insertReferral(tx: Tx, r: { referrerId: string; referredId: string; referredOn: string; reward: string | null }, meta: AuditMeta): Promise<string> {
  const id = newId();
  await insertAudited(tx, 'referrals', { id, referrer_id: r.referrerId, referred_id: r.referredId, referred_on: r.referredOn, reward: r.reward, deleted_at: null }, meta);
  return id;
}

export async function getReferral(x: Executor, id: string): Promise<StoredReferral | undefined> {
  return referrals(x).where('r.id', '=', id).executeTakeFirst();
}

/** Soft-deletes a point entry or a referral; false when there is no live one by that id. */
export async function removeLoyaltyRecord(tx: Tx, what: 'points' | 'referral', id: string, meta: AuditMeta): Promise<boolean> {
  const table = what === 'points' ? 'loyalty_points' : 'referrals';
  const row = await getRow(tx, table, id);
  if (!row || row.deleted_at !== null) return false;
  await updateAudited(tx, table, id, { deleted_at: meta.at }, meta);
  return true;
}

/** Referrals made per customer (live ones), for the tier rules' "referrals" fact. */
export async function referralCounts(x: Executor, customerIds: readonly string[]): Promise<Map<string, number>> {
  if (customerIds.length === 0) return new Map();
  const rows = await q(x)
    .selectFrom('referrals')
    .select((eb) => ['referrer_id as customerId', eb.fn.countAll<number>().as('n')])
    .where('referrer_id', 'in', [...customerIds])
    .where('deleted_at', 'is', null)
    .groupBy('referrer_id')
    .execute();
  return new Map(rows.map((r) => [r.customerId, Number(r.n)]));
}
