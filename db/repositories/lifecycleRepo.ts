import { sql, type Selectable } from 'kysely';
import type { ComputedStage, LoyaltyLevel, WarningSignal } from '../../shared/domain/lifecycleRules.ts';
import type { Message } from '../../shared/i18n/message.ts';
import { engineOf, q, rawOf, type Db, type Executor } from '../handle.ts';
import { writeLifecyclesOnPostgres } from './lifecycleWritePostgres.ts';
import { newId } from '../newId.ts';
import { BulkInserter, StatementCache } from '../statementCache.ts';
import type { CustomerLifecycleTable } from '../schema.ts';
import type { MarksSeen } from './dirtyMarkSnapshot.ts';

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
export type Row = Selectable<CustomerLifecycleTable>;

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

export function toRow(s: StoredLifecycle): Row {
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

/** The digest of a stored row as read (the PostgreSQL scan computes it here; SQLite's scan joins it in SQL alike). */
export function digestOfStoredRow(r: Omit<Row, 'customer_id' | 'computed_on'>): string {
  return digestOfRow(r);
}

/** The digest a row would be stored with (computedOn aside): equal digests, nothing to write. */
export function digestOf(s: StoredLifecycle): string {
  return digestOfRow(toRow(s));
}

/**
 * Writes what a recompute found, through prepared statements on the raw connection (inside the caller's
 * transaction): the rows that changed (upserted), one history row per stage change, the rows of customers no
 * longer live dropped (deleted or merged away; among `ids`, or everyone's when undefined: `liveCount` says how
 * many live customers the recompute read), and the waiting marks of `ids` (or all) cleared.
 */
export async function writeLifecycles(
  db: Db,
  x: Executor,
  rows: readonly StoredLifecycle[],
  changes: readonly (LifecycleChange & { customerId: string })[],
  at: string,
  liveCount: number,
  ids?: readonly string[],
  /** Which marks the scan saw (dirtyMarkSnapshot.ts); null: every mark (SQLite, or a caller no write can race). */
  seen: MarksSeen = null,
): Promise<void> {
  if (engineOf(x) === 'postgres') return writeLifecyclesOnPostgres(x, rows.map(toRow), changes, at, liveCount, ids, seen);
  const raw = rawOf(db);
  const cache = new StatementCache(raw);
  // Many rows to a statement, in key order (a first run writes 100k): a third of the time of one run() a row.
  const lifecycles = new BulkInserter(
    cache,
    'customer_lifecycle',
    ['customer_id', 'stage', 'since', 'reason', 'loyalty', 'consecutive_renewals', 'years', 'last_amount_fen', 'lost_on', 'lost_reason', 'signals', 'computed_on'],
    undefined,
    ` ON CONFLICT (customer_id) DO UPDATE SET stage = excluded.stage, since = excluded.since, reason = excluded.reason, loyalty = excluded.loyalty,
       consecutive_renewals = excluded.consecutive_renewals, years = excluded.years, last_amount_fen = excluded.last_amount_fen,
       lost_on = excluded.lost_on, lost_reason = excluded.lost_reason, signals = excluded.signals, computed_on = excluded.computed_on`,
  );
  const reasons = new Map<Message, string>();
  const reasonText = (m: Message) => {
    let text = reasons.get(m);
    if (text === undefined) reasons.set(m, (text = JSON.stringify(m)));
    return text;
  };
  for (const s of [...rows].sort((a, b) => (a.customerId < b.customerId ? -1 : 1))) {
    lifecycles.add([
      s.customerId,
      s.stage,
      s.since,
      reasonText(s.reason),
      s.loyalty,
      s.consecutiveRenewals,
      s.years,
      s.lastAmountFen,
      s.lostOn,
      s.lostReason,
      s.signals.join(','),
      s.computedOn,
    ]);
  }
  lifecycles.flush();
  const history = new BulkInserter(cache, 'customer_lifecycle_history', ['id', 'customer_id', 'stage', 'previous_stage', 'on_date', 'reason', 'created_at']);
  for (const c of changes) history.add([newId(), c.customerId, c.stage, c.previousStage, c.on, reasonText(c.reason), at]);
  history.flush();
  const gone = 'NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = customer_lifecycle.customer_id AND c.deleted_at IS NULL)';
  if (ids === undefined) {
    // Every live customer was read and now has its row: a count above theirs means rows of customers gone.
    const stored = raw.prepare('SELECT count(*) FROM customer_lifecycle').pluck().get() as number;
    if (stored > liveCount) raw.prepare(`DELETE FROM customer_lifecycle WHERE ${gone}`).run();
    raw.prepare('DELETE FROM lifecycle_dirty').run();
  } else {
    const only = 'customer_id IN (SELECT value FROM json_each(?))';
    raw.prepare(`DELETE FROM customer_lifecycle WHERE ${only} AND ${gone}`).run(JSON.stringify(ids));
    raw.prepare(`DELETE FROM lifecycle_dirty WHERE ${only}`).run(JSON.stringify(ids));
  }
}

export async function dirtyCustomerIds(x: Executor): Promise<string[]> {
  return (await q(x).selectFrom('lifecycle_dirty').select('customer_id').execute()).map((r) => r.customer_id);
}

export async function hasDirtyCustomers(x: Executor): Promise<boolean> {
  return (await q(x).selectFrom('lifecycle_dirty').select('customer_id').limit(1).executeTakeFirst()) !== undefined;
}

/** `ownerId`: only that owner's customers (owner scoping); without it every live customer, the statement unchanged. */
function listBase(x: Executor, ownerId: string | undefined) {
  const base = q(x)
    .selectFrom('customer_lifecycle as l')
    .innerJoin('customers as c', 'c.id', 'l.customer_id')
    .where('c.deleted_at', 'is', null);
  return ownerId === undefined ? base : base.where('c.owner_id', '=', ownerId);
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
  ownerId: string | undefined,
): Promise<LifecyclePage> {
  const total = Number((await filter(listBase(x, ownerId)).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  let rows = filter(listBase(x, ownerId)).selectAll('l').select('c.name');
  if (order === 'amount') rows = rows.orderBy(sql`coalesce(l.last_amount_fen, -1)`, 'desc').orderBy('c.name_sort_key');
  else if (order === 'lostOn') rows = rows.orderBy('l.lost_on', 'desc').orderBy('c.name_sort_key');
  else rows = rows.orderBy('c.name_sort_key');
  const items = (await rows.orderBy('c.id').offset(offset).limit(limit).execute()).map((r) => ({ ...fromRow(r), name: r.name }));
  return { items, total };
}

export function lifecyclePage(x: Executor, stage: ComputedStage | undefined, offset: number, limit: number, ownerId?: string): Promise<LifecyclePage> {
  return page(x, (b) => (stage === undefined ? b : b.where('l.stage', '=', stage)), 'name', offset, limit, ownerId);
}

/** 流失预警: customers with a signal, the largest last contract first. */
export function warningPage(x: Executor, offset: number, limit: number, ownerId?: string): Promise<LifecyclePage> {
  return page(x, (b) => b.where('l.signals', '<>', ''), 'amount', offset, limit, ownerId);
}

/** 赢回: customers lost on or after `from`, the latest loss first. */
export function winBackPage(x: Executor, from: string, offset: number, limit: number, ownerId?: string): Promise<LifecyclePage> {
  return page(x, (b) => b.where('l.stage', '=', 'churned').where('l.lost_on', '>=', from), 'lostOn', offset, limit, ownerId);
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
    // In the order they were recorded, newest first (a first stage may be dated before a later change): the ids
    // are UUIDv7, time-ordered and monotonic within a process, so their order is the order of insertion on both
    // engines (PostgreSQL has no rowid).
    .orderBy('id', 'desc')
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
