import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { generateRenewalSheet, renewalSheetCsv, SHEET_HEADER } from '../../../test-support/import/renewalSheetGenerator.ts';
import { importFile, sheetState, writeFixture } from '../../../test-support/import/importTestKit.ts';

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext();
});
afterEach(async () => {
  await t.close();
});

const contract = (number: string) =>
  t.call('contracts:list', { limit: 500 }).then((p: any) => p.items.find((k: any) => k.number === number));
const customerByName = async (name: string) => {
  const list = await t.call('customers:list', { search: name, archived: 'all', limit: 500 });
  const item = list.items.find((c: any) => c.name === name);
  return item ? t.call('customers:get', { id: item.id }) : undefined;
};

// Acceptance 1: a GBK CSV from Excel with Chinese headers and mixed formats.
const GBK_SHEET = [
  SHEET_HEADER.join(','),
  '1,杭州安泰电子商务有限公司,夏文博,行政专员,18730235988,XF-001,2022年6月24日,2023年6月23日,  200000 ,技术支持服务包,yearly,普通,刘洋,价格敏感，可申请9折,,',
  '2,南京君和医疗器械有限公司,孟凯,财务经理,13661619139,XF-002,20230104,45294,"￥200,000",技术支持服务包,yearly,VIP,吴昊,续费需老板签字,,',
  '',
  '3,嘉兴云帆医疗器械有限公司,徐娜,采购专员,020-54186007,XF-003,45551,2024/10/15,1.28万,小程序运营托管,每月,重要,吴昊,"联系人A,联系人B均可对接",,',
  '4,南京微光人力资源有限公司,龚强,采购专员,13577507439,XF-004,2022-06-28,2024/06/27,RMB 36000,办公设备租赁,半年,普通,吴昊,"第一次联系未接通',
  '第二次已确认续费",,',
  '5,天津永兴软件有限公司,邹国强,法务,15203228595,XF-005,2024/12/8,2025-02-30,4830,技术支持服务包,年,重要,孙磊,,,',
  '6,厦门合众食品有限公司,侯涛,财务主管,028-49428173,XF-006,2023-02-24,2024-02-23,面议,域名续费,yearly,重要,赵敏,,,',
  '7,,赵雨轩,财务主管,020-79122485,XF-007,20240523,45799,2.8万,数据备份服务,yearly,普通,张伟,,,',
  '8,佛山一禾供应链管理有限公司,崔浩然,技术负责人,19976525075,XF-008,2025年6月1日,2025/5/31,980,云服务器租用,annual,重要,张伟,,,',
  ',,,,,,,,,,,,,,,',
  '9,南京君和医疗器械有限公司,孟凯,财务经理,13661619139,XF-002,2023.1.4,2024.1.3,"￥210,000.505",技术支持服务包,年,VIP,吴昊,"客户要求:""发票抬头""需更新",,',
  '10,\u3000济南优品会计服务有限公司 ,曾明,信息部主管,18997560880,,45190,2024-09-20,"4,800.00",ERP系统维护,,重要,孙磊,,,',
].join('\r\n');

