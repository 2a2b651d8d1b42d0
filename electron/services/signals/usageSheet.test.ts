import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';

// `import --kind usage` and `export usage` through the real handler table, on real SQLite files.

const opened: TestContext[] = [];
afterEach(async () => {
  for (const t of opened.splice(0)) await t.close();
});

/** An archive with the same customers each time; 宁波海曙物流 was merged into 杭州云启科技 (its name an alias). */
async function archive(): Promise<{ t: TestContext; ids: Record<string, string> }> {
  const t = await openTestContext('2026-12-05T02:00:00.000Z');
  opened.push(t);
  const ids: Record<string, string> = {};
  for (const name of ['杭州云启科技有限公司', '苏州恒远制造', '宁波海曙物流']) ids[name] = (await t.call('customers:create', { name })).id;
  await t.call('customers:merge', { from: ids['宁波海曙物流'], into: ids['杭州云启科技有限公司'] });
  return { t, ids };
}

async function importText(t: TestContext, text: string | Buffer, fileName = 'usage.csv') {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const { uploadId } = await t.call('import:upload', { fileName, offset: 0, dataBase64: bytes.toString('base64') });
  return t.envelope('usage:import', { uploadId });
}

const figures = async (t: TestContext, customerId: string) =>
  (await t.call('usage:list', { customerId })).items.map((f: any) => [f.periodStart, f.value, f.unit]);

describe('the usage sheet', () => {
  it('imports by (客户名称 or alias, month); a later row sets the value; unknown customer and bad values are row issues; undone as a batch', async () => {
    const { t, ids } = await archive();
    await t.call('usage:setUnit', { unit: '登录次数' });
    await t.call('usage:set', { customerId: ids['苏州恒远制造']!, periodOn: '2026-09-01', value: 7 });
    const csv = [
      '客户名称,期间,用量,单位',
      '杭州云启科技有限公司,2026-09,120,',
      '宁波海曙物流,2026/10/15,"1,300.5",席位',
      '无此客户,2026-10,5,',
      '苏州恒远制造,2026-13,5,',
      '苏州恒远制造,2026年10月,abc,',
      '杭州云启科技有限公司,2026-09-30,150,',
      '苏州恒远制造,2026-09,7,',
    ].join('\n');
    const res = await importText(t, csv);
    expect(res.ok).toBe(true);
    expect(res.data).toMatchObject({ rows: 7, created: 2, updated: 1, unchanged: 1 });
    expect(res.data.issues.map((i: any) => [i.line, i.column])).toEqual([
      [4, '客户名称'],
      [5, '期间'],
      [6, '用量'],
    ]);
    expect(res.data.issues[0].message).toContain('无此客户');
    // The alias row went to the survivor; the later September row set the value; blank unit = the configured one.
    expect(await figures(t, ids['杭州云启科技有限公司']!)).toEqual([
      ['2026-10-01', 1300.5, '席位'],
      ['2026-09-01', 150, '登录次数'],
    ]);
    const history = await t.call('import:history', {});
    expect(history.items.map((b: any) => [b.kind, b.rows, b.summary])).toEqual([['usage', 7, { created: 2, updated: 1, unchanged: 1, rejectedRows: 3 }]]);
    // The whole batch is undone, the pre-existing figure kept.
    await t.call('import:undo', { batchId: res.data.batchId });
    expect(await figures(t, ids['杭州云启科技有限公司']!)).toEqual([]);
    expect(await figures(t, ids['苏州恒远制造']!)).toEqual([['2026-09-01', 7, '登录次数']]);
    // A file without 用量 is refused whole; one that writes nothing leaves no batch.
    expect((await importText(t, '客户名称,期间\n苏州恒远制造,2026-09\n')).ok).toBe(false);
    const nothing = await importText(t, 'Customer,Period,Value\n苏州恒远制造,2026-09,7\n');
    expect(nothing.data).toMatchObject({ unchanged: 1, batchId: null });
    expect((await t.call('import:history', {})).total).toBe(1);
  });

  it('round trip: export → fresh archive → import → export is byte-identical (zh csv, en xlsx)', async () => {
    const a = await archive();
    const c1 = a.ids['杭州云启科技有限公司']!;
    const c2 = a.ids['苏州恒远制造']!;
    for (const [customerId, periodOn, value, unit] of [
      [c1, '2026-08-01', 0, '席位'],
      [c1, '2026-09-20', 1234.56, '席位'],
      [c2, '2026-09-01', 1e-7, '订单'],
      [c2, '2025-12-31', 88, ''],
    ] as const) {
      await a.t.call('usage:set', { customerId, periodOn, value, unit });
    }
    // A weekly figure is not in the monthly sheet.
    await a.t.call('usage:set', { customerId: c1, periodKind: 'week', periodOn: '2026-09-02', value: 3 });
    for (const [headers, format] of [['zh', 'csv'], ['en', 'xlsx']] as const) {
      const exported = await a.t.call('export:usage', { headers, format });
      expect(exported.rows).toBe(4);
      const b = await archive();
      const imported = await importText(b.t, Buffer.from(exported.contentBase64, 'base64'), `usage.${format}`);
      expect(imported.data).toMatchObject({ created: 4, issues: [] });
      const again = await b.t.call('export:usage', { headers, format });
      expect(again.contentBase64).toBe(exported.contentBase64);
      expect(await figures(b.t, b.ids['苏州恒远制造']!)).toEqual(await figures(a.t, c2));
    }
    const text = Buffer.from((await a.t.call('export:usage', {})).contentBase64, 'base64').toString('utf8');
    expect(text.split('\r\n').slice(0, 3)).toEqual(['\uFEFF客户名称,期间,用量,单位', '杭州云启科技有限公司,2026-08,0,席位', '杭州云启科技有限公司,2026-09,1234.56,席位']);
  });

  it('the CLI: import --kind usage FILE, then export usage', { timeout: 180_000 }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-usage-cli-'));
    try {
      const bin = path.resolve(import.meta.dirname, '..', '..', '..', 'bin', 'renewal-desk.js');
      const db = path.join(dir, 'x.db');
      const run = (...args: string[]) => spawnSync(process.execPath, [bin, '--db', db, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, RENEWAL_DESK_DB: '' } });
      expect(run('customers', 'add', '--name', '苏州恒远制造').status).toBe(0);
      const file = path.join(dir, 'u.csv');
      fs.writeFileSync(file, 'Customer,Period,Value\n苏州恒远制造,2026-11,42\n');
      const imported = run('import', file, '--kind', 'usage', '--json');
      expect(imported.status, imported.stderr).toBe(0);
      expect(JSON.parse(imported.stdout)).toMatchObject({ created: 1, issues: [] });
      const out = path.join(dir, 'out.csv');
      expect(run('export', 'usage', '--out', out).status).toBe(0);
      expect(fs.readFileSync(out, 'utf8')).toBe('\uFEFF客户名称,期间,用量,单位\r\n苏州恒远制造,2026-11,42,\r\n');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
