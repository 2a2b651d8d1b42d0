import { sql, type RawBuilder } from 'kysely';
import { bandOf } from '../../shared/domain/healthBands.ts';
import type { PeriodValue } from '../../shared/domain/riskSignals.ts';
import { q, type Executor } from '../handle.ts';
import type { HealthFactRow, HealthFactsWindow, HealthScoreRow } from './healthFacts.ts';
import { inIdList } from './idListSql.ts';
import { clearSeenMarks, type MarksSeen } from './dirtyMarkSnapshot.ts';

// The PostgreSQL side of healthFacts.ts: the same three statements in PostgreSQL's dialect, on the transaction's
// connection. What SQLite computes with its date functions is computed here so the figures come out identical:
// the local dates of instants and the 12-month survey bound by the same calendar arithmetic in JS (SQLite's
// date(x, '-12 months') rolls 29 February over to 1 March; PostgreSQL's interval would clamp to the 28th),
// the day counts as date differences.

interface CustomerObject {
  id: string;
  since_at: string | null;
  events: number;
  phones: number;
  usage: string | null;
  earlier: number;
  open_complaints: number;
  satisfaction: number | null;
  score: number | null;
  factors: string | null;
  computed_at: string | null;
}

/** SQLite's date(instant, '±N minutes'): the calendar date of the instant shifted by the offset; null when it does not parse. */
export function shiftedDate(instant: string | null, offsetMinutes: number): string | null {
  if (instant === null) return null;
  const ms = Date.parse(instant);
  return Number.isNaN(ms) ? null : new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** SQLite's date(day, '-12 months'): the same month and day a year earlier, a day past the month's end rolled over. */
export function yearBefore(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y - 1, m - 1, d)).toISOString().slice(0, 10);
}

export interface PostgresHealthReads {
  delays: Map<string, number>;
  interactions: Map<string, PeriodValue[]>;
  /** The customers' rows: `after` and `limit` page everyone by id; both undefined with ids. */
  customers: (after?: string, limit?: number) => Promise<(Omit<HealthFactRow, 'interactions' | 'paymentDelayDays'> & { earlier: boolean })[]>;
}

/** The payment delays and interaction months of `ids` (everyone when undefined), and a reader of the customer rows. */
export async function readHealthFactsOnPostgres(x: Executor, window: HealthFactsWindow, ids: readonly string[] | undefined): Promise<PostgresHealthReads> {
  const db = q(x);
  const only = (column: RawBuilder<unknown>) => (ids === undefined ? sql`` : sql` AND ${inIdList('postgres', column, ids)}`);
  const offset = Math.trunc(window.offsetMinutes);
  const delays = new Map<string, number>();
  const delayRows = await sql<{ customer_id: string; days: number }>`
    SELECT k.customer_id,
      max(CASE WHEN i.paid_amount_fen < i.due_amount_fen THEN ${window.today}::date - i.due_on::date
               ELSE least(i.paid_on, ${window.today})::date - i.due_on::date END) AS days
    FROM contract_instalments i JOIN contracts k ON k.id = i.contract_id
    WHERE i.deleted_at IS NULL AND k.deleted_at IS NULL AND k.status <> 'terminated' AND i.due_amount_fen > 0 AND i.due_on < ${window.today}
      AND (i.paid_amount_fen < i.due_amount_fen OR (i.paid_on >= ${window.paidLateFrom} AND i.paid_on > i.due_on))${only(sql`k.customer_id`)}
    GROUP BY k.customer_id`.execute(db);
  for (const r of delayRows.rows) delays.set(r.customer_id, Math.max(0, Number(r.days)));
  const interactions = new Map<string, PeriodValue[]>();
  const interactionRows = await sql<{ customer_id: string; month: string; n: number }>`
    SELECT customer_id, to_char((at::timestamptz AT TIME ZONE 'UTC') + make_interval(mins => ${offset}::int), 'YYYY-MM') AS month, count(*) AS n
    FROM follow_ups
    WHERE deleted_at IS NULL AND kind IN ('inquiry', 'ticket') AND at >= ${window.interactionsFromInstant}${only(sql`customer_id`)}
    GROUP BY customer_id, month`.execute(db);
  for (const r of interactionRows.rows) {
    let list = interactions.get(r.customer_id);
    if (!list) interactions.set(r.customer_id, (list = []));
    list.push({ period: r.month, value: Number(r.n) });
  }
  const from = window.interactionsFromInstant;
  const customers = async (after?: string, limit?: number) => {
    const where = ids !== undefined ? inIdList('postgres', sql`c.id`, ids) : sql`c.id > ${after ?? ''}`;
    const page = limit === undefined ? sql`` : sql` ORDER BY c.id LIMIT ${limit}`;
    const { rows } = await sql<CustomerObject>`
      SELECT c.id,
        coalesce((SELECT max(f.at) FROM follow_ups f WHERE f.customer_id = c.id AND f.deleted_at IS NULL), c.created_at) AS since_at,
        (SELECT count(*) FROM competitor_events e WHERE e.customer_id = c.id AND e.deleted_at IS NULL AND e.on_date >= ${window.eventsFrom} AND e.on_date <= ${window.today}) AS events,
        (SELECT count(*) FROM contacts k WHERE k.customer_id = c.id AND k.deleted_at IS NULL AND trim(coalesce(k.phone, '')) <> '') AS phones,
        (SELECT string_agg(u.period_start || '=' || u.value::text, ',' ORDER BY u.period_start DESC) FROM (
           SELECT period_start, value FROM usage_figures WHERE customer_id = c.id AND period_kind = 'month' AND deleted_at IS NULL
           ORDER BY period_start DESC LIMIT 4) u) AS usage,
        CASE WHEN EXISTS (SELECT 1 FROM follow_ups f WHERE f.customer_id = c.id AND f.deleted_at IS NULL AND f.kind IN ('inquiry', 'ticket') AND f.at < ${from})
             THEN 1 ELSE 0 END AS earlier,
        (SELECT count(*) FROM complaints p WHERE p.customer_id = c.id AND p.deleted_at IS NULL AND p.step <> 'closed') AS open_complaints,
        (SELECT avg(j.value::float8) FROM surveys s CROSS JOIN LATERAL jsonb_each_text(s.scores::jsonb) j
           WHERE s.customer_id = c.id AND s.deleted_at IS NULL AND s.on_date > ${yearBefore(window.today)} AND s.on_date <= ${window.today}) AS satisfaction,
        h.score, h.factors, h.computed_at
      FROM customers c
      LEFT JOIN customer_health h ON h.customer_id = c.id
      WHERE c.deleted_at IS NULL AND ${where}${page}`.execute(db);
    return rows.map((r) => ({
      customerId: r.id,
      followUpSince: shiftedDate(r.since_at, offset),
      competitorEvents: Number(r.events),
      phoneContacts: Number(r.phones),
      usage:
        r.usage === null
          ? []
          : r.usage.split(',').map((pair) => {
              const at = pair.indexOf('=');
              return { period: pair.slice(0, at), value: Number(pair.slice(at + 1)) };
            }),
      earlier: Number(r.earlier) === 1,
      openComplaints: Number(r.open_complaints),
      averageSatisfaction: r.satisfaction === null ? null : Number(r.satisfaction),
      storedScore: r.score === null ? null : Number(r.score),
      storedFactors: r.factors,
      storedOn: shiftedDate(r.computed_at, offset),
    }));
  };
  return { delays, interactions, customers };
}

