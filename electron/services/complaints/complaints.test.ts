import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { q } from '../../../db/handle.ts';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';

// Real SQLite file, the real handler table, the injected clock. Times are UTC instants; the calendar-hours SLA
// (the default) does not depend on the zone.

let t: TestContext;
let zhang: string;
let li: string;
let customerId: string;
let contractId: string;
beforeEach(async () => {
  t = await openTestContext('2026-12-04T02:00:00.000Z');
  zhang = (await t.call('owners:create', { name: '张三' })).id;
  li = (await t.call('owners:create', { name: '李娜' })).id;
  customerId = (await t.call('customers:create', { name: '杭州云启科技有限公司', ownerId: zhang })).id;
  contractId = (await t.call('contracts:create', { customerId, number: 'HT-1', endsOn: '2027-06-30', amountFen: 100_000 })).id;
});
afterEach(async () => {
  await t.close();
});

const refusal = async (input: object) => {
  const e = await t.envelope('complaints:advance', input);
  expect(e.ok).toBe(false);
  return [e.error.code, e.error.message];
};

/** The factor SQL given to the lead for the health score: a customer's complaints not closed. */
const openComplaintsOf = async (id: string) =>
  (
    await sql<{ n: number }>`SELECT (SELECT COUNT(*) FROM complaints p WHERE p.customer_id = c.id AND p.deleted_at IS NULL AND p.closed_at IS NULL) AS n
      FROM customers c WHERE c.id = ${id}`.execute(q(t.ctx.db))
  ).rows[0]?.n;

