import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawOf } from '../handle.ts';
import { openDatabase } from '../openDatabase.ts';
import { ALL_MIGRATIONS } from './allMigrations.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-0032-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const AT = '2026-01-05T01:00:00.000Z';

describe('migration 0032: key customers and visit standards', () => {
  it('upgrades an older archive: seeds the standards stamped with the last upgrade, and its constraints hold', async () => {
    const file = path.join(dir, 'old.db');
    await (await openDatabase({ file, now: () => new Date(AT), migrations: ALL_MIGRATIONS.filter((m) => m.version < 32) })).close();
    const opened = await openDatabase({ file, now: () => new Date('2026-03-01T00:00:00.000Z') });
    const raw = rawOf(opened.db);
    expect(raw.prepare('SELECT tier_code, period, visits, created_at FROM visit_standards ORDER BY tier_code').all()).toEqual([
      { tier_code: 'important', period: 'quarter', visits: 1, created_at: AT },
      { tier_code: 'normal', period: 'quarter', visits: 1, created_at: AT },
      { tier_code: 'vip', period: 'month', visits: 1, created_at: AT },
    ]);
    raw.prepare("INSERT INTO owners (id, name, created_at, updated_at) VALUES ('o1', 'A', ?, ?), ('o2', 'B', ?, ?)").run(AT, AT, AT, AT);
    raw.prepare("INSERT INTO customers (id, name, tier, custom_fields, lifecycle_stage, created_at, updated_at) VALUES ('c1', 'C', 'vip', '{}', 'customer', ?, ?)").run(AT, AT);
    const assign = raw.prepare(
      `INSERT INTO key_customer_managers (id, customer_id, manager_id, backup_id, from_on, until_on, assigned_by, created_at, updated_at)
       VALUES (?, 'c1', ?, ?, '2026-02-01', ?, 'me', ?, ?)`,
    );
    assign.run('m1', 'o1', 'o2', null, AT, AT);
    expect(() => assign.run('m2', 'o2', 'o1', null, AT, AT)).toThrow(/UNIQUE/);
    expect(() => assign.run('m3', 'o1', 'o1', '2026-03-01', AT, AT)).toThrow(/CHECK/);
    expect(() => assign.run('m4', 'o1', 'o2', '2026-01-01', AT, AT)).toThrow(/CHECK/);
    assign.run('m5', 'o2', 'o1', '2026-02-10', AT, AT);
    const standard = raw.prepare("INSERT INTO visit_standards (id, tier_code, period, visits, created_at, updated_at) VALUES (?, 'vip', ?, ?, ?, ?)");
    expect(() => standard.run('s1', 'month', 1, AT, AT)).toThrow(/UNIQUE/);
    raw.prepare("UPDATE visit_standards SET deleted_at = ? WHERE tier_code = 'vip'").run(AT);
    expect(() => standard.run('s2', 'week', 1, AT, AT)).toThrow(/CHECK/);
    expect(() => standard.run('s3', 'month', 0, AT, AT)).toThrow(/CHECK/);
    standard.run('s4', 'halfYear', 2, AT, AT);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    await opened.close();
  });
});
