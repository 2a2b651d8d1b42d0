import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { generateRenewalSheet, renewalSheetCsv } from '../../../test-support/import/renewalSheetGenerator.ts';
import { exportTo, importFile, writeFixture } from '../../../test-support/import/importTestKit.ts';

let a: TestContext;
let b: TestContext;
beforeEach(async () => {
  a = await openTestContext();
  b = await openTestContext();
});
afterEach(async () => {
  await a.close();
  await b.close();
});


/** Data a user could have typed in the app: formula-like text, quotes, line breaks, no contact, a one-time contract. */
async function seedTrickyData(t: TestContext) {
  const owner = await t.call('owners:create', { name: '=刘洋' });
  const c1 = await t.call('customers:create', {
    name: '+86 杭州,"云启"科技',
    tier: 'vip',
    ownerId: owner.id,
    primaryContact: { name: '@张三', title: '-总经理', phone: '+86 138 0013 8000' },
  });
  const c2 = await t.call('customers:create', { name: "'=早已转义的名字", tier: 'important' });
  await t.call('contracts:create', {
    customerId: c1.id,
    number: '=HYPERLINK("x")',
    signedOn: '2025-03-01',
    endsOn: '2026-02-28',
    amountFen: 1_280_050,
    cycle: 'quarter',
    service: '\t制表符开头',
    notes: '第一行\r\n第二行,"引号"\n第三行',
  });
  await t.call('contracts:create', { customerId: c1.id, number: 'HT-ONCE', cycle: 'once', amountFen: 0 });
  await t.call('contracts:create', { customerId: c2.id, number: 'HT-2', endsOn: '2026-02-28', cycle: 'half_year' });
  // 续费周期 unknown (as a blank cell imports): the sheet leaves it empty and importing that keeps it unknown.
  await t.call('contracts:create', { customerId: c2.id, number: 'HT-NOCYCLE', endsOn: '2026-05-31', cycle: null, service: '周期未约定' });
  await t.call('followups:create', {
    customer: c1.id,
    at: '2026-11-20T06:30:15.000Z',
    channel: 'wechat',
    kind: 'renewal',
    summary: '=谈续约，"价格"\n待定',
    nextFollowUpOn: '2026-12-01',
  });
}

describe('export → import → export', () => {
  it('is byte-identical for the contract, customer and follow-up sheets, in CSV', async () => {
    await seedTrickyData(a);
    await importFile(a, writeFixture(a, renewalSheetCsv(generateRenewalSheet({ rows: 800, seed: 9, invalidShare: 0.02, duplicateShare: 0.05 })), 'csv', 'gb18030'));
    for (const kind of ['customers', 'contracts', 'followups']) {
      const first = await exportTo(a, kind, 'csv');
      const r = await importFile(b, first, { kind });
      expect(r).toMatchObject({ committed: true, rejectedRows: 0, warnings: [] });
      const second = await exportTo(b, kind, 'csv');
      expect(fs.readFileSync(second).equals(fs.readFileSync(first)), kind).toBe(true);
    }
    // With the contracts in, the rules ran over b's customers: their tiers and 等级依据 are a's again, word for word
    // (the pinned ones kept their pins from the column, the others' reasons were recomputed from the same terms).
    const customersA = fs.readFileSync(await exportTo(a, 'customers', 'csv'), 'utf8');
    expect(fs.readFileSync(await exportTo(b, 'customers', 'csv'), 'utf8')).toBe(customersA);
    expect(customersA.startsWith('\uFEFF客户名称,联系人,职务,电话,客户等级,负责人,备注,等级依据\r\n')).toBe(true);
    expect(customersA).toContain(`''=早已转义的名字,,,,重要,,,手动指定（已固定）\r\n`);
    expect(customersA).toMatch(/,VIP,[^,\r\n]*,[^\r\n]*,"年合同额 ¥[\d,.]+ ≥ ¥100,000"\r\n/);
    const sheet = fs.readFileSync(await exportTo(a, 'contracts', 'csv'), 'utf8');
    expect(
      sheet.startsWith(
        '\uFEFF客户名称,联系人,职务,电话,合同编号,签订日期,开始日期,到期日期,合同金额,服务内容,续费周期,客户等级,负责人,续费状态,续费日期,续费金额,流失原因,提醒日期,备注\r\n',
      ),
    ).toBe(true);
    expect(sheet).toContain(
      `"'+86 杭州,""云启""科技",'@张三,'-总经理,'+86 138 0013 8000,"'=HYPERLINK(""x"")",2025-03-01,,2026-02-28,12800.50,制表符开头,季,VIP,'=刘洋,待跟进,,,,,"第一行\n第二行,""引号""\n第三行"\r\n`,
    );
    expect(sheet).toContain(`''=早已转义的名字,,,,HT-2,,,2026-02-28,,,半年,重要,,待跟进,,,,,\r\n`);
    expect(sheet).toContain(`''=早已转义的名字,,,,HT-NOCYCLE,,,2026-05-31,,周期未约定,,重要,,待跟进,,,,,\r\n`);
    expect(sheet).toMatch(/,HT-ONCE,,,,0\.00,,一次性,VIP,'=刘洋,待跟进,,,,,\r\n$/);
  });

  it('re-importing an export into the same database creates and changes nothing', async () => {
    await seedTrickyData(a);
    await importFile(a, writeFixture(a, renewalSheetCsv(generateRenewalSheet({ rows: 500, seed: 5 })), 'csv', 'gb18030'));
    for (const kind of ['contracts', 'customers', 'followups']) {
      const r = await importFile(a, await exportTo(a, kind, 'csv'), { kind });
      expect(r, kind).toMatchObject({
        contractsCreated: 0,
        contractsUpdated: 0,
        customersCreated: 0,
        customersUpdated: 0,
        followupsCreated: 0,
        rejectedRows: 0,
        duplicates: [],
      });
    }
  });

  it('is byte-identical through .xlsx (real date and number cells) and with English headers', async () => {
    await seedTrickyData(a);
    await importFile(a, writeFixture(a, renewalSheetCsv(generateRenewalSheet({ rows: 300, seed: 11 })), 'csv', 'gb18030'));
    for (const kind of ['contracts', 'followups']) {
      const xlsx = await exportTo(a, kind, 'xlsx', 'en');
      const r = await importFile(b, xlsx, { kind });
      expect(r).toMatchObject({ format: 'xlsx', rejectedRows: 0, ignoredColumns: [] });
      expect(fs.readFileSync(await exportTo(b, kind, 'csv', 'en')).equals(fs.readFileSync(await exportTo(a, kind, 'csv', 'en'))), kind).toBe(true);
    }
    const en = fs.readFileSync(await exportTo(a, 'contracts', 'csv', 'en'), 'utf8');
    expect(en.split('\r\n')[0]).toBe(
      '\uFEFFCustomer,Contact,Title,Phone,Contract No,Signed,Start Date,End Date,Amount,Service,Cycle,Tier,Owner,Renewal Status,Renewal Date,Renewal Amount,Lost Reason,Reminder Date,Notes',
    );
  });

  it('orders the sheet by end date, then contract number', async () => {
    const header = '客户名称,合同编号,到期日期';
    await importFile(a, writeFixture(a, `${header}\n甲,B-2,2026-01-01\n乙,A-9,2026-01-01\n丙,C-1,2025-06-30\n`));
    const lines = fs.readFileSync(await exportTo(a, 'contracts', 'csv'), 'utf8').split('\r\n').slice(1, -1);
    expect(lines.map((l) => l.split(',')[4])).toEqual(['C-1', 'A-9', 'B-2']);
  });
});
