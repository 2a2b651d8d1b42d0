// `npm run torture [-- --runs 100] [--op import,renew] [--seed N] [--keep] [--plants]`: SIGKILLs every
// operation at random moments and named points, and prints one summary line per operation. Exits 1 when any
// corrupt, partial, lost or doubled count (or any other failure) is not zero. --plants then runs each planted
// fault once and prints what the checks made of it (each must be caught).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { showPlants } from './plantedFaults.ts';
import { TORTURE_SUITE_OPS, runTortureSuite } from './runTortureSuite.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: process.env['TORTURE_RUNS'] ?? '100' },
    op: { type: 'string' },
    seed: { type: 'string' },
    keep: { type: 'boolean', default: false },
    plants: { type: 'boolean', default: false },
  },
});
const ops = values.op ? values.op.split(',') : [...TORTURE_SUITE_OPS];
const unknown = ops.filter((o) => !(TORTURE_SUITE_OPS as readonly string[]).includes(o));
if (unknown.length > 0) {
  process.stderr.write(`unknown operation(s): ${unknown.join(', ')}; known: ${TORTURE_SUITE_OPS.join(', ')}\n`);
  process.exit(2);
}
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-torture-'));
const started = Date.now();
const summaries = await runTortureSuite({
  ops: ops as (typeof TORTURE_SUITE_OPS)[number][],
  runs: Number(values.runs),
  seed: values.seed === undefined ? undefined : Number(values.seed),
  workDir,
  log: (line) => process.stdout.write(`${line}\n`),
});
let missed = 0;
if (values.plants) missed = await showPlants(workDir, (line) => process.stdout.write(`${line}\n`));
const bad = summaries.filter((s) => s.corrupt + s.partial + s.lost + s.doubled + s.failures > 0);
for (const s of bad) for (const p of s.problems) process.stdout.write(`  ${p}\n`);
process.stdout.write(`[torture] ${summaries.reduce((n, s) => n + s.runs, 0)} runs in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
if (!values.keep && bad.length === 0 && missed === 0) fs.rmSync(workDir, { recursive: true, force: true });
else process.stdout.write(`[torture] archives kept in ${workDir}\n`);
process.exit(bad.length > 0 || missed > 0 ? 1 : 0);
