// The renewal prediction's inputs (issue 13), read set-based: a handful of aggregate queries over a set of terms,
// each term with its own as-of date (a decided term's end date − 90 days; a live term's today), never a query per term.
// Nothing dated after a term's as-of date is read: instalments are judged as they stood then, usage periods must
// have ended by then, interactions count whole months before it, competitor events and follow-ups up to it.
// Undated facts (a contact's phone, the customer's tier) are read as they are today: see the README.
import { sql, type RawBuilder } from 'kysely';
import type { TermFacts } from '../../shared/domain/renewalFeatures.ts';
import { engineOf, q, type DbEngine, type Executor } from '../handle.ts';
import { addDaysSql, addMonthsSql, daysBetweenSql, largerSql, localDateOfInstantSql, localMidnightInstantSql, localMonthSql, smallerSql } from './calendarSql.ts';

/** Which terms: decided ones that ended by `endedBy` (the training set), given ids, or live ones ending in a window. */
export type PredictionTermSet =
  | { kind: 'decided'; endedBy: string }
  | { kind: 'ids'; ids: readonly string[]; today: string }
  | { kind: 'upcoming'; from: string; to: string; today: string };

const DECIDED = sql`EXISTS (SELECT 1 FROM renewals r WHERE r.contract_id = c.id AND r.deleted_at IS NULL AND r.stage IN ('renewed', 'lost'))
  OR c.status = 'renewed'
  OR EXISTS (SELECT 1 FROM contracts s WHERE s.renewal_of = c.id AND s.deleted_at IS NULL)`;

/**
 * The terms and their as-of dates: a decided term's is its end date − 90 days (what the model learns from); a live
 * one's is today (its freshest signals; for a contract that already ended, its end date).
 */
function termsCte(engine: DbEngine, set: PredictionTermSet): RawBuilder<unknown> {
  const base = (asOf: RawBuilder<unknown>, where: RawBuilder<unknown>) =>
    sql`SELECT c.id AS term_id, c.customer_id, c.ends_on, c.renewal_of, ${asOf} AS as_of
      FROM contracts c WHERE c.deleted_at IS NULL AND c.ends_on IS NOT NULL AND (${where})
        AND EXISTS (SELECT 1 FROM customers cu WHERE cu.id = c.customer_id AND cu.deleted_at IS NULL)`;
  if (set.kind === 'decided') return base(addDaysSql(engine, sql`c.ends_on`, -90), sql`c.ends_on <= ${set.endedBy} AND (${DECIDED})`);
  const live = smallerSql(engine, sql`c.ends_on`, sql`${set.today}`);
  if (set.kind === 'ids') return base(live, set.ids.length ? sql`c.id IN (${sql.join([...set.ids])})` : sql`1 = 0`);
  return base(
    live,
    sql`c.status = 'active' AND c.ends_on >= ${set.from} AND c.ends_on <= ${set.to}
      AND NOT EXISTS (SELECT 1 FROM renewals r WHERE r.contract_id = c.id AND r.deleted_at IS NULL AND r.stage IN ('renewed', 'lost'))
      AND NOT EXISTS (SELECT 1 FROM contracts s WHERE s.renewal_of = c.id AND s.deleted_at IS NULL)`,
  );
}

interface BaseRow {
  term_id: string;
  customer_id: string;
  customer_name: string;
  contract_no: string;
  ends_on: string;
  as_of: string;
  outcome: number | null;
  amount_fen: number | null;
  cycle: string | null;
  tier: string;
  tier_rank: number | null;
  earlier_terms: number;
  has_phone: number;
}