describe('a complaint walks 受理 → 调查 → 处理 → 反馈 → 关闭, one step at a time', () => {
  it('refuses skipping, going back and closing before 反馈; each step records its handler, time and notes', async () => {
    const { complaint } = await t.call('complaints:create', {
      customerId,
      contractId,
      summary: '发票金额与合同不符',
      category: '账单费用',
      severity: 'serious',
      handlerId: zhang,
      note: '电话受理',
    });
    // 严重: 24 calendar hours from receipt.
    expect(complaint).toMatchObject({ step: 'accepted', nextStep: 'investigating', dueAt: '2026-12-05T02:00:00.000Z', overdue: false, handlerName: '张三' });
    expect(await openComplaintsOf(customerId)).toBe(1);

    expect(await refusal({ id: complaint.id, step: 'handling', handlerId: li })).toEqual(['VALIDATION', '不能跳过环节：记录“处理”之前须先记录“调查”']);
    expect(await refusal({ id: complaint.id, step: 'closed', handlerId: li })).toEqual(['VALIDATION', '不能跳过环节：记录“关闭”之前须先记录“调查”']);

    t.setNow('2026-12-04T03:00:00.000Z');
    await t.call('complaints:advance', { id: complaint.id, step: 'investigating', handlerId: li, note: '核对开票记录' });
    expect(await refusal({ id: complaint.id, step: 'accepted', handlerId: li })).toEqual(['VALIDATION', '投诉已到“调查”，不能回到或重复“受理”']);
    // Satisfaction belongs to 反馈 / 关闭.
    expect(await refusal({ id: complaint.id, step: 'handling', handlerId: li, satisfaction: 4 })).toEqual(['VALIDATION', '满意度只能在反馈或关闭时记录']);

    t.setNow('2026-12-04T05:00:00.000Z');
    await t.call('complaints:advance', { id: complaint.id, step: 'handling', handlerId: li, note: '重开发票' });
    expect(await refusal({ id: complaint.id, step: 'closed', handlerId: zhang })).toEqual(['VALIDATION', '不能跳过环节：记录“关闭”之前须先记录“反馈”']);

    t.setNow('2026-12-04T06:00:00.000Z');
    await t.call('complaints:advance', { id: complaint.id, step: 'feedback', handlerId: zhang, note: '客户确认', satisfaction: 4 });
    t.setNow('2026-12-04T08:30:00.000Z');
    const closed = await t.call('complaints:advance', { id: complaint.id, step: 'closed', handlerId: zhang });
    expect(closed.complaint).toMatchObject({ step: 'closed', nextStep: null, closedAt: '2026-12-04T08:30:00.000Z', satisfaction: 4, overdue: false });
    expect(await refusal({ id: complaint.id, step: 'closed', handlerId: zhang })).toEqual(['VALIDATION', '这件投诉已关闭，不能再记录环节']);
    expect(await openComplaintsOf(customerId)).toBe(0);

    const detail = await t.call('complaints:get', { id: complaint.id });
    expect(detail.steps.map((s: any) => [s.step, s.handlerName, s.at, s.note])).toEqual([
      ['accepted', '张三', '2026-12-04T02:00:00.000Z', '电话受理'],
      ['investigating', '李娜', '2026-12-04T03:00:00.000Z', '核对开票记录'],
      ['handling', '李娜', '2026-12-04T05:00:00.000Z', '重开发票'],
      ['feedback', '张三', '2026-12-04T06:00:00.000Z', '客户确认'],
      ['closed', '张三', '2026-12-04T08:30:00.000Z', null],
    ]);

    // Undo the close: open again at 反馈, its step gone.
    await t.call('complaints:undo', { undoToken: closed.undoToken });
    const back = await t.call('complaints:get', { id: complaint.id });
    expect([back.complaint.step, back.complaint.closedAt, back.steps.length]).toEqual(['feedback', null, 4]);

    // Report: one received, open again; 18.5 h when closed.
    await t.call('complaints:advance', { id: complaint.id, step: 'closed', handlerId: zhang, version: back.complaint.version });
    const report = await t.call('complaints:report', { from: '2026-12-01', to: '2026-12-31' });
    expect(report).toMatchObject({ count: 1, closed: 1, open: 0, overdue: 0, averageHours: 6.5, medianHours: 6.5, averageSatisfaction: 4 });
    expect(report.byCategory).toEqual([{ category: '账单费用', count: 1, open: 0, averageHours: 6.5 }]);
  });

  it('turns a 投诉 follow-up into a linked, prefilled complaint once; flags it overdue and reminds its handler', async () => {
    const revisit = await t.call('followups:create', { customer: customerId, kind: 'revisit', summary: '例行回访', ownerId: li });
    expect((await t.envelope('complaints:create', { followUpId: revisit.id, severity: 'normal' })).error.message).toBe('只有“投诉”类的跟进记录可以转为投诉');
    const f = await t.call('followups:create', { customer: customerId, contractId, kind: 'complaint', summary: '上门安装迟到两天', ownerId: li, at: '2026-12-04T01:00:00.000Z' });
    const { complaint } = await t.call('complaints:create', { followUpId: f.id, severity: 'urgent' });
    // Prefilled from the follow-up: customer, contract, text, handler, time; the default list's last category (其他).
    expect(complaint).toMatchObject({
      followUpId: f.id, customerId, contractId, summary: '上门安装迟到两天', handlerId: li, receivedAt: '2026-12-04T01:00:00.000Z',
      category: '其他', dueAt: '2026-12-04T05:00:00.000Z',
    });
    expect((await t.envelope('complaints:create', { followUpId: f.id, severity: 'urgent' })).error.message).toBe('这条跟进记录已经转为投诉');

    // Overdue after its 4 hours (紧急), by the injected clock; the list filters it; its handler is reminded once.
    expect((await t.call('complaints:list', { overdue: true })).total).toBe(0);
    t.setNow('2026-12-04T05:01:00.000Z');
    expect((await t.call('complaints:list', { overdue: true })).items.map((c: any) => [c.id, c.overdue])).toEqual([[complaint.id, true]]);
    const run = await t.call('reminders:run', { now: '2026-12-04T05:01:00.000Z' });
    const fired = run.fired.filter((r: any) => r.kind === 'complaint');
    expect(fired).toEqual([{ kind: 'complaint', customer: '杭州云启科技有限公司', dueAt: '2026-12-04T05:00:00.000Z' }]);
    const notice = (await t.call('notifications:list')).items.find((n: any) => n.kind === 'complaint');
    expect([notice.title, notice.body]).toEqual(['投诉超时：杭州云启科技有限公司 上门安装迟到两天', expect.stringMatching(/^紧急投诉已过处理时限（.+），当前环节：受理。处理人：李娜。$/)]);
    expect((await t.call('reminders:run', { now: '2026-12-04T06:00:00.000Z' })).fired.filter((r: any) => r.kind === 'complaint')).toEqual([]);

    // A second complaint closed in time never reminds: its pending reminder goes at 关闭.
    const other = (await t.call('complaints:create', { customerId, summary: '客服态度差', severity: 'urgent', handlerId: zhang })).complaint;
    for (const step of ['investigating', 'handling', 'feedback', 'closed']) await t.call('complaints:advance', { id: other.id, step, handlerId: zhang });
    const pending = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM reminders WHERE subject_id = ${other.id} AND fired_at IS NULL`.execute(q(t.ctx.db));
    expect(pending.rows[0]?.n).toBe(0);
    expect(await openComplaintsOf(customerId)).toBe(1);

    // An open complaint's pending reminder goes while its customer is archived, and comes back with it.
    const created = await t.call('complaints:create', { customerId, summary: '发票开错抬头', severity: 'normal', handlerId: zhang });
    const third = created.complaint;
    const pendingOf = async (id: string) =>
      (await sql<{ n: number }>`SELECT COUNT(*) AS n FROM reminders WHERE subject_id = ${id} AND kind = 'complaint' AND fired_at IS NULL`.execute(q(t.ctx.db))).rows[0]?.n;
    expect(await pendingOf(third.id)).toBe(1);
    await t.call('customers:archive', { id: customerId });
    expect(await pendingOf(third.id)).toBe(0);
    await t.call('customers:unarchive', { id: customerId });
    expect(await pendingOf(third.id)).toBe(1);
    await t.call('complaints:undo', { undoToken: created.undoToken });
    expect(await pendingOf(third.id)).toBe(0);

    // A change of step or satisfaction marks the customer for the health score (the recompute after each write
    // empties the mark, so the trigger is watched on a bare statement).
    await sql`DELETE FROM health_dirty`.execute(q(t.ctx.db));
    await sql`UPDATE complaints SET satisfaction = 2 WHERE id = ${other.id}`.execute(q(t.ctx.db));
    const dirty = await sql<{ customer_id: string }>`SELECT customer_id FROM health_dirty`.execute(q(t.ctx.db));
    expect(dirty.rows.map((r) => r.customer_id)).toContain(customerId);
  });

  it('counts working hours with 调休 when the settings say so, and keeps the edited category list', async () => {
    const settings = await t.call('complaints:settings');
    expect(settings.categories).toEqual(['产品质量', '服务态度', '交付延误', '账单费用', '其他']);
    expect(settings.sla).toEqual({ mode: 'calendar', hours: { normal: 72, serious: 24, urgent: 4 }, dayStart: '09:00', dayEnd: '18:00' });
    const saved = await t.call('complaints:setSettings', { sla: { ...settings.sla, mode: 'working', hours: { normal: 16, serious: 8, urgent: 2 } }, categories: ['物流', '其他'] });
    expect((await t.call('complaints:settings')).categories).toEqual(['物流', '其他']);
    // Friday 2026-02-27 16:00 local + 8 working hours ends on the 调休 Saturday 2026-02-28 at 15:00 local.
    const receivedAt = new Date(2026, 1, 27, 16).toISOString();
    const { complaint } = await t.call('complaints:create', { customerId, summary: '物流破损', severity: 'serious', handlerId: zhang, receivedAt });
    expect([complaint.dueAt, complaint.category]).toEqual([new Date(2026, 1, 28, 15).toISOString(), '其他']);
    await t.call('complaints:undo', { undoToken: saved.undoToken });
    expect((await t.call('complaints:settings')).sla.mode).toBe('calendar');
  });

  it('exports every complaint as a sheet (CSV here), headers and words in the chosen language; follows a customer merge', async () => {
    const { complaint } = await t.call('complaints:create', { customerId, contractId, summary: '发票有误', category: '账单费用', severity: 'urgent', handlerId: zhang });
    await t.call('complaints:advance', { id: complaint.id, step: 'investigating', handlerId: li });
    t.setNow('2026-12-04T07:00:00.000Z');
    const out = await t.call('export:complaints', { format: 'csv', headers: 'en' });
    expect([out.rows, out.fileName]).toEqual([1, 'Complaints-2026-12-04.csv']);
    const lines = Buffer.from(out.contentBase64, 'base64').toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe("Customer,Contract,Complaint,Category,Severity,Step,Handler,Received,Deadline,Overdue,Closed,Customer's satisfaction with the resolution");
    expect(lines[1]).toMatch(/^杭州云启科技有限公司,HT-1,发票有误,账单费用,Urgent,Investigating,李娜,[\d-]+ [\d:]+,[\d-]+ [\d:]+,Overdue,,$/);
    const zh = await t.call('export:complaints', { format: 'xlsx' });
    expect([zh.rows, zh.fileName]).toEqual([1, '投诉列表-2026-12-04.xlsx']);

    // A customer merge moves the duplicate's complaints to the survivor, and its undo moves them back.
    const survivor = (await t.call('customers:create', { name: '杭州云启科技' })).id;
    const merged = await t.call('customers:merge', { from: customerId, into: survivor });
    expect((await t.call('complaints:list', { customerId: survivor })).items.map((c: any) => c.id)).toEqual([complaint.id]);
    await t.call('customers:undoMerge', { undoToken: merged.undoToken });
    expect((await t.call('complaints:get', { id: complaint.id })).complaint.customerId).toBe(customerId);
  });
});
