import { sql, type RawBuilder } from 'kysely';
import { q, type Executor } from '../../handle.ts';
import { dueWhereSql, outcomeSql, successorAmountSql, type DueTermFilter } from './renewalTallies.ts';

// The due terms behind a report's numbers, one page at a time (same definitions as renewalTallies.ts).

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

function termsFrom(f: ReportTermsFilter): RawBuilder<unknown> {
  const outcome = f.outcome === 'due' ? sql`` : sql` AND ${outcomeSql} = ${f.outcome}`;
  return sql`FROM contracts k
    JOIN customers c ON c.id = k.customer_id
    LEFT JOIN renewals r ON r.contract_id = k.id AND r.deleted_at IS NULL
    WHERE ${dueWhereSql(f)}${outcome}`;
}

export function reportTermsQuery(f: ReportTermsFilter): RawBuilder<ReportTermRow> {
  return sql<ReportTermRow>`
    SELECT k.id AS contractId, k.number AS contractNo, k.customer_id AS customerId, c.name AS customerName, c.tier,
           (SELECT o.name FROM owners o WHERE o.id = coalesce(k.owner_id, c.owner_id)) AS ownerName,
           k.cycle, k.ends_on AS endsOn, k.amount_fen AS amountFen, ${outcomeSql} AS outcome,
           CASE WHEN ${outcomeSql} = 'renewed' THEN coalesce(r.outcome_amount_fen, ${successorAmountSql}) END AS renewalAmountFen,
           CASE WHEN ${outcomeSql} = 'renewed' THEN coalesce(${successorStartSql}, r.outcome_on) END AS renewalStartsOn,
           CASE WHEN ${outcomeSql} = 'lost' THEN r.lost_reason END AS lostReason
    ${termsFrom(f)}
    ORDER BY k.ends_on, k.number, k.id
    LIMIT ${f.limit} OFFSET ${f.offset}`;
}

export async function reportTerms(x: Executor, f: ReportTermsFilter): Promise<{ rows: ReportTermRow[]; total: number }> {
  const rows = await reportTermsQuery(f).execute(q(x));
  const total = await sql<{ n: number }>`SELECT count(*) AS n ${termsFrom(f)}`.execute(q(x));
  return { rows: rows.rows, total: Number(total.rows[0]?.n ?? 0) };
}
