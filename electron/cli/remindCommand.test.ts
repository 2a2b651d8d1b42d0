import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysIso } from '../../shared/domain/dates.ts';

// Acceptance 1 of the reminders issue, through the real bin in China's zone.
const root = path.resolve(import.meta.dirname, '..', '..');
const bin = path.join(root, 'bin', 'renewal-desk.js');
// No language in the environment: until it opens an archive the CLI speaks its default, zh-CN.
const CHINESE_DEFAULT = { RENEWAL_DESK_LANG: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' };
let dir: string;
let db: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, '--db', db, ...args], {
    encoding: 'utf8',
    // No session bus here: the toast fails and stays in the outbox; the in-app record is what this test reads.
    env: { ...process.env, TZ: 'Asia/Shanghai', RENEWAL_DESK_DB: '', ...CHINESE_DEFAULT, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-remind-'));
  db = path.join(dir, 'demo.db');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('renewal-desk remind', () => {
  it('lists, fires once, then fires nothing, for a VIP contract’s 30-day step at 09:00+08:00', () => {
    expect(cli('demo', '--today', '2026-11-23', '--json').code).toBe(0);
    const vipIds = new Set(cli('customers', 'list', '--tier', 'vip', '--json').json().items.map((c: any) => c.id));
    const contract = cli('contracts', 'list', '--json')
      .json()
      .items.find((k: any) => vipIds.has(k.customerId) && k.endsOn && k.endsOn > '2027-01-01' && k.status === 'active');
    expect(contract).toBeDefined();
    const now = `${addDaysIso(contract.endsOn, -30)}T09:00:00+08:00`;
    const expected = { kind: 'expiry', contractNo: contract.number, customer: contract.customerName, step: 30, dueAt: new Date(now).toISOString() };

    const dry = cli('remind', '--now', now, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(Object.keys(dry.json())).toEqual(['now', 'digest', 'fired', 'superseded']);
    expect(dry.json().fired).toContainEqual(expected);
    expect(dry.json().now).toBe(new Date(now).toISOString());

    const real = cli('remind', '--now', now, '--json');
    expect(real.code).toBe(0);
    expect(real.json().fired).toContainEqual(expected);
    expect(real.json().fired).toEqual(dry.json().fired);
    expect(real.json().digest).toBe(real.json().fired.length >= 2);

    const again = cli('remind', '--now', now, '--json');
    expect(again.json()).toEqual({ now: new Date(now).toISOString(), digest: false, fired: [], superseded: [] });

    const preview = cli('remind', 'preview', contract.number, '--json').json();
    expect(preview.steps.find((s: any) => s.step === 30)).toMatchObject({ status: 'fired', localDate: addDaysIso(contract.endsOn, -30) });
    // Without --json, the steps are lines: the date, which step, where it stands.
    const human = cli('remind', 'preview', contract.number).stdout;
    expect(human).toContain('提醒节点：');
    expect(human).toContain(`  ${addDaysIso(contract.endsOn, -30)}  到期前 30 天  已提醒`);
    expect(human.split('\n').filter((l) => /^ {2}\d{4}-\d{2}-\d{2} {2}/.test(l))).toHaveLength(preview.steps.length);
  });

  it('refuses --now without an offset as a usage error', () => {
    const r = cli('remind', '--now', '2026-12-21T09:00:00', '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--now 需要带时区偏移');
  });

  it('names an unknown contract in remind preview', () => {
    const r = cli('remind', 'preview', 'NOPE-1', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderr).error).toMatchObject({ code: 'NOT_FOUND', field: 'contractNo' });
  });
});
