import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeCustomerHealth } from '../../../db/repositories/customerHealthRepo.ts';
import type { HealthFactorContribution } from '../../../shared/domain/healthBands.ts';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';

// Real SQLite file, the real handler table, the injected clock (2026-12-05). The scores are put in customer_health
// with the real repository, as the health score's recompute stores them.

let t: TestContext;
let ownerId: string;
beforeEach(async () => {
  t = await openTestContext('2026-12-05T02:00:00.000Z');
  ownerId = (await t.call('owners:create', { name: '张三' })).id;
});
afterEach(async () => {
  await t.close();
});

const delay = (days: number, points: number): HealthFactorContribution => ({ factor: 'paymentDelay', points, measured: days });
const drop = (pct: number, points: number): HealthFactorContribution => ({ factor: 'usageDrop', points, measured: pct });

async function term(name: string, number: string, endsOn: string, amountFen: number | null, score: number | null, factors: HealthFactorContribution[] = []) {
  const customerId = (await t.call('customers:create', { name })).id;
  const contractId = (await t.call('contracts:create', { customerId, number, endsOn, amountFen })).id;
  if (score !== null) await storeCustomerHealth(t.ctx.db, [{ customerId, score, factors, weekOf: '2026-11-30' }], '2026-12-05T02:00:00.000Z');
  return { customerId, contractId };
}

describe('the 风险预警 list', () => {
  it('lists open terms ending within the window whose customer is 关注 or 高危, by amount, and the 首页 card agrees', async () => {
    const a = await term('甲公司', 'HT-A', '2027-01-15', 500_000, 25, [drop(50, -25), delay(30, -30), { factor: 'noPhoneContact', points: 0, measured: null }]);
    await term('乙公司', 'HT-B', '2027-02-20', 900_000, 55, [delay(10, -10)]);
    await term('丙公司', 'HT-C', '2027-02-01', 800_000, 85); // 健康: not listed
    await term('丁公司', 'HT-D', '2027-06-30', 700_000, 20); // beyond 90 days
    await term('戊公司', 'HT-E', '2027-01-10', 100_000, null); // no score yet
    await term('己公司', 'HT-F', '2027-03-04', null, 60); // the 90th day, amount unknown: last

    const list = await t.call('risk:list', {});
    expect(list).toMatchObject({ today: '2026-12-05', windowDays: 90, until: '2027-03-04', total: 3, amountFen: 1_400_000 });
    expect(list.items.map((i: any) => [i.contractNo, i.band, i.score])).toEqual([
      ['HT-B', 'watch', 55],
      ['HT-A', 'danger', 25],
      ['HT-F', 'watch', 60],
    ]);
    // The factors that explain the score, most first; a factor that took nothing off is left out.
    expect(list.items[1].topFactors.map((f: any) => [f.factor, f.points, f.measured])).toEqual([
      ['paymentDelay', -30, 30],
      ['usageDrop', -25, 50],
    ]);
    const card = await t.call('risk:summary', {});
    expect(card).toEqual({ today: '2026-12-05', windowDays: 90, count: list.total, amountFen: list.amountFen });

    // The window is the page's own setting.
    await t.call('risk:setWindow', { days: 60 });
    expect((await t.call('risk:list', {})).items.map((i: any) => i.contractNo)).toEqual(['HT-A']);
    expect(await t.call('risk:summary', {})).toMatchObject({ windowDays: 60, count: 1, amountFen: 500_000 });

    // A published warning shows on its row.
    const { warning } = await t.call('risk:publish', { contractId: a.contractId, role: 'riskManager', ownerId });
    expect((await t.call('risk:list', {})).items[0]).toMatchObject({ warningId: warning.id, warningStatus: 'new' });
  });
});

