import { sql, type Selectable } from 'kysely';
import type { ComputedStage, LoyaltyLevel, WarningSignal } from '../../shared/domain/lifecycleRules.ts';
import type { Message } from '../../shared/i18n/message.ts';
import { q, type Executor, type Tx } from '../handle.ts';
import { newId } from '../newId.ts';
import type { CustomerLifecycleTable } from '../schema.ts';

// The stored lifecycle of each customer (customer_lifecycle), its dated changes (customer_lifecycle_history) and
// the customers waiting for a recompute (lifecycle_dirty, filled by triggers). Migration 0016.

export interface StoredLifecycle {
  customerId: string;
  stage: ComputedStage;
  since: string;
  reason: Message;
  loyalty: LoyaltyLevel;
  consecutiveRenewals: number;
  years: number;
  lastAmountFen: number | null;
  lostOn: string | null;
  lostReason: string | null;
  signals: WarningSignal[];
  computedOn: string;
}

export interface LifecycleListRow extends StoredLifecycle {
  name: string;
}

export interface LifecycleChange {
  stage: ComputedStage;
  previousStage: ComputedStage | null;
  on: string;
  reason: Message;
}

/** A stored row of customer_lifecycle (db/schema.ts). */
type Row = Selectable<CustomerLifecycleTable>;

function fromRow(r: Row): StoredLifecycle {
  return {
    customerId: r.customer_id,
    stage: r.stage as ComputedStage,
    since: r.since,
    reason: JSON.parse(r.reason) as Message,
    loyalty: r.loyalty as LoyaltyLevel,
    consecutiveRenewals: r.consecutive_renewals,
    years: r.years,
    lastAmountFen: r.last_amount_fen,
    lostOn: r.lost_on,
    lostReason: r.lost_reason,
    signals: r.signals === '' ? [] : (r.signals.split(',') as WarningSignal[]),
    computedOn: r.computed_on,
  };
}

function toRow(s: StoredLifecycle): Row {
  return {
    customer_id: s.customerId,
    stage: s.stage,
    since: s.since,
    reason: JSON.stringify(s.reason),
    loyalty: s.loyalty,
    consecutive_renewals: s.consecutiveRenewals,
    years: s.years,
    last_amount_fen: s.lastAmountFen,
    lost_on: s.lostOn,
    lost_reason: s.lostReason,
    signals: s.signals.join(','),
    computed_on: s.computedOn,
  };
}

/** What a recompute needs of a stored row: its stage, dates, and the rest as one string to compare. */
export interface StoredDigest {
  stage: ComputedStage;
  since: string;
  computedOn: string;
  digest: string;
}

function digestOfRow(r: Omit<Row, 'customer_id' | 'computed_on'>): string {
  return [r.stage, r.since, r.reason, r.loyalty, r.consecutive_renewals, r.years, r.last_amount_fen, r.lost_on, r.lost_reason, r.signals].join('\u0001');
}

/** The digest a row would be stored with (computedOn aside): equal digests, nothing to write. */
export function digestOf(s: StoredLifecycle): string {
  return digestOfRow(toRow(s));
}

