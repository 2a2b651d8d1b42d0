import path from 'node:path';
import { fileURLToPath } from 'node:url';

// What the in-process benchmarks share: their command-line flags, where their cached data lives, and how a
// call is timed (wall p50/p95/max and this process's CPU time per call, which does not depend on what else the
// machine runs).

export const benchArgs = process.argv.slice(2);
export const flag = (name: string): boolean => benchArgs.includes(name);
export function option<T extends number | undefined>(name: string, fallback: T): number | T {
  const i = benchArgs.indexOf(name);
  return i >= 0 && benchArgs[i + 1] !== undefined ? Number(benchArgs[i + 1]) : fallback;
}

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const benchDataDir = path.join(repoRoot, '.bench-data');
export const benchBackupsDir = path.join(benchDataDir, 'backups');
export const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

export interface Timing {
  p50: number;
  p95: number;
  max: number;
  /** CPU time of this process per call (median). */
  cpu50: number;
}

export interface TimeOptions {
  iterations: number;
  warmup?: number;
  /** Runs before each timed call, outside the timing (e.g. resetting what the call changes). */
  before?: () => void;
}

export async function timeRuns(work: () => unknown, { iterations, warmup = 0, before }: TimeOptions): Promise<Timing> {
  for (let i = 0; i < warmup; i++) {
    before?.();
    await work();
  }
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < iterations; i++) {
    before?.();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await work();
    samples.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    p50: samples[Math.floor(samples.length / 2)]!,
    p95: samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.95))]!,
    max: samples[samples.length - 1]!,
    cpu50: cpu[Math.floor(cpu.length / 2)]!,
  };
}
