import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { importEnvelope, importFile, writeFixture } from '../../../test-support/import/importTestKit.ts';
import { readXlsxRecords } from './source/readXlsxRecords.ts';

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext();
});
afterEach(async () => {
  await t.close();
});

describe('customers and follow-ups sheets', () => {
  it('upserts customers by trimmed name; a repeated name is a duplicate and the later row wins', async () => {
    const csv = '客户名称,联系人,电话,客户等级,负责人,备注\n甲公司,张三,138,VIP,刘洋,老客户\n乙公司,,,,,\n\u3000甲公司 ,,139,重要,,\n';
    const r = await importFile(t, writeFixture(t, csv));
    expect(r).toMatchObject({ kind: 'customers', rows: 3, customersCreated: 2, duplicates: [{ line: 2, supersededBy: 4 }] });
    const jia = await t.call('customers:get', { id: (await t.call('customers:list', { search: '甲公司' })).items[0].id });
    expect(jia).toMatchObject({ tier: 'important', ownerName: '刘洋', notes: '老客户' });
    expect(jia.contacts).toMatchObject([{ name: '张三', phone: '139', isPrimary: true }]);
    const again = await importFile(t, writeFixture(t, '客户名称,客户等级\n甲公司,重要\n乙公司,VIP\n'));
    expect(again).toMatchObject({ customersCreated: 0, customersUpdated: 1, customersUnchanged: 1 });
  });

  it('warns when a phone comes without a contact name, and keeps the default tier for a new customer', async () => {
    const r = await importFile(t, writeFixture(t, '客户名称,电话\n丙公司,138\n'));
    expect(r.warnings).toEqual([{ line: 2, column: '联系人', message: '没有联系人姓名，职务和电话未保存', key: 'reasons.contactWithoutName', params: {} }]);
    expect((await t.call('customers:list', {})).items[0]).toMatchObject({ name: '丙公司', tier: 'normal' });
  });

  it('imports follow-ups keyed by customer and optional contract; existing ones are unchanged', async () => {
    await importFile(t, writeFixture(t, '客户名称,合同编号,到期日期\n甲公司,HT-1,2026-12-31\n乙公司,HT-2,2026-12-31\n'));
    const csv = [
      '客户名称,合同编号,跟进时间,跟进方式,跟进类型,跟进内容,下次跟进日期,负责人',
      '甲公司,HT-1,2026-11-20 14:30,微信,续约沟通,谈续约,2026-12-01,刘洋',
      '甲公司,,2026/11/21,电话,,回访,,',
      '丙公司,,2026-11-21,,,找不到的客户,,',
      '甲公司,HT-2,2026-11-22,,,合同不属于甲,,',
      '乙公司,,,,,没有时间,,',
    ].join('\n');
    const r = await importFile(t, writeFixture(t, csv));
    expect(r).toMatchObject({ kind: 'followups', rows: 5, followupsCreated: 2, rejectedRows: 3 });
    expect(r.rejected).toEqual([
      { line: 4, column: '客户名称', message: '找不到客户「丙公司」，请先导入客户或合同', key: 'reasons.customerUnknown', params: { name: '丙公司' } },
      { line: 5, column: '合同编号', message: '合同编号「HT-2」属于客户「乙公司」', key: 'reasons.contractOfCustomer', params: { number: 'HT-2', customer: '乙公司' } },
      { line: 6, column: '跟进时间', message: '缺少跟进时间', key: 'reasons.atMissing', params: {} },
    ]);
    const list = (await t.call('followups:list', {})).items;
    const talk = list.find((f: any) => f.summary === '谈续约');
    expect(talk).toMatchObject({ channel: 'wechat', kind: 'renewal', contractNo: 'HT-1', nextFollowUpOn: '2026-12-01', ownerName: '刘洋' });
    expect(new Date(talk.at).getHours()).toBe(14);
    expect(await importFile(t, writeFixture(t, csv))).toMatchObject({ followupsCreated: 0, followupsUnchanged: 2 });
  });

  it('reads the issue-13 words 咨询/工单 and 短信 into follow-up kinds and channels', async () => {
    await importFile(t, writeFixture(t, '客户名称,合同编号,到期日期\n甲公司,HT-1,2026-12-31\n'));
    const csv = '客户名称,跟进时间,跟进方式,跟进类型,跟进内容\n甲公司,2026-11-20,短信,咨询,问发票\n甲公司,2026-11-21,电话,工单,系统报错\n';
    expect(await importFile(t, writeFixture(t, csv))).toMatchObject({ kind: 'followups', followupsCreated: 2, rejectedRows: 0 });
    const list = (await t.call('followups:list', {})).items;
    expect(list.map((f: any) => [f.summary, f.channel, f.kind]).sort()).toEqual([['系统报错', 'phone', 'ticket'], ['问发票', 'sms', 'inquiry']]);
  });
});

