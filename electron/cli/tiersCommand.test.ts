import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext } from '../../test-support/openTestContext.ts';

// `renewal-desk tiers classify [--dry-run] --json` prints { items: [{ customerId, name, from, to, reason, pinned }], total }.

const root = path.resolve(import.meta.dirname, '..', '..');
const bin = path.join(root, 'bin', 'renewal-desk.js');
let dir: string;
let db: string;
let big: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, '--db', db, ...args], { encoding: 'utf8', env: { ...process.env, RENEWAL_DESK_DB: '', LANG: 'C.UTF-8', LC_ALL: '', RENEWAL_DESK_LANG: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-tiers-cli-'));
  db = path.join(dir, 'fixture.db');
  const t = await openTestContext('2026-11-23T02:00:00.000Z');
  const c = await t.call('customers:create', { name: '杭州云启科技有限公司' });
  big = c.id;
  await t.call('contracts:create', { customerId: c.id, number: 'HT-1', startsOn: '2026-01-01', endsOn: '2026-12-31', amountFen: 12_000_000, cycle: 'year' });
  fs.copyFileSync(t.file, db);
  if (fs.existsSync(`${t.file}-wal`)) fs.copyFileSync(`${t.file}-wal`, `${db}-wal`);
  await t.close();
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('renewal-desk tiers classify', () => {
  it('--dry-run lists the move and writes nothing; without it the move is applied', () => {
    const preview = cli('tiers', 'classify', '--dry-run', '--json');
    expect(preview.code, preview.stderr).toBe(0);
    expect(JSON.parse(preview.stdout)).toMatchObject({
      items: [{ customerId: big, name: '杭州云启科技有限公司', from: 'normal', to: 'vip', reason: '年合同额 ¥120,000 ≥ ¥100,000', pinned: false }],
      total: 1,
    });
    expect(JSON.parse(cli('tiers', 'classify', '--json').stdout)).toMatchObject({ total: 1, applied: true });
    expect(JSON.parse(cli('tiers', 'classify', '--dry-run', '--json').stdout)).toMatchObject({ items: [], total: 0 });
  });

  it('tiers list --json prints the tier table by rank (migration 0019)', () => {
    const listed = cli('tiers', 'list', '--json');
    expect(listed.code, listed.stderr).toBe(0);
    const out = JSON.parse(listed.stdout);
    expect(out.total).toBe(3);
    expect(out.items.map((i: { code: string; label: string; customers: number }) => [i.code, i.label])).toEqual([['vip', 'VIP'], ['important', '重要'], ['normal', '普通']]);
  });
});
