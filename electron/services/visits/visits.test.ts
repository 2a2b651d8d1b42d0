import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';

// Real SQLite file, the real handler table and the injected clock: 10 June 2026 (local noon, any zone near UTC+8).

let t: TestContext;
let vip: string;
let normal: string;
let vip2: string;
const owners: string[] = [];
beforeEach(async () => {
  // Created in 2025: key customers for the whole of 2026.
  t = await openTestContext('2025-12-01T04:00:00.000Z');
  owners.length = 0;
  for (const name of ['王经理', '李经理', '赵经理']) owners.push((await t.call('owners:create', { name })).id);
  vip = (await t.call('customers:create', { name: '杭州云启科技有限公司', tier: 'vip' })).id;
  normal = (await t.call('customers:create', { name: '宁波海川贸易', tier: 'normal', ownerId: owners[2] })).id;
  vip2 = (await t.call('customers:create', { name: '绍兴越城物流', tier: 'vip' })).id;
  t.setNow('2026-06-10T04:00:00.000Z');
  // 回访 follow-ups of the VIP: two in February, one on 30 April (local), one in 2025; a 续约 contact that is no visit.
  for (const at of ['2026-01-15T02:00:00.000Z', '2026-02-03T02:00:00.000Z', '2026-02-20T02:00:00.000Z', '2026-04-30T08:00:00.000Z', '2025-12-31T02:00:00.000Z']) {
    await t.call('followups:create', { customer: vip, at, channel: 'phone', kind: 'revisit', summary: '回访' });
  }
  await t.call('followups:create', { customer: vip, at: '2026-03-05T02:00:00.000Z', channel: 'visit', kind: 'renewal', summary: '谈续约' });
});
afterEach(async () => {
  await t.close();
});

const planOf = async (customerId: string) => ((await t.call('visits:plan', {})).customers as any[]).find((c) => c.customerId === customerId);

