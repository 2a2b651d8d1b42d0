import { sql, type RawBuilder } from 'kysely';
import { q, type Executor } from '../../handle.ts';

// The 首页 dashboard's open-term counts, over report_terms (migration 0013; the rates come from renewalTallies.ts):
// - upcoming within N days: open (status 'active', undecided: no renewal record, or one neither renewed nor
//   lost), ends_on in [today, today + N]; the same terms as the 续约 list's window;
// - overdue: open, ends_on before today (已逾期);
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

/** Open terms per owner key (NO_OWNER_KEY of the reports contract for none) and window: 0 overdue, 1 within 30
 * days, 2 within 90, 3 within 365. Bucketing in SQL and adding up in openTerms is half the work of eight sums. */
export function openTermsQuery(d: OpenTermsDates): RawBuilder<{ ownerKey: string; bucket: number; n: number; amount: number }> {
  return sql<{ ownerKey: string; bucket: number; n: number; amount: number }>`
    SELECT t.owner_key AS "ownerKey",
           CASE WHEN t.ends_on < ${d.today} THEN 0 WHEN t.ends_on <= ${d.d30} THEN 1 WHEN t.ends_on <= ${d.d90} THEN 2 ELSE 3 END AS bucket,
           count(*) AS n, coalesce(sum(t.amount_fen), 0) AS amount
    FROM report_terms t
    WHERE t.open = 1 AND t.ends_on <= ${d.d365}
    GROUP BY "ownerKey", bucket`;
}

export function historyQuery(): RawBuilder<{ n: number; amount: number }> {
  return sql<{ n: number; amount: number }>`
    SELECT count(*) AS n, coalesce(sum(t.amount_fen), 0) AS amount FROM report_terms t WHERE t.history = 1`;
}
export async function openTerms(x: Executor, d: OpenTermsDates): Promise<OpenTermsRow[]> {
  const byOwner = new Map<string, OpenTermsRow>();
  for (const { ownerKey, bucket, n, amount } of (await openTermsQuery(d).execute(q(x))).rows) {
    let row = byOwner.get(ownerKey);
    if (!row) {
      row = { ownerKey, c30: 0, a30: 0, c90: 0, a90: 0, c365: 0, a365: 0, overdueCount: 0, overdueAmount: 0 };
      byOwner.set(ownerKey, row);
    }
    const count = Number(n);
    const fen = Number(amount);
    if (bucket === 0) {
      row.overdueCount += count;
      row.overdueAmount += fen;
      continue;
    }
    if (bucket <= 1) {
      row.c30 += count;
      row.a30 += fen;
    }
    if (bucket <= 2) {
      row.c90 += count;
      row.a90 += fen;
    }
    row.c365 += count;
    row.a365 += fen;
  }
  return [...byOwner.values()].sort((a, b) => a.ownerKey.localeCompare(b.ownerKey));
}

export async function historyTerms(x: Executor): Promise<{ count: number; amountFen: number }> {
  const row = (await historyQuery().execute(q(x))).rows[0];
  return { count: Number(row?.n ?? 0), amountFen: Number(row?.amount ?? 0) };
}