/** Rows to a statement, well under PostgreSQL's 65,535 bound values. */
const CHUNK = 1000;

/** healthFacts.ts writeHealthScores on PostgreSQL: the same upserts, many rows to a statement. */
export async function writeHealthScoresOnPostgres(x: Executor, rows: readonly HealthScoreRow[], computedAt: string): Promise<void> {
  const db = q(x);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await db
      .insertInto('customer_health')
      .values(chunk.map((r) => ({ customer_id: r.customerId, score: r.score, band: r.band, factors: r.factors, computed_at: computedAt })))
      .onConflict((oc) =>
        oc.column('customer_id').doUpdateSet((eb) => ({
          score: eb.ref('excluded.score'),
          band: eb.ref('excluded.band'),
          factors: eb.ref('excluded.factors'),
          computed_at: eb.ref('excluded.computed_at'),
        })),
      )
      .execute();
    const weeks = chunk.flatMap((r) => (r.left ? [{ customer_id: r.customerId, week_of: r.left.weekOf, score: r.left.score, band: bandOf(r.left.score) }] : []));
    if (weeks.length === 0) continue;
    await db
      .insertInto('customer_health_weeks')
      .values(weeks)
      .onConflict((oc) => oc.columns(['customer_id', 'week_of']).doUpdateSet((eb) => ({ score: eb.ref('excluded.score'), band: eb.ref('excluded.band') })))
      .execute();
  }
}

/** healthFacts.ts clearHealthMarks on PostgreSQL. */
export async function clearHealthMarksOnPostgres(x: Executor, ids: readonly string[] | undefined, seen: MarksSeen): Promise<void> {
  const db = q(x);
  if (ids === undefined) {
    if (seen !== null) await clearSeenMarks(x, 'health_dirty', seen);
    else await db.deleteFrom('health_dirty').execute();
    await db.deleteFrom('customer_health').where(sql<boolean>`customer_id IN (SELECT id FROM customers WHERE deleted_at IS NOT NULL)`).execute();
    return;
  }
  if (seen !== null) await clearSeenMarks(x, 'health_dirty', seen, ids);
  else await db.deleteFrom('health_dirty').where(inIdList('postgres', sql`customer_id`, ids)).execute();
  await db
    .deleteFrom('customer_health')
    .where(inIdList('postgres', sql`customer_id`, ids))
    .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = customer_health.customer_id AND c.deleted_at IS NULL)`)
    .execute();
}
