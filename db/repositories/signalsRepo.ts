// Issue 13's dated risk signals (migration 0023): usage figures, competitor events, and the 咨询/工单 follow-ups
// counted per customer and month. Written through the audited writes, so each write is undone by its batch.
import { sql, type Selectable } from 'kysely';
import type { CompetitorEvent, UsageFigure } from '../../shared/api/signals.contract.ts';
import type { UsagePeriodKind } from '../../shared/domain/enums.ts';
import { engineOf, q, type Executor, type Tx } from '../handle.ts';
import { newId } from '../newId.ts';
import type { UsageFiguresTable } from '../schema.ts';
import { insertAudited, updateAudited, type AuditMeta } from './auditedWrites.ts';
import { localMonthSql } from './calendarSql.ts';

function toFigure(r: Selectable<UsageFiguresTable>): UsageFigure {
  return {
    id: r.id,
    customerId: r.customer_id,
    periodKind: r.period_kind as UsagePeriodKind,
    periodStart: r.period_start,
    value: r.value,
    unit: r.unit,
    updatedAt: r.updated_at,
  };
}

/** The customer's live usage figures, latest period first (index usage_figures_period_live). */
export async function listUsageFigures(x: Executor, customerId: string, periodKind?: UsagePeriodKind): Promise<UsageFigure[]> {
  let query = q(x).selectFrom('usage_figures').selectAll().where('customer_id', '=', customerId).where('deleted_at', 'is', null);
  if (periodKind) query = query.where('period_kind', '=', periodKind);
  const rows = await query.orderBy('period_start', 'desc').orderBy('period_kind').execute();
  return rows.map(toFigure);
}

export async function getLiveUsageFigure(x: Executor, id: string): Promise<UsageFigure | undefined> {
  const row = await q(x).selectFrom('usage_figures').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return row ? toFigure(row) : undefined;
}

export interface UsageFigureInput {
  customerId: string;
  periodKind: UsagePeriodKind;
  /** Already the period's first day. */
  periodStart: string;
  value: number;
  unit: string;
}

/**
 * Sets the period's figure: inserts it, or updates the live one of that customer and period. Unchanged when the
 * value and unit are the same (no audit entry). `created` says which.
 */
export async function upsertUsageFigure(tx: Tx, f: UsageFigureInput, meta: AuditMeta): Promise<{ figure: UsageFigure; created: boolean; changed: boolean }> {
  const live = await q(tx)
    .selectFrom('usage_figures')
    .selectAll()
    .where('customer_id', '=', f.customerId)
    .where('period_kind', '=', f.periodKind)
    .where('period_start', '=', f.periodStart)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (live) {
    if (live.value === f.value && live.unit === f.unit) return { figure: toFigure(live), created: false, changed: false };
    const row = await updateAudited(tx, 'usage_figures', live.id, { value: f.value, unit: f.unit }, meta);
    return { figure: toFigure(row), created: false, changed: true };
  }
  const row = await insertAudited(
    tx,
    'usage_figures',
    { id: newId(), customer_id: f.customerId, period_kind: f.periodKind, period_start: f.periodStart, value: f.value, unit: f.unit, deleted_at: null },
    meta,
  );
  return { figure: toFigure(row), created: true, changed: true };
}

export async function softDeleteUsageFigure(tx: Tx, id: string, meta: AuditMeta): Promise<void> {
  await updateAudited(tx, 'usage_figures', id, { deleted_at: meta.at }, meta);
}

/** The customer's live competitor events, latest first, with the contract's number when one is named. */
export async function listCompetitorEvents(x: Executor, customerId: string): Promise<CompetitorEvent[]> {
  const rows = await q(x)
    .selectFrom('competitor_events as e')
    .leftJoin('contracts as k', 'k.id', 'e.contract_id')
    .select(['e.id', 'e.customer_id', 'e.contract_id', 'k.number', 'e.on_date', 'e.text', 'e.created_at'])
    .where('e.customer_id', '=', customerId)
    .where('e.deleted_at', 'is', null)
    .orderBy('e.on_date', 'desc')
    .orderBy('e.created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    contractId: r.contract_id,
    contractNo: r.number ?? null,
    happenedOn: r.on_date,
    text: r.text,
    createdAt: r.created_at,
  }));
}

export async function getLiveCompetitorEvent(x: Executor, id: string): Promise<{ id: string; customerId: string } | undefined> {
  const row = await q(x).selectFrom('competitor_events').select(['id', 'customer_id']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return row ? { id: row.id, customerId: row.customer_id } : undefined;
}

export interface CompetitorEventInput {
  customerId: string;
  contractId: string | null;
  happenedOn: string;
  text: string;
}

export async function insertCompetitorEvent(tx: Tx, e: CompetitorEventInput, meta: AuditMeta): Promise<string> {
  const id = newId();
  await insertAudited(tx, 'competitor_events', { id, customer_id: e.customerId, contract_id: e.contractId, on_date: e.happenedOn, text: e.text, deleted_at: null }, meta);
  return id;
}

export async function softDeleteCompetitorEvent(tx: Tx, id: string, meta: AuditMeta): Promise<void> {
  await updateAudited(tx, 'competitor_events', id, { deleted_at: meta.at }, meta);
}

/** Whether every entry of `batchId` is a usage figure's or a competitor event's (what signals' undo may reverse). */
export async function isSignalBatch(x: Executor, batchId: string): Promise<boolean> {
  const rows = await q(x).selectFrom('audit_log').select('entity').distinct().where('batch_id', '=', batchId).where('action', '!=', 'undone').execute();
  return rows.length > 0 && rows.every((r) => r.entity === 'usage_figures' || r.entity === 'competitor_events');
}

export interface InteractionMonth {
  customerId: string;
  /** YYYY-MM in local time (the follow-up's instant shifted by `offsetMinutes`). */
  month: string;
  inquiries: number;
  tickets: number;
}

/**
 * 咨询 + 工单 follow-ups per customer and month from `sinceInstant` on, for the given customers (or all). The month is
 * the local one: the stored UTC instant shifted by the zone's offset east of UTC (a fixed offset: exact for
 * zones without daylight saving, such as China's). Uses follow_ups_customer_at per customer.
 */
export async function countServiceInteractionsByMonth(
  x: Executor,
  opts: { customerIds?: readonly string[]; sinceInstant: string; offsetMinutes: number },
): Promise<InteractionMonth[]> {
  const month = localMonthSql(engineOf(x), sql`at`, opts.offsetMinutes);
  let query = q(x)
    .selectFrom('follow_ups')
    .select([
      'customer_id',
      month.as('month'),
      // CASE, not a bare comparison: PostgreSQL's comparisons are booleans, which it does not sum.
      sql<number>`sum(CASE WHEN kind = 'inquiry' THEN 1 ELSE 0 END)`.as('inquiries'),
      sql<number>`sum(CASE WHEN kind = 'ticket' THEN 1 ELSE 0 END)`.as('tickets'),
    ])
    .where('deleted_at', 'is', null)
    .where('kind', 'in', ['inquiry', 'ticket'])
    .where('at', '>=', opts.sinceInstant);
  if (opts.customerIds) {
    if (opts.customerIds.length === 0) return [];
    query = query.where('customer_id', 'in', [...opts.customerIds]);
  }
  const rows = await query.groupBy(['customer_id', month]).orderBy('customer_id').orderBy(month).execute();
  return rows.map((r) => ({ customerId: r.customer_id, month: r.month, inquiries: Number(r.inquiries), tickets: Number(r.tickets) }));
}
