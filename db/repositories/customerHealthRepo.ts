// The stored health scores (migration 0025): the latest per customer and one row per customer and week. Derived data,
// written by the recompute (never audited) and read by the customer page, the 风险预警 list and the review.
import type { Selectable } from 'kysely';
import { bandOf, storedFactorsOn, type CustomerHealth, type HealthWeekPoint, type HealthBand, type HealthFactorContribution } from '../../shared/domain/healthBands.ts';
import { encodeStoredFactors } from '../../shared/domain/storedHealthFactors.ts';
import { q, type Executor } from '../handle.ts';
import type { CustomerHealthTable } from '../schema.ts';

function toHealth(r: Selectable<CustomerHealthTable>, today: string): CustomerHealth {
  return { customerId: r.customer_id, score: r.score, band: r.band as HealthBand, factors: storedFactorsOn(r.factors, today), computedAt: r.computed_at };
}

export interface HealthToStore {
  customerId: string;
  score: number;
  factors: readonly HealthFactorContribution[];
  /** The week's Monday the score also stands for in the history. */
  weekOf: string;
}

/** Stores each customer's score as its current one and as its week's; the band follows from the score. */
export async function storeCustomerHealth(x: Executor, rows: readonly HealthToStore[], computedAt: string): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await q(x)
      .insertInto('customer_health')
      .values(chunk.map((r) => ({ customer_id: r.customerId, score: r.score, band: bandOf(r.score), factors: encodeStoredFactors(r.factors), computed_at: computedAt })))
      .onConflict((oc) => oc.column('customer_id').doUpdateSet((eb) => ({ score: eb.ref('excluded.score'), band: eb.ref('excluded.band'), factors: eb.ref('excluded.factors'), computed_at: eb.ref('excluded.computed_at') })))
      .execute();
    await q(x)
      .insertInto('customer_health_weeks')
      .values(chunk.map((r) => ({ customer_id: r.customerId, week_of: r.weekOf, score: r.score, band: bandOf(r.score) })))
      .onConflict((oc) => oc.columns(['customer_id', 'week_of']).doUpdateSet((eb) => ({ score: eb.ref('excluded.score'), band: eb.ref('excluded.band') })))
      .execute();
  }
}

/** The customer's stored score, its day counts measured as of `today`. */
export async function getCustomerHealth(x: Executor, customerId: string, today: string): Promise<CustomerHealth | undefined> {
  const row = await q(x).selectFrom('customer_health').selectAll().where('customer_id', '=', customerId).executeTakeFirst();
  return row ? toHealth(row, today) : undefined;
}

/** The customer's stored week points from `fromWeek` on, oldest first, with the latest one before it (carried forward: weeklyPoints). */
export async function listHealthWeeks(x: Executor, customerId: string, fromWeek: string): Promise<HealthWeekPoint[]> {
  const before = await q(x)
    .selectFrom('customer_health_weeks')
    .select((eb) => eb.fn.max('week_of').as('week_of'))
    .where('customer_id', '=', customerId)
    .where('week_of', '<=', fromWeek)
    .executeTakeFirst();
  const rows = await q(x)
    .selectFrom('customer_health_weeks')
    .select(['week_of', 'score', 'band'])
    .where('customer_id', '=', customerId)
    .where('week_of', '>=', before?.week_of ?? fromWeek)
    .orderBy('week_of')
    .execute();
  return rows.map((r) => ({ weekOf: r.week_of, score: r.score, band: r.band as HealthBand }));
}
