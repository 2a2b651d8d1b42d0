// Faults planted on purpose, one run each, to show that every count the suite reports can go above zero: a
// check that cannot fail proves nothing. Each names the operation it runs on and the count it must raise.
import path from 'node:path';
import type { Plant, TortureOp } from './childProtocol.ts';
import { tortureScheduler } from './schedulerTorture.ts';
import { bundleChild } from '../childBundle.ts';
import { TORTURE_EXTERNAL } from './childProtocol.ts';
import { prepareOperation, tortureRun, type Prepared } from './tortureSuite.ts';
import type { Verdict } from './tortureChecks.ts';

type Count = 'corrupt' | 'partial' | 'lost' | 'doubled';

/** Each plant and the counts it must raise (any of them: a mixed file may read as corrupt or as a foreign state). */
export const PLANTED: Record<Plant, { op: TortureOp | 'scheduler'; raises: readonly Count[]; what: string }> = {
  'half-batch': { op: 'import', raises: ['partial'], what: 'an import that commits half its rows outside the one transaction' },
  'scribble': { op: 'import', raises: ['corrupt'], what: 'garbage written over pages of the closed archive' },
  'half-listed-backup': { op: 'backup', raises: ['partial'], what: 'half a backup file under a name the backup list shows' },
  'stale-wal': { op: 'restore', raises: ['corrupt', 'partial'], what: 'a restore that copies the backup over the live file and keeps the live WAL' },
  'version-first': { op: 'migration', raises: ['partial'], what: 'a migration that bumps user_version before its work, then dies' },
  'claim-without-record': { op: 'scheduler', raises: ['lost'], what: 'a tick that commits its claim without the in-app records' },
  're-arm-fired': { op: 'scheduler', raises: ['doubled'], what: 'a recomputation that re-arms a step that already fired' },
};

/** How many problems of the kinds the plant must raise the checks found. */
export function caught(plant: Plant, found: PlantCounts): number {
  return PLANTED[plant].raises.reduce((n, c) => n + found[c], 0);
}

export type PlantCounts = Pick<Verdict, Count | 'problems'>;

/** Runs one planted fault on a prepared operation (or a short scheduler timeline) and returns what the checks found. */
export async function runPlant(plant: Plant, prepared: Prepared | null, bundle: string, workDir: string): Promise<PlantCounts> {
  if (PLANTED[plant].op === 'scheduler') {
    return tortureScheduler({ runs: 4, seed: 31_000, workDir: path.join(workDir, `plant-${plant}`), plant: { at: 2, plant, bundle } });
  }
  if (!prepared) throw new Error(`${plant} needs the prepared ${PLANTED[plant].op} operation`);
  const result = await tortureRun(prepared, bundle, path.join(workDir, prepared.op, `plant-${plant}`), 0, plant);
  return { ...result.verdict, problems: [...result.verdict.problems, ...result.failures] };
}

/** Runs every plant once (preparing the operations it needs) and logs what was caught; returns how many were missed. */
export async function showPlants(workDir: string, log: (line: string) => void): Promise<number> {
  const bundle = await bundleChild('test-support/torture/tortureChild.ts', TORTURE_EXTERNAL);
  const prepared = new Map<TortureOp, Prepared>();
  let missed = 0;
  for (const plant of Object.keys(PLANTED) as Plant[]) {
    const { op } = PLANTED[plant];
    if (op !== 'scheduler' && !prepared.has(op)) prepared.set(op, await prepareOperation(op, bundle, workDir));
    const found = await runPlant(plant, op === 'scheduler' ? null : prepared.get(op)!, bundle, workDir);
    const n = caught(plant, found);
    if (n === 0) missed++;
    log(`[torture] planted ${plant} (${PLANTED[plant].what}): ${n > 0 ? 'caught' : 'MISSED'}, corrupt ${found.corrupt}, partial ${found.partial}, lost ${found.lost}, doubled ${found.doubled}`);
    log(`          ${found.problems[0] ?? '(no problem reported)'}`);
  }
  return missed;
}