async function readBase(x: Executor, terms: RawBuilder<unknown>): Promise<BaseRow[]> {
  const r = await sql<BaseRow>`WITH RECURSIVE terms AS (${terms}),
    chain(term_id, ancestor, depth) AS (
      SELECT t.term_id, t.renewal_of, 1 FROM terms t WHERE t.renewal_of IS NOT NULL
      UNION ALL
      SELECT ch.term_id, a.renewal_of, ch.depth + 1 FROM chain ch JOIN contracts a ON a.id = ch.ancestor
        WHERE a.renewal_of IS NOT NULL AND a.deleted_at IS NULL AND ch.depth < 100
    ),
    earlier AS (SELECT term_id, max(depth) AS n FROM chain GROUP BY term_id)
    SELECT t.term_id, t.customer_id, cu.name AS customer_name, c.number AS contract_no, t.ends_on, t.as_of,
      CASE
        WHEN EXISTS (SELECT 1 FROM renewals r WHERE r.contract_id = c.id AND r.deleted_at IS NULL AND r.stage = 'renewed') THEN 1
        WHEN EXISTS (SELECT 1 FROM renewals r WHERE r.contract_id = c.id AND r.deleted_at IS NULL AND r.stage = 'lost') THEN 0
        WHEN c.status = 'renewed' OR EXISTS (SELECT 1 FROM contracts s WHERE s.renewal_of = c.id AND s.deleted_at IS NULL) THEN 1
        ELSE NULL END AS outcome,
      c.amount_fen, c.cycle, cu.tier, ti.rank AS tier_rank, coalesce(e.n, 0) AS earlier_terms,
      EXISTS (SELECT 1 FROM contacts p WHERE p.customer_id = t.customer_id AND p.deleted_at IS NULL AND trim(coalesce(p.phone, '')) <> '') AS has_phone
    FROM terms t
    JOIN contracts c ON c.id = t.term_id
    JOIN customers cu ON cu.id = t.customer_id
    LEFT JOIN tiers ti ON ti.code = cu.tier
    LEFT JOIN earlier e ON e.term_id = t.term_id
    ORDER BY t.ends_on, t.term_id`.execute(q(x));
  return r.rows;
}

/** Reads the facts of every term in `set` as of its own as-of date. `offsetMinutes`: the local zone east of UTC. */
export async function readTermFacts(x: Executor, set: PredictionTermSet, offsetMinutes: number): Promise<TermFacts[]> {
  const engine = engineOf(x);
  const terms = termsCte(engine, set);
  const base = await readBase(x, terms);
  if (base.length === 0) return [];
  const facts = new Map<string, TermFacts>(
    base.map((b) => [
      b.term_id,
      {
        termId: b.term_id,
        customerId: b.customer_id,
        customerName: b.customer_name,
        contractNo: b.contract_no,
        endsOn: b.ends_on,
        asOf: b.as_of,
        outcome: b.outcome === null ? null : b.outcome ? 1 : 0,
        amountFen: b.amount_fen,
        cycle: b.cycle,
        tier: b.tier,
        tierRank: b.tier_rank === null ? null : Number(b.tier_rank),
        earlierTerms: Number(b.earlier_terms),
        paymentDelayDays: 0,
        usage: [],
        interactions: new Map(),
        competitorEvents90: 0,
        lastFollowUpOn: null,
        hasPhoneContact: Boolean(b.has_phone),
      },
    ]),
  );
  const each = <R>(rows: R[], id: (r: R) => string, apply: (f: TermFacts, r: R) => void) => {
    for (const r of rows) {
      const f = facts.get(id(r));
      if (f) apply(f, r);
    }
  };

  // An instalment settled by the as-of date was late by paid − due; one not settled then (unpaid, or its latest
  // payment came later) was late by as-of − due. Only instalments due in the year before the as-of date count.
  const delays = await sql<{ term_id: string; delay: number | null }>`WITH terms AS (${terms})
    SELECT t.term_id, max(CASE
        WHEN i.paid_amount_fen >= i.due_amount_fen AND i.paid_on IS NOT NULL AND i.paid_on <= t.as_of
          THEN ${largerSql(engine, sql`0`, daysBetweenSql(engine, sql`i.due_on`, sql`i.paid_on`))}
        ELSE ${daysBetweenSql(engine, sql`i.due_on`, sql`t.as_of`)} END) AS delay
    FROM terms t
    JOIN contracts k ON k.customer_id = t.customer_id AND k.deleted_at IS NULL
    JOIN contract_instalments i ON i.contract_id = k.id AND i.deleted_at IS NULL
    WHERE i.due_amount_fen > 0 AND i.due_on < t.as_of AND i.due_on >= ${addDaysSql(engine, sql`t.as_of`, -365)}
    GROUP BY t.term_id`.execute(q(x));
  each(delays.rows, (r) => r.term_id, (f, r) => (f.paymentDelayDays = Math.max(0, Math.round(Number(r.delay ?? 0)))));

  // A usage period counts once its last day is on or before the as-of date.
  const usage = await sql<{ term_id: string; period_kind: string; period_start: string; value: number }>`WITH terms AS (${terms})
    SELECT term_id, period_kind, period_start, value FROM (
      SELECT t.term_id, u.period_kind, u.period_start, u.value,
        row_number() OVER (PARTITION BY t.term_id, u.period_kind ORDER BY u.period_start DESC) AS rn
      FROM terms t JOIN usage_figures u ON u.customer_id = t.customer_id AND u.deleted_at IS NULL
      WHERE CASE u.period_kind WHEN 'week' THEN ${addDaysSql(engine, sql`u.period_start`, 7)}
          WHEN 'quarter' THEN ${addMonthsSql(engine, sql`u.period_start`, 3)} ELSE ${addMonthsSql(engine, sql`u.period_start`, 1)} END
        <= ${addDaysSql(engine, sql`t.as_of`, 1)}
    ) latest WHERE rn <= 4 ORDER BY term_id, period_kind, period_start DESC`.execute(q(x));
  each(usage.rows, (r) => r.term_id, (f, r) => f.usage.push({ periodKind: r.period_kind, periodStart: r.period_start, value: r.value }));

  // 咨询 + 工单 per local month, the 4 whole months before the as-of date's month.
  const interactions = await sql<{ term_id: string; month: string; n: number }>`WITH terms AS (${terms})
    SELECT t.term_id, ${localMonthSql(engine, sql`f.at`, offsetMinutes)} AS month, count(*) AS n
    FROM terms t JOIN follow_ups f ON f.customer_id = t.customer_id AND f.deleted_at IS NULL
    WHERE f.kind IN ('inquiry', 'ticket')
      AND f.at >= ${localMidnightInstantSql(engine, sql`t.as_of`, offsetMinutes, { startOfMonth: true, months: -4 })}
      AND f.at < ${localMidnightInstantSql(engine, sql`t.as_of`, offsetMinutes, { startOfMonth: true })}
    GROUP BY t.term_id, month`.execute(q(x));
  each(interactions.rows, (r) => r.term_id, (f, r) => f.interactions.set(r.month, Number(r.n)));

  const competitor = await sql<{ term_id: string; n: number }>`WITH terms AS (${terms})
    SELECT t.term_id, count(*) AS n
    FROM terms t JOIN competitor_events e ON e.customer_id = t.customer_id AND e.deleted_at IS NULL
    WHERE e.on_date > ${addDaysSql(engine, sql`t.as_of`, -90)} AND e.on_date <= t.as_of
    GROUP BY t.term_id`.execute(q(x));
  each(competitor.rows, (r) => r.term_id, (f, r) => (f.competitorEvents90 = Number(r.n)));

  // Any follow-up up to the end of the as-of day (local).
  const lastFollowUp = await sql<{ term_id: string; last_on: string | null }>`WITH terms AS (${terms})
    SELECT t.term_id, ${localDateOfInstantSql(engine, sql`max(f.at)`, offsetMinutes)} AS last_on
    FROM terms t JOIN follow_ups f ON f.customer_id = t.customer_id AND f.deleted_at IS NULL
    WHERE f.at < ${localMidnightInstantSql(engine, sql`t.as_of`, offsetMinutes, { days: 1 })}
    GROUP BY t.term_id`.execute(q(x));
  each(lastFollowUp.rows, (r) => r.term_id, (f, r) => (f.lastFollowUpOn = r.last_on));

  return [...facts.values()];
}

