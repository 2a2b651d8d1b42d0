import { sql, type RawBuilder } from 'kysely';
import type { TierFacts } from '../../shared/tiers/tierRules.ts';
import { engineOf, q, type DbEngine, type Executor, type Tx } from '../handle.ts';
import { updateAudited, type AuditMeta } from './auditedWrites.ts';

// What tier classification reads of every live customer, in one aggregate query (definitions in
// shared/tiers/tierRules.ts, TierFacts): current terms are the live contracts whose status is active or
// expired (the heads of their renewal chains); a chain's length comes from a recursive walk down renewal_of.

export interface TierFactsRow {
  id: string;
  name: string;
  tier: string;
  pinned: string | null;
  /** The stored reason's JSON, to tell whether it changed. */
  reasonJson: string | null;
  facts: Omit<TierFacts, 'yearsAsCustomer'>;
  /** The earliest contract's signing (or start) date; null without contracts. */
  firstOn: string | null;
}

interface RawRow {
  id: string;
  name: string;
  tier: string;
  tier_pinned: string | null;
  tier_reason: string | null;
  annual_value_fen: number;
  term_months: number;
  purchases: number;
  renewals: number;
  first_on: string | null;
  referrals: number;
}

/** Per customer, over its live contracts (`only` narrows them): the annual value, longest term, purchases, first date. */
function termsOf(engine: DbEngine, purchasesSince: string, only: RawBuilder<unknown>) {
  const start = sql`coalesce(k.starts_on, k.signed_on)`;
  // Days from the start to the end, both counted: exact on both engines (dates are 'YYYY-MM-DD' text).
  const days = engine === 'postgres' ? sql`(k.ends_on::date - ${start}::date + 1)` : sql`(julianday(k.ends_on) - julianday(${start}) + 1)`;
  return sql`
      SELECT k.customer_id,
        sum(CASE WHEN k.status IN ('active', 'expired') AND k.amount_fen IS NOT NULL THEN k.amount_fen *
          CASE k.cycle WHEN 'month' THEN 12 WHEN 'quarter' THEN 4 WHEN 'half_year' THEN 2 ELSE 1 END END) AS annual_fen,
        max(CASE WHEN k.status IN ('active', 'expired') THEN
          CASE WHEN coalesce(k.starts_on, k.signed_on) IS NOT NULL AND k.ends_on IS NOT NULL
            THEN CAST(round(${days} / 30.4375) AS INTEGER)
            ELSE CASE k.cycle WHEN 'month' THEN 1 WHEN 'quarter' THEN 3 WHEN 'half_year' THEN 6 WHEN 'year' THEN 12 ELSE 0 END
          END END) AS term_months,
        count(CASE WHEN coalesce(k.signed_on, k.starts_on) >= ${purchasesSince} THEN 1 END) AS purchases,
        min(coalesce(k.signed_on, k.starts_on)) AS first_on
      FROM contracts k WHERE k.deleted_at IS NULL ${only} GROUP BY k.customer_id`;
}

const SELECT_FACTS = sql`
    SELECT c.id, c.name, c.tier, c.tier_pinned, c.tier_reason,
      coalesce(t.annual_fen, 0) AS annual_value_fen, coalesce(t.term_months, 0) AS term_months,
      coalesce(t.purchases, 0) AS purchases, coalesce(r.depth, 0) AS renewals, t.first_on,
      (SELECT count(*) FROM referrals x WHERE x.referrer_id = c.id AND x.deleted_at IS NULL) AS referrals
    FROM customers c LEFT JOIN terms t ON t.customer_id = c.id LEFT JOIN renewals r ON r.customer_id = c.id
    WHERE c.deleted_at IS NULL`;

