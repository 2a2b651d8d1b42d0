import ExcelJS from 'exceljs';
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

async function workbookOf(contentBase64: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const bytes = Buffer.from(contentBase64, 'base64');
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return workbook;
}

function rowsOf(sheet: ExcelJS.Worksheet | undefined): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  sheet?.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return rows;
}

async function seed() {
  const csv = [
    '客户名称,联系人,职务,电话,合同编号,签订日期,到期日期,合同金额,服务内容,续费周期,客户等级,负责人,备注',
    '杭州云启科技有限公司,王芳,采购经理,13800138000,HT-1,2025-12-01,2026-11-30,"12,800.50",云服务,年,VIP,刘洋,老客户',
    '南京君和医疗器械有限公司,李娜,,,HT-2,,2026-12-20,100,,月,,,',
  ];
  await importFile(t, writeFixture(t, `${csv.join('\n')}\n`));
  const customers = (await t.call('customers:list')).items;
  const yunqi = customers.find((c: any) => c.name.startsWith('杭州'));
  await t.call('customers:update', { id: yunqi.id, tags: ['高意向'], customFields: { 区域: '华东' } });
  await t.call('followups:create', { customer: yunqi.id, at: '2026-11-20T02:30:00.000Z', channel: 'wechat', summary: '微信沟通续费', nextFollowUpOn: '2026-12-01' });
  const hk2 = (await t.call('contracts:list')).items.find((k: any) => k.number === 'HT-2');
  await t.call('renewals:setStage', { contractId: hk2.id, stage: 'lost', lostReason: '价格' });
  // The VIP contract's 0-day step fires at 09:00 on its end date.
  await t.call('reminders:run', { now: '2026-11-30T09:00:00+08:00' });
}

describe('export:archive', () => {
  it('writes one sheet per kind with headers in the chosen language, real dates and numbers', async () => {
    await seed();
    const r = await t.call('export:archive', { headers: 'zh' });
    expect(r).toMatchObject({ format: 'xlsx', fileName: '续约管家档案-2026-11-23.xlsx' });
    const workbook = await workbookOf(r.contentBase64);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['客户', '联系人', '合同', '续约', '跟进记录', '提醒记录', '标签', '负责人', '导入历史']);

    const customers = rowsOf(workbook.getWorksheet('客户'));
    expect(customers[0]).toEqual(['客户名称', '客户编号', '行业', '客户等级', '负责人', '客户阶段', '来源', '标签', '最近到期', '归档时间', '自定义字段', '备注', '创建时间', '更新时间', '等级依据']);
    expect(customers.slice(1).map((row) => row[0])).toEqual(['杭州云启科技有限公司', '南京君和医疗器械有限公司']);
    expect(customers[1]?.slice(3, 11)).toEqual(['VIP', '刘洋', '合作中', undefined, '高意向', new Date(Date.UTC(2026, 10, 30)), undefined, '区域: 华东']);

    const contracts = workbook.getWorksheet('合同')!;
    expect(rowsOf(contracts)[0]?.slice(0, 6)).toEqual(['客户名称', '合同编号', '签订日期', '开始日期', '到期日期', '合同金额']);
    const amount = contracts.getRow(2).getCell(6);
    expect([amount.value, amount.numFmt]).toEqual([12800.5, '0.00']);
    const ends = contracts.getRow(2).getCell(5);
    expect([ends.value, ends.numFmt]).toEqual([new Date(Date.UTC(2026, 10, 30)), 'yyyy-mm-dd']);

    expect(rowsOf(workbook.getWorksheet('联系人')).slice(1)).toEqual([
      ['杭州云启科技有限公司', '王芳', '采购经理', '13800138000', undefined, undefined, '是'],
      ['南京君和医疗器械有限公司', '李娜', undefined, undefined, undefined, undefined, '是'],
    ]);
    expect(rowsOf(workbook.getWorksheet('续约')).slice(1).map((row) => row.slice(0, 3).concat(row[5]))).toEqual(
      expect.arrayContaining([['南京君和医疗器械有限公司', 'HT-2', '已流失', '价格']]),
    );
    expect(rowsOf(workbook.getWorksheet('跟进记录')).slice(1).map((row) => [row[0], row[3], row[5]])).toEqual([['杭州云启科技有限公司', '微信', '微信沟通续费']]);
    const fired = rowsOf(workbook.getWorksheet('提醒记录')).slice(1);
    expect(fired.length).toBeGreaterThan(0);
    expect(fired[0]?.[1]).toBe('杭州云启科技有限公司');
    expect(rowsOf(workbook.getWorksheet('标签')).slice(1)).toEqual([['高意向', undefined, 1]]);
    expect(rowsOf(workbook.getWorksheet('负责人')).slice(1)).toEqual([['刘洋', undefined, undefined, '是']]);
    const imports = rowsOf(workbook.getWorksheet('导入历史'));
    expect(imports.slice(1).map((row) => row.slice(2, 9))).toEqual([['合同', 'csv', 'utf8', 2, 4, 0, 0]]);

    const sheets = workbook.worksheets.map((s) => s.rowCount - 1);
    expect(r.rows).toBe(sheets.reduce((a, b) => a + b, 0));
  });

  it('words headers, enums and reminders in English when asked, and only exports .xlsx', async () => {
    await seed();
    const workbook = await workbookOf((await t.call('export:archive', { headers: 'en' })).contentBase64);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Customers', 'Contacts', 'Contracts', 'Renewals', 'Follow-ups', 'Reminders', 'Tags', 'Owners', 'Import history']);
    expect(rowsOf(workbook.getWorksheet('Customers'))[1]?.slice(3, 6)).toEqual(['VIP', '刘洋', 'Customer']);
    const text = JSON.stringify(workbook.worksheets.map((s) => rowsOf(s)[0]));
    expect(text).not.toMatch(/[\u4e00-\u9fff]/);
    // The title is worded again in English; the text follows the tier's template, which is the archive's.
    expect(rowsOf(workbook.getWorksheet('Reminders'))[1]?.[2]).toBe('杭州云启科技有限公司: contract ends today');
    expect((await t.envelope('export:archive', { format: 'csv' })).error).toMatchObject({ field: 'format', key: 'archive.xlsxOnly' });
  });

  it('follows the archive language without headers, and writes an empty archive as headers only', async () => {
    await t.call('settings:set', { locale: 'en-US' });
    const r = await t.call('export:archive', {});
    expect(r.fileName).toBe('Renewal Desk archive-2026-11-23.xlsx');
    expect(r.rows).toBe(0);
    const workbook = await workbookOf(r.contentBase64);
    expect(workbook.worksheets.map((s) => s.rowCount)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1]);
  });
});
