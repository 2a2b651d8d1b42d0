// `npm run bench:scheduler`: the reminder tick and recompute on a database with 1M materialized reminders
// (150k contracts), each figure next to a bare indexed SELECT of the same rows measured in the same run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDaysIso } from '../shared/domain/dates.ts';
import { mulberry32 } from '../shared/domain/seededRandom.ts';
import { seedReminderData, type SeedContract, type SeedCustomer } from '../test-support/reminders/reminderSeed.ts';
import { analyze, forceDue, reminderCount, selectDueBaseline, selectSubjectBaseline, shiftContractEnd } from './scheduler/reminderBenchBaseline.ts';
import { withTransaction } from '../db/withTransaction.ts';
import { silentLogger } from '../electron/services/logger.ts';
import { openServiceContext } from '../electron/services/openServiceContext.ts';
import { recomputeAllReminders, recomputeRemindersForContract } from '../electron/services/reminders/recomputeReminders.ts';
import { runReminderTick } from '../electron/services/reminders/reminderTick.ts';

const CONTRACTS = Number(process.env['BENCH_CONTRACTS'] ?? 150_000);
const TARGET_EMPTY_TICK_MS = 5;
const TARGET_RECOMPUTE_MS = 2;


const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeIt(runs: number, before: () => void, work: () => Promise<unknown> | unknown): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    before();
    const t0 = performance.now();
    await work();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-bench-scheduler-'));
  const nowDate = new Date(2026, 0, 1, 9, 0);
  let clock = nowDate;
  const { ctx, close } = await openServiceContext({ file: path.join(dir, 'bench.db'), now: () => clock, logger: silentLogger });
  try {
    const rand = mulberry32(150_000);
    const customers: SeedCustomer[] = Array.from({ length: Math.ceil(CONTRACTS * 0.7) }, (_, i) => {
      const r = rand();
      return { name: `基准客户${i}`, tier: r < 0.3 ? 'vip' : r < 0.7 ? 'important' : 'normal', contactName: `联系人${i}`, birthday: null };
    });
    // Every end date is at least 100 days out, so at the benchmark's instant nothing is due until we make it so.
    const contracts: SeedContract[] = Array.from({ length: CONTRACTS }, (_, i) => {
      const endsOn = addDaysIso('2026-01-01', 100 + Math.floor(rand() * 400));
      return { customerIndex: i % customers.length, number: `BK-${i}`, startsOn: addDaysIso(endsOn, -364), endsOn, cycle: 'year', amountFen: 100_00 };
    });
    let t0 = performance.now();
    const { contractIds } = await seedReminderData(ctx.db, customers, contracts, nowDate.toISOString());
    await withTransaction(ctx.db, (tx) => recomputeAllReminders(ctx, tx));
    analyze(ctx.db);
    const rows = reminderCount(ctx.db);
    console.log(`materialized ${rows.toLocaleString('en')} reminders for ${CONTRACTS.toLocaleString('en')} contracts in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    // The first tick records the machine's zone (and would re-derive instants after a zone change); not measured.
    await runReminderTick(ctx, { now: nowDate });

    const results: { name: string; ms: number; baseline: number; target?: number }[] = [];
    const nowIso = () => clock.toISOString();
    const emptyBaseline = await timeIt(200, () => {}, () => selectDueBaseline(ctx.db, nowIso()));
    const empty = await timeIt(200, () => {}, () => runReminderTick(ctx));
    results.push({ name: 'tick, 0 due', ms: empty, baseline: emptyBaseline, target: TARGET_EMPTY_TICK_MS });

    for (const [n, runs] of [
      [100, 15],
      [10_000, 3],
    ] as const) {
      const base: number[] = [];
      const tick: number[] = [];
      for (let i = 0; i < runs; i++) {
        clock = new Date(clock.getTime() + 60_000);
        if (forceDue(ctx.db, n, nowIso()) !== n) throw new Error('not enough pending steps to make due');
        t0 = performance.now();
        const seen = selectDueBaseline(ctx.db, nowIso());
        base.push(performance.now() - t0);
        t0 = performance.now();
        const outcome = await runReminderTick(ctx);
        tick.push(performance.now() - t0);
        if (seen !== n || outcome.fired.length !== n) throw new Error(`expected ${n} due, saw ${seen}, fired ${outcome.fired.length}`);
      }
      results.push({ name: `tick, ${n.toLocaleString('en')} due`, ms: median(tick), baseline: median(base) });
    }

    let k = 0;
    const pick = () => contractIds[Math.floor(rand() * contractIds.length)]!;
    let current = pick();
    const recomputeBaseline = await timeIt(200, () => (current = pick()), () => selectSubjectBaseline(ctx.db, current));
    const recompute = await timeIt(
      200,
      () => {
        current = pick();
        shiftContractEnd(ctx.db, current, ++k % 2 === 0 ? 1 : -1);
      },
      () => withTransaction(ctx.db, (tx) => recomputeRemindersForContract(ctx, tx, current)),
    );
    results.push({ name: 'recompute one contract after an edit', ms: recompute, baseline: recomputeBaseline, target: TARGET_RECOMPUTE_MS });

    let failed = false;
    for (const r of results) {
      const verdict = r.target === undefined ? '' : r.ms <= r.target ? `  ✔ ≤ ${r.target} ms` : `  ✖ target ${r.target} ms`;
      if (r.target !== undefined && r.ms > r.target) failed = true;
      console.log(`${r.name.padEnd(40)} ${r.ms.toFixed(3).padStart(9)} ms   baseline SELECT ${r.baseline.toFixed(3).padStart(8)} ms   ratio ${(r.ms / r.baseline).toFixed(1).padStart(6)}×${verdict}`);
    }
    process.exitCode = failed ? 1 : 0;
  } finally {
    await close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
