// npm run bench:classify [-- --fresh] [--iterations N] [--check] [--scope-move-threshold N]
//   --fresh   regenerate the cached database
//   --scope-move-threshold N   moves of more than N customers take their search postings along set-wise
//             (default 2000; a huge N measures 0018's move trigger firing per customer instead)
//   --check   exit 1 when the preview (p95), the first apply or the apply with nothing to move misses 2 s
//
// Times tier classification (tiers:classify) of 100k customers and ~150k contracts over five years (the
// dashboard bench's generated archive with its search index built, cached under .bench-data/): the preview (dry run: the one facts
// aggregate through Kysely, every customer's rules, the moves worded) against the same aggregate statement on
// raw better-sqlite3 in the same run (the ratio). Then, on a copy whose reminder ladders are first materialized
// as the app keeps them (untimed): the first apply (~57k moves: audited tier writes, reasons, expiry ladders),
// against raw SQL of the same inputs (the aggregate, then a prepared UPDATE of the same customers, triggers
// firing, rolled back); and the apply again (nothing to move). Prints the statement and its query plan.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rawOf } from '../db/handle.ts';
import { bulkScopeMoves, movingScopesInBulk } from '../db/repositories/customerScopedBigrams.ts';
import { rebuildSearchIndex } from '../db/repositories/customerSearchIndex.ts';
import { loadPinyinReading } from '../db/repositories/pinyinReadings.ts';
import { tierFactsStatement } from '../db/repositories/tierFactsQuery.ts';
import { silentLogger } from '../electron/services/logger.ts';
import { openServiceContext } from '../electron/services/openServiceContext.ts';
import { recomputeAllReminders } from '../electron/services/reminders/recomputeReminders.ts';
import { classifyTiers } from '../electron/services/tiers/tierClassification.ts';
import { withTransaction } from '../db/withTransaction.ts';
import { DASHBOARD_BENCH_SIZES, DASHBOARD_BENCH_TODAY, generateDashboardBench } from '../test-support/reports/dashboardBenchData.ts';
import { analyzeReportRows, loadReportRows } from '../test-support/reports/loadReportRows.ts';
import { cachedBenchDatabase, dashboardArchiveCacheName } from './cachedBenchDatabase.ts';
import { benchBackupsDir, benchDataDir, flag, option, out, timeRuns } from './benchRuns.ts';

const TARGET_MS = 2000;
const ITERATIONS = option('--iterations', 10);
bulkScopeMoves.threshold = option('--scope-move-threshold', bulkScopeMoves.threshold);
const dataDir = benchDataDir;
const backupsDir = benchBackupsDir;
// The classification's "today": the generated archive's, so the purchase window and loyalty years are stable.
const NOW = new Date(`${DASHBOARD_BENCH_TODAY}T04:00:00.000Z`);

// The search index is built as in any real archive: a tier move takes the customer's search postings along.
const cacheKey = (): string => dashboardArchiveCacheName('classify', ['search-index']);

/** Wall-clock p50 and p95, and this process's CPU time per run (p50), after one warm-up run. */
const timed = (work: () => unknown) => timeRuns(work, { iterations: ITERATIONS, warmup: 1 });
const ms = (v: number) => v.toFixed(0).padStart(6);

