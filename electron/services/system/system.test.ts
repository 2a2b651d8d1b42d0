import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../db/repositories/auditedWrites.ts';
import { openTestContext, testEngine, type TestContext } from '../../../test-support/openTestContext.ts';
import { APP_VERSION } from '../appVersion.ts';
import { LATEST_SCHEMA_VERSION } from '../../../db/migrations/allMigrations.ts';

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext();
});
afterEach(async () => {
  await t.close();
});

// An SQLite file's backup and swap; a team archive's backups are teamArchiveBackup.test.ts.
describe.skipIf(testEngine() === 'postgres')('backup and restore of the data file', () => {
  it('round-trips: backup, change, restore by name gives the backed-up data back, with a safety copy of the replaced data', async () => {
    await t.call('customers:create', { name: '备份前的客户' });
    const backup = await t.call('system:backup');
    expect(backup).toMatchObject({ name: expect.stringMatching(/^renewal-desk-\d{8}-\d{6}-\d{3}-manual\.db$/), reason: 'manual' });
    expect(fs.existsSync(path.join(t.ctx.backupsDir, backup.name))).toBe(true);
    await t.call('customers:create', { name: '备份后的客户' });
    expect((await t.call('customers:list')).total).toBe(2);

    const result = await t.call('system:restore', { name: backup.name });
    expect(result).toMatchObject({ restoredFrom: backup.name, safetyBackup: expect.stringMatching(/-pre-restore\.db$/) });
    const names = (await t.call('customers:list')).items.map((c: any) => c.name);
    expect(names).toEqual(['备份前的客户']);
    expect((await t.call('customers:list', { search: '备份后' })).total).toBe(0);

    // The safety copy holds the data that the restore replaced.
    await t.call('system:restore', { name: result.safetyBackup });
    expect((await t.call('customers:list')).total).toBe(2);
    const backups = await t.call('system:listBackups');
    expect(backups.items.map((b: any) => b.name)).toEqual(expect.arrayContaining([backup.name, result.safetyBackup]));
  });

  it('refuses to restore from a listed name whose file is not a database, leaving the data alone', async () => {
    await t.call('customers:create', { name: '甲' });
    const bogus = 'renewal-desk-20261123-100000-000-manual.db';
    fs.mkdirSync(t.ctx.backupsDir, { recursive: true });
    fs.writeFileSync(path.join(t.ctx.backupsDir, bogus), 'hello');
    const result = await t.envelope('system:restore', { name: bogus });
    expect(result.error).toMatchObject({ field: 'name', key: 'errors.backupInvalid' });
    expect((await t.call('customers:list')).total).toBe(1);
  });
});

describe('audit log', () => {
  it('records each write with before and after images', async () => {
    const c = await t.call('customers:create', { name: '甲公司', tier: 'normal' });
    t.setNow('2026-11-24T02:00:00.000Z');
    await t.call('customers:update', { id: c.id, tier: 'vip' });
    const entries = await listAudit(t.ctx.db, 'customers', c.id);
    expect(entries.map((e) => e.action)).toEqual(['create', 'update']);
    expect(entries[0]!.before).toBeNull();
    expect(entries[0]!.after).toMatchObject({ name: '甲公司', tier: 'normal', version: 1 });
    expect(entries[1]!.before).toMatchObject({ tier: 'normal', version: 1 });
    expect(entries[1]!.after).toMatchObject({ tier: 'vip', version: 2, updated_at: '2026-11-24T02:00:00.000Z' });
    expect(entries[1]!.at).toBe('2026-11-24T02:00:00.000Z');
  });
});

describe('system info, settings and demo', () => {
  it('reports where the data lives', async () => {
    const info = await t.call('system:info');
    expect(info).toMatchObject({ dataFile: t.file, schemaVersion: LATEST_SCHEMA_VERSION, integrity: 'ok', customerCount: 0, appVersion: APP_VERSION });
  });

  it('keeps the app version in step with package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(APP_VERSION).toBe(pkg.version);
  });

  it('stores the language setting', async () => {
    expect(await t.call('settings:get')).toEqual({ locale: 'zh-CN' });
    await t.call('settings:set', { locale: 'en-US' });
    expect(await t.call('settings:get')).toEqual({ locale: 'en-US' });
    expect((await t.envelope('settings:set', { locale: 'fr-FR' })).error.field).toBe('locale');
  });

  it('loads about 200 demo customers relative to today, idempotently', async () => {
    const first = await t.call('system:demo', { today: '2026-11-23' });
    expect(first.customersCreated).toBe(200);
    expect(first.contractsCreated).toBe(200);
    const second = await t.call('system:demo', { today: '2026-11-23' });
    expect(second).toMatchObject({ customersCreated: 0, contractsCreated: 0, followUpsCreated: 0, alreadyLoaded: true });
    // Backed up before the first load; a second that adds nothing leaves no backup.
    // A team archive takes no local safety copy (its server's dumps back it up: teamArchiveBackup.test.ts).
    expect((await t.call('system:listBackups')).items.map((b: any) => b.reason)).toEqual(t.engine === 'sqlite' ? ['pre-demo'] : []);
    expect((await t.call('customers:list', { limit: 1 })).total).toBe(200);
    expect((await t.call('customers:list', { search: '云启' })).items.map((c: any) => c.name)).toContain('杭州云启科技有限公司');
    // Dates are relative to today, so renewals are always coming up.
    expect((await t.call('customers:list', { expiringWithinDays: 30, limit: 1 })).total).toBeGreaterThan(10);
    expect((await t.call('followups:due', { today: '2026-11-23', limit: 1 })).total).toBeGreaterThan(0);
  });
});