// On PostgreSQL the chunked 3,000-row imports take about four times SQLite's time (27 s against 7 s alone).
describe('import contracts (the renewal sheet)', { timeout: 180_000 }, () => {
  it('imports a GBK sheet with Chinese headers and mixed formats, listing bad rows with line and reason', async () => {
    const file = writeFixture(t, `${GBK_SHEET}\r\n`, 'csv', 'gb18030');
    const r = await importFile(t, file);
    expect(r).toMatchObject({
      committed: true,
      kind: 'contracts',
      encoding: 'gb18030',
      rows: 10,
      contractsCreated: 5,
      contractsUpdated: 0,
      contractsUnchanged: 0,
      customersCreated: 5,
      rejectedRows: 4,
      ignoredColumns: ['序号', '', ''],
      duplicates: [{ line: 3, supersededBy: 13 }],
    });
    // Lines are physical: the quoted note on line 6 spans two lines, and blank lines count.
    expect(r.rejected).toEqual([
      { line: 8, column: '合同到期日', message: '日期不存在：2025-02-30', key: 'reasons.noSuchDate', params: { text: '2025-02-30' } },
      { line: 9, column: '金额', message: '合同金额不是数字：面议', key: 'reasons.amountNotNumber', params: { text: '面议' } },
      { line: 10, column: '公司名称', message: '缺少客户名称', key: 'reasons.customerNameMissing', params: {} },
      {
        line: 11,
        column: '合同到期日',
        message: '到期日期 2025-05-31 早于签订日期 2025-06-01',
        key: 'reasons.endsBeforeSigned',
        params: { endsOn: '2025-05-31', signedOn: '2025-06-01' },
      },
    ]);
    // A blank 续费周期 (line 14) is valid and stays unknown: no warning, nothing guessed.
    expect(r.warnings).toEqual([
      {
        line: 13,
        column: '金额',
        message: '合同金额「￥210,000.505」超过两位小数，已四舍五入为 210000.51',
        key: 'reasons.amountRounded',
        params: { text: '￥210,000.505', rounded: '210000.51' },
      },
    ]);

    const a = await contract('XF-001');
    expect(a).toMatchObject({ signedOn: '2022-06-24', endsOn: '2023-06-23', amountFen: 20_000_000, cycle: 'year', service: '技术支持服务包' });
    expect(a.notes).toBe('价格敏感，可申请9折');
    const b = await contract('XF-002');
    expect(b).toMatchObject({ signedOn: '2023-01-04', endsOn: '2024-01-03', amountFen: 21_000_051, cycle: 'year' });
    expect(b.notes).toBe('客户要求:"发票抬头"需更新');
    expect(await contract('XF-003')).toMatchObject({ signedOn: '2024-09-16', endsOn: '2024-10-15', amountFen: 1_280_000, cycle: 'month' });
    const d = await contract('XF-004');
    expect(d).toMatchObject({ amountFen: 3_600_000, cycle: 'half_year', notes: '第一次联系未接通\n第二次已确认续费' });
    // A blank contract number gets AUTO-<end>-<hash of the trimmed name>; the name is trimmed of U+3000.
    const auto = (await t.call('contracts:list', { limit: 500 })).items.find((k: any) => k.number.startsWith('AUTO-'));
    expect(auto.number).toMatch(/^AUTO-2024-09-20-[0-9a-f]{8}$/);
    expect(auto.customerName).toBe('济南优品会计服务有限公司');
    expect(auto.signedOn).toBe('2023-09-21');
    expect(auto.cycle).toBeNull();

    const junhe = await customerByName('南京君和医疗器械有限公司');
    // Its one term ended in 2024, long before this import, with no decision: stored as 已到期 history, so the
    // customer has no next expiry (history is not news).
    expect(junhe).toMatchObject({ tier: 'vip', ownerName: '吴昊', nextExpiryOn: null });
    expect(await contract('XF-002')).toMatchObject({ status: 'expired' });
    expect(junhe.contacts).toMatchObject([{ name: '孟凯', title: '财务经理', phone: '13661619139', isPrimary: true }]);
    // Rejected rows create nothing, not even their customer.
    expect(await customerByName('天津永兴软件有限公司')).toBeUndefined();
    expect(await customerByName('佛山一禾供应链管理有限公司')).toBeUndefined();
    // The imported customers are searchable at once.
    expect((await t.call('customers:list', { search: '君和' })).items.map((c: any) => c.name)).toEqual(['南京君和医疗器械有限公司']);
    expect((await t.call('customers:list', { search: '孟凯' })).total).toBe(1);
  });

  it('a dry run reports exactly what a commit does and writes nothing', async () => {
    const file = writeFixture(t, `${GBK_SHEET}\r\n`, 'csv', 'gb18030');
    const dry = await importFile(t, file, { dryRun: true });
    expect(dry).toMatchObject({ committed: false, dryRun: true, strictAborted: false, batchId: null });
    expect((await t.call('customers:list', {})).total).toBe(0);
    expect((await t.call('owners:list', {})).length ?? (await t.call('owners:list', {})).items?.length).toBe(0);
    const real = await importFile(t, file);
    const strip = ({ batchId: _b, committed: _c, dryRun: _d, elapsedMs: _e, issuesReport: _i, ...rest }: any) => rest;
    expect(strip(dry)).toEqual(strip(real));
    expect((await t.call('import:history', {})).items).toHaveLength(1);
  });

  it('--strict aborts the whole batch on any bad row, still reporting every row', async () => {
    const file = writeFixture(t, `${GBK_SHEET}\r\n`, 'csv', 'gb18030');
    const r = await importFile(t, file, { strict: true });
    expect(r).toMatchObject({ committed: false, strictAborted: true, batchId: null, rejectedRows: 4, contractsCreated: 5 });
    expect((await t.call('customers:list', {})).total).toBe(0);
    expect((await t.call('import:history', {})).total).toBe(0);
  });

  it('upserts by number: a later import updates non-blank fields, never erases, and reports field diffs', async () => {
    const header = '客户名称,联系人,电话,合同编号,签订日期,到期日期,合同金额,服务内容,续费周期,客户等级,负责人,备注';
    await importFile(t, writeFixture(t, `${header}\n甲公司,张三,13800000000,HT-1,2025-01-01,2025-12-31,12800,网站维护,年,VIP,刘洋,首签\n`));
    const again = await importFile(t, writeFixture(t, `${header}\n甲公司,张三,13800000000,HT-1,2025-01-01,2025-12-31,12800,网站维护,年,VIP,刘洋,首签\n`));
    expect(again).toMatchObject({ contractsCreated: 0, contractsUpdated: 0, contractsUnchanged: 1, customersCreated: 0, customersUpdated: 0 });
    const changed = await importFile(
      t,
      writeFixture(t, `${header}\n甲公司,李四,,HT-1,,2026-12-31,"13,800.00",,,重要,,\n`),
      { dryRun: true },
    );
    expect(changed).toMatchObject({ contractsUpdated: 1, customersUpdated: 1 });
    expect(changed.changes).toEqual([
      { line: 2, entity: 'customer', key: '甲公司', fields: [{ field: '客户等级', from: 'VIP', to: '重要' }] },
      { line: 2, entity: 'contact', key: '甲公司', fields: [{ field: '联系人', from: '张三', to: '李四' }] },
      {
        line: 2,
        entity: 'contract',
        key: 'HT-1',
        fields: [
          { field: '到期日期', from: '2025-12-31', to: '2026-12-31' },
          { field: '合同金额', from: '12800.00', to: '13800.00' },
        ],
      },
    ]);
    await importFile(t, writeFixture(t, `${header}\n甲公司,李四,,HT-1,,2026-12-31,"13,800.00",,,重要,,\n`));
    const k = await contract('HT-1');
    expect(k).toMatchObject({ signedOn: '2025-01-01', endsOn: '2026-12-31', amountFen: 1_380_000, service: '网站维护', notes: '首签', version: 2 });
    const c = await customerByName('甲公司');
    expect(c).toMatchObject({ tier: 'important', ownerName: '刘洋', nextExpiryOn: '2026-12-31' });
    expect(c.contacts).toMatchObject([{ name: '李四', phone: '13800000000' }]);
  });

  it('keeps a blank 续费周期 unknown: a later cycle fills it, a blank never erases one, export leaves the cell empty, undo restores', async () => {
    const header = '客户名称,合同编号,到期日期,合同金额,续费周期';
    const first = await importFile(t, writeFixture(t, `${header}\n甲公司,HT-1,2025-12-31,100,\n甲公司,HT-2,2026-06-30,200,季\n`));
    expect(first).toMatchObject({ committed: true, contractsCreated: 2, warnings: [], rejectedRows: 0 });
    expect(await contract('HT-1')).toMatchObject({ cycle: null, endsOn: '2025-12-31' });
    expect(await sheetState(t)).toContain('\r\n甲公司,,,,HT-1,,,2025-12-31,100.00,,,普通,,待跟进,,,,,\r\n');

    const before = await sheetState(t);
    const second = await importFile(t, writeFixture(t, `${header}\n甲公司,HT-1,2025-12-31,100,年\n甲公司,HT-2,2026-06-30,200,\n`));
    expect(second).toMatchObject({ contractsUpdated: 1, contractsUnchanged: 1, warnings: [] });
    expect(second.changes).toEqual([{ line: 2, entity: 'contract', key: 'HT-1', fields: [{ field: '续费周期', from: null, to: '年' }] }]);
    expect(await contract('HT-1')).toMatchObject({ cycle: 'year' });
    expect(await contract('HT-2')).toMatchObject({ cycle: 'quarter' });

    await t.call('import:undo', { batchId: second.batchId });
    expect(await contract('HT-1')).toMatchObject({ cycle: null });
    expect(await sheetState(t)).toBe(before);
  });

  it('refuses a number that belongs to another customer, and an end date before the stored signing date', async () => {
    const header = '客户名称,合同编号,签订日期,到期日期';
    await importFile(t, writeFixture(t, `${header}\n甲公司,HT-1,2025-01-01,2025-12-31\n`));
    const r = await importFile(t, writeFixture(t, `${header}\n乙公司,HT-1,,2026-12-31\n甲公司,HT-1,,2024-12-31\n`));
    expect(r.rejected).toEqual([
      { line: 2, column: '合同编号', message: '合同编号「HT-1」已属于客户「甲公司」', key: 'reasons.contractTaken', params: { number: 'HT-1', customer: '甲公司' } },
      {
        line: 3,
        column: '到期日期',
        message: '到期日期 2024-12-31 早于签订日期 2025-01-01',
        key: 'reasons.endsBeforeSigned',
        params: { endsOn: '2024-12-31', signedOn: '2025-01-01' },
      },
    ]);
    expect(await customerByName('乙公司')).toBeUndefined();
  });

  it('matches a blank number by customer and end date, so re-importing finds the same contract', async () => {
    const header = '客户名称,合同编号,到期日期,合同金额';
    const file = writeFixture(t, `${header}\n甲公司,,2025-12-31,100\n甲公司,,2026-12-31,200\n`);
    expect(await importFile(t, file)).toMatchObject({ contractsCreated: 2 });
    expect(await importFile(t, file)).toMatchObject({ contractsCreated: 0, contractsUnchanged: 2 });
    const manual = await t.call('contracts:create', { customerId: (await customerByName('甲公司')).id, number: 'HT-9', endsOn: '2027-06-30' });
    const r = await importFile(t, writeFixture(t, `${header}\n甲公司,,2027-06-30,300\n`));
    expect(r).toMatchObject({ contractsCreated: 0, contractsUpdated: 1 });
    expect((await contract('HT-9')).amountFen).toBe(30_000);
    expect(manual.number).toBe('HT-9');
  });

  it('gives imported contracts their reminder ladder (the tick catches up on bulk writes)', async () => {
    await importFile(t, writeFixture(t, '客户名称,合同编号,到期日期,客户等级\n甲公司,HT-1,2026-12-01,VIP\n'));
    const run = await t.call('reminders:run', { now: '2026-12-01T09:30:00+08:00' });
    expect(run.fired.map((f: any) => f.contractNo)).toContain('HT-1');
  });

  it('reads a generated messy sheet of 3,000 rows across chunks with every value right', async () => {
    const rows = generateRenewalSheet({ rows: 3000, seed: 42, invalidShare: 0.03, duplicateShare: 0.05 });
    const r = await importFile(t, writeFixture(t, renewalSheetCsv(rows, { seed: 42, blankShare: 0.02 }), 'csv', 'gb18030'));
    const valid = rows.filter((x) => x.expect);
    const finalByNumber = new Map(valid.map((x) => [x.expect!.number, x.expect!]));
    expect(r.rows).toBe(3000);
    expect(r.rejectedRows).toBe(rows.length - valid.length);
    expect(r.contractsCreated).toBe(finalByNumber.size);
    expect(r.duplicates).toHaveLength(valid.length - finalByNumber.size);
    expect(r.contractsCreated + r.contractsUpdated + r.contractsUnchanged + r.duplicateRows + r.rejectedRows).toBe(r.rows);
    const stored = new Map((await t.call('contracts:list', { limit: 500 })).items.map((k: any) => [k.number, k]));
    expect(stored.size).toBeGreaterThan(0);
    for (const [number, e] of finalByNumber) {
      const k: any = stored.get(number);
      if (!k) continue; // only the first page is compared in detail
      expect([number, k.customerName, k.signedOn, k.endsOn, k.amountFen, k.cycle, k.service, k.notes]).toEqual([
        number,
        e.customerName,
        e.signedOn,
        e.endsOn,
        e.amountFen,
        e.cycle,
        e.service,
        e.notes,
      ]);
    }
  });
  it('keeps every customer\'s next expiry equal to its earliest active end through creates, repeats and moved ends across chunks', async () => {
    const allPages = async (name: string, input: Record<string, unknown>) => {
      const items: any[] = [];
      for (let offset = 0; ; offset += 500) {
        const page = await t.call(name, { ...input, offset, limit: 500 });
        items.push(...page.items);
        if (items.length >= page.total) return items;
      }
    };
    const expectConsistent = async () => {
      const earliest = new Map<string, string>();
      for (const k of await allPages('contracts:list', {})) {
        if (k.status !== 'active' || k.endsOn === null) continue;
        const known = earliest.get(k.customerId);
        if (known === undefined || k.endsOn < known) earliest.set(k.customerId, k.endsOn);
      }
      const customers = await allPages('customers:list', { archived: 'all' });
      expect(customers.length).toBeGreaterThan(100);
      expect(customers.map((c) => [c.name, c.nextExpiryOn])).toEqual(customers.map((c) => [c.name, earliest.get(c.id) ?? null]));
    };
    // 300 customers with ~7 contracts each, spread over four 500-row chunks; 5% of rows repeat a number.
    const rowsOf = (seed: number, prefix: string) =>
      generateRenewalSheet({ rows: 2000, seed, prefix, customers: 300, customerSeed: 7, duplicateShare: 0.05 });
    const sheet = (seed: number, prefix: string) => renewalSheetCsv(rowsOf(seed, prefix), { seed });
    const first = await importFile(t, writeFixture(t, sheet(1, 'XF')));
    expect(first.customersCreated).toBeGreaterThan(250);
    await expectConsistent();
    // A contract that is no longer active must stop counting, and the import must not bring it back.
    const page = await t.call('contracts:list', { limit: 20 });
    for (const k of page.items.slice(0, 10)) await t.call('contracts:update', { id: k.id, version: k.version, status: 'terminated' });
    // New numbers for the same customers: stored customers gain contracts, often earlier than their next expiry.
    const second = await importFile(t, writeFixture(t, sheet(2, 'YB')));
    expect(second.contractsCreated).toBeGreaterThan(1500);
    await expectConsistent();
    // The first sheet's numbers with other dates: stored ends move both earlier and later.
    const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const moved = rowsOf(1, 'XF')
      .filter((x) => x.expect)
      .map((x, i) => ({ ...x, cells: x.cells.map((cell, col) => (col === 7 ? shift(x.expect!.endsOn!, i % 2 ? 400 : -20) : cell)) }));
    const third = await importFile(t, writeFixture(t, renewalSheetCsv(moved, { seed: 3 })));
    expect(third.contractsUpdated).toBeGreaterThan(1000);
    await expectConsistent();
    await t.call('import:undo', { batchId: third.batchId });
    await t.call('import:undo', { batchId: second.batchId });
    await expectConsistent();
  });
});