async function main(): Promise<void> {
  const cached = await cachedBenchDatabase({
    dataDir,
    backupsDir,
    name: cacheKey(),
    prefix: 'classify',
    fresh: flag('--fresh'),
    fill: async (db) => {
      out(`generating ${DASHBOARD_BENCH_SIZES.customers} customers and their contracts over five years …`);
      loadReportRows(db, generateDashboardBench());
      await loadPinyinReading();
      const index = rebuildSearchIndex(db);
      out(`search index: ${index.customers} customers, ${index.bigrams} bigram rows`);
      analyzeReportRows(db);
    },
  });
  // The apply writes: it runs on a copy, so the cached archive stays unclassified and every run measures the same.
  const copy = path.join(dataDir, 'classify-apply-copy.db');
  for (const s of ['', '-wal', '-shm']) fs.rmSync(copy + s, { force: true });
  fs.copyFileSync(cached.file, copy);
  const { ctx, close } = await openServiceContext({ file: copy, backupsDir, logger: silentLogger, now: () => NOW });
  let failed = false;
  try {
    const cpus = os.cpus();
    out('== Machine');
    out(`node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model ?? '?'}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    out(`database ${(fs.statSync(cached.file).size / 2 ** 20).toFixed(0)} MiB` + (cached.generated ? `, generated in ${cached.seconds.toFixed(1)} s` : ' (cached; --fresh regenerates)'));
    const raw = rawOf(ctx.db);
    const customers = Number(raw.prepare('SELECT count(*) FROM customers WHERE deleted_at IS NULL').pluck().get());
    const contracts = Number(raw.prepare('SELECT count(*) FROM contracts WHERE deleted_at IS NULL').pluck().get());
    out(`${customers} live customers, ${contracts} live contracts; ${ITERATIONS} timed runs after one warm-up, ms`);
    out(`${Number(raw.prepare('SELECT count(*) FROM customer_scoped_bigrams').pluck().get())} search postings per scope`);
    out(`search postings: moved set-wise above ${bulkScopeMoves.threshold} customers a write, by 0018's trigger per customer below`);
    const st = tierFactsStatement(ctx.db, '2023-06-15');
    out();
    out('== Statement and query plan');
    out(st.sql.replace(/\s+/g, ' ').trim());
    for (const p of raw.prepare(`EXPLAIN QUERY PLAN ${st.sql}`).all(...st.parameters) as { detail: string }[]) out(`   ${p.detail}`);

    const prepared = raw.prepare(st.sql);
    const rawAggregate = await timed(() => prepared.all(...st.parameters));
    let moves = 0;
    const preview = await timed(async () => {
      moves = (await classifyTiers(ctx, { dryRun: true, limit: 10_000 })).total;
    });
    out();
    out('== Timings (wall p50, p95 and CPU p50 in ms; ratio = service ÷ raw at p50)');
    out(`raw facts aggregate (better-sqlite3)  ${ms(rawAggregate.p50)} ${ms(rawAggregate.p95)} ${ms(rawAggregate.cpu50)}`);
    out(`tiers:classify --dry-run (service)    ${ms(preview.p50)} ${ms(preview.p95)} ${ms(preview.cpu50)}   ratio ${(preview.p50 / rawAggregate.p50).toFixed(2)}× (CPU ${(preview.cpu50 / rawAggregate.cpu50).toFixed(2)}×)   ${moves} moves   target p95 ≤ ${TARGET_MS}`);
    if (preview.p95 > TARGET_MS) failed = true;

    // The moves the apply will write, for the raw baseline of the same writes.
    const planned = await classifyTiers(ctx, { dryRun: true, limit: 100_000 });
    const at = NOW.toISOString();
    let t0 = performance.now();
    await withTransaction(ctx.db, (tx) => recomputeAllReminders(ctx, tx));
    const ladders = Number(raw.prepare('SELECT count(*) FROM reminders').pluck().get());
    out(`(untimed) reminder ladders materialized: ${ladders} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const update = raw.prepare('UPDATE customers SET tier = ?, tier_reason = ?, tier_pinned = NULL, updated_at = ?, version = version + 1 WHERE id = ?');
    const rawApply = await timed(() => {
      raw.exec('BEGIN');
      try {
        prepared.all(...st.parameters);
        // The postings follow as in the service (set-wise above the threshold, by trigger below).
        const rawMoves = planned.items.filter((m) => !m.pinned);
        movingScopesInBulk(raw, rawMoves.length, () => {
          for (const m of rawMoves) update.run(m.to, '[]', at, m.customerId);
        });
      } finally {
        raw.exec('ROLLBACK');
      }
    });
    const cpu0 = process.cpuUsage();
    t0 = performance.now();
    const first = await classifyTiers(ctx, { dryRun: false, limit: 10 });
    const applyMs = performance.now() - t0;
    const applyCpu = process.cpuUsage(cpu0);
    const applyCpuMs = (applyCpu.user + applyCpu.system) / 1000;
    const movedLadders = Number(raw.prepare('SELECT count(*) FROM reminders').pluck().get());
    let second = first;
    const again = await timed(async () => {
      second = await classifyTiers(ctx, { dryRun: false, limit: 10 });
    });
    out(`raw aggregate + UPDATE of the moves   ${ms(rawApply.p50)} ${ms(rawApply.p95)} ${ms(rawApply.cpu50)}   (same customers and tiers, triggers firing, postings moved as in the service, rolled back)`);
    out(`first apply (service, one run)        ${ms(applyMs)} ${ms(applyMs)} ${ms(applyCpuMs)}   ratio ${(applyMs / rawApply.p50).toFixed(2)}× (CPU ${(applyCpuMs / rawApply.cpu50).toFixed(2)}×)   ${first.total} moves, ${first.reasonsUpdated} reasons written, reminders ${ladders} → ${movedLadders}`);
    out(`apply again (nothing to move)         ${ms(again.p50)} ${ms(again.p95)} ${ms(again.cpu50)}   ratio ${(again.p50 / rawAggregate.p50).toFixed(2)}× (CPU ${(again.cpu50 / rawAggregate.cpu50).toFixed(2)}×) to the raw aggregate   ${second.total} moves, ${second.reasonsUpdated} reasons`);
    if (applyMs > TARGET_MS || again.p95 > TARGET_MS) failed = true;
    out(`load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    await close();
    for (const s of ['', '-wal', '-shm']) fs.rmSync(copy + s, { force: true });
  }
  if (flag('--check') && failed) {
    out(`FAILED: a classification of 100k customers took over ${TARGET_MS} ms`);
    process.exitCode = 1;
  }
}

await main();
