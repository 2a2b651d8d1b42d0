import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderIn } from '../../../shared/i18n/message.ts';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { sqlRow, sqlRows } from '../../../test-support/sqlRows.ts';
import { exportTo, importFile, writeFixture } from '../../../test-support/import/importTestKit.ts';
import { renewalColumnsCsv } from '../../../test-support/import/renewalColumnsFixture.ts';

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


/** Each contract's number, status, 开始日期, 提醒日期, amount and live renewal record. */
function terms(t: TestContext) {
  return sqlRows(
    t.ctx.db,
    `SELECT k.number, k.status, k.starts_on AS "startsOn", k.remind_on AS "remindOn", k.amount_fen AS "amountFen",
            r.stage, r.outcome_on AS "outcomeOn", r.outcome_amount_fen AS "outcomeAmountFen", r.lost_reason AS "lostReason", r.lost_note AS "lostNote"
       FROM contracts k LEFT JOIN renewals r ON r.contract_id = k.id AND r.deleted_at IS NULL
      WHERE k.deleted_at IS NULL ORDER BY k.number, k.id, r.id`,
  );
}
const byNumber = async (t: TestContext) => Object.fromEntries((await terms(t)).map(({ number, ...rest }) => [number, rest]));
const auditCount = async (t: TestContext) => (await sqlRow<{ n: number }>(t.ctx.db, 'SELECT count(*) AS n FROM audit_log'))?.n;

const none = { stage: null, outcomeOn: null, outcomeAmountFen: null, lostReason: null, lostNote: null };

