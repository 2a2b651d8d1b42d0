import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/handle.ts';
import { ALL_MIGRATIONS } from '../db/migrations/allMigrations.ts';
import { openDatabase } from '../db/openDatabase.ts';
import {
  DASHBOARD_BENCH_GENERATOR_VERSION,
  DASHBOARD_BENCH_SIZES,
  DASHBOARD_BENCH_TODAY,
  generateDashboardBench,
} from '../test-support/reports/dashboardBenchData.ts';

// A benchmark's generated database, cached under .bench-data/ by a name that changes with whatever shapes the
// data (generator version, sizes, migrations). Generated into a temp file and renamed only when complete, so an
// interrupted run never leaves a half-filled cache behind; older generations (hundreds of megabytes each) go.

export interface CachedBenchDatabase {
  file: string;
  generated: boolean;
  seconds: number;
}

const removeDb = (f: string) => {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(f + suffix, { force: true });
};

/** `name` is `<prefix>-v<version>-<hash>.db`; `fill` writes the data into the fresh, migrated database. */
export async function cachedBenchDatabase(options: {
  dataDir: string;
  backupsDir: string;
  name: string;
  prefix: string;
  fresh: boolean;
  fill: (db: Db) => void | Promise<void>;
}): Promise<CachedBenchDatabase> {
  const { dataDir, name } = options;
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, name);
  if (fs.existsSync(file) && !options.fresh) return { file, generated: false, seconds: 0 };
  const generation = new RegExp(`^${options.prefix}-v\\d+-[0-9a-f]+\\.db`);
  for (const f of fs.readdirSync(dataDir)) {
    if (generation.test(f) && !f.startsWith(name)) fs.rmSync(path.join(dataDir, f), { force: true });
  }
  removeDb(file);
  const tmp = `${file}.tmp`;
  removeDb(tmp);
  const t0 = performance.now();
  const opened = await openDatabase({ file: tmp, backupsDir: options.backupsDir });
  try {
    await options.fill(opened.db);
  } finally {
    await opened.close();
  }
  fs.renameSync(tmp, file);
  return { file, generated: true, seconds: (performance.now() - t0) / 1000 };
}

/**
 * The cache file name of an archive made by test-support/reports/dashboardBenchData.ts (the dashboard, classify
 * and lifecycle benches): it changes with the generator, its sizes and today, any migration, and `extra` (what a
 * bench adds to the archive, e.g. its own fill function).
 */
export function dashboardArchiveCacheName(prefix: string, extra: readonly string[] = []): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ v: DASHBOARD_BENCH_GENERATOR_VERSION, sizes: DASHBOARD_BENCH_SIZES, today: DASHBOARD_BENCH_TODAY, extra }));
  for (const m of ALL_MIGRATIONS) h.update(m.sql);
  h.update(generateDashboardBench.toString());
  return `${prefix}-v${DASHBOARD_BENCH_GENERATOR_VERSION}-${h.digest('hex').slice(0, 12)}.db`;
}