describe('key customers and the visit plan', () => {
  it('plans 12 monthly visits for a VIP key customer all year and flags the missed ones; marking one done updates adherence', async () => {
    const keys = await t.call('visits:keyCustomers', {});
    expect(keys).toMatchObject({ keyTiers: ['vip'], total: 2 });
    const plan = await planOf(vip);
    expect(plan.standard).toEqual({ tierCode: 'vip', period: 'month', visits: 1 });
    expect(plan.visits).toHaveLength(12);
    expect(plan.visits.map((v: any) => v.status)).toEqual(['done', 'done', 'missed', 'done', 'missed', 'due', ...Array(6).fill('upcoming')]);
    expect(plan.counts).toEqual({ planned: 12, done: 3, missed: 2, due: 1, upcoming: 6, rate: 0.6 });

    const due = await t.call('visits:due', {});
    expect(due.items.map((d: any) => [d.customerName, d.periodStart, d.daysLeft, d.remindOn])).toEqual([
      ['杭州云启科技有限公司', '2026-06-01', 21, '2026-06-24'],
      ['绍兴越城物流', '2026-06-01', 21, '2026-06-24'],
    ]);

    const done = await t.call('visits:markDone', { customerId: vip, summary: '上门回访，客户满意' });
    expect((await planOf(vip)).counts).toMatchObject({ done: 4, due: 0, missed: 2 });
    expect((await t.call('visits:due', {})).total).toBe(1);
    // A late record for May (a past day inside the period) covers the missed May visit.
    await t.call('visits:markDone', { customerId: vip, on: '2026-05-20', channel: 'phone' });
    expect((await planOf(vip)).visits[4]).toMatchObject({ status: 'done', doneOn: '2026-05-20' });
    expect(await t.envelope('visits:markDone', { customerId: vip, on: '2026-06-11' })).toMatchObject({ ok: false, error: { field: 'on' } });

    expect((await t.call('visits:undo', { undoToken: done.undoToken })).undone).toBeGreaterThan(0);
    expect((await planOf(vip)).visits[5]).toMatchObject({ status: 'due', doneOn: null });
  });

  it('follows the criteria and manual decisions, keeps the manager history, counts adherence per owner', async () => {
    await t.call('visits:include', { customerId: normal, included: true });
    const removed = await t.call('visits:include', { customerId: vip2, included: false });
    let keys = await t.call('visits:keyCustomers', {});
    expect(keys.items.map((k: any) => [k.customerName, k.manual])).toEqual([['杭州云启科技有限公司', null], ['宁波海川贸易', true]]);
    expect(keys.removed.map((k: any) => k.customerName)).toEqual(['绍兴越城物流']);
    // Added by hand on 10 June: planned from the second quarter on.
    expect((await planOf(normal)).visits.map((v: any) => `${v.periodStart}:${v.status}`)).toEqual(['2026-04-01:due', '2026-07-01:upcoming', '2026-10-01:upcoming']);

    expect(await t.envelope('visits:assign', { customerId: vip, managerId: owners[0], backupId: owners[0] })).toMatchObject({ ok: false, error: { field: 'backupId' } });
    expect(await t.envelope('visits:assign', { customerId: vip2, managerId: owners[0], backupId: owners[1] })).toMatchObject({ ok: false, error: { field: 'customerId' } });
    await t.call('visits:assign', { customerId: vip, managerId: owners[0], backupId: owners[1] });
    t.setNow('2026-06-12T04:00:00.000Z');
    const reassigned = await t.call('visits:assign', { customerId: vip, managerId: owners[1], backupId: owners[0], note: '交接' });
    expect(reassigned.history.map((h: any) => [h.managerName, h.backupName, h.fromOn, h.untilOn])).toEqual([
      ['李经理', '王经理', '2026-06-12', null],
      ['王经理', '李经理', '2026-06-10', '2026-06-12'],
    ]);

    const plan = await t.call('visits:plan', {});
    expect(plan.owners.map((o: any) => [o.ownerName, o.customers, o.planned, o.done, o.missed, o.due])).toEqual([
      ['李经理', 1, 12, 3, 2, 1],
      ['赵经理', 1, 3, 0, 0, 1],
    ]);
    expect(plan.totals).toMatchObject({ planned: 15, done: 3, missed: 2, due: 2 });

    // The criteria: important only; the VIP leaves, the manual add stays; undo brings the VIP criteria back.
    const criteria = await t.call('visits:setCriteria', { tiers: ['important'] });
    expect((await t.call('visits:keyCustomers', {})).items.map((k: any) => k.customerName)).toEqual(['宁波海川贸易']);
    await t.call('visits:undo', { undoToken: criteria.undoToken });
    await t.call('visits:undo', { undoToken: removed.undoToken });
    keys = await t.call('visits:keyCustomers', {});
    expect(keys.total).toBe(3);

    // A standard changed to 2 per quarter plans 8 visits; removing it leaves the tier without a plan.
    await t.call('visits:setStandard', { tierCode: 'vip', period: 'quarter', visits: 2 });
    expect((await planOf(vip)).counts).toMatchObject({ planned: 8, done: 3, missed: 0, due: 1, upcoming: 4 });
    await t.call('visits:removeStandard', { tierCode: 'vip' });
    expect((await planOf(vip)).visits).toEqual([]);
    expect(await t.envelope('visits:undo', { undoToken: (await t.call('customers:create', { name: '另一家' })).undoToken ?? 'x' })).toMatchObject({ ok: false });
  });

  it('builds the annual review and exports the plan and the reviews', async () => {
    await t.call('contracts:create', { customerId: vip, number: 'HT-2026-1', startsOn: '2026-02-01', endsOn: '2027-01-31', amountFen: 120_000_00 });
    // The year's care: two complaints received and open; two surveys of the year (every score averaged: 20 / 6), one of 2025 left out.
    const dims = ((await t.call('surveys:dimensions', { activeOnly: true })).items as { id: string }[]).map((d) => d.id);
    const scores = (values: number[]) => Object.fromEntries(dims.map((id, i) => [id, values[i]]));
    await t.call('surveys:save', { customerId: vip, onDate: '2026-03-10', channel: 'phone', scores: scores([4, 4, 5]) });
    await t.call('surveys:save', { customerId: vip, onDate: '2026-09-10', channel: 'phone', scores: scores([2, 2, 3]) });
    await t.call('surveys:save', { customerId: vip, onDate: '2025-12-31', channel: 'phone', scores: scores([1, 1, 1]) });
    const handlerId = (await t.call('owners:create', { name: '投诉处理人' })).id;
    for (const summary of ['发票有误', '响应慢']) await t.call('complaints:create', { customerId: vip, summary, severity: 'normal', handlerId, receivedAt: '2026-04-01T02:00:00.000Z', note: '' });
    const review = await t.call('visits:review', { customerId: vip, year: 2026 });
    expect(review).toMatchObject({
      year: 2026, contractsStarted: 1, contractValueFen: 120_000_00, followUps: 5, complaintFollowUps: 0,
      complaintsReceived: 2, complaintsOpen: 2, surveys: 2, satisfactionAverage: 3.33,
      visits: { planned: 12, done: 3, missed: 2 }, openWarnings: 0, history: [],
    });
    expect(await t.envelope('visits:review', { customerId: normal })).toMatchObject({ ok: false, error: { field: 'customerId' } });

    const sheet = await t.call('export:visits', { format: 'csv' });
    expect(sheet.rows).toBe(24); // 12 for each VIP (both created in 2025)
    const text = Buffer.from(sheet.contentBase64, 'base64').toString('utf8');
    expect(text.split(/\r?\n/)[0]).toContain('客户,客户等级,客户经理');
    expect(text).toContain('已错过');
    const reviews = await t.call('export:keyReview', { format: 'xlsx', headers: 'en' });
    expect(reviews.rows).toBe(2);
  });
});
