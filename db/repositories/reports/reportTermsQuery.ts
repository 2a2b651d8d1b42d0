import { sql, type RawBuilder } from 'kysely';
import { q, type Executor } from '../../handle.ts';
import { dueTermsWhereSql, successorAmountSql, type DueTermFilter } from './renewalTallies.ts';

// The due terms behind a report's numbers, one page at a time: report_terms picks them (as for the tallies, so
// the list and its count always agree), contracts, customers and renewals say what the page shows.

export interface ReportTermsFilter extends DueTermFilter {
  /** 'due' lists every due term. */
  outcome: 'due' | 'renewed' | 'lost' | 'pending';
  offset: number;
  limit: number;
}

export interface ReportTermRow {
  contractId: string;
  contractNo: string;
  customerId: string;
  customerName: string;
  tier: string;
  ownerName: string | null;
  cycle: string | null;
  endsOn: string;
  amountFen: number | null;
  outcome: 'renewed' | 'lost' | 'pending';
  renewalAmountFen: number | null;
  /** The renewing term's start (starts_on, else signed_on), else the renewal record's outcome date. */
  renewalStartsOn: string | null;
  lostReason: string | null;
}

/** The successor's start date: the earliest live term that renews k. */
const successorStartSql = sql<string | null>`(SELECT coalesce(s.starts_on, s.signed_on) FROM contracts s
  WHERE s.renewal_of = k.id AND s.deleted_at IS NULL
  ORDER BY coalesce(s.starts_on, s.signed_on, s.ends_on), s.id LIMIT 1)`;

function termsWhere(f: ReportTermsFilter): RawBuilder<unknown> {
  const outcome = f.outcome === 'due' ? sql`` : sql` AND t.outcome = ${f.outcome}`;
  return sql`${dueTermsWhereSql(f)}${outcome}`;
}

export function reportTermsQuery(f: ReportTermsFilter): RawBuilder<ReportTermRow> {
  return sql<ReportTermRow>`
    SELECT k.id AS "contractId", k.number AS "contractNo", k.customer_id AS "customerId", c.name AS "customerName", c.tier,
           (SELECT o.name FROM owners o WHERE o.id = coalesce(k.owner_id, c.owner_id)) AS "ownerName",
           k.cycle, k.ends_on AS "endsOn", k.amount_fen AS "amountFen", t.outcome,
           CASE WHEN t.outcome = 'renewed' THEN coalesce(r.outcome_amount_fen, ${successorAmountSql}) END AS "renewalAmountFen",
           CASE WHEN t.outcome = 'renewed' THEN coalesce(${successorStartSql}, r.outcome_on) END AS "renewalStartsOn",
           CASE WHEN t.outcome = 'lost' THEN r.lost_reason END AS "lostReason"
    FROM report_terms t
    JOIN contracts k ON k.id = t.contract_id
    JOIN customers c ON c.id = k.customer_id
    LEFT JOIN renewals r ON r.contract_id = k.id AND r.deleted_at IS NULL
    WHERE ${termsWhere(f)}
    ORDER BY t.ends_on, k.number, k.id
    LIMIT ${f.limit} OFFSET ${f.offset}`;
}

export async function reportTerms(x: Executor, f: ReportTermsFilter): Promise<{ rows: ReportTermRow[]; total: number }> {
  const rows = await reportTermsQuery(f).execute(q(x));
  const total = await sql<{ n: number }>`SELECT count(*) AS n FROM report_terms t WHERE ${termsWhere(f)}`.execute(q(x));
  return { rows: rows.rows, total: Number(total.rows[0]?.n ?? 0) };
}
