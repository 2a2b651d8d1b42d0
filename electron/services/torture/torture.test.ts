// The CI slice of the torture suite (test-support/torture/): the same code as `npm run torture`, with
// TORTURE_RUNS runs per operation (5 by default) and the same fixed seeds; a problem prints the seed that
// replays it. Each operation also runs one planted fault, to show its checks can fail.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleChild } from '../../../test-support/childBundle.ts';
import { TORTURE_EXTERNAL } from '../../../test-support/torture/childProtocol.ts';
import { TORTURE_OPS, type Plant, type TortureOp } from '../../../test-support/torture/childProtocol.ts';
import { caught, PLANTED, runPlant } from '../../../test-support/torture/plantedFaults.ts';
import { BASE_SEEDS } from '../../../test-support/torture/runTortureSuite.ts';
import { tortureScheduler } from '../../../test-support/torture/schedulerTorture.ts';
import { prepareOperation, summaryLine, tortureOperation, type OpSummary } from '../../../test-support/torture/tortureSuite.ts';

const RUNS = Number(process.env['TORTURE_RUNS'] ?? 5);
let workDir: string;
let bundle: string;
let failed = false;

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-torture-'));
  bundle = await bundleChild('test-support/torture/tortureChild.ts', TORTURE_EXTERNAL);
});
afterAll(() => {
  if (failed) console.log(`[torture] archives kept in ${workDir}`);
  else fs.rmSync(workDir, { recursive: true, force: true });
});

function expectClean(summary: OpSummary): void {
  console.log(summaryLine(summary));
  if (summary.problems.length > 0) failed = true;
  // The problems name the seed of each failing run: `npm run torture -- --op <op> --seed <seed> --runs 1`.
  expect(summary.problems).toEqual([]);
  expect(summary).toMatchObject({ runs: RUNS, corrupt: 0, partial: 0, lost: 0, doubled: 0, failures: 0 });
  // Half the runs die at a named point, which the clean run always reaches.
  expect(summary.kills).toBeGreaterThanOrEqual(Math.floor(RUNS / 3));
}

const plantsOf = (op: TortureOp | 'scheduler') => (Object.keys(PLANTED) as Plant[]).filter((p) => PLANTED[p].op === op);

describe('torture: SIGKILL anywhere', { timeout: 600_000 }, () => {
  it.each(TORTURE_OPS)('%s: every kill leaves a whole archive, and a planted fault is caught', async (op) => {
    const prepared = await prepareOperation(op, bundle, workDir);
    expectClean(await tortureOperation(op, { runs: RUNS, seed: BASE_SEEDS[op], workDir, bundle, prepared }));
    for (const plant of plantsOf(op)) {
      const found = await runPlant(plant, prepared, bundle, workDir);
      expect(caught(plant, found), `${plant} (${PLANTED[plant].what}) must raise ${PLANTED[plant].raises.join(' or ')}: ${found.problems.join('; ')}`).toBeGreaterThan(0);
    }
  });

  it('scheduler: no reminder lost or doubled across killed ticks, and planted faults are caught', async () => {
    expectClean(await tortureScheduler({ runs: RUNS, seed: BASE_SEEDS.scheduler, workDir }));
    for (const plant of plantsOf('scheduler')) {
      const found = await runPlant(plant, null, bundle, workDir);
      expect(caught(plant, found), `${plant} (${PLANTED[plant].what}) must raise ${PLANTED[plant].raises.join(' or ')}: ${found.problems.join('; ')}`).toBeGreaterThan(0);
    }
  });
});