/** The stored health band of each of the customers that has one (customer_health, when the score has run). */
export async function readHealthBands(x: Executor, customerIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < customerIds.length; i += 500) {
    const chunk = customerIds.slice(i, i + 500);
    const rows = await q(x).selectFrom('customer_health').select(['customer_id', 'band']).where('customer_id', 'in', chunk).execute();
    for (const r of rows) out.set(r.customer_id, r.band);
  }
  return out;
}

/**
 * What the fitted model depends on, cheap to read: counts and latest change of every table it reads. The
 * prediction service caches its model under this and today's date.
 */
export async function predictionInputsStamp(x: Executor): Promise<string> {
  const r = await sql<{ stamp: string }>`SELECT
    (SELECT count(*) || '/' || coalesce(max(updated_at), '') FROM contracts) || '|' ||
    (SELECT count(*) || '/' || coalesce(max(updated_at), '') FROM renewals) || '|' ||
    (SELECT count(*) || '/' || coalesce(max(updated_at), '') FROM contract_instalments) || '|' ||
    (SELECT count(*) || '/' || coalesce(max(updated_at), '') FROM usage_figures) || '|' ||
    (SELECT count(*) || '/' || coalesce(max(updated_at), '') FROM competitor_events) || '|' ||
    (SELECT count(*) || '/' || coalesce(max(updated_at), '') FROM follow_ups) || '|' ||
    (SELECT count(*) || '/' || coalesce(max(updated_at), '') FROM contacts) || '|' ||
    (SELECT count(*) || '/' || coalesce(max(updated_at), '') FROM customers) || '|' ||
    (SELECT count(*) || '/' || coalesce(max(updated_at), '') FROM tiers) AS stamp`.execute(q(x));
  return r.rows[0]?.stamp ?? '';
}
