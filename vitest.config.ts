import os from 'node:os';
import { defineConfig } from 'vitest/config';
import LongFilesFirst from './scripts/longFilesFirst.ts';
import { postgresProjectFiles } from './scripts/postgresProjectFiles.ts';

const base = { environment: 'node' as const, pool: 'forks' as const, isolate: false, testTimeout: 120_000, allowOnly: false };
// A generous ceiling, not a performance check: CLI tests spawn node processes, slow on a loaded two-core machine.

// Zone-sensitive date rules (*.tz.test.ts) run once more in a zone with DST and once in China's zone.
const zoneProject = (name: string, tz: string) => ({
  test: { ...base, name, include: ['shared/**/*.tz.test.ts'], env: { TZ: tz } },
});

export default defineConfig({
  test: {
    ...base,
    // One worker per core, not vitest's cores − 1: the slow files mostly wait on child processes (the CLI, crash
    // and soak children), so on a two-core machine a single worker left a core idle for half the run.
    maxWorkers: os.availableParallelism(),
    // The long files start first, so neither worker is left running one alone at the end.
    sequence: { sequencer: LongFilesFirst },
    // The CLI tests spawn the bundled CLI: it is rebuilt here when stale, before any test file runs. The db/ and
    // services files that run on PostgreSQL too share one throwaway server, started here and stopped after the run.
    globalSetup: ['scripts/buildNodeBundlesOnce.ts', 'test-support/postgres/postgresGlobalSetup.ts'],
    projects: [
      { test: { ...base, name: 'unit', include: ['{shared,db,electron,renderer,scripts}/**/*.test.{ts,tsx}'] } },
      zoneProject('tz-new-york', 'America/New_York'),
      zoneProject('tz-shanghai', 'Asia/Shanghai'),
      // The db/ and services suites once more with every archive on the run's PostgreSQL server (team mode).
      { test: { ...base, name: 'postgres', include: postgresProjectFiles(import.meta.dirname), env: { RENEWAL_DESK_TEST_ENGINE: 'postgres' } } },
    ],
  },
});
