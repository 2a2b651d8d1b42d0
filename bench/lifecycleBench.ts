// npm run bench:lifecycle [-- --fresh] [--iterations N] [--check]
//   --fresh   regenerate the cached database
//   --check   exit 1 when a recompute of every customer misses 2 s
//
// Times the lifecycle recompute of every customer (electron/services/lifecycle/recomputeLifecycle.ts: the facts
// aggregate, the rules in JS, the diff against the stored rows and the writes) on the dashboard bench's archive
// (100k customers, ~150k contracts in renewal chains with their records) plus ~120k follow-ups, against the same
// aggregate with the default rules written as one SQL CASE on raw better-sqlite3 in the same run (the ratio), and
// checks that both give every stage the same count. Cold = no stored stages (the first run after the upgrade:
// 100k rows and history rows written); warm = nothing changed (the daily run).
import os from 'node:os';
import fs from 'node:fs';
import { q, rawOf } from '../db/handle.ts';
import { lifecycleFactsQuery } from '../db/repositories/lifecycleFacts.ts';
import { silentLogger } from '../electron/services/logger.ts';
import { openServiceContext } from '../electron/services/openServiceContext.ts';
import { recomputeLifecycle } from '../electron/services/lifecycle/recomputeLifecycle.ts';
import { DEFAULT_LIFECYCLE_RULES as R } from '../shared/domain/lifecycleRules.ts';
import { addDaysIso } from '../shared/domain/dates.ts';
import { mulberry32 } from '../shared/domain/seededRandom.ts';
import {
  DASHBOARD_BENCH_SIZES,
  DASHBOARD_BENCH_TODAY,
  generateDashboardBench,
} from '../test-support/reports/dashboardBenchData.ts';
import { analyzeReportRows, loadReportRows } from '../test-support/reports/loadReportRows.ts';
import { cachedBenchDatabase, dashboardArchiveCacheName } from './cachedBenchDatabase.ts';
import { benchBackupsDir, benchDataDir, flag, option, out, timeRuns } from './benchRuns.ts';
import type { Db } from '../db/handle.ts';

const TARGET_MS = 2000;
const TODAY = DASHBOARD_BENCH_TODAY;
const ITERATIONS = option('--iterations', 5);
const dataDir = benchDataDir;
const backupsDir = benchBackupsDir;
const FOLLOW_UPS_VERSION = 1;

const cacheKey = (): string => dashboardArchiveCacheName('lifecycle', [String(FOLLOW_UPS_VERSION), addFollowUps.toString()]);

/** About 1.2 follow-ups per customer over the last two years, at noon UTC (the same local date in China and here). */
function addFollowUps(db: Db): number {
  const raw = rawOf(db);
  const rand = mulberry32(515);
  const insert = raw.prepare(
    `INSERT INTO follow_ups (id, customer_id, at, channel, kind, summary, created_at, updated_at) VALUES (?, ?, ?, 'phone', 'revisit', 'call', ?, ?)`,
  );
  let n = 0;
  raw.transaction(() => {
    for (let i = 0; i < DASHBOARD_BENCH_SIZES.customers; i++) {
      const count = rand() < 0.3 ? 0 : 1 + Math.floor(rand() * 2);
      for (let k = 0; k < count; k++) {
        const at = `${addDaysIso(TODAY, -Math.floor(rand() * 730))}T12:00:00.000Z`;
        insert.run(`fu-${++n}`, `cust-${i}`, at, at, at);
      }
    }
  })();
  return n;
}

const STAGE_CASE = `
  WITH f AS (SELECT *, CASE WHEN lastFollowUpAt IS NULL THEN lastStart WHEN lastStart IS NULL OR substr(lastFollowUpAt, 1, 10) > lastStart
                            THEN substr(lastFollowUpAt, 1, 10) ELSE lastStart END AS contact,
                       CASE WHEN firstOn IS NULL OR firstOn > @today THEN 0
                            ELSE CAST(substr(@today, 1, 4) AS INTEGER) - CAST(substr(firstOn, 1, 4) AS INTEGER)
                                 - (substr(@today, 6) < substr(firstOn, 6)) END AS years
             FROM (FACTS))
  SELECT CASE
    WHEN terms IS NULL THEN 'prospect'
    WHEN lastLost = 1 THEN 'churned'
    WHEN lastRenewed = 0 AND lastEnds IS NOT NULL AND julianday(@today) - julianday(lastEnds) > @churn THEN 'churned'
    WHEN prevAmount > 0 AND lastAmount IS NOT NULL AND (prevAmount - lastAmount) * 100.0 / prevAmount > @drop THEN 'decline'
    WHEN lastStart IS NOT NULL AND prevEnds IS NOT NULL AND julianday(lastStart) - julianday(prevEnds) - 1 > @late THEN 'decline'
    WHEN contact IS NOT NULL AND contact <= @today AND julianday(@today) - julianday(contact) >= @quiet THEN 'decline'
    WHEN renewedTerms = 0 THEN 'new'
    WHEN (terms >= @matureTerms OR years >= @matureYears) AND prevAmount > 0 AND lastAmount IS NOT NULL
         AND abs(prevAmount - lastAmount) * 100.0 / prevAmount <= @band THEN 'mature'
    ELSE 'growth' END AS stage, count(*) AS n
  FROM f GROUP BY stage`;

const time = (work: () => unknown, iterations: number, before?: () => void) => timeRuns(work, { iterations, ...(before ? { before } : {}) });