describe('the warning workflow', () => {
  it('publishes, plans, logs the follow-up of a completed action, and closes with the renewal (undone: reopened)', async () => {
    const a = await term('甲公司', 'HT-A', '2027-01-15', 500_000, 25, [delay(30, -30), drop(50, -25)]);
    const published = await t.call('risk:publish', { contractId: a.contractId, role: 'accountManager', ownerId, note: '重点客户' });
    expect(published.warning).toMatchObject({ status: 'new', role: 'accountManager', ownerName: '张三', score: 25, band: 'danger', probability: null });
    expect(await t.envelope('risk:publish', { contractId: a.contractId, role: 'riskManager', ownerId })).toMatchObject({ ok: false, error: { code: 'DUPLICATE' } });

    const { action } = await t.call('risk:addAction', { warningId: published.warning.id, kind: 'revisit', ownerId, dueOn: '2026-12-10', text: '了解用量下降原因' });
    await t.call('risk:addAction', { warningId: published.warning.id, kind: 'offer', ownerId, dueOn: '2026-12-20' });
    expect(await t.envelope('risk:addAction', { warningId: published.warning.id, kind: 'other', ownerId, dueOn: '2026-12-20' })).toMatchObject({
      ok: false,
      error: { field: 'text' },
    });
    let detail = await t.call('risk:get', { id: published.warning.id });
    expect(detail.warning).toMatchObject({ status: 'inProgress', actions: 2, openActions: 2 });

    const done = await t.call('risk:completeAction', { id: action.id, summary: '客户说预算收紧' });
    expect(done.action).toMatchObject({ doneOn: '2026-12-05', followUpId: done.followUpId });
    const timeline = await t.call('followups:list', { customerId: a.customerId });
    expect(timeline.items).toEqual([
      expect.objectContaining({ id: done.followUpId, contractId: a.contractId, kind: 'revisit', ownerId, summary: '风险预警行动：回访。客户说预算收紧' }),
    ]);
    // Undoing the completion takes the follow-up back too.
    await t.call('risk:undo', { undoToken: done.undoToken });
    expect((await t.call('followups:list', { customerId: a.customerId })).total).toBe(0);
    detail = await t.call('risk:get', { id: published.warning.id });
    expect(detail.actions.map((x: any) => [x.kind, x.doneOn])).toEqual([
      ['revisit', null],
      ['offer', null],
    ]);

    // Renewing the term closes the warning as 已解除 by itself.
    const renewed = await t.call('renewals:renew', { contractId: a.contractId, number: 'HT-A2', startsOn: '2027-01-16', endsOn: '2028-01-15' });
    detail = await t.call('risk:get', { id: published.warning.id });
    expect(detail.warning).toMatchObject({ status: 'resolved', closeReason: 'auto', closedOn: '2026-12-05' });
    expect(detail.activity.map((e: any) => e.action)).toEqual(['publish', 'addAction', 'start', 'addAction', 'completeAction', 'undo', 'autoClose']);
    expect(await t.envelope('risk:addAction', { warningId: published.warning.id, kind: 'revisit', ownerId, dueOn: '2026-12-20' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    // Taking the renewal back (不是续约) reopens it where it was.
    await t.call('renewals:unlink', { contractId: renewed.newContractId, reason: 'notRenewal' });
    expect((await t.call('risk:get', { id: published.warning.id })).warning).toMatchObject({ status: 'inProgress', closedOn: null, closeReason: null });
  });

  it('closes as 已流失 when the term is lost, reopens when that is undone, and leaves a warning closed by hand alone', async () => {
    const a = await term('甲公司', 'HT-A', '2027-01-15', 500_000, 30);
    const b = await term('乙公司', 'HT-B', '2027-01-20', 200_000, 45);
    const wa = (await t.call('risk:publish', { contractId: a.contractId, role: 'riskManager', ownerId })).warning;
    const wb = (await t.call('risk:publish', { contractId: b.contractId, role: 'dataAnalyst', ownerId })).warning;
    await t.call('risk:setStatus', { id: wb.id, status: 'resolved' });

    const lost = await t.call('renewals:bulk', { action: 'lost', contractIds: [a.contractId, b.contractId], lostReason: '价格' });
    expect((await t.call('risk:get', { id: wa.id })).warning).toMatchObject({ status: 'churned', closeReason: 'auto' });
    expect((await t.call('risk:get', { id: wb.id })).warning).toMatchObject({ status: 'resolved', closeReason: 'manual' });
    expect((await t.call('risk:warnings', { open: true })).total).toBe(0);

    await t.call('renewals:undoBulk', { undoToken: lost.undoToken });
    expect((await t.call('risk:get', { id: wa.id })).warning).toMatchObject({ status: 'new', closedOn: null });
    expect((await t.call('risk:get', { id: wb.id })).warning).toMatchObject({ status: 'resolved', closeReason: 'manual' });
    // A publish is undone like any write.
    const c = await term('丙公司', 'HT-C', '2027-01-25', 100_000, 35);
    const pc = await t.call('risk:publish', { contractId: c.contractId, role: 'riskManager', ownerId });
    await t.call('risk:undo', { undoToken: pc.undoToken });
    expect((await t.call('risk:warnings', {})).items.map((w: any) => w.contractNo)).toEqual(['HT-A', 'HT-B']);
  });

  it('follows its contract when the customer is merged into another: the completed action logs on the survivor', async () => {
    const a = await term('甲公司（旧）', 'HT-A', '2027-01-15', 500_000, 30);
    const into = (await t.call('customers:create', { name: '甲公司' })).id;
    const { warning } = await t.call('risk:publish', { contractId: a.contractId, role: 'riskManager', ownerId });
    const { action } = await t.call('risk:addAction', { warningId: warning.id, kind: 'other', text: '送试用版', ownerId, dueOn: '2026-12-10' });
    await t.call('customers:merge', { from: a.customerId, into });
    expect((await t.call('risk:get', { id: warning.id })).warning).toMatchObject({ customerId: into, customerName: '甲公司' });
    const done = await t.call('risk:completeAction', { id: action.id });
    expect((await t.call('followups:list', { customerId: into })).items).toEqual([
      expect.objectContaining({ id: done.followUpId, kind: 'other', summary: '风险预警行动：送试用版' }),
    ]);
  });
});

describe('the effectiveness review', () => {
  it('counts precision, recall and saved over the decided terms ending in the period', async () => {
    // Six terms in December 2026: A, B warned and lost; C warned and renewed (saved); D lost unwarned; E renewed
    // unwarned; F warned and still pending (not decided: left out). G ends in 2027: outside the period.
    const terms: Record<string, { customerId: string; contractId: string }> = {};
    const ends = { A: '2026-12-10', B: '2026-12-12', C: '2026-12-15', D: '2026-12-20', E: '2026-12-25', F: '2026-12-28', G: '2027-01-05' };
    for (const [k, endsOn] of Object.entries(ends)) terms[k] = await term(`客户${k}`, `HT-${k}`, endsOn, 100_000 * (k.charCodeAt(0) - 64), 30);
    const id = (k: string) => terms[k]!.contractId;
    for (const k of ['A', 'B', 'C', 'F', 'G']) await t.call('risk:publish', { contractId: id(k), role: 'riskManager', ownerId });

    const empty = await t.call('risk:review', { from: '2026-12-01', to: '2026-12-31' });
    expect(empty).toMatchObject({ decided: 0, precision: null, recall: null, items: [] });

    await t.call('renewals:bulk', { action: 'lost', contractIds: [id('A'), id('B'), id('D'), id('G')], lostReason: '价格' });
    await t.call('renewals:renew', { contractId: id('C'), number: 'HT-C2', startsOn: '2026-12-16', endsOn: '2027-12-15' });
    await t.call('renewals:renew', { contractId: id('E'), number: 'HT-E2', startsOn: '2026-12-26', endsOn: '2027-12-25' });

    const review = await t.call('risk:review', { from: '2026-12-01', to: '2026-12-31' });
    expect(review).toMatchObject({ decided: 5, lost: 3, renewed: 2, warned: 3, warnedLost: 2, saved: 1, savedAmountFen: 300_000 });
    expect(review.precision).toBeCloseTo(2 / 3, 10);
    expect(review.recall).toBeCloseTo(2 / 3, 10);
    expect(review.items.map((i: any) => [i.contractNo, i.outcome, i.warned, i.warningStatus])).toEqual([
      ['HT-A', 'lost', true, 'churned'],
      ['HT-B', 'lost', true, 'churned'],
      ['HT-C', 'renewed', true, 'resolved'],
      ['HT-D', 'lost', false, null],
      ['HT-E', 'renewed', false, null],
    ]);
    expect(await t.envelope('risk:review', { from: '2026-12-31', to: '2026-12-01' })).toMatchObject({ ok: false, error: { field: 'to' } });
  });
});