describe('the sheet’s renewal columns', { timeout: 60_000 }, () => {
  it('imports 续费状态, 续费日期, 续费金额, 流失原因, 提醒日期 and 开始日期, keeping 合同金额 and 续费金额 apart', async () => {
    const r = await importFile(a, writeFixture(a, renewalColumnsCsv()));
    expect(r).toMatchObject({ committed: true, rejectedRows: 0, warnings: [], ignoredColumns: [], contractsCreated: 12 });
    const k = await byNumber(a);
    expect(k['XF-01']).toEqual({ status: 'renewed', startsOn: '2023-04-01', remindOn: null, amountFen: 760_000, stage: 'renewed', outcomeOn: '2024-04-01', outcomeAmountFen: 880_000, lostReason: null, lostNote: null });
    expect(k['XF-02']).toMatchObject({ status: 'renewed', stage: 'renewed', outcomeOn: '2025-03-20', outcomeAmountFen: null });
    // Ended 237 days before the import with no later term and no decision: 已到期 history (the chain rule).
    expect(k['XF-03']).toMatchObject({ status: 'expired', remindOn: '2026-02-01', stage: 'negotiating' });
    // 未续费, 待跟进 and a blank status create no record of their own; the chain rule links HT-10 → HT-11 and
    // TJ-1 → TJ-2 (the later term is the evidence), giving the earlier term the later one's start and amount.
    expect(k['HT-10']).toMatchObject({ status: 'renewed', amountFen: 1_200_000, stage: 'renewed', outcomeOn: '2025-07-01', outcomeAmountFen: 1_200_000 });
    expect(k['XM-2']).toMatchObject({ status: 'active', ...none });
    expect(k['TJ-1']).toMatchObject({ status: 'renewed', stage: 'renewed', outcomeOn: '2025-12-08', outcomeAmountFen: 520_000 });
    expect(k['HT-11']).toMatchObject({ status: 'active', stage: 'lost', outcomeOn: '2026-05-10', lostReason: '价格', lostNote: '预算削减一半' });
    expect(k['NJ-1']).toMatchObject({ stage: 'lost', lostReason: '竞品', lostNote: null });
    expect(k['NJ-2']).toMatchObject({ stage: 'contacted' });
    expect(k['XM-1']).toMatchObject({ stage: 'negotiating', remindOn: '2026-12-15', startsOn: '2026-01-01' });
    expect(k['TJ-2']).toMatchObject({ status: 'renewed', stage: 'renewed', amountFen: 520_000, outcomeAmountFen: 600_050, remindOn: '2026-11-01' });
    expect(k['JN-1']).toMatchObject({ stage: 'negotiating' });

    const sheet = fs.readFileSync(await exportTo(a, 'contracts', 'csv'), 'utf8');
    const lines = sheet.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFF客户名称,联系人,职务,电话,合同编号,签订日期,开始日期,到期日期,合同金额,服务内容,续费周期,客户等级,负责人,续费状态,续费日期,续费金额,流失原因,提醒日期,备注',
    );
    expect(lines).toContain('成都万象教育咨询有限公司,李娜,,18610898435,XF-01,2023-03-20,2023-04-01,2024-03-31,7600.00,会员服务,年,VIP,刘洋,已续费,2024-04-01,8800.00,,,');
    expect(lines).toContain('杭州立信科技有限公司,孙佳怡,,028-60343355,HT-10,2024-06-20,,2025-06-30,12000.00,企业邮箱,年,普通,吴昊,已续费,2025-07-01,12000.00,,,');
    expect(lines).toContain('杭州立信科技有限公司,孙佳怡,,028-60343355,HT-11,2025-06-25,2025-07-01,2026-06-30,12000.00,企业邮箱,年,普通,吴昊,已流失,2026-05-10,,价格：预算削减一半,,');
    expect(lines).toContain('南京智联环保科技有限公司,秦雪梅,,18954041657,NJ-1,2024-01-05,,2025-01-04,3600.00,视频会议系统,季,重要,张伟,已流失,,,竞品,,');
    expect(lines).toContain('天津永兴软件有限公司,邹国强,,15203228595,TJ-2,2025-12-01,2025-12-08,2026-12-07,5200.00,ERP系统维护,年,普通,孙磊,已续费,2026-11-30,6000.50,,2026-11-01,');
    // --headers en changes the headers only, never the words in the cells.
    const en = fs.readFileSync(await exportTo(a, 'contracts', 'csv', 'en'), 'utf8').split('\r\n');
    expect(en[0]).toBe(
      '\uFEFFCustomer,Contact,Title,Phone,Contract No,Signed,Start Date,End Date,Amount,Service,Cycle,Tier,Owner,Renewal Status,Renewal Date,Renewal Amount,Lost Reason,Reminder Date,Notes',
    );
    expect(en.slice(1)).toEqual(lines.slice(1));
  });

  it('export → import into a fresh database → export is byte-identical, in CSV and .xlsx, with either headers', async () => {
    await importFile(a, writeFixture(a, renewalColumnsCsv()));
    for (const [ext, headers] of [['csv', 'zh'], ['xlsx', 'zh'], ['xlsx', 'en'], ['csv', 'en']] as const) {
      const fresh = await openTestContext();
      try {
        const first = await exportTo(a, 'contracts', ext, headers);
        const r = await importFile(fresh, first);
        expect(r, `${ext} ${headers}`).toMatchObject({ committed: true, rejectedRows: 0, warnings: [], ignoredColumns: [] });
        const second = await exportTo(fresh, 'contracts', ext, headers);
        expect(await byNumber(fresh), `${ext} ${headers}`).toEqual(await byNumber(a));
        expect(fs.readFileSync(second).equals(fs.readFileSync(first)), `${ext} ${headers}`).toBe(true);
      } finally {
        await fresh.close();
      }
    }
  });

  it('re-importing an export into the same database changes nothing: no audit row, every contract unchanged', async () => {
    await importFile(a, writeFixture(a, renewalColumnsCsv()));
    for (const ext of ['csv', 'xlsx'] as const) {
      const before = await auditCount(a);
      const state = await terms(a);
      const r = await importFile(a, await exportTo(a, 'contracts', ext));
      expect(r, ext).toMatchObject({ contractsCreated: 0, contractsUpdated: 0, contractsUnchanged: 12, customersUpdated: 0, changes: [] });
      expect(await auditCount(a), ext).toBe(before);
      expect(await terms(a), ext).toEqual(state);
    }
  });

  it('never downgrades or erases: 未续费 and 待跟进 keep a stage, blank cells keep what is stored', async () => {
    await importFile(a, writeFixture(a, renewalColumnsCsv()));
    const sheet = [
      '客户名称,合同编号,到期日期,续费状态,续费日期,续费金额,流失原因,提醒日期',
      '厦门合众食品有限公司,XM-1,2026-12-31,未续费,,,,',
      '南京智联环保科技有限公司,NJ-2,2026-01-31,待跟进,,,,',
      '成都万象教育咨询有限公司,XF-01,2024-03-31,,,,,',
      '杭州立信科技有限公司,HT-11,2026-06-30,已流失,,,,',
      '天津永兴软件有限公司,TJ-1,2025-12-07,谈判中,,,,2025-11-01',
    ].join('\n');
    const r = await importFile(a, writeFixture(a, sheet), { kind: 'contracts' });
    expect(r).toMatchObject({ rejectedRows: 0, contractsUpdated: 1, contractsUnchanged: 4 });
    const k = await byNumber(a);
    expect(k['XM-1']).toMatchObject({ stage: 'negotiating', remindOn: '2026-12-15' });
    expect(k['NJ-2']).toMatchObject({ stage: 'contacted' });
    expect(k['XF-01']).toMatchObject({ stage: 'renewed', outcomeOn: '2024-04-01', outcomeAmountFen: 880_000, amountFen: 760_000 });
    expect(k['HT-11']).toMatchObject({ stage: 'lost', lostReason: '价格', lostNote: '预算削减一半' });
    // TJ-2 renews TJ-1 (the chain rule), and an undecided word does not undo that: the later term is the evidence.
    expect(k['TJ-1']).toMatchObject({ stage: 'renewed', remindOn: '2025-11-01' });
    expect(r.changes).toEqual([
      {
        line: 6,
        entity: 'contract',
        key: 'TJ-1',
        fields: [
          { field: '提醒日期', from: null, to: '2025-11-01' },
          { field: '续费状态', from: '已续费', to: '谈判中' },
        ],
      },
    ]);
  });

  it('a term the sheet takes back from 已续费 is active again, unless a later term renews it', async () => {
    await importFile(a, writeFixture(a, renewalColumnsCsv()));
    const xf1 = (await a.call('contracts:list', { limit: 500 })).items.find((k: { number: string }) => k.number === 'XF-01');
    const xf2 = (await a.call('contracts:list', { limit: 500 })).items.find((k: { number: string }) => k.number === 'XF-02');
    await sqlRows(a.ctx.db, 'UPDATE contracts SET renewal_of = ? WHERE id = ?', xf1.id, xf2.id);
    const sheet = ['客户名称,合同编号,到期日期,续费状态', '成都万象教育咨询有限公司,XF-01,2024-03-31,谈判中', '成都万象教育咨询有限公司,XF-02,2025-03-31,已流失'];
    await importFile(a, writeFixture(a, sheet.join('\n')));
    const k = await byNumber(a);
    // XF-02 renews XF-01: an undecided word on XF-01 leaves it renewed, the later term being the evidence.
    expect(k['XF-01']).toMatchObject({ status: 'renewed', stage: 'renewed' });
    expect(k['XF-02']).toMatchObject({ status: 'active', stage: 'lost', outcomeOn: '2025-03-20' });
  });

  it('a 续费金额 that is the sheet’s only amount column is the term’s amount, as before', async () => {
    const sheet = ['客户,合同号,到期日期,续费金额,续费状态', '甲公司,A-1,2026-06-30,12800,已续费', '乙公司,B-1,2026-07-31,"￥9,000",'].join('\r\n');
    const r = await importFile(a, writeFixture(a, sheet));
    expect(r).toMatchObject({ kind: 'contracts', rejectedRows: 0, ignoredColumns: [] });
    const k = await byNumber(a);
    expect(k['A-1']).toMatchObject({ amountFen: 1_280_000, stage: 'renewed', outcomeAmountFen: null });
    expect(k['B-1']).toMatchObject({ amountFen: 900_000, stage: null });
  });

  it('checks dates as the contract form does: after 开始日期 when there is one, else after 签订日期', async () => {
    const sheet = [
      '客户名称,合同编号,签订日期,开始日期,到期日期',
      '甲公司,A-1,2026-03-01,2025-07-01,2026-06-30',
      '甲公司,A-2,2026-07-01,,2026-06-30',
      '甲公司,A-3,,2026-07-01,2026-06-30',
    ].join('\n');
    const r = await importFile(a, writeFixture(a, sheet));
    expect(r).toMatchObject({ contractsCreated: 1, rejectedRows: 2 });
    expect(r.rejected.map((x: { line: number; key: string }) => [x.line, x.key])).toEqual([
      [3, 'reasons.endsBeforeSigned'],
      [4, 'reasons.endsBeforeStart'],
    ]);
    expect((await byNumber(a))['A-1']).toMatchObject({ startsOn: '2025-07-01' });
  });

  it('refuses an unknown 续费状态 word, naming the words it takes, in both languages', async () => {
    const sheet = ['客户名称,合同编号,到期日期,续费状态', '甲公司,A-1,2026-06-30,作废', '乙公司,B-1,2026-06-30,已续约'].join('\n');
    const r = await importFile(a, writeFixture(a, sheet));
    expect(r).toMatchObject({ rejectedRows: 1, contractsCreated: 1 });
    expect(r.rejected).toEqual([expect.objectContaining({ line: 2, column: '续费状态', key: 'reasons.unknownRenewalStatus', params: { text: '作废' } })]);
    const message = { key: r.rejected[0].key, params: r.rejected[0].params };
    expect(renderIn('zh-CN', message)).toBe('无法识别的续费状态「作废」（可填：待跟进、已联系、谈判中、已续费、已流失，或 未续费、续费中）');
    expect(renderIn('en-US', message)).toContain('Unknown renewal status “作废”');
  });

  it('an import undo removes the renewal records it created and restores the ones it changed', async () => {
    await importFile(a, writeFixture(a, renewalColumnsCsv()));
    const state = await terms(a);
    const r = await importFile(a, writeFixture(a, ['客户名称,合同编号,到期日期,续费状态,续费日期', '天津永兴软件有限公司,TJ-1,2025-12-07,已续费,2025-12-01', '南京智联环保科技有限公司,NJ-2,2026-01-31,已流失,'].join('\n')), {
      kind: 'contracts',
    });
    expect((await byNumber(a))['TJ-1']).toMatchObject({ status: 'renewed', stage: 'renewed', outcomeOn: '2025-12-01' });
    expect((await byNumber(a))['NJ-2']).toMatchObject({ stage: 'lost' });
    await a.call('import:undo', { batchId: r.batchId });
    expect(await terms(a)).toEqual(state);
    // Undoing the batch that created the terms leaves no renewal record behind.
    const created = await importFile(b, writeFixture(b, renewalColumnsCsv()));
    await b.call('import:undo', { batchId: created.batchId });
    expect(await terms(b)).toEqual([]);
    expect((await sqlRow<{ n: number }>(b.ctx.db, 'SELECT count(*) AS n FROM renewals WHERE deleted_at IS NULL'))?.n).toBe(0);
  });
});

describe('the 续约 list export', { timeout: 60_000 }, () => {
  it('writes 续费状态 and 流失原因 in the contract export’s words', async () => {
    await importFile(b, writeFixture(b, renewalColumnsCsv()));
    const { contentBase64 } = await b.call('export:renewals', { window: 'custom', from: '2025-01-01', to: '2026-12-31', stage: 'lost', format: 'csv', headers: 'zh' });
    const lines = Buffer.from(contentBase64, 'base64').toString('utf8').split('\r\n');
    expect(lines[0]).toBe('\uFEFF客户名称,合同编号,到期日期,剩余天数,合同金额,续费周期,客户等级,负责人,续费状态,流失原因');
    expect(lines.slice(1, -1).map((l) => l.split(',').slice(8).join(','))).toEqual(['已流失,竞品', '已流失,价格：预算削减一半']);
  });
});
