import { sql, type RawBuilder } from 'kysely';
import { q, type Executor } from '../../handle.ts';

// The renewal report's counts in SQL, over report_terms: one row per term, kept by triggers (migration 0013,
// which holds the definitions pinned by issue 11 — shared/api/reports.contract.ts):
// - due: live contracts of live customers, status not 'terminated', cycle not 'once' (an unknown cycle counts),
//   whose ends_on lies in [from, to] (inclusive);
// - outcome: the renewal record's stage 'renewed' → renewed, 'lost' → lost (the user's decision wins), else a
//   contract status 'renewed' (a successor exists) → renewed, else pending ('expired' history included);
// - amounts are the due term's own amount_fen; NULL amounts are left out of every sum and counted apart;
// - net change: over renewed terms with both amounts known, renewal amount − term amount, where the renewal
//   amount is renewals.outcome_amount_fen, else the amount of the earliest live term whose renewal_of is it.
// successorAmountSql says the renewal amount over contracts k, for the lists of terms.

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

/** The successor's amount: the earliest live term that renews k. */
export const successorAmountSql = sql<number | null>`(SELECT s.amount_fen FROM contracts s
  WHERE s.renewal_of = k.id AND s.deleted_at IS NULL
  ORDER BY coalesce(s.starts_on, s.signed_on, s.ends_on), s.id LIMIT 1)`;

function groupKeySql(by: TallyGroupBy | undefined): RawBuilder<string> {
  // past is written '1' or '0' on both engines (a PostgreSQL comparison is a boolean, which would print as 'true').
  if (typeof by === 'object') {
    return sql<string>`substr(t.ends_on, 1, 7) || '|' || CASE WHEN t.ends_on <= ${by.monthPastOwner} THEN '1' ELSE '0' END || '|' || t.owner_key`;
  }
  if (by === 'month') return sql<string>`substr(t.ends_on, 1, 7)`;
  if (by === 'signedYear') return sql<string>`t.signed_year`;
  if (by === 'owner') return sql<string>`t.owner_key`;
  if (by === 'tier') return sql<string>`t.tier`;
  if (by === 'cycle') return sql<string>`t.cycle_key`;
  return sql<string>`''`;
}

/** "Due in the period" over report_terms t (the partial index report_terms_due answers it). */
export function dueTermsWhereSql(f: DueTermFilter): RawBuilder<unknown> {
  const parts = [sql`t.due = 1`, sql`t.ends_on >= ${f.from}`, sql`t.ends_on <= ${f.to}`];
  if (f.ownerId !== undefined) parts.push(sql`t.owner_key = ${f.ownerId}`);
  if (f.tier !== undefined) parts.push(sql`t.tier = ${f.tier}`);
  if (f.cycle !== undefined) parts.push(sql`t.cycle_key = ${f.cycle}`);
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
    SELECT ${groupKeySql(by)} AS key,
           count(*) AS "dueCount", coalesce(sum(t.amount_fen), 0) AS "dueAmount",
           sum(CASE WHEN t.outcome = 'renewed' THEN 1 ELSE 0 END) AS "renewedCount",
           coalesce(sum(CASE WHEN t.outcome = 'renewed' THEN t.amount_fen END), 0) AS "renewedAmount",
           sum(CASE WHEN t.outcome = 'lost' THEN 1 ELSE 0 END) AS "lostCount",
           coalesce(sum(CASE WHEN t.outcome = 'lost' THEN t.amount_fen END), 0) AS "lostAmount",
           sum(CASE WHEN t.outcome = 'pending' THEN 1 ELSE 0 END) AS "pendingCount",
           coalesce(sum(CASE WHEN t.outcome = 'pending' THEN t.amount_fen END), 0) AS "pendingAmount",
           sum(CASE WHEN t.amount_fen IS NULL THEN 1 ELSE 0 END) AS "unknownCount",
           coalesce(sum(t.net_fen), 0) AS "netChange"
    FROM report_terms t
    WHERE ${dueTermsWhereSql(f)}
    GROUP BY key ORDER BY key`;
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
