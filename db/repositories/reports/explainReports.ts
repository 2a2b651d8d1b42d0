import { CompiledQuery, type RawBuilder } from 'kysely';
import { q, type Executor } from '../../handle.ts';
import { historyQuery, openTermsQuery, type OpenTermsDates } from './dashboardQueries.ts';
import { dueTalliesQuery, type DueTermFilter, type TallyGroupBy } from './renewalTallies.ts';
import { reportTermsQuery } from './reportTermsQuery.ts';

// The reports' statements as SQLite runs them, with their query plans (bench:dashboard prints them).

export interface ExplainedReportStatement {
  name: string;
  sql: string;
  parameters: readonly unknown[];
  queryPlan: string[];
}

async function explain(x: Executor, name: string, statement: RawBuilder<unknown>): Promise<ExplainedReportStatement> {
  const k = q(x);
  const compiled = statement.compile(k);
  const res = await k.executeQuery<{ id: number; parent: number; detail: string }>(
    CompiledQuery.raw(`EXPLAIN QUERY PLAN ${compiled.sql}`, [...compiled.parameters]),
  );
  const depth = new Map<number, number>();
  const plan = res.rows.map((r) => {
    const d = (depth.get(r.parent) ?? -1) + 1;
    depth.set(r.id, d);
    return `${'  '.repeat(d)}${r.detail}`;
  });
  return { name, sql: compiled.sql, parameters: compiled.parameters, queryPlan: plan };
}

export async function explainReportStatements(
  x: Executor,
  dates: OpenTermsDates,
  period: DueTermFilter,
  groupings: readonly TallyGroupBy[],
): Promise<ExplainedReportStatement[]> {
  const out = [await explain(x, 'dashboard: upcoming and overdue by owner', openTermsQuery(dates)), await explain(x, 'dashboard: history', historyQuery())];
  out.push(await explain(x, 'report: totals', dueTalliesQuery(period)));
  for (const by of groupings) {
    const name = typeof by === 'object' ? 'dashboard: rates in one pass (month | past | owner)' : `report: by ${by}`;
    out.push(await explain(x, name, dueTalliesQuery(period, by)));
  }
  out.push(await explain(x, 'report: terms page', reportTermsQuery({ ...period, outcome: 'renewed', offset: 0, limit: 50 })));
  return out;
}
