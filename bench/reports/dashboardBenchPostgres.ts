// bench:dashboard -- --engine postgres: the same generated archive (dashboardBenchData.ts) loaded into a throwaway
// PostgreSQL server (test-support/postgres/testPostgres.ts: its own data directory, a Unix socket, no TCP), and the
// same dashboard and reports timed through the same services. No raw or source baseline here (SQLite's are
// hand-written better-sqlite3). Nothing is cached: the server and its data go when the run ends.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { q } from '../../db/handle.ts';
import { silentLogger } from '../../electron/services/logger.ts';
import { openPostgresServiceContext } from '../../electron/services/openPostgresServiceContext.ts';
import { dashboardOf } from '../../electron/services/reports/dashboard.service.ts';
import { cohortReport, renewalReportOf } from '../../electron/services/reports/renewalReport.service.ts';
import { reportTermsPage } from '../../electron/services/reports/reportTerms.service.ts';
import { parseReportPeriod } from '../../shared/reports/reportPeriod.ts';
import { DASHBOARD_BENCH_SIZES, generateDashboardBench } from '../../test-support/reports/dashboardBenchData.ts';
import { analyzeReportRowsAsync, loadReportRowsAsync } from '../../test-support/reports/loadReportRows.ts';
import { createTestDatabase, startTestPostgres } from '../../test-support/postgres/testPostgres.ts';
import { out, timeRuns } from '../benchRuns.ts';

export interface PostgresDashboardBenchOptions {
  today: string;
  iterations: number;
  warmup: number;
  dashboardTargetMs: number;
  reportTargetMs: number;
  sizes?: typeof DASHBOARD_BENCH_SIZES;
}

const ms = (v: number) => v.toFixed(1).padStart(7);

/** Returns whether every target was met. */
export async function dashboardBenchOnPostgres(o: PostgresDashboardBenchOptions): Promise<boolean> {
  const server = startTestPostgres();
  const localDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-bench-pg-'));
  try {
    const database = await createTestDatabase(server.connection);
    const { ctx, close } = await openPostgresServiceContext({ url: database.url, localDir, logger: silentLogger });
    try {
      const sizes = o.sizes ?? DASHBOARD_BENCH_SIZES;
      out(`generating ${sizes.customers} customers and their contracts over five years into PostgreSQL …`);
      const t0 = performance.now();
      await loadReportRowsAsync(ctx.db, generateDashboardBench(sizes));
      await analyzeReportRowsAsync(ctx.db);
      const version = (await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(q(ctx.db))).rows[0]?.v ?? '?';
      const cpus = os.cpus();
      out();
      out('== Machine');
      out(`node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model ?? '?'}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
      out(`PostgreSQL ${version} (pg over a Unix socket, fsync off: a throwaway server), loaded and analyzed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      out(`today ${o.today}; ${o.iterations} timed iterations after ${o.warmup} warm-up, p50 and p95 in ms; cpu: this process only`);
      out();
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
    } finally {
      await close();
      await database.drop();
    }
  } finally {
    server.stop();
    fs.rmSync(localDir, { recursive: true, force: true });
  }
}
