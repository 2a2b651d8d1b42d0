import { bundleChild } from '../childBundle.ts';
import { TORTURE_EXTERNAL } from './childProtocol.ts';
import { TORTURE_OPS } from './childProtocol.ts';
import { tortureScheduler } from './schedulerTorture.ts';
import { summaryLine, tortureOperation, type OpSummary } from './tortureSuite.ts';

export const TORTURE_SUITE_OPS = [...TORTURE_OPS, 'scheduler'] as const;
export type TortureSuiteOp = (typeof TORTURE_SUITE_OPS)[number];

/** Fixed per operation, so every run of `npm run torture` and of the CI slice replays the same kills. */
export const BASE_SEEDS: Record<TortureSuiteOp, number> = {
  import: 11_000,
  renew: 12_000,
  bulk: 13_000,
  migration: 14_000,
  backup: 15_000,
  restore: 16_000,
  scheduler: 17_000,
};

export interface SuiteOptions {
  ops?: readonly TortureSuiteOp[];
  runs: number;
  /** Overrides every operation's base seed (to replay one run: its seed and `runs: 1`). */
  seed?: number | undefined;
  workDir: string;
  log?: (line: string) => void;
}

export async function runTortureSuite(options: SuiteOptions): Promise<OpSummary[]> {
  const bundle = await bundleChild('test-support/torture/tortureChild.ts', TORTURE_EXTERNAL);
  const out: OpSummary[] = [];
  for (const op of options.ops ?? TORTURE_SUITE_OPS) {
    const seed = options.seed ?? BASE_SEEDS[op];
    const summary =
      op === 'scheduler'
        ? await tortureScheduler({ runs: options.runs, seed, workDir: options.workDir })
        : await tortureOperation(op, { runs: options.runs, seed, workDir: options.workDir, bundle, log: options.log });
    options.log?.(summaryLine(summary));
    out.push(summary);
  }
  return out;
}