describe('the report in the archive’s language', () => {
  it('words reasons and refusals in English for an English archive, with the same keys', async () => {
    await t.call('settings:set', { locale: 'en-US' });
    const csv = 'Customer,Contract No,End Date,Amount,Tier\nContoso Ltd,C-1,2027-02-30,100,\n,C-2,2027-03-01,12.345,gold\n';
    const r = await importFile(t, writeFixture(t, csv));
    expect(r.rejected).toEqual([
      { line: 2, column: 'End Date', message: 'No such date: 2027-02-30', key: 'reasons.noSuchDate', params: { text: '2027-02-30' } },
      { line: 3, column: 'Customer', message: 'The customer name is missing', key: 'reasons.customerNameMissing', params: {} },
      { line: 3, column: 'Tier', message: 'Unknown tier “gold” (use VIP, key or standard)', key: 'reasons.unknownTier', params: { text: 'gold' } },
    ]);
    expect(r.warnings).toEqual([
      {
        line: 3,
        column: 'Amount',
        message: 'The amount “12.345” has more than two decimals; rounded to 12.35',
        key: 'reasons.amountRounded',
        params: { text: '12.345', rounded: '12.35' },
      },
    ]);
    const refused = await importEnvelope(t, writeFixture(t, 'Contract No,Amount\nC-1,100\n'), { kind: 'contracts' });
    expect(refused.error).toMatchObject({
      code: 'VALIDATION',
      field: 'columns',
      key: 'encoding.headerNotMapped',
      message:
        'The header on line 1 has no column for “Customer”, “Ends on”. Read as UTF-8, the header is: “Contract No”, “Amount”. Check the header, or choose the columns in the import wizard',
    });
  });
});

describe('reading files', () => {
  it('reads the first sheet of an .xlsx, or a chosen one, with sheet row numbers as lines', async () => {
    const file = path.join(t.dir, 'book.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['这一页只是说明']);
    const sheet = wb.addWorksheet('续费表');
    sheet.addRow(['客户名称', '合同编号', '签订日期', '到期日期', '合同金额', '续费周期']);
    sheet.addRow(['甲公司', 'HT-1', new Date(Date.UTC(2025, 2, 1)), new Date(Date.UTC(2026, 1, 28)), 12800.5, '年']);
    sheet.getRow(5).values = ['乙公司', 'HT-2', 45717, '2026-02-30', { formula: '1+1', result: 2 }, '月'];
    sheet.getCell('C2').numFmt = 'yyyy-mm-dd';
    sheet.getCell('D2').numFmt = 'yyyy-mm-dd';
    await wb.xlsx.writeFile(file);
    const first = await importEnvelope(t, file, { kind: 'contracts' });
    expect(first).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'columns' } });
    const r = await importFile(t, file, { sheet: '续费表' });
    expect(r).toMatchObject({ format: 'xlsx', sheet: '续费表', rows: 2, contractsCreated: 1, encoding: null });
    expect(r.rejected).toEqual([{ line: 5, column: '到期日期', message: '日期不存在：2026-02-30', key: 'reasons.noSuchDate', params: { text: '2026-02-30' } }]);
    const k = (await t.call('contracts:list', {})).items[0];
    expect(k).toMatchObject({ number: 'HT-1', signedOn: '2025-03-01', endsOn: '2026-02-28', amountFen: 1_280_050 });
    expect(await importEnvelope(t, file, { sheet: '不存在' })).toMatchObject({ ok: false, error: { field: 'sheet' } });
  });

  it('reads an exceljs-written workbook every time (its zip reader sometimes drops the last entry)', async () => {
    const file = path.join(t.dir, 'last-entry.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['说明']);
    wb.addWorksheet('数据').addRow(['客户名称']);
    await wb.xlsx.writeFile(file);
    for (let i = 0; i < 200; i++) {
      const records = readXlsxRecords(() => fs.createReadStream(file), { sheet: '数据' });
      const first = await records.next();
      expect(first.done ? null : first.value[0]?.cells).toEqual(['客户名称']);
      await records.return(undefined);
    }
  });

  it('reads UTF-16 tab-separated text ("Unicode text" from Excel) and UTF-8 with BOM', async () => {
    const tsv = '客户名称\t合同编号\t到期日期\n甲公司\tHT-1\t2026-12-31\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')]);
    expect(await importFile(t, writeFixture(t, utf16, 'txt'))).toMatchObject({ encoding: 'utf16le', delimiter: '\t', contractsCreated: 1 });
    const bom = await importFile(t, writeFixture(t, '客户名称;合同编号;到期日期\r\n乙公司;HT-2;2026-12-31\r\n', 'csv', 'utf8-bom'));
    expect(bom).toMatchObject({ encoding: 'utf8', delimiter: ';', contractsCreated: 1, ignoredColumns: [] });
  });

  it('honours --encoding over detection', async () => {
    const file = writeFixture(t, 'Customer,Contract No,End Date\n甲公司,HT-1,2026-12-31\n', 'csv', 'gb18030');
    const forced = await importFile(t, file, { encoding: 'utf8', dryRun: true });
    expect(forced).toMatchObject({ encoding: 'utf8', encodingDetected: 'gb18030', contractsCreated: 1 });
    expect(forced.changes).toEqual([]);
    expect((await importFile(t, file, { encoding: 'gb18030' })).encoding).toBe('gb18030');
    expect((await t.call('customers:list', {})).items[0].name).toBe('甲公司');
  });

  // A missing file is the CLI's to report: the backend only ever receives bytes (cli importCommand.test.ts).
  it('refuses an empty file and an old .xls, naming the file', async () => {
    const refuse = (file: string) => importEnvelope(t, file);
    expect(await refuse(writeFixture(t, ''))).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'file' } });
    const xls = writeFixture(t, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'xls');
    expect((await refuse(xls)).error.message).toContain('.xls');
  });

  it('reports an unclosed quote as one rejected row and keeps what came before', async () => {
    const csv = '客户名称,合同编号,到期日期,备注\n甲公司,HT-1,2026-12-31,好\n乙公司,HT-2,2026-12-31,"没有闭合\n丙公司,HT-3,2026-12-31,x\n';
    const r = await importFile(t, writeFixture(t, csv));
    expect(r).toMatchObject({ rows: 2, contractsCreated: 1, rejectedRows: 1 });
    expect(r.rejected[0]).toMatchObject({ line: 3, column: null, message: expect.stringContaining('引号没有闭合') });
  });
});

