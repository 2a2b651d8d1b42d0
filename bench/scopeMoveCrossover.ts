// npx tsx bench/scopeMoveCrossover.ts [--sizes 50,200,500,2000,10000] [--refill]
//
// Where the bulk scope mover (db/repositories/customerScopedBigrams.ts movingScopesInBulk) overtakes 0018's move
// trigger: on a copy of bench:classify's cached 100k archive (run that first), N customers (every k-th by id)
// change tier in one transaction, rolled back, once with the trigger firing per customer and once with the
// postings moved set-wise; CPU and wall of the UPDATEs and the move, best of two alternating runs. --refill adds,
// for the largest N, the alternative of refilling every posting (as rewritingBigramsInBulk does).
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { movingScopesInBulk, SCOPED_BIGRAMS_REFILL_SELECT } from '../db/repositories/customerScopedBigrams.ts';
import { benchArgs, benchDataDir, flag, out } from './benchRuns.ts';
import { dashboardArchiveCacheName } from './cachedBenchDatabase.ts';

const sizesArg = benchArgs[benchArgs.indexOf('--sizes') + 1];
const SIZES = benchArgs.includes('--sizes') && sizesArg !== undefined ? sizesArg.split(',').map(Number) : [50, 200, 500, 2000, 10_000];
const cached = path.join(benchDataDir, dashboardArchiveCacheName('classify', ['search-index']));
if (!fs.existsSync(cached)) throw new Error(`no cached archive ${cached}: run npm run bench:classify first`);
const copy = path.join(benchDataDir, 'scope-move-crossover.db');
for (const s of ['', '-wal', '-shm']) fs.rmSync(copy + s, { force: true });
fs.copyFileSync(cached, copy);
const raw = new Database(copy);
raw.pragma('journal_mode = WAL');

const ids = raw.prepare('SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY id').pluck().all() as string[];
const tierOf = raw.prepare('SELECT tier FROM customers WHERE id = ?').pluck();
const update = raw.prepare('UPDATE customers SET tier = ? WHERE id = ?');
const NEXT: Record<string, string> = { vip: 'important', important: 'normal', normal: 'vip' };

function timedRolledBack(work: () => void): { wall: number; cpu: number } {
  raw.exec('BEGIN');
  try {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    work();
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return { wall, cpu: (cpu.user + cpu.system) / 1000 };
  } finally {
    raw.exec('ROLLBACK');
  }
}

const fmt = (r: { wall: number; cpu: number }) => `${r.wall.toFixed(0).padStart(7)} ${r.cpu.toFixed(0).padStart(7)}`;
const best = (a: { wall: number; cpu: number }, b: { wall: number; cpu: number }) => (a.cpu <= b.cpu ? a : b);

out(`load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ${ids.length} customers; wall and CPU ms; best of two alternating runs`);
out('customers   trigger (wall cpu)   set-wise (wall cpu)   per customer trigger / set-wise (CPU ms)');
for (const n of SIZES) {
  const step = Math.max(1, Math.floor(ids.length / n));
  const chosen = ids.filter((_, k) => k % step === 0).slice(0, n);
  const moves = chosen.map((id) => [NEXT[String(tierOf.get(id))] ?? 'vip', id] as const);
  const write = () => {
    for (const [tier, id] of moves) update.run(tier, id);
  };
  const trig = [] as { wall: number; cpu: number }[];
  const bulk = [] as { wall: number; cpu: number }[];
  for (let r = 0; r < 2; r++) {
    trig.push(timedRolledBack(() => movingScopesInBulk(raw, n, write, Infinity)));
    bulk.push(timedRolledBack(() => movingScopesInBulk(raw, n, write, 0)));
  }
  const t = best(trig[0]!, trig[1]!);
  const b = best(bulk[0]!, bulk[1]!);
  out(`${String(n).padStart(9)}   ${fmt(t)}      ${fmt(b)}       ${(t.cpu / n).toFixed(3)} / ${(b.cpu / n).toFixed(3)}`);
}
if (flag('--refill')) {
  const n = SIZES[SIZES.length - 1]!;
  const step = Math.max(1, Math.floor(ids.length / n));
  const moves = ids.filter((_, k) => k % step === 0).slice(0, n).map((id) => [NEXT[String(tierOf.get(id))] ?? 'vip', id] as const);
  const stored = raw.prepare("SELECT sql FROM sqlite_master WHERE name = 'customer_scoped_bigrams_move'").pluck().get() as string;
  const refill = timedRolledBack(() => {
    raw.exec('DROP TRIGGER customer_scoped_bigrams_move');
    for (const [tier, id] of moves) update.run(tier, id);
    raw.exec(`INSERT OR IGNORE INTO search_scopes (owner_key, tier, archived) SELECT DISTINCT coalesce(owner_id, ''), tier, archived_at IS NOT NULL FROM customers`);
    raw.exec('DELETE FROM customer_scoped_bigrams');
    raw.exec(`INSERT INTO customer_scoped_bigrams (bigram, scope, customer_id) ${SCOPED_BIGRAMS_REFILL_SELECT} ORDER BY 1, 2, 3`);
    raw.exec(stored);
  });
  out(`full refill after ${n} moves: ${fmt(refill)}`);
}
out(`load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
raw.close();
for (const s of ['', '-wal', '-shm']) fs.rmSync(copy + s, { force: true });
