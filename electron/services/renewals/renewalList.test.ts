import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { importFile, writeFixture } from '../../../test-support/import/importTestKit.ts';

// The 续约 list's tabs and filters: 已逾期 is active and undecided only, 已到期 history has its own tab, and
// search and an import batch narrow any tab.

let t: TestContext;
let vip: string;
let normal: string;
beforeEach(async () => {
  t = await openTestContext('2027-01-20T02:00:00.000Z');
  vip = (await t.call('customers:create', { name: '杭州云启科技有限公司', tier: 'vip' })).id;
  normal = (await t.call('customers:create', { name: '宁波海纳贸易有限公司', tier: 'normal' })).id;
});
afterEach(async () => {
  await t.close();
});

const numbers = async (input: Record<string, unknown>) => (await t.call('renewals:list', input)).items.map((i: any) => i.contractNo).sort();

describe('renewals:list tabs', () => {
  it('已逾期 leaves out 已到期 history and decided terms; the history tab lists exactly the undecided history', async () => {
    await t.call('contracts:create', { customerId: vip, number: 'OVER', startsOn: '2026-01-01', endsOn: '2026-12-31' });
    await t.call('contracts:create', { customerId: vip, number: 'HIST', startsOn: '2024-01-01', endsOn: '2024-12-31', status: 'expired' });
    const lostHist = await t.call('contracts:create', { customerId: normal, number: 'HIST-LOST', startsOn: '2023-01-01', endsOn: '2023-12-31', status: 'expired' });
    await t.call('renewals:setStage', { contractId: lostHist.id, stage: 'lost', lostReason: '价格' });
    const lostOver = await t.call('contracts:create', { customerId: normal, number: 'OVER-LOST', startsOn: '2026-01-01', endsOn: '2027-01-10' });
    await t.call('renewals:setStage', { contractId: lostOver.id, stage: 'lost', lostReason: '价格' });
    await t.call('contracts:create', { customerId: normal, number: 'SOON', startsOn: '2026-02-01', endsOn: '2027-02-05' });

    expect(await numbers({ window: 'overdue' })).toEqual(['OVER']);
    expect(await numbers({ window: 'history' })).toEqual(['HIST']);
    expect(await numbers({ window: '30' })).toEqual(['SOON']);
    const flagged = await t.call('renewals:flagged', {});
    expect(flagged.overdue.map((f: any) => f.contractNo)).toEqual(['OVER']);
  });

  it('each item carries its display status and the tier window that makes it 即将到期', async () => {
    await t.call('contracts:create', { customerId: vip, number: 'VIP-80', startsOn: '2026-04-11', endsOn: '2027-04-10' }); // 80 days
    await t.call('contracts:create', { customerId: normal, number: 'N-80', startsOn: '2026-04-11', endsOn: '2027-04-10' });
    await t.call('contracts:create', { customerId: normal, number: 'N-OVER', startsOn: '2026-01-01', endsOn: '2026-12-31' });
    await t.call('contracts:create', { customerId: normal, number: 'N-HIST', startsOn: '2024-01-01', endsOn: '2024-12-31', status: 'expired' });
    const byNo = async (window: string) =>
      Object.fromEntries((await t.call('renewals:list', { window })).items.map((i: any) => [i.contractNo, [i.displayStatus, i.dueSoonDays]]));
    expect(await byNo('90')).toEqual({ 'VIP-80': ['dueSoon', 90], 'N-80': ['active', 30] });
    expect(await byNo('overdue')).toEqual({ 'N-OVER': ['overdue', 30] });
    expect(await byNo('history')).toEqual({ 'N-HIST': ['expired', 30] });
    const detail = await t.call('customers:get', { id: normal });
    expect(Object.fromEntries(detail.contracts.map((c: any) => [c.number, c.displayStatus]))).toEqual({ 'N-80': 'active', 'N-OVER': 'overdue', 'N-HIST': 'expired' });
  });
});

describe('renewals:list search and batch', () => {
  it('finds by customer name, contact phone or contract number, case-insensitively, with LIKE wildcards taken literally', async () => {
    await t.call('contacts:create', { customerId: normal, name: '王芳', phone: '138-0571-2345' });
    await t.call('contracts:create', { customerId: vip, number: 'YQ-2026-a', startsOn: '2026-02-01', endsOn: '2027-02-10' });
    await t.call('contracts:create', { customerId: normal, number: 'HN_100%', startsOn: '2026-02-01', endsOn: '2027-02-11' });
    expect(await numbers({ window: '30', search: '云启' })).toEqual(['YQ-2026-a']);
    expect(await numbers({ window: '30', search: 'yq-2026-A' })).toEqual(['YQ-2026-a']);
    expect(await numbers({ window: '30', search: '王芳' })).toEqual(['HN_100%']);
    expect(await numbers({ window: '30', search: '13805712345' })).toEqual(['HN_100%']);
    expect(await numbers({ window: '30', search: '_100%' })).toEqual(['HN_100%']);
    expect(await numbers({ window: '30', search: '%' })).toEqual(['HN_100%']);
    expect(await numbers({ window: '30', search: '不存在' })).toEqual([]);
    // A letter query matches the customer's name by pinyin too, as in the customer list.
    expect(await numbers({ window: '30', search: 'hzyq' })).toEqual(['YQ-2026-a']);
    expect(await numbers({ window: '30', search: 'nbhn' })).toEqual(['HN_100%']);
  });

  it('batchId keeps only the contracts that import batch wrote', async () => {
    await t.call('contracts:create', { customerId: vip, number: 'BY-HAND', startsOn: '2026-01-01', endsOn: '2026-12-31' });
    // Two services, so the chain rule does not make IMP-2 the renewal of IMP-1.
    const csv = ['客户名称,合同编号,开始日期,到期日期,续费周期,服务内容', '温州启航制造有限公司,IMP-1,2026-01-01,2026-12-20,年,企业邮箱', '温州启航制造有限公司,IMP-2,2026-02-01,2027-01-31,年,云服务器'].join('\n');
    const result = await importFile(t, writeFixture(t, csv), { kind: 'contracts' });
    expect(result.batchId).toBeTruthy();
    expect(await numbers({ window: 'overdue' })).toEqual(['BY-HAND', 'IMP-1']);
    expect(await numbers({ window: 'overdue', batchId: result.batchId })).toEqual(['IMP-1']);
    expect(await numbers({ window: '30', batchId: result.batchId })).toEqual(['IMP-2']);
    expect(await numbers({ window: '30', batchId: 'no-such-batch' })).toEqual([]);
  });
});
