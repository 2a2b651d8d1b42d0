// npm run bench:dashboard [-- --fresh] [--iterations N] [--check] [--engine postgres [--explain]]
//   --engine postgres  the same archive loaded into a throwaway PostgreSQL server, the same services timed
//             (bench/reports/dashboardBenchPostgres.ts); no raw or source baselines there
//   --explain (with --engine postgres) EXPLAIN (ANALYZE, BUFFERS) of the dashboard's statements first
//   --fresh   regenerate the cached database
//   --check   exit 1 when the dashboard misses p95 ≤ 50 ms or a report p95 ≤ 200 ms
//
// Times the 首页 dashboard's full query set (reports:dashboard) and each report (reports:renewal for a year, a
// quarter, a month and a custom range, with and without --by; reports:cohorts; a reports:terms page) in-process
// through the real services, against the same aggregates hand-written on raw better-sqlite3 in the same run
// (over report_terms, as the service reads them: the ratio; and over the source tables, as before migration
// 0013: what the kept summary saves), on a generated archive of 100k customers and ~150k contracts over five years (cached under .bench-data/).
// Prints every statement's SQL and EXPLAIN QUERY PLAN.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDaysIso } from '../shared/domain/dates.ts';
import { parseReportPeriod, standardPeriods } from '../shared/reports/reportPeriod.ts';
import { explainReportStatements } from '../db/repositories/reports/explainReports.ts';
import { silentLogger } from '../electron/services/logger.ts';
import { openServiceContext } from '../electron/services/openServiceContext.ts';
import { dashboardOf, trendMonths } from '../electron/services/reports/dashboard.service.ts';
import { cohortReport, renewalReportOf } from '../electron/services/reports/renewalReport.service.ts';
import { reportTermsPage } from '../electron/services/reports/reportTerms.service.ts';
import type { ServiceContext } from '../electron/services/serviceContext.ts';
import {
  DASHBOARD_BENCH_SIZES,
  DASHBOARD_BENCH_TODAY,
  generateDashboardBench,
} from '../test-support/reports/dashboardBenchData.ts';
import { analyzeReportRows, loadReportRows } from '../test-support/reports/loadReportRows.ts';
import { dashboardBenchOnPostgres } from './reports/dashboardBenchPostgres.ts';
import { rawReports, type RawGrouping, type RawReports } from './reports/rawReportQueries.ts';
import { cachedBenchDatabase, type CachedBenchDatabase, dashboardArchiveCacheName } from './cachedBenchDatabase.ts';
import { benchArgs, benchBackupsDir, benchDataDir, flag, option, out, repoRoot, timeRuns, type Timing } from './benchRuns.ts';

const DASHBOARD_TARGET_MS = 50;
const REPORT_TARGET_MS = 200;
const TODAY = DASHBOARD_BENCH_TODAY;

const ITERATIONS = option('--iterations', 30);
const WARMUP = Math.max(2, Math.ceil(ITERATIONS / 10));

const dataDir = benchDataDir;
const backupsDir = benchBackupsDir;
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

const cacheKey = (): string => dashboardArchiveCacheName('dashboard');

async function ensureDatabase(): Promise<CachedBenchDatabase> {
  return cachedBenchDatabase({
    dataDir,
    backupsDir,
    name: cacheKey(),
    prefix: 'dashboard',
    fresh: flag('--fresh'),
    fill: (db) => {
      out(`generating ${DASHBOARD_BENCH_SIZES.customers} customers and their contracts over five years …`);
      loadReportRows(db, generateDashboardBench());
      analyzeReportRows(db);
    },
  });
}

const time = (work: () => unknown): Promise<Timing> => timeRuns(work, { iterations: ITERATIONS, warmup: WARMUP });
const ms = (v: number) => v.toFixed(1).padStart(7);

