// npm run bench:import [-- --rows 200000] [--runs 3] [--rss-1m] [--fresh] [--engine postgres]
//
// --engine postgres: the same sheet (default 50,000 rows, 2 runs) into a throwaway PostgreSQL server against a floor
// measured there (bench/import/importBenchPostgres.ts); no export or 1M-row parts. --profile adds the server time
// by statement (pg_stat_statements).
//
// Generates a GBK renewal sheet (cached under .bench-data/import/), then in separate child processes (so
// each peak RSS is its own), alternating, best of --runs: two raw floors — the sheet's rows alone
// (bench/import/importFloor.ts) and the same rows the importer writes (bench/import/importFloorSameWrites.ts) — and
// the whole import (decode, parse, normalize, validate, upsert with audit, search index and next expiry).
// Then the export of 100k contracts, and with --rss-1m the peak RSS of importing a 1M-row sheet.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BuildOptions } from 'esbuild';
import { importBenchOnPostgres } from './import/importBenchPostgres.ts';
import { importFloor } from './import/importFloor.ts';
import { importFloorSameWrites } from './import/importFloorSameWrites.ts';
import { connectionPragmas, openDatabase } from '../db/openDatabase.ts';
import { CONTRACT_EXPORT_SQL } from '../db/repositories/exportQueries.ts';
import { ensureBenchSheet } from './import/benchSheet.ts';
import { exportSheet } from '../electron/services/export/exportSheet.ts';
import { runImport } from '../electron/services/import/runImport.ts';
import { refreshMarkedLifecycles } from '../electron/services/lifecycle/recomputeLifecycle.ts';
import { silentLogger } from '../electron/services/logger.ts';
import { openServiceContext } from '../electron/services/openServiceContext.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
};
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The bundled children live in dataDir, so they are told where it is rather than finding it from their path.
const dataDir = process.env['RENEWAL_DESK_BENCH_DATA'] ?? path.join(repoRoot, '.bench-data', 'import');
const out = (line = '') => process.stdout.write(`${line}\n`);
const removeDb = (f: string) => {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(f + suffix, { force: true });
};

/** A realistic sheet: customers with ~3 contracts each, 1% repeated numbers, 0.5% bad rows, some blank lines. */
function ensureSheet(rows: number, clean: boolean): string {
  return ensureBenchSheet(dataDir, rows, { clean, fresh: args.includes('--fresh') });
}

interface ChildResult {
  ms: number;
  /** User + system CPU of the measured part: steadier than wall time on a shared machine. */
  cpuMs: number;
  maxRssMiB: number;
  detail: Record<string, unknown>;
}

/**
 * The children run this file bundled the way scripts/build-electron.mjs bundles the app's main process (so
 * what is measured is the code the app runs, without tsx's loader thread and its ~50 MiB in every RSS).
 */
let childBundle: string | null = null;
async function bundleChild(): Promise<string> {
  const { build } = await import('esbuild');
  const { MAIN_BUNDLE_OPTIONS: main } = (await import(pathToFileURL(path.join(repoRoot, 'scripts', 'build-electron.mjs')).href)) as {
    MAIN_BUNDLE_OPTIONS: BuildOptions & { external: string[] };
  };
  const outfile = path.join(dataDir, 'importBench.child.mjs');
  // target: the Node running the benchmark (the app's bundle targets Electron's).
  await build({ ...main, entryPoints: [fileURLToPath(import.meta.url)], outfile, target: 'node20', external: [...main.external, 'esbuild'], logLevel: 'warning' });
  return outfile;
}

function child(mode: string, ...rest: string[]): ChildResult {
  const r = spawnSync(process.execPath, [childBundle!, '--child', mode, ...rest], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env: { ...process.env, RENEWAL_DESK_BENCH_DATA: dataDir },
  });
  if (r.status !== 0) throw new Error(`${mode} child failed (${r.status}): ${r.stderr}`);
  const line = r.stdout.trim().split('\n').pop()!;
  return JSON.parse(line) as ChildResult;
}

