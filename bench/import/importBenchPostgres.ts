// bench:import -- --engine postgres: the same generated GBK sheet imported into fresh archives on a throwaway
// PostgreSQL server (bench/postgres/postgresBenchServer.ts) through the real import service (runImport, then the
// lifecycle recompute the handler runs before it answers), against a floor measured on the same server in the same
// run: the same rows the importer writes, as plain multi-row INSERTs (importFloorPostgres.ts). Alternating, best of
// --runs. In process (the server does much of the work in its own processes, so a child's peak RSS would say
// little); node CPU is this process's, the server's is in the wall time.
import fs from 'node:fs';
import path from 'node:path';
import { runImport } from '../../electron/services/import/runImport.ts';
import { refreshMarkedLifecycles } from '../../electron/services/lifecycle/recomputeLifecycle.ts';
import { out } from '../benchRuns.ts';
import { loadAverageLine, postgresMachineLines, withPostgresBenchArchive, withPostgresBenchServer } from '../postgres/postgresBenchServer.ts';
import { enableStatementProfile, resetStatementProfile, statementProfile, type StatementProfile } from '../postgres/statementProfile.ts';
import { importFloorPostgres } from './importFloorPostgres.ts';

export interface PostgresImportBenchOptions {
  sheet: string;
  rows: number;
  runs: number;
  repoRoot: string;
  /** Prints the statements that took most server time in the last floor and import (pg_stat_statements). */
  profile: boolean;
}

interface Measured {
  ms: number;
  cpuMs: number;
  detail: Record<string, unknown>;
}

async function measure(work: () => Promise<Record<string, unknown>>): Promise<Measured> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const detail = await work();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, detail };
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function importBenchOnPostgres(o: PostgresImportBenchOptions): Promise<void> {
  await withPostgresBenchServer(async (server) => {
    const floors: Measured[] = [];
    const imports: Measured[] = [];
    let machine: string[] = [];
    const profiles: [string, StatementProfile][] = [];
    if (o.profile) await enableStatementProfile(server);
    const profiled = async <T>(label: string, database: string, work: () => Promise<T>): Promise<T> => {
      if (!o.profile) return work();
      await resetStatementProfile(server, database);
      const r = await work();
      profiles.push([label, await statementProfile(server, database, 25)]);
      return r;
    };
    for (let i = 0; i < o.runs; i++) {
      floors.push(
        await withPostgresBenchArchive(server, async ({ ctx, database }) => {
          if (machine.length === 0) machine = await postgresMachineLines(ctx.db);
          return profiled('floor', database, () => measure(async () => ({ ...(await importFloorPostgres(ctx.db, o.sheet)) })));
        }),
      );
      imports.push(
        await withPostgresBenchArchive(server, ({ ctx, database }) =>
          profiled('import', database, () => measure(async () => {
            const r = await runImport(ctx, { file: o.sheet, encoding: 'auto', dryRun: false, strict: false });
            const l0 = performance.now();
            const lifecycleChanged = await refreshMarkedLifecycles(ctx);
            const { rejected, warnings, duplicates, changes, columns, issueCounts, ...counts } = r;
            void [rejected, warnings, duplicates, changes, columns];
            return { counts, rejected: issueCounts.rejected, lifecycle: { ms: performance.now() - l0, changed: lifecycleChanged } };
          })),
        ),
      );
    }
    const best = (xs: Measured[]) => xs.reduce((a, b) => (b.ms < a.ms ? b : a));
    const bestCpu = (xs: Measured[]) => Math.min(...xs.map((x) => x.cpuMs));
    const rate = (ms: number) => Math.round(o.rows / (ms / 1000)).toLocaleString('en');
    const line = (label: string, xs: Measured[]) => {
      const b = best(xs);
      out(`${label.padEnd(26)} wall ${(b.ms / 1000).toFixed(2)} s [median ${(median(xs.map((x) => x.ms)) / 1000).toFixed(2)}]  ${rate(b.ms)} rows/s  node CPU ${(bestCpu(xs) / 1000).toFixed(2)} s`);
    };
    out('== Machine');
    for (const l of machine) out(l);
    out(`sheet: ${path.relative(o.repoRoot, o.sheet)} (${(fs.statSync(o.sheet).size / 2 ** 20).toFixed(1)} MiB GBK, ${o.rows} rows)`);
    out();
    out(`== Import of ${o.rows} GBK rows into PostgreSQL (best of ${o.runs}, each into a fresh archive on the same server)`);
    const floor = best(floors);
    const whole = best(imports);
    line('raw floor (same writes)', floors);
    line('whole import', imports);
    const ratio = floor.ms / whole.ms;
    out(`ratio vs floor (same writes): wall ${ratio.toFixed(2)}× ${ratio >= 0.6 ? '(≥ 0.60: met)' : '(< 0.60: not met)'}, node CPU ${(bestCpu(floors) / bestCpu(imports)).toFixed(2)}×`);
    out(`import result: ${JSON.stringify(whole.detail['counts'])}`);
    out(`  rejected cells ${String(whole.detail['rejected'])}`);
    const lc = whole.detail['lifecycle'] as { ms: number; changed: number };
    out(`  of which the lifecycle recompute of the customers it marked (before the import answers): wall ${(lc.ms / 1000).toFixed(2)} s, ${lc.changed} stages set`);
    out(`floor: ${String(floor.detail['customers'])} customers, ${String(floor.detail['contracts'])} contracts`);
    for (const s of floor.detail['statements'] as string[]) out(`  ${s}`);
    for (const [label, p] of profiles.slice(-2)) {
      out();
      out(`== Server time by statement, ${label} (pg_stat_statements, nested included; ms total, calls, rows)`);
      out(`top-level statements: ${p.topLevelCalls} taking ${(p.topLevelMs / 1000).toFixed(2)} s of server time`);
      for (const c of p.costs) out(`${c.totalMs.toFixed(0).padStart(8)} ${String(c.calls).padStart(8)} ${String(c.rows).padStart(9)}  ${c.query.slice(0, 220)}`);
    }
    out(`${loadAverageLine()} at end`);
  });
}
