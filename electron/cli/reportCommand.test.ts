import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext } from '../../test-support/openTestContext.ts';
import { seedRenewalReportFixture } from '../../test-support/reports/renewalReportFixture.ts';

// `renewal-desk report` over the hand-computed fixture (electron/services/reports/renewalReport.test.ts has
// the arithmetic): --json prints exactly the reports:renewal output; without it a table in the archive's language.

const root = path.resolve(import.meta.dirname, '..', '..');
const bin = path.join(root, 'bin', 'renewal-desk.js');
let dir: string;
let db: string;
let expectedYear: unknown;
let expectedQ3ByOwner: unknown;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, '--db', db, ...args], { encoding: 'utf8', env: { ...process.env, RENEWAL_DESK_DB: '', LANG: 'C.UTF-8', LC_ALL: '', RENEWAL_DESK_LANG: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-report-cli-'));
  db = path.join(dir, 'fixture.db');
  const t = await openTestContext('2026-11-23T02:00:00.000Z');
  await seedRenewalReportFixture(t);
  expectedYear = await t.call('reports:renewal', { period: '2026' });
  expectedQ3ByOwner = await t.call('reports:renewal', { period: '2026-Q3', by: 'owner' });
  // A copy of the seeded file with its write-ahead log: SQLite replays the log when the copy is opened.
  fs.copyFileSync(t.file, db);
  if (fs.existsSync(`${t.file}-wal`)) fs.copyFileSync(`${t.file}-wal`, `${db}-wal`);
  await t.close();
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('renewal-desk report', () => {
  it('--json prints the reports:renewal output, the hand-computed figures', () => {
    const r = cli('report', '--period', '2026', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toEqual(expectedYear);
    expect(out).toMatchObject({ due: { count: 18, amountFen: 4_850_000 }, renewed: { count: 8, amountFen: 2_240_000 }, rate: { byCount: 8 / 18, byAmount: 2_240_000 / 4_850_000 }, netChangeFen: 210_000 });
    const byOwner = JSON.parse(cli('report', '--period', '2026-Q3', '--by', 'owner', '--json').stdout);
    expect(byOwner).toEqual(expectedQ3ByOwner);
    expect(JSON.parse(cli('report', '--period', '2026-01-01..2026-06-30', '--json').stdout).rate).toEqual({ byCount: 0.5, byAmount: 1_800_000 / 2_950_000 });
  });

  it('prints a table in the archive language, and refuses a period it cannot read', () => {
    const r = cli('report', '--period', '2026', '--by', 'tier');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('续约报表 2026-01-01 ～ 2026-12-31');
    const lines = r.stdout.split('\n');
    expect(lines.find((l) => l.startsWith('VIP'))).toMatch(/^VIP\s+7 份 \/ ¥26,200\.00\s+5 份 \/ ¥19,400\.00\s+2 份 \/ ¥6,800\.00\s+0 份 \/ ¥0\.00\s+71\.4%\s+74\.0%$/);
    expect(lines.find((l) => l.startsWith('合计'))).toMatch(/18 份 \/ ¥48,500\.00.*44\.4%\s+46\.2%$/);
    expect(r.stdout).toContain('金额未知的合同：2 份');
    expect(r.stdout).toContain('续约前后金额净变化：¥2,100.00');
    const bad = cli('report', '--period', '2026-13', '--json');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('2026-Q3');
  });
});