async function freshDb(file: string) {
  removeDb(file);
  const opened = await openDatabase({ file, backupsDir: path.join(dataDir, 'backups') });
  await opened.close();
}

async function runChild(mode: string, file: string, db: string): Promise<void> {
  let detail: Record<string, unknown> = {};
  let ms = 0;
  let cpu0 = process.cpuUsage();
  if (mode === 'floor' || mode === 'floor-same') {
    await freshDb(db);
    const opened = await openDatabase({ file: db, backupsDir: path.join(dataDir, 'backups') });
    const t0 = performance.now();
    cpu0 = process.cpuUsage();
    const r = mode === 'floor' ? await importFloor(opened.db, file) : await importFloorSameWrites(opened.db, file);
    ms = performance.now() - t0;
    detail = { ...r, pragmas: connectionPragmas(opened.db) };
    await opened.close();
  } else if (mode === 'import' || mode === 'prepare-export') {
    await freshDb(db);
    const { ctx, close } = await openServiceContext({ file: db, logger: silentLogger, backupsDir: path.join(dataDir, 'backups') });
    const t0 = performance.now();
    cpu0 = process.cpuUsage();
    const r = await runImport(ctx, { file, encoding: 'auto', dryRun: false, strict: false });
    ms = performance.now() - t0;
    // What the handler table does next, before the import answers: the lifecycle of every customer it marked.
    const l0 = performance.now();
    const lc0 = process.cpuUsage();
    const lifecycleChanged = await refreshMarkedLifecycles(ctx);
    const lc = process.cpuUsage(lc0);
    const lifecycle = { ms: performance.now() - l0, cpuMs: (lc.user + lc.system) / 1000, changed: lifecycleChanged };
    ms = performance.now() - t0;
    const { rejected, warnings, duplicates, changes, columns, issueCounts, ...counts } = r;
    detail = { counts, rejected: issueCounts.rejected, warnings: issueCounts.warnings, changes: changes.length, pragmas: connectionPragmas(ctx.db), lifecycle };
    void [rejected, warnings, duplicates, columns];
    await close();
  } else if (mode === 'export') {
    const { ctx, close } = await openServiceContext({ file: db, logger: silentLogger, backupsDir: path.join(dataDir, 'backups') });
    const t0 = performance.now();
    cpu0 = process.cpuUsage();
    const r = await exportSheet(ctx, 'contracts', { format: file === 'xlsx' ? 'xlsx' : 'csv', headers: 'zh' });
    ms = performance.now() - t0;
    detail = { rows: r.rows, bytes: Buffer.from(r.contentBase64, 'base64').length };
    await close();
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  process.stdout.write(`${JSON.stringify({ ms, cpuMs, maxRssMiB: process.resourceUsage().maxRSS / 1024, detail })}\n`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const engine = args.includes('--engine') ? args[args.indexOf('--engine') + 1] : 'sqlite';
  if (engine !== 'sqlite' && engine !== 'postgres') throw new Error(`--engine ${String(engine)}: sqlite or postgres`);
  if (engine === 'postgres') {
    const pgRows = option('--rows', 50_000);
    await importBenchOnPostgres({ sheet: ensureSheet(pgRows, false), rows: pgRows, runs: option('--runs', 2), repoRoot, profile: args.includes('--profile') });
    return;
  }
  const rows = option('--rows', 200_000);
  const runs = option('--runs', 3);
  fs.mkdirSync(dataDir, { recursive: true });
  childBundle = await bundleChild();
  out('== Machine');
  const cpus = os.cpus();
  out(`node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  let t0 = performance.now();
  const sheet = ensureSheet(rows, false);
  out(`sheet: ${path.relative(repoRoot, sheet)} (${(fs.statSync(sheet).size / 2 ** 20).toFixed(1)} MiB GBK, ${rows} rows), ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const db = path.join(dataDir, 'bench.db');
  const floors: ChildResult[] = [];
  const sames: ChildResult[] = [];
  const imports: ChildResult[] = [];
  for (let i = 0; i < runs; i++) {
    floors.push(child('floor', sheet, db));
    sames.push(child('floor-same', sheet, db));
    imports.push(child('import', sheet, db));
  }
  const best = (xs: ChildResult[]) => xs.reduce((a, b) => (b.ms < a.ms ? b : a));
  const bestCpu = (xs: ChildResult[]) => Math.min(...xs.map((x) => x.cpuMs));
  const floor = best(floors);
  const same = best(sames);
  const whole = best(imports);
  const rate = (ms: number) => Math.round(rows / (ms / 1000)).toLocaleString('en');
  const line = (label: string, xs: ChildResult[]) => {
    const b = best(xs);
    out(
      `${label.padEnd(26)} wall ${(b.ms / 1000).toFixed(2)} s [median ${(median(xs.map((x) => x.ms)) / 1000).toFixed(2)}]  ${rate(b.ms)} rows/s  ` +
        `CPU ${(bestCpu(xs) / 1000).toFixed(2)} s  peak RSS ${b.maxRssMiB.toFixed(0)} MiB`,
    );
  };
  out();
  out(`== Import of ${rows} GBK rows (best of ${runs})`);
  line('raw floor (sheet rows)', floors);
  line('raw floor (same writes)', sames);
  line('whole import', imports);
  const verdict = (r: number) => `${r.toFixed(2)}× ${r >= 0.6 ? '(≥ 0.60: met)' : '(< 0.60: not met)'}`;
  out(`ratio vs floor (sheet rows):  wall ${verdict(floor.ms / whole.ms)}, CPU ${(bestCpu(floors) / bestCpu(imports)).toFixed(2)}×`);
  out(`ratio vs floor (same writes): wall ${verdict(same.ms / whole.ms)}, CPU ${(bestCpu(sames) / bestCpu(imports)).toFixed(2)}×`);
  out(`import result: ${JSON.stringify(whole.detail['counts'])}`);
  out(`  rejected cells ${String(whole.detail['rejected'])}, duplicates ${String(whole.detail['duplicates'])}`);
  const lc = whole.detail['lifecycle'] as { ms: number; cpuMs: number; changed: number };
  out(`  of which the lifecycle recompute of the customers it marked (before the import answers): wall ${(lc.ms / 1000).toFixed(2)} s, CPU ${(lc.cpuMs / 1000).toFixed(2)} s, ${lc.changed} stages set`);
  out();
  out('== SQL and PRAGMAs');
  out(`PRAGMAs (all paths, same connection settings; the import lowers cache_size for itself, see below): ${Object.entries(floor.detail['pragmas'] as object).map(([k, v]) => `${k}=${String(v)}`).join(' ')}`);
  out('floor (sheet rows), bench/import/importFloor.ts:');
  for (const s of floor.detail['statements'] as string[]) out(`  ${s}`);
  out('floor (same writes), bench/import/importFloorSameWrites.ts:');
  for (const s of same.detail['statements'] as string[]) out(`  ${s}`);
  out('import (db/import/importSession.ts, importBulkWriter.ts, importLookups.ts; db/bulk/bulkSearchIndex.ts, bulkNextExpiry.ts):');
  for (const s of IMPORT_STATEMENTS) out(`  ${s}`);

  t0 = performance.now();
  const exportSheetFile = ensureSheet(100_000, true);
  const exportDb = path.join(dataDir, 'export.db');
  child('prepare-export', exportSheetFile, exportDb);
  const exportCsv = child('export', 'csv', exportDb);
  const exportXlsx = child('export', 'xlsx', exportDb);
  out();
  out(`== Export of ${String(exportCsv.detail['rows'])} contracts (database prepared in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  out(`CSV   ${(exportCsv.ms / 1000).toFixed(2)} s, ${((exportCsv.detail['bytes'] as number) / 2 ** 20).toFixed(1)} MiB, peak RSS ${exportCsv.maxRssMiB.toFixed(0)} MiB`);
  out(`XLSX  ${(exportXlsx.ms / 1000).toFixed(2)} s, ${((exportXlsx.detail['bytes'] as number) / 2 ** 20).toFixed(1)} MiB, peak RSS ${exportXlsx.maxRssMiB.toFixed(0)} MiB`);
  out(`query: ${CONTRACT_EXPORT_SQL.replace(/\s+/g, ' ').trim()}`);

  if (args.includes('--rss-1m')) {
    t0 = performance.now();
    const big = ensureSheet(1_000_000, false);
    out();
    out(`== 1M rows (${(fs.statSync(big).size / 2 ** 20).toFixed(0)} MiB GBK, ready in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    const r = child('import', big, path.join(dataDir, 'bench-1m.db'));
    out(`whole import ${(r.ms / 1000).toFixed(1)} s, ${Math.round(1_000_000 / (r.ms / 1000)).toLocaleString('en')} rows/s, peak RSS ${r.maxRssMiB.toFixed(0)} MiB (target ≤ 300 MiB: ${r.maxRssMiB <= 300 ? 'MET' : 'NOT MET'})`);
    removeDb(path.join(dataDir, 'bench-1m.db'));
  }
  removeDb(db);
}

const IMPORT_STATEMENTS = [
  'PRAGMA cache_size = -24576 (for the import only; restored after); BEGIN IMMEDIATE (Kysely transaction held for the whole import; raw prepared statements inside it)',
  'per 500-row chunk (customers already read in this import come from a bounded cache):',
  '  SELECT c.…, o.name, p.… FROM customers c LEFT JOIN owners o … LEFT JOIN contacts p … WHERE c.deleted_at IS NULL AND c.name IN (?…×≤500)',
  '  SELECT id, name FROM owners WHERE deleted_at IS NULL AND name IN (?…)',
  '  SELECT k.… FROM contracts k WHERE k.deleted_at IS NULL AND k.number IN (?…×≤500)',
  '  SELECT k.… FROM contracts k WHERE k.deleted_at IS NULL AND k.customer_id IN (?…) (blank numbers only)',
  '  INSERT INTO owners|customers|contacts|contracts (…all columns…) VALUES (…) × up to 500 rows per statement',
  '  INSERT INTO audit_log (id, at, actor, action, entity, entity_id, before, after, batch_id, created_at, updated_at) VALUES (…) × 500',
  '  UPDATE <table> SET <changed columns>, updated_at = ?, version = ? WHERE id = ? (rows that change only) + its audit row',
  '  SELECT … FROM customers / contacts WHERE id|customer_id IN (…) (search documents of touched customers)',
  '  INSERT INTO temp.import_bigrams (bigram, customer_id) VALUES … (appended; temp index on (customer_id, bigram)); INSERT … customer_search … ON CONFLICT DO UPDATE',
  '  UPDATE customers SET next_expiry_on = ? WHERE id = ? AND (next_expiry_on IS NULL OR next_expiry_on > ?) (a stored customer given a contract)',
  "  UPDATE customers SET next_expiry_on = (SELECT min(ends_on) …) WHERE id IN (…) AND next_expiry_on IS NOT (…) (only where a stored contract's end moved)",
  'at the end: PRAGMA cache_size = -8192; INSERT INTO customer_bigrams SELECT … FROM temp.import_bigrams ORDER BY bigram, customer_id; PRAGMA cache_size = -24576;',
  '  INSERT INTO search_bigram_df … ON CONFLICT(bigram) DO UPDATE SET n = n + excluded.n; INSERT INTO import_batches …; COMMIT',
];

if (args[0] === '--child') {
  await runChild(args[1]!, args[2]!, args[3] ?? '');
} else {
  await main();
}
