import type BetterSqlite3 from 'better-sqlite3';
import { rawOf, type Db } from '../../db/handle.ts';

// The baselines of bench:dashboard: the dashboard's and the reports' aggregates hand-written on raw
// better-sqlite3 (statements prepared once, named parameters), with the definitions of the service's SQL, in
// two forms: over report_terms as the service reads them ('summary': what the service layer adds), and over
// contracts, customers and renewals as before migration 0013 ('source': what the kept summary saves).

const OUTCOME = `CASE WHEN r.stage = 'renewed' THEN 'renewed' WHEN r.stage = 'lost' THEN 'lost'
  WHEN k.status = 'renewed' THEN 'renewed' ELSE 'pending' END`;

const dueTallies = (key: string) => `
  WITH due AS (
    SELECT ${key} AS key, k.amount_fen AS amount, ${OUTCOME} AS outcome,
           CASE WHEN ${OUTCOME} = 'renewed' AND k.amount_fen IS NOT NULL
                THEN coalesce(r.outcome_amount_fen, (SELECT s.amount_fen FROM contracts s
                  WHERE s.renewal_of = k.id AND s.deleted_at IS NULL
                  ORDER BY coalesce(s.starts_on, s.signed_on, s.ends_on), s.id LIMIT 1)) - k.amount_fen END AS net
    FROM contracts k
    JOIN customers c ON c.id = k.customer_id
    LEFT JOIN renewals r ON r.contract_id = k.id AND r.deleted_at IS NULL
    WHERE k.deleted_at IS NULL AND k.ends_on >= @from AND k.ends_on <= @to AND k.status <> 'terminated'
      AND (k.cycle IS NULL OR k.cycle <> 'once') AND c.deleted_at IS NULL
  )
  SELECT key, count(*) AS dueCount, coalesce(sum(amount), 0) AS dueAmount,
         sum(outcome = 'renewed') AS renewedCount, coalesce(sum(CASE WHEN outcome = 'renewed' THEN amount END), 0) AS renewedAmount,
         sum(outcome = 'lost') AS lostCount, coalesce(sum(CASE WHEN outcome = 'lost' THEN amount END), 0) AS lostAmount,
         sum(outcome = 'pending') AS pendingCount, coalesce(sum(CASE WHEN outcome = 'pending' THEN amount END), 0) AS pendingAmount,
         sum(amount IS NULL) AS unknownCount, coalesce(sum(net), 0) AS netChange
  FROM due GROUP BY key`;

const KEYS = {
  total: `''`,
  owner: `coalesce(k.owner_id, c.owner_id, 'none')`,
  tier: 'c.tier',
  cycle: `coalesce(k.cycle, 'unset')`,
  month: 'substr(k.ends_on, 1, 7)',
  signedYear: `coalesce(substr(coalesce(k.signed_on, k.starts_on), 1, 4), '')`,
  monthPastOwner: `substr(k.ends_on, 1, 7) || '|' || (k.ends_on <= @today) || '|' || coalesce(k.owner_id, c.owner_id, 'none')`,
} as const;
export type RawGrouping = keyof typeof KEYS;

const UNDECIDED = `(r.stage IS NULL OR r.stage NOT IN ('renewed', 'lost'))`;
const OPEN_TERMS = `
  SELECT coalesce(k.owner_id, c.owner_id, 'none') AS ownerKey,
         sum(k.ends_on >= @today AND k.ends_on <= @d30) AS c30,
         coalesce(sum(CASE WHEN k.ends_on >= @today AND k.ends_on <= @d30 THEN k.amount_fen END), 0) AS a30,
         sum(k.ends_on >= @today AND k.ends_on <= @d90) AS c90,
         coalesce(sum(CASE WHEN k.ends_on >= @today AND k.ends_on <= @d90 THEN k.amount_fen END), 0) AS a90,
         sum(k.ends_on >= @today AND k.ends_on <= @d365) AS c365,
         coalesce(sum(CASE WHEN k.ends_on >= @today AND k.ends_on <= @d365 THEN k.amount_fen END), 0) AS a365,
         sum(k.ends_on < @today) AS overdueCount,
         coalesce(sum(CASE WHEN k.ends_on < @today THEN k.amount_fen END), 0) AS overdueAmount
  FROM contracts k
  JOIN customers c ON c.id = k.customer_id
  LEFT JOIN renewals r ON r.contract_id = k.id AND r.deleted_at IS NULL
  WHERE k.deleted_at IS NULL AND k.status = 'active' AND k.ends_on <= @d365 AND c.deleted_at IS NULL AND ${UNDECIDED}
  GROUP BY ownerKey`;