/** Every live customer's facts; `purchasesSince` (an ISO date) opens the purchase-frequency window. */
function tierFactsQuery(engine: DbEngine, purchasesSince: string) {
  return sql<RawRow>`
    WITH RECURSIVE chain(id, customer_id, depth) AS (
      SELECT id, customer_id, 0 FROM contracts WHERE renewal_of IS NULL AND deleted_at IS NULL
      UNION ALL
      SELECT k.id, k.customer_id, chain.depth + 1 FROM contracts k JOIN chain ON k.renewal_of = chain.id
      WHERE k.deleted_at IS NULL AND chain.depth < 1000
    ),
    renewals AS (SELECT customer_id, max(depth) AS depth FROM chain WHERE depth > 0 GROUP BY customer_id),
    terms AS (${termsOf(engine, purchasesSince, sql``)})
    ${SELECT_FACTS}`;
}

/**
 * The same facts for a few customers (an import's, an unpinned one): a contract's place in its chain is found
 * by climbing renewal_of from it to a root instead of walking down from every root, which gives the same depth
 * (a term whose climb meets a deleted or missing predecessor, or a cycle, is in no chain from a root either).
 */
function tierFactsOfCustomersQuery(engine: DbEngine, purchasesSince: string, customerIds: readonly string[]) {
  const ids = engine === 'postgres' ? sql`SELECT unnest(${[...customerIds]}::text[]) COLLATE "C"` : sql`SELECT value FROM json_each(${JSON.stringify(customerIds)})`;
  return sql<RawRow>`
    WITH RECURSIVE ids(id) AS (${ids}),
    up(customer_id, renewal_of, depth) AS (
      SELECT k.customer_id, k.renewal_of, 0 FROM contracts k
      WHERE k.customer_id IN (SELECT id FROM ids) AND k.deleted_at IS NULL
      UNION ALL
      SELECT up.customer_id, p.renewal_of, up.depth + 1 FROM contracts p JOIN up ON p.id = up.renewal_of
      WHERE p.deleted_at IS NULL AND up.depth < 1000
    ),
    renewals AS (SELECT customer_id, max(depth) AS depth FROM up WHERE renewal_of IS NULL AND depth > 0 GROUP BY customer_id),
    terms AS (${termsOf(engine, purchasesSince, sql`AND k.customer_id IN (SELECT id FROM ids)`)})
    ${SELECT_FACTS} AND c.id IN (SELECT id FROM ids)`;
}

/** The statement loadTierFacts runs, compiled: what the benchmark runs on raw better-sqlite3 as its baseline. */
export function tierFactsStatement(x: Executor, purchasesSince: string): { sql: string; parameters: readonly unknown[] } {
  return tierFactsQuery(engineOf(x), purchasesSince).compile(q(x));
}

/** Every live customer's facts, or only those of `customerIds` (live ones among them). */
export async function loadTierFacts(x: Executor, purchasesSince: string, customerIds?: readonly string[]): Promise<TierFactsRow[]> {
  const engine = engineOf(x);
  const query = customerIds === undefined ? tierFactsQuery(engine, purchasesSince) : tierFactsOfCustomersQuery(engine, purchasesSince, customerIds);
  const { rows } = await query.execute(q(x));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    tier: r.tier,
    pinned: r.tier_pinned,
    reasonJson: r.tier_reason,
    // Number(): PostgreSQL's sums and counts are numeric and bigint (parsed to numbers, but typed loosely).
    facts: {
      annualValueFen: Number(r.annual_value_fen),
      termMonths: Math.max(0, Number(r.term_months)),
      purchases: Number(r.purchases),
      consecutiveRenewals: Number(r.renewals),
      referrals: Number(r.referrals),
    },
    firstOn: r.first_on,
  }));
}

/** Sets or clears a customer's pin (a tier set by hand, or unpinned to let the rules decide). */
export async function writeTierPin(tx: Tx, id: string, pinned: 'manual' | 'import' | null, meta: AuditMeta): Promise<void> {
  await updateAudited(tx, 'customers', id, { tier_pinned: pinned, ...(pinned === null ? {} : { tier_reason: null }) }, meta);
}
