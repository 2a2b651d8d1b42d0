// Crash test (issue 5): SIGKILL the importer at random moments of a 50k-row import, 12 times. After each
// kill the database opens, passes integrity_check, and holds either the whole batch or none of it. The torture
// suite (test-support/torture/) kills small imports at each named point, the commit's edges among them, 100 times
// in `npm run torture`; this one keeps a big import and moments no hook names.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { build, type BuildOptions } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/openDatabase.ts';
import { encodeGb18030 } from '../../../test-support/import/encodeGb18030.ts';
import { generateRenewalSheet, renewalSheetCsv } from '../../../test-support/import/renewalSheetGenerator.ts';
import { seededRandom } from '../../../test-support/import/seededRandom.ts';

const ROWS = 50_000;
const KILLS = 12;
const childSource = path.join(import.meta.dirname, '..', '..', '..', 'test-support', 'import', 'importCrashChild.ts');
const projectRoot = path.resolve(import.meta.dirname, '..', '..', '..');
let child: string;
let dir: string;
let sheet: string;
let template: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-crash-'));
  // Bundled once the way the app's main process is, so none of the 13 children compiles TypeScript; the bundle
  // sits in this run's temp dir (better-sqlite3, kept external, resolves through a node_modules link).
  const { MAIN_BUNDLE_OPTIONS } = (await import(pathToFileURL(path.join(projectRoot, 'scripts', 'build-electron.mjs')).href)) as { MAIN_BUNDLE_OPTIONS: BuildOptions };
  fs.symlinkSync(path.join(projectRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  child = path.join(dir, 'importCrashChild.mjs');
  await build({ ...MAIN_BUNDLE_OPTIONS, entryPoints: [childSource], outfile: child, target: 'node20', logLevel: 'warning' });
  sheet = path.join(dir, 'sheet.csv');
  // Few customers and no bad rows: the test is about the transaction, so the import should be quick.
  fs.writeFileSync(sheet, encodeGb18030(renewalSheetCsv(generateRenewalSheet({ rows: ROWS, seed: 77, customers: 2000 }))));
  template = path.join(dir, 'template.db');
  const opened = await openDatabase({ file: template, backupsDir: path.join(dir, 'backups') });
  await opened.close();
  // Bundling the child takes seconds on a busy 2-core machine: more than the default hook timeout.
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function copyTemplate(to: string) {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(to + suffix, { force: true });
  fs.copyFileSync(template, to);
}

/** Runs the child; kills it `killAfterMs` after READY (or lets it finish when null). */
function runChild(db: string, killAfterMs: number | null): Promise<{ committed: boolean; readyToEndMs: number }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child, db, sheet], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let readyAt = 0;
    let stderr = '';
    p.stderr.on('data', (d) => (stderr += String(d)));
    p.stdout.on('data', (d) => {
      out += String(d);
      if (!readyAt && out.includes('READY')) {
        readyAt = Date.now();
        if (killAfterMs !== null) setTimeout(() => p.kill('SIGKILL'), killAfterMs);
      }
    });
    p.on('error', reject);
    p.on('exit', (code, signal) => {
      if (killAfterMs === null && code !== 0) reject(new Error(`child failed: ${stderr}`));
      else resolve({ committed: out.includes('COMMITTED'), readyToEndMs: Date.now() - readyAt });
      void signal;
    });
  });
}

function counts(db: string) {
  const raw = new Database(db);
  try {
    const n = (sql: string) => (raw.prepare(sql).get() as { n: number }).n;
    return {
      integrity: String(raw.pragma('integrity_check', { simple: true })),
      contracts: n('SELECT count(*) AS n FROM contracts'),
      customers: n('SELECT count(*) AS n FROM customers'),
      audit: n('SELECT count(*) AS n FROM audit_log'),
      batches: n('SELECT count(*) AS n FROM import_batches'),
      bigrams: n('SELECT count(*) AS n FROM customer_bigrams'),
    };
  } finally {
    raw.close();
  }
}

describe('import crash safety', { timeout: 300_000 }, () => {
  it(`SIGKILL at ${KILLS} random moments: integrity ok, and all of the batch or none of it`, async () => {
    const db = path.join(dir, 'work.db');
    copyTemplate(db);
    const full = await runChild(db, null);
    expect(full.committed).toBe(true);
    const whole = counts(db);
    expect(whole).toMatchObject({ integrity: 'ok', contracts: ROWS, batches: 1 });
    const empty = { ...whole, contracts: 0, customers: 0, audit: 0, batches: 0, bigrams: 0 };

    const random = seededRandom(2026);
    const outcomes = { none: 0, all: 0 };
    const killOnce = async (i: number, file: string) => {
      copyTemplate(file);
      // Uniform over the import's whole run (with a little past it), so some kills land at the commit.
      const killAfter = Math.floor(random.next() * full.readyToEndMs * 1.1);
      await runChild(file, killAfter);
      // Reopen the way the app does (WAL recovery, quick_check, migrations), then check thoroughly.
      const opened = await openDatabase({ file, backupsDir: path.join(dir, 'backups') });
      await opened.close();
      const after = counts(file);
      expect(after.integrity, `kill ${i} after ${killAfter} ms`).toBe('ok');
      if (after.batches === 0) {
        expect(after, `kill ${i} after ${killAfter} ms`).toEqual(empty);
        outcomes.none++;
      } else {
        expect(after, `kill ${i} after ${killAfter} ms`).toEqual(whole);
        outcomes.all++;
      }
    };
    // Two importers at a time, on their own database files: the kills are independent, the wall time halves.
    for (let i = 0; i < KILLS; i += 2) {
      await Promise.all([killOnce(i, path.join(dir, 'a.db')), killOnce(i + 1, path.join(dir, 'b.db'))]);
    }
    expect(outcomes.none + outcomes.all).toBe(KILLS);
    // Kills spread over the run: most land mid-import, leaving nothing.
    expect(outcomes.none).toBeGreaterThan(0);
  });
});
