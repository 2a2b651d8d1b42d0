// Beside the visits services rather than in electron/cli/, like the risk command's test: it seeds through the services.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { openTestContext } from '../../../test-support/openTestContext.ts';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const bin = path.join(root, 'bin', 'renewal-desk.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-visits-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (db: string, ...args: string[]) =>
  spawnSync(process.execPath, [bin, '--db', db, ...args], {
    encoding: 'utf8',
    env: { ...process.env, RENEWAL_DESK_DB: '', LANG: 'C.UTF-8', LC_ALL: '', RENEWAL_DESK_LANG: '' },
  });

describe('renewal-desk visits', () => {
  it('`visits due --today D --json` lists { items, total }; `export visits --out F.xlsx` writes the plan', async () => {
    const t = await openTestContext('2026-06-10T04:00:00.000Z');
    const ownerId = (await t.call('owners:create', { name: '张三' })).id;
    const customerId = (await t.call('customers:create', { name: '宁波恒达贸易有限公司', tier: 'vip', ownerId })).id;
    await t.call('customers:create', { name: '普通客户', tier: 'normal' });
    await t.call('followups:create', { customer: customerId, at: '2026-05-06T02:00:00.000Z', kind: 'revisit', summary: '回访' });
    // A copy of the SQLite file, closed first; a PostgreSQL archive is reached by its URL while the test holds it.
    let db = t.file;
    if (t.engine === 'sqlite') {
      db = path.join(dir, 'x.db');
      fs.copyFileSync(t.file, db);
      if (fs.existsSync(`${t.file}-wal`)) fs.copyFileSync(`${t.file}-wal`, `${db}-wal`);
      await t.close();
    }
    onTestFinished(() => (t.engine === 'sqlite' ? undefined : t.close()));

    const due = run(db, 'visits', 'due', '--today', '2026-05-20', '--json');
    expect(due.stderr).toBe('');
    expect(JSON.parse(due.stdout)).toEqual({ today: '2026-05-20', total: 0, items: [] });
    const june = run(db, 'visits', 'due', '--today', '2026-06-25', '--json');
    const out = JSON.parse(june.stdout);
    expect(out.total).toBe(1);
    expect(out.items[0]).toMatchObject({ customerName: '宁波恒达贸易有限公司', ownerName: '张三', periodStart: '2026-06-01', periodEnd: '2026-06-30', daysLeft: 6 });

    const file = path.join(dir, 'plan.xlsx');
    const exported = run(db, 'export', 'visits', '--out', file, '--json');
    expect(exported.stderr).toBe('');
    // Created on 10 June: planned from June on.
    expect(JSON.parse(exported.stdout)).toMatchObject({ format: 'xlsx', rows: 7 });
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  }, 60_000);
});
