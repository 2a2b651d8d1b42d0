// bench:list -- --engine postgres: the same generated archive (listBenchData.ts) seeded into a throwaway
// PostgreSQL server (test-support/postgres/testPostgres.ts: its own data directory, a Unix socket, no TCP), and the
// same cases timed through the same service (listCustomers). There is no raw baseline here: the SQLite run's
// baseline is hand-written better-sqlite3; PostgreSQL's figures are the service's alone. The server and archive
// come from bench/postgres/postgresBenchServer.ts; nothing is cached.
import { q } from '../../db/handle.ts';
import { explainCustomerList } from '../../db/repositories/customerListQuery.ts';
import { loadPinyinReading } from '../../db/repositories/pinyinReadings.ts';
import { listCustomers } from '../../electron/services/customers/customers.service.ts';
import { customerListInput } from '../../shared/api/customers.contract.ts';
import { BUILTIN_TIERS } from '../../shared/domain/enums.ts';
import { generateListBench, type ListBenchSizes } from '../../test-support/list/listBenchData.ts';
import { seedListBenchPostgres } from '../../test-support/list/seedListBenchPostgres.ts';
import { out } from '../benchRuns.ts';
import { loadAverageLine, postgresMachineLines, withPostgresBenchOnce } from '../postgres/postgresBenchServer.ts';
import { printTable } from '../textTable.ts';

export interface PostgresListCase {
  key: string;
  label: string;
  search?: string;
  sort?: 'name';
  target: boolean;
}

export interface PostgresListBenchOptions {
  cases: readonly PostgresListCase[];
  sizes: ListBenchSizes;
  iterations: number;
  warmup: number;
  page: number;
  targetP95Ms: number;
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const ms = (v: number) => v.toFixed(2);

export async function listBenchOnPostgres(o: PostgresListBenchOptions): Promise<{ missed: string[] }> {
  await loadPinyinReading();
  return withPostgresBenchOnce(async ({ ctx }) => {
    const k = q(ctx.db);
    out(`generating ${o.sizes.customers} customers, ${o.sizes.contacts} contacts, ${o.sizes.contracts} contracts, ${o.sizes.followUps} follow-ups into PostgreSQL …`);
    const report = await seedListBenchPostgres(ctx.db, (sink) => {
      generateListBench(sink, o.sizes);
    });
    out(
      `  loaded in ${report.seconds.load.toFixed(1)} s, search index ${report.seconds.searchIndex.toFixed(1)} s ` +
        `(${report.searchIndex.bigrams} bigram rows), ANALYZE ${report.seconds.analyze.toFixed(1)} s`,
    );
    const owners = (await k.selectFrom('owners').select('id').where('deleted_at', 'is', null).orderBy('name').execute()).map((r) => r.id);
    out();
    out('== Machine');
    for (const line of await postgresMachineLines(ctx.db)) out(line);

    const shape = (i: number) => ({ ownerId: owners[i % owners.length]!, tier: BUILTIN_TIERS[i % BUILTIN_TIERS.length]! });
    const rows: string[][] = [];
    const missed: string[] = [];
    for (const c of o.cases) {
      const inputs = Array.from({ length: o.warmup + o.iterations }, (_, i) =>
        customerListInput.parse({ ...shape(i), search: c.search, sort: c.sort ?? 'nextExpiryOn', order: 'asc', limit: o.page }),
      );
      const explained = await explainCustomerList(ctx.db, { ...inputs[0]!, archived: 'active', offset: 0 });
      const wall: number[] = [];
      const cpu: number[] = [];
      let totals = 0;
      for (let i = 0; i < inputs.length; i++) {
        const u = process.cpuUsage();
        const t = performance.now();
        const r = await listCustomers(ctx, inputs[i]!);
        const took = performance.now() - t;
        const used = process.cpuUsage(u);
        if (i < o.warmup) continue;
        wall.push(took);
        cpu.push((used.user + used.system) / 1000);
        totals += r.total;
      }
      wall.sort((a, b) => a - b);
      cpu.sort((a, b) => a - b);
      const p95 = percentile(wall, 0.95);
      if (c.target && p95 > o.targetP95Ms) missed.push(c.label);
      rows.push([
        c.label + (c.target ? '' : ' *'), c.search ?? '', explained.plan, (totals / o.iterations).toFixed(0),
        ms(percentile(wall, 0.5)), ms(p95), ms(percentile(cpu, 0.5)), ms(percentile(cpu, 0.95)), p95 <= o.targetP95Ms ? 'yes' : 'NO',
      ]);
    }
    out();
    out(`== Results on PostgreSQL: ${o.iterations} iterations per case after ${o.warmup} warm-up, page of ${o.page}, owner × tier varied, times in ms`);
    printTable(['case', 'search', 'plan', 'avg total', 'svc p50', 'svc p95', 'node cpu p50', 'node cpu p95', `p95 ≤ ${o.targetP95Ms}`], rows);
    out('* shown for context, not part of the target');
    out("plan: the first iteration's (owner and tier vary); node cpu: this process's CPU only, the server's work is in the wall time");
    out(`${loadAverageLine()} at end`);
    return { missed };
  });
}