async function main(): Promise<void> {
  const engine = benchArgs[benchArgs.indexOf('--engine') + 1];
  if (benchArgs.includes('--engine') && engine !== 'sqlite') {
    if (engine !== 'postgres') throw new Error(`--engine ${String(engine)}: sqlite or postgres`);
    const met = await dashboardBenchOnPostgres({
      today: TODAY, iterations: ITERATIONS, warmup: WARMUP, dashboardTargetMs: DASHBOARD_TARGET_MS, reportTargetMs: REPORT_TARGET_MS, explain: flag('--explain'),
    });
    if (flag('--check') && !met) process.exitCode = 1;
    return;
  }
  const db = await ensureDatabase();
  const { ctx, close } = await openServiceContext({ file: db.file, backupsDir, logger: silentLogger });
  let failed = false;
  try {
    const raw = rawReports(ctx.db, 'summary');
    const source = rawReports(ctx.db, 'source');
    const cpus = os.cpus();
    out();
    out('== Machine');
    out(`node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model ?? '?'}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    out(`database ${(fs.statSync(db.file).size / 2 ** 20).toFixed(0)} MiB at ${path.relative(repoRoot, db.file)}` + (db.generated ? `, generated in ${db.seconds.toFixed(1)} s` : ' (cached; --fresh regenerates)'));
    out(`today ${TODAY}; ${ITERATIONS} timed iterations after ${WARMUP} warm-up, p50 and p95 in ms`);

    const periods = standardPeriods(TODAY);
    const dates = { today: TODAY, d30: addDaysIso(TODAY, 30), d90: addDaysIso(TODAY, 90), d365: addDaysIso(TODAY, 365) };
    const year = parseReportPeriod(TODAY.slice(0, 4))!;
    out();
    out('== Statements and query plans');
    for (const st of await explainReportStatements(ctx.db, dates, year, ['owner', { monthPastOwner: TODAY }])) {
      out(`-- ${st.name}`);
      out(`   ${oneLine(st.sql)}`);
      out(`   params ${JSON.stringify(st.parameters)}`);
      for (const p of st.queryPlan) out(`     ${p}`);
    }

    out();
    out('== Timings: p50, p95 and CPU p50 in ms (service = the real service through Kysely; raw = the same SQL hand-written on');
    out('   better-sqlite3; ratio = service ÷ raw at p50; source = hand-written over contracts, customers and renewals, no report_terms)');
    const trend = trendMonths(TODAY).period;
    const span: [string, string] = [trend.from, periods.quarter.to > trend.to ? periods.quarter.to : trend.to];
    const dashboardArgs = { ...dates, span };
    const row = async (label: string, target: number, service: () => unknown, baseline: (r: RawReports) => unknown) => {
      const s = await time(service);
      const r = await time(() => baseline(raw));
      const o = await time(() => baseline(source));
      const ok = s.p95 <= target;
      if (!ok) failed = true;
      out(
        `${label.padEnd(32)} service ${ms(s.p50)} ${ms(s.p95)} cpu ${ms(s.cpu50)}   raw ${ms(r.p50)} ${ms(r.p95)} cpu ${ms(r.cpu50)}   ` +
          `ratio ${(s.p50 / r.p50).toFixed(2)}   source ${ms(o.p50)} cpu ${ms(o.cpu50)}   target p95 ≤ ${target} ms ${ok ? 'ok' : 'MISSED'}`,
      );
    };
    await row('dashboard (full query set)', DASHBOARD_TARGET_MS, () => dashboardOf(ctx.db, TODAY), (r) => r.dashboard(dashboardArgs));
    const reports: [string, string, Exclude<RawGrouping, 'monthPastOwner' | 'total'> | undefined][] = [
      ['year', TODAY.slice(0, 4), undefined],
      ['year by owner', TODAY.slice(0, 4), 'owner'],
      ['year by tier', TODAY.slice(0, 4), 'tier'],
      ['year by cycle', TODAY.slice(0, 4), 'cycle'],
      ['quarter', `${TODAY.slice(0, 4)}-Q2`, undefined],
      ['month', TODAY.slice(0, 7), undefined],
      ['custom (two years)', `2025-01-01..2026-12-31`, undefined],
    ];
    for (const [label, text, by] of reports) {
      const p = parseReportPeriod(text)!;
      await row(`report ${label}`, REPORT_TARGET_MS, () => renewalReportOf(ctx.db, p, by === 'tier' || by === 'owner' || by === 'cycle' ? by : undefined, 'zh-CN'), (r) =>
        r.tallies(by ?? 'total', p.from, p.to),
      );
    }
    const c = ctx as ServiceContext;
    await row('cohorts (year)', REPORT_TARGET_MS, () => cohortReport(c, { period: TODAY.slice(0, 4) }), (r) => r.tallies('signedYear', year.from, year.to));
    await row('terms page (year, renewed, 50)', REPORT_TARGET_MS, () =>
      reportTermsPage(c, { period: TODAY.slice(0, 4), outcome: 'renewed', offset: 0, limit: 50 }),
      (r) => r.tallies('total', year.from, year.to),
    );
    out();
    out('(the terms page has no separate raw statement; its baseline column is the year totals)');
    out();
    out('== Raw baseline SQL');
    for (const [name, text] of Object.entries(raw.sql)) out(`-- ${name}\n   ${oneLine(text)}`);
    out();
    out('== Source baseline SQL (before migration 0013)');
    for (const [name, text] of Object.entries(source.sql)) out(`-- ${name}\n   ${oneLine(text)}`);
  } finally {
    await close();
  }
  if (flag('--check') && failed) process.exitCode = 1;
}

await main();
