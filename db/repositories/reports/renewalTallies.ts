import { sql, type RawBuilder } from 'kysely';
import { NO_CYCLE_KEY, NO_OWNER_KEY } from '../../../shared/api/reports.contract.ts';
import { q, type Executor } from '../../handle.ts';

// The renewal report's counts in SQL. Definitions (shared/api/reports.contract.ts, pinned by issue 11):
// - due: live contracts of live customers, status not 'terminated', cycle not 'once' (an unknown cycle counts),
//   whose ends_on lies in [from, to] (inclusive);
// - outcome: the renewal record's stage 'renewed' → renewed, 'lost' → lost (the user's decision wins), else a
//   contract status 'renewed' (a successor exists) → renewed, else pending ('expired' history included);
// - amounts are the due term's own amount_fen; NULL amounts are left out of every sum and counted apart;
// - net change: over renewed terms with both amounts known, renewal amount − term amount, where the renewal
//   amount is renewals.outcome_amount_fen, else the amount of the earliest live term whose renewal_of is it.

export type ReportGroupBy = 'owner' | 'tier' | 'cycle';
/**
 * Cohorts group by the term's signing year (signed_on, else starts_on; '' when neither is known); the dashboard
 * by 'yyyy-MM|past|ownerKey' (past: 1 when the term ends on or before `today`), so one pass gives all its rates.
 */
export type TallyGroupBy = ReportGroupBy | 'signedYear' | 'month' | { monthPastOwner: string };


export interface DueTermFilter {
  from: string;
  to: string;
  ownerId?: string | undefined;
  tier?: string | undefined;
  cycle?: string | undefined;
}

/** The outcome of a due term, as SQL over contracts k and its live renewal record r. */
export const outcomeSql = sql<string>`CASE WHEN r.stage = 'renewed' THEN 'renewed' WHEN r.stage = 'lost' THEN 'lost'
  WHEN k.status = 'renewed' THEN 'renewed' ELSE 'pending' END`;

/** The successor's amount: the earliest live term that renews k. */
export const successorAmountSql = sql<number | null>`(SELECT s.amount_fen FROM contracts s
  WHERE s.renewal_of = k.id AND s.deleted_at IS NULL
  ORDER BY coalesce(s.starts_on, s.signed_on, s.ends_on), s.id LIMIT 1)`;

export const ownerKeySql = sql<string>`coalesce(k.owner_id, c.owner_id, ${NO_OWNER_KEY})`;

function groupKeySql(by: TallyGroupBy | undefined): RawBuilder<string> {
  if (typeof by === 'object') return sql<string>`substr(k.ends_on, 1, 7) || '|' || (k.ends_on <= ${by.monthPastOwner}) || '|' || ${ownerKeySql}`;
  if (by === 'month') return sql<string>`substr(k.ends_on, 1, 7)`;
  if (by === 'signedYear') return sql<string>`coalesce(substr(coalesce(k.signed_on, k.starts_on), 1, 4), '')`;
  if (by === 'owner') return ownerKeySql;
  if (by === 'tier') return sql<string>`c.tier`;
  if (by === 'cycle') return sql<string>`coalesce(k.cycle, ${NO_CYCLE_KEY})`;
  return sql<string>`''`;
}

/** The WHERE clause of "due in the period", over contracts k joined to customers c. */
export function dueWhereSql(f: DueTermFilter): RawBuilder<unknown> {
  const parts = [
    sql`k.deleted_at IS NULL`,
    sql`k.ends_on >= ${f.from}`,
    sql`k.ends_on <= ${f.to}`,
    sql`k.status <> 'terminated'`,
    sql`(k.cycle IS NULL OR k.cycle <> 'once')`,
    sql`c.deleted_at IS NULL`,
  ];
  if (f.ownerId !== undefined) parts.push(sql`${ownerKeySql} = ${f.ownerId}`);
  if (f.tier !== undefined) parts.push(sql`c.tier = ${f.tier}`);
  if (f.cycle !== undefined) parts.push(sql`coalesce(k.cycle, ${NO_CYCLE_KEY}) = ${f.cycle}`);
  return sql.join(parts, sql` AND `);
}

export interface TallyRow {
  key: string;
  dueCount: number;
  dueAmount: number;
  renewedCount: number;
  renewedAmount: number;
  lostCount: number;
  lostAmount: number;
  pendingCount: number;
  pendingAmount: number;
  unknownCount: number;
  netChange: number;
}

/** The query behind one report: one row per group key (a single row with key '' without `by`). */
export function dueTalliesQuery(f: DueTermFilter, by?: TallyGroupBy): RawBuilder<TallyRow> {
  return sql<TallyRow>`
    WITH due AS (
      SELECT ${groupKeySql(by)} AS key, k.amount_fen AS amount, ${outcomeSql} AS outcome,
             CASE WHEN ${outcomeSql} = 'renewed' AND k.amount_fen IS NOT NULL
                  THEN coalesce(r.outcome_amount_fen, ${successorAmountSql}) - k.amount_fen END AS net
      FROM contracts k
      JOIN customers c ON c.id = k.customer_id
      LEFT JOIN renewals r ON r.contract_id = k.id AND r.deleted_at IS NULL
      WHERE ${dueWhereSql(f)}
    )
    SELECT key,
           count(*) AS dueCount, coalesce(sum(amount), 0) AS dueAmount,
           sum(outcome = 'renewed') AS renewedCount,
           coalesce(sum(CASE WHEN outcome = 'renewed' THEN amount END), 0) AS renewedAmount,
           sum(outcome = 'lost') AS lostCount,
           coalesce(sum(CASE WHEN outcome = 'lost' THEN amount END), 0) AS lostAmount,
           sum(outcome = 'pending') AS pendingCount,
           coalesce(sum(CASE WHEN outcome = 'pending' THEN amount END), 0) AS pendingAmount,
           sum(amount IS NULL) AS unknownCount,
           coalesce(sum(net), 0) AS netChange
    FROM due GROUP BY key ORDER BY key`;
}

export async function dueTallies(x: Executor, f: DueTermFilter, by?: TallyGroupBy): Promise<TallyRow[]> {
  const result = await dueTalliesQuery(f, by).execute(q(x));
  return result.rows;
}

/** Names of owners by id, for group labels. */
export async function ownerNames(x: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q(x).selectFrom('owners').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