/** The stored rows of `ids`, or of everyone, as digests (no JSON parsed: a recompute reads 100k of them). */
export async function readStoredDigests(x: Executor, ids?: readonly string[]): Promise<Map<string, StoredDigest>> {
  let query = q(x).selectFrom('customer_lifecycle').selectAll();
  if (ids !== undefined) query = query.where(sql<boolean>`customer_id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
  const out = new Map<string, StoredDigest>();
  for (const r of await query.execute()) out.set(r.customer_id, { stage: r.stage as ComputedStage, since: r.since, computedOn: r.computed_on, digest: digestOfRow(r) });
  return out;
}

const CHUNK = 500;

/** Writes the rows that changed and one history row per stage change. */
export async function saveLifecycles(tx: Tx, rows: readonly StoredLifecycle[], changes: readonly (LifecycleChange & { customerId: string })[], at: string): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const values = rows.slice(i, i + CHUNK).map(toRow);
    await q(tx)
      .insertInto('customer_lifecycle')
      .values(values)
      .onConflict((oc) =>
        oc.column('customer_id').doUpdateSet((eb) => ({
          stage: eb.ref('excluded.stage'),
          since: eb.ref('excluded.since'),
          reason: eb.ref('excluded.reason'),
          loyalty: eb.ref('excluded.loyalty'),
          consecutive_renewals: eb.ref('excluded.consecutive_renewals'),
          years: eb.ref('excluded.years'),
          last_amount_fen: eb.ref('excluded.last_amount_fen'),
          lost_on: eb.ref('excluded.lost_on'),
          lost_reason: eb.ref('excluded.lost_reason'),
          signals: eb.ref('excluded.signals'),
          computed_on: eb.ref('excluded.computed_on'),
        })),
      )
      .execute();
  }
  for (let i = 0; i < changes.length; i += CHUNK) {
    const values = changes.slice(i, i + CHUNK).map((c) => ({
      id: newId(),
      customer_id: c.customerId,
      stage: c.stage,
      previous_stage: c.previousStage,
      on_date: c.on,
      reason: JSON.stringify(c.reason),
      created_at: at,
    }));
    await q(tx).insertInto('customer_lifecycle_history').values(values).execute();
  }
}

/** Removes the rows of customers that are no longer live (deleted), so lists never show them. */
export async function dropLifecyclesOf(tx: Tx, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    await q(tx).deleteFrom('customer_lifecycle').where('customer_id', 'in', ids.slice(i, i + CHUNK)).execute();
  }
}

export async function dirtyCustomerIds(x: Executor): Promise<string[]> {
  return (await q(x).selectFrom('lifecycle_dirty').select('customer_id').execute()).map((r) => r.customer_id);
}

export async function clearDirty(tx: Tx, ids?: readonly string[]): Promise<void> {
  if (ids === undefined) {
    await q(tx).deleteFrom('lifecycle_dirty').execute();
    return;
  }
  for (let i = 0; i < ids.length; i += CHUNK) {
    await q(tx).deleteFrom('lifecycle_dirty').where('customer_id', 'in', ids.slice(i, i + CHUNK)).execute();
  }
}

export async function hasDirtyCustomers(x: Executor): Promise<boolean> {
  return (await q(x).selectFrom('lifecycle_dirty').select('customer_id').limit(1).executeTakeFirst()) !== undefined;
}

function listBase(x: Executor) {
  return q(x)
    .selectFrom('customer_lifecycle as l')
    .innerJoin('customers as c', 'c.id', 'l.customer_id')
    .where('c.deleted_at', 'is', null);
}

export interface LifecyclePage {
  items: LifecycleListRow[];
  total: number;
}

async function page(
  x: Executor,
  filter: (b: ReturnType<typeof listBase>) => ReturnType<typeof listBase>,
  order: 'amount' | 'lostOn' | 'name',
  offset: number,
  limit: number,
): Promise<LifecyclePage> {
  const total = Number((await filter(listBase(x)).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  let rows = filter(listBase(x)).selectAll('l').select('c.name');
  if (order === 'amount') rows = rows.orderBy(sql`coalesce(l.last_amount_fen, -1)`, 'desc').orderBy('c.name_sort_key');
  else if (order === 'lostOn') rows = rows.orderBy('l.lost_on', 'desc').orderBy('c.name_sort_key');
  else rows = rows.orderBy('c.name_sort_key');
  const items = (await rows.orderBy('c.id').offset(offset).limit(limit).execute()).map((r) => ({ ...fromRow(r), name: r.name }));
  return { items, total };
}

export function lifecyclePage(x: Executor, stage: ComputedStage | undefined, offset: number, limit: number): Promise<LifecyclePage> {
  return page(x, (b) => (stage === undefined ? b : b.where('l.stage', '=', stage)), 'name', offset, limit);
}

/** 流失预警: customers with a signal, the largest last contract first. */
export function warningPage(x: Executor, offset: number, limit: number): Promise<LifecyclePage> {
  return page(x, (b) => b.where('l.signals', '<>', ''), 'amount', offset, limit);
}

/** 赢回: customers lost on or after `from`, the latest loss first. */
export function winBackPage(x: Executor, from: string, offset: number, limit: number): Promise<LifecyclePage> {
  return page(x, (b) => b.where('l.stage', '=', 'churned').where('l.lost_on', '>=', from), 'lostOn', offset, limit);
}

export async function lifecycleOf(x: Executor, customerId: string): Promise<StoredLifecycle | null> {
  const r = await q(x).selectFrom('customer_lifecycle').selectAll().where('customer_id', '=', customerId).executeTakeFirst();
  return r ? fromRow(r) : null;
}

export async function lifecycleHistoryOf(x: Executor, customerId: string): Promise<LifecycleChange[]> {
  const rows = await q(x)
    .selectFrom('customer_lifecycle_history')
    .select(['stage', 'previous_stage', 'on_date', 'reason'])
    .where('customer_id', '=', customerId)
    // In the order they were recorded, newest first (a first stage may be dated before a later change).
    .orderBy(sql`rowid`, 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => ({
    stage: r.stage as ComputedStage,
    previousStage: r.previous_stage as ComputedStage | null,
    on: r.on_date,
    reason: JSON.parse(r.reason) as Message,
  }));
}

/** Loyalty levels of these customers, for the customer list's column. */
export async function loyaltyOfCustomers(x: Executor, ids: readonly string[]): Promise<Map<string, { stage: ComputedStage; loyalty: LoyaltyLevel }>> {
  const out = new Map<string, { stage: ComputedStage; loyalty: LoyaltyLevel }>();
  if (ids.length === 0) return out;
  const rows = await q(x).selectFrom('customer_lifecycle').select(['customer_id', 'stage', 'loyalty']).where('customer_id', 'in', ids).execute();
  for (const r of rows) out.set(r.customer_id, { stage: r.stage as ComputedStage, loyalty: r.loyalty as LoyaltyLevel });
  return out;
}

export async function liveCustomerName(x: Executor, id: string): Promise<string | null> {
  const r = await q(x).selectFrom('customers').select('name').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return r?.name ?? null;
}