const HISTORY = `
  SELECT count(*) AS n, coalesce(sum(k.amount_fen), 0) AS amount
  FROM contracts k
  JOIN customers c ON c.id = k.customer_id
  LEFT JOIN renewals r ON r.contract_id = k.id AND r.deleted_at IS NULL
  WHERE k.deleted_at IS NULL AND k.status = 'expired' AND c.deleted_at IS NULL AND ${UNDECIDED}`;

const SUMMARY_KEYS: Record<RawGrouping, string> = {
  total: `''`,
  owner: 't.owner_key',
  tier: 't.tier',
  cycle: 't.cycle_key',
  month: 'substr(t.ends_on, 1, 7)',
  signedYear: 't.signed_year',
  monthPastOwner: `substr(t.ends_on, 1, 7) || '|' || (t.ends_on <= @today) || '|' || t.owner_key`,
};
const summaryTallies = (key: string) => `
  SELECT ${key} AS key, count(*) AS dueCount, coalesce(sum(t.amount_fen), 0) AS dueAmount,
         sum(t.outcome = 'renewed') AS renewedCount, coalesce(sum(CASE WHEN t.outcome = 'renewed' THEN t.amount_fen END), 0) AS renewedAmount,
         sum(t.outcome = 'lost') AS lostCount, coalesce(sum(CASE WHEN t.outcome = 'lost' THEN t.amount_fen END), 0) AS lostAmount,
         sum(t.outcome = 'pending') AS pendingCount, coalesce(sum(CASE WHEN t.outcome = 'pending' THEN t.amount_fen END), 0) AS pendingAmount,
         sum(t.amount_fen IS NULL) AS unknownCount, coalesce(sum(t.net_fen), 0) AS netChange
  FROM report_terms t WHERE t.due = 1 AND t.ends_on >= @from AND t.ends_on <= @to GROUP BY key`;
const SUMMARY_OPEN_TERMS = `
  SELECT t.owner_key AS ownerKey,
         CASE WHEN t.ends_on < @today THEN 0 WHEN t.ends_on <= @d30 THEN 1 WHEN t.ends_on <= @d90 THEN 2 ELSE 3 END AS bucket,
         count(*) AS n, coalesce(sum(t.amount_fen), 0) AS amount
  FROM report_terms t WHERE t.open = 1 AND t.ends_on <= @d365 GROUP BY ownerKey, bucket`;
const SUMMARY_HISTORY = `SELECT count(*) AS n, coalesce(sum(t.amount_fen), 0) AS amount FROM report_terms t WHERE t.history = 1`;

export type RawReportSource = 'summary' | 'source';

export interface RawReports {
  sql: Record<string, string>;
  tallies(by: Exclude<RawGrouping, 'monthPastOwner'>, from: string, to: string): unknown[];
  /** The dashboard's statements: the open terms, the history, and one pass over `span` for every rate. */
  dashboard(d: { today: string; d30: string; d90: string; d365: string; span: [string, string] }): unknown;
}

export function rawReports(db: Db, over: RawReportSource): RawReports {
  const raw = rawOf(db);
  const keys = over === 'summary' ? SUMMARY_KEYS : KEYS;
  const talliesSql = over === 'summary' ? summaryTallies : dueTallies;
  const openSql = over === 'summary' ? SUMMARY_OPEN_TERMS : OPEN_TERMS;
  const historySql = over === 'summary' ? SUMMARY_HISTORY : HISTORY;
  const tallies = Object.fromEntries(Object.entries(keys).map(([k, key]) => [k, raw.prepare(talliesSql(key))])) as Record<RawGrouping, BetterSqlite3.Statement>;
  const open = raw.prepare(openSql);
  const history = raw.prepare(historySql);
  const ownerNames = raw.prepare('SELECT id, name FROM owners');
  return {
    sql: { openTerms: openSql, history: historySql, tallies: talliesSql('<key>') },
    tallies: (by, from, to) => tallies[by].all({ from, to }),
    dashboard(d) {
      return {
        open: open.all({ today: d.today, d30: d.d30, d90: d.d90, d365: d.d365 }),
        history: history.get(),
        rates: tallies.monthPastOwner.all({ from: d.span[0], to: d.span[1], today: d.today }),
        names: ownerNames.all(),
      };
    },
  };
}
