import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { importFile, writeFixture } from '../../../test-support/import/importTestKit.ts';

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext();
});
afterEach(async () => {
  await t.close();
});

// 1,100 rows with an impossible end date, 1,100 good contracts, then each good one again (the later row wins).
function bigSheet(): string {
  const rows = ['客户名称,合同编号,到期日期'];
  for (let i = 0; i < 1100; i++) rows.push(`坏公司${i},HT-BAD-${i},2026-13-45`);
  for (let i = 0; i < 1100; i++) rows.push(`好公司${i},HT-${i},2027-01-31`);
  for (let i = 0; i < 1100; i++) rows.push(`好公司${i},HT-${i},2027-02-28`);
  return `${rows.join('\n')}\n`;
}

describe('an import with more problems than its result lists', () => {
  it('lists the first 1000 of each kind in line order, counts them all, and keeps every one in the CSV', async () => {
    const r = await importFile(t, writeFixture(t, bigSheet(), 'csv'), { dryRun: true });
    expect(r).toMatchObject({ rows: 3300, rejectedRows: 1100, duplicateRows: 1100, issueCounts: { rejected: 1100, warnings: 0 } });
    expect(r.rejected).toHaveLength(1000);
    expect(r.duplicates).toHaveLength(1000);
    expect(r.rejected.map((i: { line: number }) => i.line)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 2));
    expect(r.contractsCreated + r.duplicateRows + r.rejectedRows).toBe(r.rows);

    const file = await t.call('import:issues', { reportId: r.issuesReport });
    expect(file).toMatchObject({ format: 'csv', rows: 2200 });
    expect(file.fileName).toMatch(/-导入问题\.csv$/);
    const text = Buffer.from(file.contentBase64, 'base64').toString('utf8').replace(/^\uFEFF/, '');
    const [header, ...records] = Papa.parse<string[]>(text.trimEnd()).data;
    expect(header).toEqual(['行号', '列', '类别', '原因']);
    expect(records).toHaveLength(2200);
    const lines = records.map((rec) => Number(rec[0]));
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    // The last rejection, far past what the result lists, is in the file with its column and reason.
    expect(records.find((rec) => rec[0] === '1101')).toEqual(['1101', '到期日期', '错误（未导入）', expect.stringContaining('2026-13-45')]);
    expect(records.find((rec) => rec[0] === '2201')).toEqual(['2201', '整行', '文件内重复', '以第 3301 行为准']);
    expect(fs.readdirSync(path.join(t.ctx.stagingDir, 'import-issues'))).toEqual(expect.arrayContaining([`${r.issuesReport}.csv`]));
  });

  it('has no problem list for a clean sheet, and refuses an unknown or malformed report id', async () => {
    const r = await importFile(t, writeFixture(t, '客户名称,合同编号,到期日期\n甲公司,HT-1,2027-01-31\n'));
    expect(r.issuesReport).toBeNull();
    const unknown = await t.envelope('import:issues', { reportId: '01234567-89ab-7def-8123-456789abcdef' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'reportId' } });
    const traversal = await t.envelope('import:issues', { reportId: '../../renewal-desk' });
    expect(traversal).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'reportId' } });
  });
});
