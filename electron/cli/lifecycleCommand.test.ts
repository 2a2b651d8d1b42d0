import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestContext } from '../../test-support/openTestContext.ts';

// `renewal-desk lifecycle --json` prints { items: [{ customerId, name, stage, since, reason, … }], total }, the
// stored stages worded in the archive's language.

const root = path.resolve(import.meta.dirname, '..', '..');
const bin = path.join(root, 'bin', 'renewal-desk.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-lifecycle-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('renewal-desk lifecycle', () => {
  it('--json lists every customer with its stage, since and reason; --stage filters', async () => {
    const t = await openTestContext('2026-11-23T02:00:00.000Z');
    const lost = await t.call('customers:create', { name: '宁波恒达贸易有限公司' });
    const k = await t.call('contracts:create', { customerId: lost.id, number: 'HD-1', startsOn: '2025-11-01', endsOn: '2026-10-31', amountFen: 100 });
    await t.call('renewals:setStage', { contractId: k.id, stage: 'lost', lostReason: '价格' });
    const prospect = await t.call('customers:create', { name: '杭州云启科技有限公司' });
    const db = path.join(dir, 'x.db');
    fs.copyFileSync(t.file, db);
    if (fs.existsSync(`${t.file}-wal`)) fs.copyFileSync(`${t.file}-wal`, `${db}-wal`);
    await t.close();
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [bin, '--db', db, ...args], { encoding: 'utf8', env: { ...process.env, RENEWAL_DESK_DB: '', LANG: 'C.UTF-8', LC_ALL: '', RENEWAL_DESK_LANG: '' } });
    const r = cli('lifecycle', '--json');
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.total).toBe(2);
    expect(out.items).toEqual([
      expect.objectContaining({ customerId: prospect.id, name: '杭州云启科技有限公司', stage: 'prospect', since: '2026-11-23', reason: '还没有合同' }),
      expect.objectContaining({ customerId: lost.id, name: '宁波恒达贸易有限公司', stage: 'churned', since: '2026-11-23', reason: '最近一期合同已流失：价格' }),
    ]);
    const churned = JSON.parse(cli('lifecycle', '--stage', 'churned', '--json').stdout);
    expect(churned.items.map((i: { name: string }) => i.name)).toEqual(['宁波恒达贸易有限公司']);
  }, 60_000);
});
