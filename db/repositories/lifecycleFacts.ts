import { sql, type RawBuilder } from 'kysely';
import type { LifecycleFacts } from '../../shared/domain/lifecycleRules.ts';
import { engineOf, q, type DbEngine, type Executor } from '../handle.ts';
import { inIdList } from './idListSql.ts';

// What the lifecycle rules (shared/domain/lifecycleRules.ts) read of each live customer, in one aggregate over
// contracts, renewals and follow-ups:
// - terms: live, not terminated contracts; renewed = status 'renewed' or a live renewal record at 已续费;
// - the last term: the one ending last (no end date = latest), then the latest start, then the id;
// - previous: the last term's predecessor (renewal_of), else the term before it in that order;
// - consecutiveRenewals: the links of the renewal_of chain that ends at the last term.

export interface FactsRow {
  customerId: string;
  terms: number | null;
  renewedTerms: number | null;
  firstOn: string | null;
  lastStart: string | null;
  lastEnds: string | null;
  lastAmount: number | null;
  lastRenewed: number | null;
  lastLost: number | null;
  lostReason: string | null;
  lostNote: string | null;
  outcomeOn: string | null;
  prevEnds: string | null;
  prevAmount: number | null;
  chain: number | null;
  lastFollowUpAt: string | null;
}

/**
 * `ids` limits it to those customers; undefined reads every live customer. Portable SQL (the comparisons made
 * 0/1 by CASE, the camelCase names quoted), but for the id list, bound as the engine reads one.
 */
export function lifecycleFactsQuery(ids?: readonly string[], engine: DbEngine = 'sqlite'): RawBuilder<FactsRow> {
  const only = (column: RawBuilder<unknown>) => (ids === undefined ? sql`1 = 1` : inIdList(engine, column, ids));
  return sql<FactsRow>`
    WITH RECURSIVE
    live AS (
      SELECT k.id, k.customer_id, k.renewal_of, coalesce(k.starts_on, k.signed_on) AS start_on, k.ends_on, k.amount_fen,
             CASE WHEN k.status = 'renewed' OR r.stage = 'renewed' THEN 1 ELSE 0 END AS renewed,
             CASE WHEN r.stage = 'lost' THEN 1 ELSE 0 END AS lost,
             r.lost_reason, r.lost_note, r.outcome_on
      FROM contracts k
      LEFT JOIN renewals r ON r.contract_id = k.id AND r.deleted_at IS NULL
      WHERE k.deleted_at IS NULL AND k.status <> 'terminated' AND ${only(sql`k.customer_id`)}
    ),
    ranked AS (
      SELECT live.*,
             row_number() OVER w AS rn,
             lead(ends_on) OVER w AS next_ends, lead(amount_fen) OVER w AS next_amount,
             count(*) OVER (PARTITION BY customer_id) AS terms,
             sum(renewed) OVER (PARTITION BY customer_id) AS renewed_terms,
             min(coalesce(start_on, ends_on)) OVER (PARTITION BY customer_id) AS first_on
      FROM live
      WINDOW w AS (PARTITION BY customer_id ORDER BY coalesce(ends_on, '9999-12-31') DESC, coalesce(start_on, '') DESC, id DESC)
    ),
    lasts AS (SELECT * FROM ranked WHERE rn = 1),
    chain(customer_id, id, n) AS (
      SELECT customer_id, renewal_of, 1 FROM lasts WHERE renewal_of IS NOT NULL
      UNION ALL
      SELECT chain.customer_id, k.renewal_of, chain.n + 1 FROM chain JOIN contracts k ON k.id = chain.id
      WHERE k.renewal_of IS NOT NULL AND k.deleted_at IS NULL AND chain.n < 200
    ),
    chains AS (SELECT customer_id, max(n) AS n FROM chain GROUP BY customer_id),
    fu AS (
      SELECT customer_id, max(at) AS at FROM follow_ups WHERE deleted_at IS NULL AND ${only(sql`customer_id`)} GROUP BY customer_id
    )
    SELECT c.id AS "customerId", l.terms, l.renewed_terms AS "renewedTerms", l.first_on AS "firstOn",
           l.start_on AS "lastStart", l.ends_on AS "lastEnds", l.amount_fen AS "lastAmount", l.renewed AS "lastRenewed",
           l.lost AS "lastLost", l.lost_reason AS "lostReason", l.lost_note AS "lostNote", l.outcome_on AS "outcomeOn",
           CASE WHEN p.id IS NOT NULL THEN p.ends_on ELSE l.next_ends END AS "prevEnds",
           CASE WHEN p.id IS NOT NULL THEN p.amount_fen ELSE l.next_amount END AS "prevAmount",
           chains.n AS chain, fu.at AS "lastFollowUpAt"
    FROM customers c
    LEFT JOIN lasts l ON l.customer_id = c.id
    LEFT JOIN contracts p ON p.id = l.renewal_of AND p.deleted_at IS NULL
    LEFT JOIN chains ON chains.customer_id = c.id
    LEFT JOIN fu ON fu.customer_id = c.id
    WHERE c.deleted_at IS NULL AND ${only(sql`c.id`)}`;
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
/** The local calendar date of an instant (what localDateOf gives, without date-fns' formatter: 100k calls a run). */
function localDate(instant: string): string {
  const d = new Date(instant);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function factsOfRow(r: FactsRow): LifecycleFacts {
  const terms = Number(r.terms ?? 0);
  return {
    customerId: r.customerId,
    terms,
    renewedTerms: Number(r.renewedTerms ?? 0),
    firstOn: r.firstOn,
    consecutiveRenewals: Number(r.chain ?? 0),
    last:
      terms === 0
        ? null
        : {
            startOn: r.lastStart,
            endsOn: r.lastEnds,
            amountFen: r.lastAmount,
            renewed: Number(r.lastRenewed) === 1,
            lost: Number(r.lastLost) === 1,
            lostReason: r.lostReason,
            lostNote: r.lostNote,
            outcomeOn: r.outcomeOn,
          },
    previous: terms > 1 || r.prevEnds !== null || r.prevAmount !== null ? { startOn: null, endsOn: r.prevEnds, amountFen: r.prevAmount } : null,
    lastFollowUpOn: r.lastFollowUpAt === null ? null : localDate(r.lastFollowUpAt),
  };
}

export async function readLifecycleFacts(x: Executor, ids?: readonly string[]): Promise<LifecycleFacts[]> {
  const { rows } = await lifecycleFactsQuery(ids, engineOf(x)).execute(q(x));
  return rows.map(factsOfRow);
}
