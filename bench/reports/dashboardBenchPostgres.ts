// bench:dashboard -- --engine postgres: the same generated archive (dashboardBenchData.ts) loaded into a throwaway
// PostgreSQL server (test-support/postgres/testPostgres.ts: its own data directory, a Unix socket, no TCP), and the
// same dashboard and reports timed through the same services. No raw or source baseline here (SQLite's are
// hand-written better-sqlite3). The server and archive come from bench/postgres/postgresBenchServer.ts.
import { sql } from 'kysely';
import { q } from '../../db/handle.ts';
import { dashboardOf, trendMonths } from '../../electron/services/reports/dashboard.service.ts';
import { cohortReport, renewalReportOf } from '../../electron/services/reports/renewalReport.service.ts';
import { reportTermsPage } from '../../electron/services/reports/reportTerms.service.ts';
import { addDaysIso } from '../../shared/domain/dates.ts';
import { parseReportPeriod, standardPeriods } from '../../shared/reports/reportPeriod.ts';
import { DASHBOARD_BENCH_SIZES, generateDashboardBench } from '../../test-support/reports/dashboardBenchData.ts';
import { analyzeReportRowsAsync, loadReportRowsAsync } from '../../test-support/reports/loadReportRows.ts';
import { out, timeRuns } from '../benchRuns.ts';
import { postgresMachineLines, withPostgresBenchOnce } from '../postgres/postgresBenchServer.ts';
import { explainDashboardOnPostgres } from './explainReportsPostgres.ts';

export interface PostgresDashboardBenchOptions {
  today: string;
  iterations: number;
  warmup: number;
  dashboardTargetMs: number;
  reportTargetMs: number;
  sizes?: typeof DASHBOARD_BENCH_SIZES;
  /** Prints EXPLAIN (ANALYZE, BUFFERS) of the dashboard's statements before timing. */
  explain?: boolean;
}

const ms = (v: number) => v.toFixed(1).padStart(7);

/** Returns whether every target was met. */
export async function dashboardBenchOnPostgres(o: PostgresDashboardBenchOptions): Promise<boolean> {
  return withPostgresBenchOnce(async ({ ctx }) => {
    const sizes = o.sizes ?? DASHBOARD_BENCH_SIZES;
    out(`generating ${sizes.customers} customers and their contracts over five years into PostgreSQL …`);
    const t0 = performance.now();
    await loadReportRowsAsync(ctx.db, generateDashboardBench(sizes));
    await analyzeReportRowsAsync(ctx.db);
    // What autovacuum does to a live archive soon after a big load, done here before timing: VACUUM sets the pages'
    // hint bits and the visibility map, without which report_terms' covering partial indexes cannot serve
    // index-only scans (the planner then prefers sequential scans, and the first reads dirty every page).
    const tv = performance.now();
    await sql`VACUUM (ANALYZE)`.execute(q(ctx.db));
    const vacuumSeconds = (performance.now() - tv) / 1000;
    out();
    out('== Machine');
    for (const line of await postgresMachineLines(ctx.db)) out(line);
    out(`loaded, analyzed and vacuumed in ${((performance.now() - t0) / 1000).toFixed(1)} s (VACUUM ${vacuumSeconds.toFixed(1)} s)`);
    out(`today ${o.today}; ${o.iterations} timed iterations after ${o.warmup} warm-up, p50 and p95 in ms; cpu: this process only`);
    out();
    if (o.explain) {
      const today = o.today;
      const quarter = standardPeriods(today).quarter;
      const trend = trendMonths(today).period;
      const span = { from: trend.from, to: quarter.to > trend.to ? quarter.to : trend.to };
      const dates = { today, d30: addDaysIso(today, 30), d90: addDaysIso(today, 90), d365: addDaysIso(today, 365) };
      out('== EXPLAIN (ANALYZE, BUFFERS)');
      for (const st of await explainDashboardOnPostgres(ctx.db, dates, span, parseReportPeriod(today.slice(0, 4))!)) {
        out(`-- ${st.name}`);
        out(`   ${st.sql.replace(/\s+/g, ' ').trim()}`);
        for (const line of st.plan) out(`   ${line}`);
      }
      out();
    }
    let met = true;
    const row = async (label: string, target: number, work: () => unknown) => {
      const s = await timeRuns(work, { iterations: o.iterations, warmup: o.warmup });
      const ok = s.p95 <= target;
      if (!ok) met = false;
      out(`${label.padEnd(32)} service ${ms(s.p50)} ${ms(s.p95)} cpu ${ms(s.cpu50)}   target p95 ≤ ${target} ms ${ok ? 'ok' : 'MISSED'}`);
    };
    const year = o.today.slice(0, 4);
    await row('dashboard (full query set)', o.dashboardTargetMs, () => dashboardOf(ctx.db, o.today));
    const reports: [string, string, 'owner' | 'tier' | 'cycle' | undefined][] = [
      ['year', year, undefined],
      ['year by owner', year, 'owner'],
      ['year by tier', year, 'tier'],
      ['year by cycle', year, 'cycle'],
      ['quarter', `${year}-Q2`, undefined],
      ['month', o.today.slice(0, 7), undefined],
      ['custom (two years)', `2025-01-01..2026-12-31`, undefined],
    ];
    for (const [label, text, by] of reports) {
      const p = parseReportPeriod(text)!;
      await row(`report ${label}`, o.reportTargetMs, () => renewalReportOf(ctx.db, p, by, 'zh-CN'));
    }
    await row('cohorts (year)', o.reportTargetMs, () => cohortReport(ctx, { period: year }));
    await row('terms page (year, renewed, 50)', o.reportTargetMs, () => reportTermsPage(ctx, { period: year, outcome: 'renewed', offset: 0, limit: 50 }));
    return met;
  });
}