describe('mapping', () => {
  it('a mapping file\'s content (--map-file) maps unknown columns to custom fields and can drop known ones', async () => {
    const mapping = { kind: 'contracts', columns: { 行业: 'custom:行业', 备注: null, 合同号码: 'contractNumber' } };
    const r = await importFile(t, writeFixture(t, '客户名称,行业,合同号码,到期日期,备注\n甲公司,制造业,HT-1,2026-12-31,不要\n'), { mapping });
    expect(r).toMatchObject({ contractsCreated: 1, ignoredColumns: ['备注'] });
    const c = (await t.call('customers:list', {})).items[0];
    expect((await t.call('customers:get', { id: c.id })).customFields).toEqual({ 行业: '制造业' });
    expect((await t.call('contracts:list', {})).items[0].notes).toBeNull();
    const wrong = await importEnvelope(t, writeFixture(t, '客户名称\n甲\n'), { mapping: { columns: { 行业: 'industry?' } } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'mapping.columns.行业' } });
  });

  it('the wizard flow: upload in pieces, preview, run with chosen columns; the mapping is remembered', async () => {
    const content = Buffer.from('公司,合同,截止,行业\n甲公司,HT-1,2026-12-31,制造业\n乙公司,HT-2,2027-01-31,零售\n');
    let uploadId: string | undefined;
    for (let offset = 0; offset < content.length; offset += 16) {
      const piece = content.subarray(offset, offset + 16);
      const r = await t.call('import:upload', { uploadId, fileName: '续费表.csv', offset, dataBase64: piece.toString('base64') });
      uploadId = r.uploadId;
      expect(r.receivedBytes).toBe(Math.min(content.length, offset + 16));
    }
    const preview = await t.call('import:preview', { uploadId });
    expect(preview).toMatchObject({ fileName: '续费表.csv', headers: ['公司', '合同', '截止', '行业'], presetApplied: false });
    expect(preview.sampleRows[0]).toEqual({ line: 2, cells: ['甲公司', 'HT-1', '2026-12-31', '制造业'] });
    const columns = ['customerName', 'contractNumber', 'endsOn', 'custom:行业'];
    const dry = await t.call('import:run', { uploadId, kind: 'contracts', columns, dryRun: true });
    expect(dry).toMatchObject({ committed: false, contractsCreated: 2 });
    const done = await t.call('import:run', { uploadId, kind: 'contracts', columns });
    expect(done).toMatchObject({ committed: true, contractsCreated: 2 });
    const progress = t.events.filter((e) => e.event === 'import:progress');
    expect(progress.at(-1)).toMatchObject({ payload: { id: uploadId, phase: 'done', rows: 2 } });

    // Same headers next time: the saved mapping comes back.
    const again = await t.call('import:upload', { fileName: 'b.csv', offset: 0, dataBase64: content.toString('base64') });
    expect(await t.call('import:preview', { uploadId: again.uploadId })).toMatchObject({ presetApplied: true, columns });
    await t.call('import:discard', { uploadId: again.uploadId });
    expect(await t.envelope('import:preview', { uploadId: again.uploadId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.envelope('import:upload', { uploadId, fileName: 'x', offset: 3, dataBase64: 'AA==' })).toMatchObject({
      ok: false,
      error: { field: 'offset' },
    });
  });
});
