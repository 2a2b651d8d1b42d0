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

describe('the import holds cells to the same limits as the forms', () => {
  it('rejects a line break or control character in a single-line cell and a date past 2199, storing the rest', async () => {
    const csv = [
      '客户名称,合同编号,到期日期,服务内容,备注',
      '甲公司,HT-1,2026-12-31,企业邮箱,"第一行',
      '第二行"',
      '"乙公司',
      '分部",HT-2,2026-12-31,,',
      '丙公司,HT-3,9999-12-31,,',
      '丁公司,HT-4,2026-12-31,"云服务器\u0007",',
      '戊公司,HT-5,2199-12-31,,',
    ].join('\r\n');
    const r = await importFile(t, writeFixture(t, `${csv}\r\n`));
    expect(r).toMatchObject({ committed: true, contractsCreated: 2, rejectedRows: 3 });
    expect(r.rejected).toEqual([
      { line: 4, column: '客户名称', message: '客户名称只能填写一行，不能包含换行', key: 'inputLimits.lineBreakNamed', params: { label: { key: 'field.customerName', params: {} } } },
      {
        line: 6,
        column: '到期日期',
        message: '日期超出范围（仅支持 1900-01-01 至 2199-12-31）：9999-12-31',
        key: 'inputLimits.importDateRange',
        params: { text: '9999-12-31', min: '1900-01-01', max: '2199-12-31' },
      },
      {
        line: 7,
        column: '服务内容',
        message: '服务内容不能包含控制字符 U+0007',
        key: 'inputLimits.controlCharacterNamed',
        params: { label: { key: 'field.service', params: {} }, char: 'U+0007' },
      },
    ]);
    const names = (await t.call('customers:list', { sort: 'name' })).items.map((c: { name: string }) => c.name).sort();
    expect(names).toEqual(['戊公司', '甲公司'].sort());
    const jia = await t.call('customers:get', { id: (await t.call('customers:list', { search: '甲公司' })).items[0].id });
    expect(jia.contracts[0].notes).toBe('第一行\n第二行');
  });
});