async function main(): Promise<void> {
  let followUps = 0;
  const cached = await cachedBenchDatabase({
    dataDir,
    backupsDir,
    name: cacheKey(),
    prefix: 'lifecycle',
    fresh: flag('--fresh'),
    fill: (db) => {
      out(`generating ${DASHBOARD_BENCH_SIZES.customers} customers, their contracts over five years and follow-ups …`);
      loadReportRows(db, generateDashboardBench());
      followUps = addFollowUps(db);
      analyzeReportRows(db);
    },
  });
  const now = new Date(`${TODAY}T04:00:00.000Z`);
  const { ctx, close } = await openServiceContext({ file: cached.file, backupsDir, logger: silentLogger, now: () => now });
  let failed = false;
  try {
    const raw = rawOf(ctx.db);
    const cpus = os.cpus();
    out();
    out('== Machine');
    out(`node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model ?? '?'}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    const count = (sql: string) => Number((raw.prepare(sql).get() as { n: number }).n);
    out(
      `database ${(fs.statSync(cached.file).size / 2 ** 20).toFixed(0)} MiB: ${count('SELECT count(*) AS n FROM customers WHERE deleted_at IS NULL')} live customers, ` +
        `${count('SELECT count(*) AS n FROM contracts WHERE deleted_at IS NULL')} contracts, ${count('SELECT count(*) AS n FROM follow_ups')} follow-ups` +
        (cached.generated ? `, generated in ${cached.seconds.toFixed(1)} s (${followUps} follow-ups added)` : ' (cached; --fresh regenerates)'),
    );
    out(`today ${TODAY}; ${ITERATIONS} iterations each; p50 and max wall, CPU p50, in ms`);

    const facts = lifecycleFactsQuery().compile(q(ctx.db));
    if (facts.parameters.length > 0) throw new Error('the facts aggregate over everyone takes no parameters');
    const stageSql = raw.prepare(STAGE_CASE.replace('FACTS', facts.sql));
    const params = {
      today: TODAY,
      churn: R.churnAfterDays,
      drop: R.declineDropPct,
      late: R.declineLateDays,
      quiet: R.declineQuietDays,
      matureTerms: R.matureTerms,
      matureYears: R.matureYears,
      band: R.matureBandPct,
    };
    const rawCounts = () => new Map((stageSql.all(params) as { stage: string; n: number }[]).map((r) => [r.stage, r.n]));
    const storedCounts = () =>
      new Map((raw.prepare('SELECT stage, count(*) AS n FROM customer_lifecycle GROUP BY stage').all() as { stage: string; n: number }[]).map((r) => [r.stage, r.n]));
    const reset = () => raw.exec('DELETE FROM customer_lifecycle; DELETE FROM customer_lifecycle_history;');

    out();
    out('== Statement (the facts aggregate) and its query plan');
    out(`   ${facts.sql.replace(/\s+/g, ' ').trim()}`);
    for (const p of raw.prepare(`EXPLAIN QUERY PLAN ${facts.sql}`).all() as { detail: string }[]) out(`     ${p.detail}`);

    const sqlTiming = await time(rawCounts, ITERATIONS);
    const cold = await time(() => recomputeLifecycle(ctx), ITERATIONS, reset);
    const warm = await time(() => recomputeLifecycle(ctx), ITERATIONS);
    const factsOnly = await time(() => raw.prepare(facts.sql).all(), ITERATIONS);

    const a = rawCounts();
    const b = storedCounts();
    const stages = [...new Set([...a.keys(), ...b.keys()])].sort();
    const agree = stages.every((st) => a.get(st) === b.get(st));
    out();
    out('== Stage counts: raw SQL CASE vs the service');
    for (const st of stages) out(`   ${st.padEnd(9)} ${String(a.get(st) ?? 0).padStart(7)} ${String(b.get(st) ?? 0).padStart(7)}`);
    out(agree ? '   equal' : '   DIFFERENT');
    if (!agree) failed = true;

    const ms = (v: number) => v.toFixed(0).padStart(6);
    out();
    out('== Timings (wall p50, wall max, CPU p50; ms)');
    out(`   raw SQL: facts aggregate + rules as CASE, GROUP BY stage ${ms(sqlTiming.p50)} ${ms(sqlTiming.max)} ${ms(sqlTiming.cpu50)}`);
    out(`   raw SQL: the facts aggregate alone, rows to JS          ${ms(factsOnly.p50)} ${ms(factsOnly.max)} ${ms(factsOnly.cpu50)}`);
    out(`   service recompute, cold (100k rows + history written)  ${ms(cold.p50)} ${ms(cold.max)} ${ms(cold.cpu50)}   ratio ${(cold.p50 / sqlTiming.p50).toFixed(2)}`);
    out(`   service recompute, warm (nothing changed: the daily)   ${ms(warm.p50)} ${ms(warm.max)} ${ms(warm.cpu50)}   ratio ${(warm.p50 / sqlTiming.p50).toFixed(2)}`);
    const worst = Math.max(cold.p50, warm.p50);
    out(worst <= TARGET_MS ? `   within the ${TARGET_MS} ms target` : `   MISSES the ${TARGET_MS} ms target`);
    if (flag('--check') && worst > TARGET_MS) failed = true;
  } finally {
    await close();
  }
  if (failed) process.exitCode = 1;
}

void main();
