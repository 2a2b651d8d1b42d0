// Beside the risk services rather than in electron/cli/: it seeds customer_health through db/, which cli/ may not import.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storeCustomerHealth } from '../../../db/repositories/customerHealthRepo.ts';
import { openTestContext } from '../../../test-support/openTestContext.ts';

// `renewal-desk risk --json` prints { items: [{ contractNo, status, role, score, band, factors, probability, … }],
// total }: the published warnings, each open one with its renewal probability.

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const bin = path.join(root, 'bin', 'renewal-desk.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-risk-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('renewal-desk risk', () => {
  it('--json lists the warnings with score, band, factors and the renewal probability', async () => {
    const t = await openTestContext('2026-12-05T02:00:00.000Z');
    const ownerId = (await t.call('owners:create', { name: '张三' })).id;
    const customerId = (await t.call('customers:create', { name: '宁波恒达贸易有限公司' })).id;
    const k = await t.call('contracts:create', { customerId, number: 'HD-1', endsOn: '2027-01-31', amountFen: 500_000 });
    const factors = [{ factor: 'paymentDelay', points: -30, measured: 30 }, { factor: 'usageDrop', points: -25, measured: 50 }] as const;
    await storeCustomerHealth(t.ctx.db, [{ customerId, score: 45, factors: [...factors], weekOf: '2026-11-30' }], '2026-12-05T02:00:00.000Z');
    await t.call('risk:publish', { contractId: k.id, role: 'riskManager', ownerId });
    // SQLite: the CLI opens a copy of the closed file. PostgreSQL: the CLI connects to the same database (its URL),
    // which stays until the test context closes.
    const onServer = t.engine === 'postgres';
    let db = t.file;
    if (!onServer) {
      db = path.join(dir, 'x.db');
      fs.copyFileSync(t.file, db);
      if (fs.existsSync(`${t.file}-wal`)) fs.copyFileSync(`${t.file}-wal`, `${db}-wal`);
      await t.close();
    }
    const r = spawnSync(process.execPath, [bin, '--db', db, 'risk', '--json'], {
      encoding: 'utf8',
      env: { ...process.env, RENEWAL_DESK_DB: '', LANG: 'C.UTF-8', LC_ALL: '', RENEWAL_DESK_LANG: '' },
    });
    if (onServer) await t.close();
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.total).toBe(1);
    expect(out.items[0]).toMatchObject({
      contractNo: 'HD-1',
      customerName: '宁波恒达贸易有限公司',
      status: 'new',
      role: 'riskManager',
      ownerName: '张三',
      score: 45,
      band: 'watch',
      factors,
      currentScore: 45,
    });
    // No decided term yet, too few for the model: the rule-based odds (prediction:model says so), as a probability.
    expect(out.items[0].probability).toBeGreaterThan(0);
    expect(out.items[0].probability).toBeLessThan(1);
  }, 60_000);
});
