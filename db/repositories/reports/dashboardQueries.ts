import { sql, type RawBuilder } from 'kysely';
import { q, type Executor } from '../../handle.ts';
import { ownerKeySql } from './renewalTallies.ts';

// The 首页 dashboard's open-term counts (the rates come from renewalTallies.ts):
// - upcoming within N days: status 'active', undecided (no renewal record, or one neither renewed nor lost),
//   ends_on in [today, today + N]; the same terms as the 续约 list's window;
// - overdue: status 'active', undecided, ends_on before today (已逾期);
// - history: status 'expired' (已到期, imported history), undecided.
// Counts include terms of unknown amount; amounts leave them out.

export interface OpenTermsDates {
  today: string;
  d30: string;
  d90: string;
  d365: string;
}

export interface OpenTermsRow {
  ownerKey: string;
  c30: number;
  a30: number;
  c90: number;
  a90: number;
  c365: number;
  a365: number;
  overdueCount: number;
  overdueAmount: number;
}

const undecidedSql = sql`(r.stage IS NULL OR r.stage NOT IN ('renewed', 'lost'))`;

/** Upcoming and overdue per owner key (NO_OWNER_KEY of the reports contract for none), in one pass over the active terms. */
export function openTermsQuery(d: OpenTermsDates): RawBuilder<OpenTermsRow> {
  const within = (to: string) => sql`k.ends_on >= ${d.today} AND k.ends_on <= ${to}`;
  return sql<OpenTermsRow>`
    SELECT ${ownerKeySql} AS ownerKey,
           sum(${within(d.d30)}) AS c30, coalesce(sum(CASE WHEN ${within(d.d30)} THEN k.amount_fen END), 0) AS a30,
           sum(${within(d.d90)}) AS c90, coalesce(sum(CASE WHEN ${within(d.d90)} THEN k.amount_fen END), 0) AS a90,
           sum(${within(d.d365)}) AS c365, coalesce(sum(CASE WHEN ${within(d.d365)} THEN k.amount_fen END), 0) AS a365,
           sum(k.ends_on < ${d.today}) AS overdueCount,
           coalesce(sum(CASE WHEN k.ends_on < ${d.today} THEN k.amount_fen END), 0) AS overdueAmount
    FROM contracts k
    JOIN customers c ON c.id = k.customer_id
    LEFT JOIN renewals r ON r.contract_id = k.id AND r.deleted_at IS NULL
    WHERE k.deleted_at IS NULL AND k.status = 'active' AND k.ends_on <= ${d.d365}
      AND c.deleted_at IS NULL AND ${undecidedSql}
    GROUP BY ownerKey ORDER BY ownerKey`;
}

export function historyQuery(): RawBuilder<{ n: number; amount: number }> {
  return sql<{ n: number; amount: number }>`
    SELECT count(*) AS n, coalesce(sum(k.amount_fen), 0) AS amount
    FROM contracts k
    JOIN customers c ON c.id = k.customer_id
    LEFT JOIN renewals r ON r.contract_id = k.id AND r.deleted_at IS NULL
    WHERE k.deleted_at IS NULL AND k.status = 'expired' AND c.deleted_at IS NULL AND ${undecidedSql}`;
}

export async function openTerms(x: Executor, d: OpenTermsDates): Promise<OpenTermsRow[]> {
  return (await openTermsQuery(d).execute(q(x))).rows;
}

export async function historyTerms(x: Executor): Promise<{ count: number; amountFen: number }> {
  const row = (await historyQuery().execute(q(x))).rows[0];
  return { count: Number(row?.n ?? 0), amountFen: Number(row?.amount ?? 0) };
}
