// bench:dashboard -- --engine postgres --explain: the dashboard's and a year report's statements (the same builders
// the services run) under EXPLAIN (ANALYZE, BUFFERS) on the PostgreSQL bench archive, so the plans behind the
// figures can be read: which index each scan takes, where rows are filtered late, what the sorts and hashes cost.
import { CompiledQuery, type RawBuilder } from 'kysely';
import { q, type Db } from '../../db/handle.ts';
import { historyQuery, openTermsQuery, type OpenTermsDates } from '../../db/repositories/reports/dashboardQueries.ts';
import { dueTalliesQuery, type DueTermFilter } from '../../db/repositories/reports/renewalTallies.ts';
import { reportTermsQuery } from '../../db/repositories/reports/reportTermsQuery.ts';

export interface ExplainedPostgresStatement {
  name: string;
  sql: string;
  plan: string[];
}

async function explainAnalyze(db: Db, name: string, statement: RawBuilder<unknown>): Promise<ExplainedPostgresStatement> {
  const k = q(db);
  const compiled = statement.compile(k);
  const res = await k.executeQuery<{ 'QUERY PLAN': string }>(
    CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${compiled.sql}`, [...compiled.parameters]),
  );
  return { name, sql: compiled.sql, plan: res.rows.map((r) => r['QUERY PLAN']) };
}

/** The dashboard's statements as dashboardOf runs them for `dates`, then a year report's totals and terms page. */
export async function explainDashboardOnPostgres(db: Db, dates: OpenTermsDates, trendSpan: DueTermFilter, year: DueTermFilter): Promise<ExplainedPostgresStatement[]> {
  return [
    await explainAnalyze(db, 'dashboard: upcoming and overdue by owner', openTermsQuery(dates)),
    await explainAnalyze(db, 'dashboard: history', historyQuery()),
    await explainAnalyze(db, 'dashboard: rates in one pass (month | past | owner)', dueTalliesQuery(trendSpan, { monthPastOwner: dates.today })),
    await explainAnalyze(db, 'report: year totals', dueTalliesQuery(year)),
    await explainAnalyze(db, 'report: year by owner', dueTalliesQuery(year, 'owner')),
    await explainAnalyze(db, 'report: terms page', reportTermsQuery({ ...year, outcome: 'renewed', offset: 0, limit: 50 })),
  ];
}
