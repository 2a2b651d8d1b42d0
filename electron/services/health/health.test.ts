import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { q, rawOf } from '../../../db/handle.ts';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { healthTick, runDailyHealth } from './healthTick.ts';
import { healthFactsStatements, scanHealthFacts, type HealthFactRow } from '../../../db/repositories/healthFacts.ts';
import { healthWindowAt } from './recomputeHealth.ts';

// Real SQLite file, the real handler table (dispatch rescoring marked customers after each write) and the
// injected clock; the process runs in UTC, so local dates are the UTC ones.

let t: TestContext;
let a: string, b: string, c: string;

const usage = async (customerId: string, values: [string, number][]) => {
  for (const [periodOn, value] of values) await t.call('usage:set', { customerId, periodKind: 'month', periodOn, value });
};
const health = (customerId: string) => t.call('health:get', { customerId });
const points = (h: { factors: { factor: string; points: number }[] }) => Object.fromEntries(h.factors.map((f) => [f.factor, f.points]));
const marks = async () => Number((await q(t.ctx.db).selectFrom('health_dirty').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

beforeEach(async () => {
  t = await openTestContext('2026-12-05T02:00:00.000Z');
  a = (await t.call('customers:create', { name: '甲公司' })).id;
  b = (await t.call('customers:create', { name: '乙公司' })).id;
  c = (await t.call('customers:create', { name: '丙公司' })).id;
  // A: an instalment unpaid 23 days past due, usage down 50%, a phone contact, a recent follow-up → 100 − 23 − 25.
  const ka = (await t.call('contracts:create', { customerId: a, number: 'HT-A', endsOn: '2027-06-30', amountFen: 300_000 })).id;
  await t.call('payments:set', { contractId: ka, dueOn: '2026-11-12', dueAmountFen: 100_000 });
  await usage(a, [['2026-08-01', 100], ['2026-09-01', 100], ['2026-10-01', 100], ['2026-11-01', 50]]);
  await t.call('contacts:create', { customerId: a, name: '张三', phone: '13800000000' });
  await t.call('followups:create', { customer: a, at: '2026-12-01T03:00:00.000Z', summary: '回访' });
  // B: paid 19 days late in September, a competitor event, no contact, five inquiries this month after quiet months.
  const kb = (await t.call('contracts:create', { customerId: b, number: 'HT-B', endsOn: '2027-03-31', amountFen: 200_000 })).id;
  const late = (await t.call('payments:set', { contractId: kb, dueOn: '2026-09-01', dueAmountFen: 50_000 })).instalment;
  await t.call('payments:record', { id: late.id, amountFen: 50_000, paidOn: '2026-09-20' });
  await t.call('competitorEvents:add', { customerId: b, happenedOn: '2026-10-01', text: '竞品报价' });
  await t.call('followups:create', { customer: b, at: '2026-06-10T03:00:00.000Z', kind: 'inquiry', summary: '咨询' });
  for (let i = 1; i <= 5; i++) await t.call('followups:create', { customer: b, at: `2026-12-0${i}T01:00:00.000Z`, kind: 'inquiry', summary: '咨询' });
});
afterEach(async () => {
  await t.close();
});

describe('health score: facts from the archive, marks and recompute', () => {
  it('scores each customer from its signals right after the writes, with the factors that explain it', async () => {
    expect(await marks()).toBe(0);
    const ha = await health(a);
    expect(ha).toMatchObject({ score: 52, band: 'watch', computedAt: '2026-12-05T02:00:00.000Z' });
    expect(ha.factors).toEqual([
      { factor: 'paymentDelay', points: -23, measured: 23 },
      { factor: 'usageDrop', points: -25, measured: 50 },
      { factor: 'interactionChange', points: 0, measured: null, absent: 'notEnoughData' },
      { factor: 'competitorEvent', points: 0, measured: 0 },
      { factor: 'noRecentFollowUp', points: 0, measured: 4, since: '2026-12-01' },
      { factor: 'openComplaints', points: 0, measured: 0 },
      { factor: 'lowSatisfaction', points: 0, measured: null, absent: 'notEnoughData' },
      { factor: 'noPhoneContact', points: 0, measured: 1 },
    ]);
    // The delay is the payments tab's own (paymentDelay.ts), read set-based.
    const hb = await health(b);
    expect(points(hb)).toMatchObject({ paymentDelay: -19, competitorEvent: -15, noPhoneContact: -5, interactionChange: -10, noRecentFollowUp: 0 });
    expect(hb.factors.find((f: { factor: string }) => f.factor === 'interactionChange').measured).toBe(5);
    expect(hb).toMatchObject({ score: 51, band: 'watch' });
    // C has nothing but no phone contact; created today, so no silence yet.
    expect(await health(c)).toMatchObject({ score: 95, band: 'healthy', changeSinceLastWeek: null, weeks: [{ weekOf: '2026-11-30', score: 95, band: 'healthy' }] });
  });

  it('rescores the touched customer after each write, and everyone daily as delays grow; the weeks build the history', async () => {
    await t.call('contacts:create', { customerId: b, name: '李四', phone: '13900000000' });
    expect((await health(b)).score).toBe(56);
    const nov = (await t.call('usage:list', { customerId: a })).items.find((f: { periodStart: string }) => f.periodStart === '2026-11-01');
    await t.call('usage:remove', { id: nov.id });
    expect(points(await health(a)).usageDrop).toBe(0);
    expect(await marks()).toBe(0);

    // Five days on, the next week: the daily pass (first tick after 02:00) makes A's delay 28 days.
    t.setNow('2026-12-10T03:00:00.000Z');
    await healthTick(t.ctx);
    const ha = await health(a);
    expect(ha).toMatchObject({ score: 72, band: 'healthy', changeSinceLastWeek: -5 });
    // The silence is measured as of the day read, though C's stored row (its points unmoved) was not rewritten.
    expect((await health(a)).factors.find((f: { factor: string }) => f.factor === 'noRecentFollowUp').measured).toBe(9);
    expect(await health(c)).toMatchObject({ score: 95, computedAt: '2026-12-05T02:00:00.000Z' });
    expect((await health(c)).factors.find((f: { factor: string }) => f.factor === 'noRecentFollowUp')).toEqual({ factor: 'noRecentFollowUp', points: 0, measured: 5, since: '2026-12-05' });
    // C's score stood still: no week row written, its current score standing for both weeks; A's 77 was kept as its week's.
    const weekRows = async (id: string) =>
      (await q(t.ctx.db).selectFrom('customer_health_weeks').select(['week_of', 'score']).where('customer_id', '=', id).orderBy('week_of').execute()).map((r) => [r.week_of, r.score]);
    expect(await weekRows(c)).toEqual([]);
    expect(await weekRows(a)).toEqual([['2026-11-30', 77]]);
    expect((await health(c)).weeks).toEqual([{ weekOf: '2026-11-30', score: 95, band: 'healthy' }, { weekOf: '2026-12-07', score: 95, band: 'healthy' }]);
    expect(ha.weeks.map((w: { weekOf: string; score: number }) => [w.weekOf, w.score])).toEqual([['2026-11-30', 77], ['2026-12-07', 72]]);
    // Once a day only: a second tick the same day leaves the stored time alone.
    expect(await runDailyHealth(t.ctx)).toBeNull();
    // An archive whose scores are gone is scored whole again at once.
    await q(t.ctx.db).deleteFrom('customer_health').execute();
    expect(await runDailyHealth(t.ctx)).toBe(3);
    expect((await health(c)).score).toBe(95);
  });

  it('reads everyone page by page in id order, the same facts as by id; usage and earlier 咨询/工单 from their indexes', async () => {
    const window = healthWindowAt(t.ctx.now());
    const paged: HealthFactRow[] = [];
    const pages: number[] = [];
    expect(await scanHealthFacts(t.ctx.db, t.ctx.db, window, undefined, (r) => paged.push(r), () => void pages.push(paged.length), 2)).toBe(3);
    expect(pages).toEqual([2, 3]);
    expect(paged.map((r) => r.customerId)).toEqual([a, b, c].sort());
    const byId: HealthFactRow[] = [];
    await scanHealthFacts(t.ctx.db, t.ctx.db, window, [c, a, b], (r) => byId.push(r));
    expect(byId.sort((x, y) => (x.customerId < y.customerId ? -1 : 1))).toEqual(paged);
    expect(paged.find((r) => r.customerId === a)).toMatchObject({ followUpSince: '2026-12-01', paymentDelayDays: 23 });
    // The plan is SQLite's (bench:risk's tuning); PostgreSQL reads the same facts by its own statements.
    if (t.engine !== 'sqlite') return;
    const customers = healthFactsStatements(window)[2]!;
    const plan = rawOf(t.ctx.db).prepare(`EXPLAIN QUERY PLAN ${customers.sql}`).all(customers.params) as { detail: string }[];
    expect(plan.map((p) => p.detail)).toContain('SEARCH usage_figures USING COVERING INDEX usage_figures_latest (customer_id=? AND period_kind=?)');
    // 咨询/工单 before the window: one seek in the partial index of live 咨询/工单 (0036), not a walk of every kind.
    expect(plan.map((p) => p.detail)).toContain('SEARCH f USING INDEX follow_ups_interactions (customer_id=? AND at<?)');
  });

  it('counts open complaints and the last 12 months of survey scores (issue 14), rescoring after each write', async () => {
    const dims = (await t.call('surveys:dimensions', { activeOnly: true })).items as { id: string }[];
    const scores = (n: number) => Object.fromEntries(dims.map((d) => [d.id, n]));
    // A survey older than 12 months does not count; two recent ones average every dimension score: (1 + 2) / 2.
    await t.call('surveys:save', { customerId: c, onDate: '2025-12-05', channel: 'phone', scores: scores(5) });
    expect(points(await health(c)).lowSatisfaction).toBe(0);
    await t.call('surveys:save', { customerId: c, onDate: '2026-11-20', channel: 'phone', scores: scores(1) });
    await t.call('surveys:save', { customerId: c, onDate: '2026-12-01', channel: 'wechat', scores: scores(2) });
    const h = await health(c);
    expect(h.factors.find((f: { factor: string }) => f.factor === 'lowSatisfaction')).toEqual({ factor: 'lowSatisfaction', points: -11, measured: 1.5 });
    // Two open complaints: 10 each, at most 20; a third adds nothing.
    const handlerId = (await t.call('owners:create', { name: '张三' })).id;
    for (const summary of ['一', '二', '三']) await t.call('complaints:create', { customerId: c, summary, severity: 'normal', handlerId, note: '' });
    expect(points(await health(c))).toMatchObject({ openComplaints: -20, lowSatisfaction: -11 });
    expect((await health(c)).score).toBe(95 - 20 - 11);
  });

  it('marks customers by trigger on every signal table, including contract moves and instalments', async () => {
    const db = q(t.ctx.db);
    const marked = async () => (await db.selectFrom('health_dirty').select('customer_id').execute()).map((r) => r.customer_id).sort();
    const clear = () => db.deleteFrom('health_dirty').execute();
    const contract = (await db.selectFrom('contracts').select('id').where('number', '=', 'HT-B').executeTakeFirstOrThrow()).id;
    await db.updateTable('contracts').set({ status: 'terminated' }).where('id', '=', contract).execute();
    expect(await marked()).toEqual([b]);
    await clear();
    await db.updateTable('contract_instalments').set({ paid_amount_fen: 0 }).where('contract_id', '=', contract).execute();
    await db.updateTable('competitor_events').set({ deleted_at: '2026-12-05' }).where('customer_id', '=', b).execute();
    expect(await marked()).toEqual([b]);
    await clear();
    await db.updateTable('contacts').set({ phone: null }).where('customer_id', '=', a).execute();
    await db.updateTable('usage_figures').set({ value: 1 }).where('customer_id', '=', a).where('period_start', '=', '2026-08-01').execute();
    await db.updateTable('follow_ups').set({ summary: 'x' }).where('customer_id', '=', c).execute();
    expect(await marked()).toEqual([a]);
    // A terminated contract's instalments no longer count.
    await t.call('health:recompute');
    expect(points(await health(b)).paymentDelay).toBe(0);
  });

  it('previews, saves and undoes the weights', async () => {
    expect((await t.call('health:weights')).weights).toMatchObject({ paymentDelayPerDay: 1, paymentDelayCap: 30, usageDropPerPercent: 0.5 });
    const heavy = { ...(await t.call('health:weights')).defaults, noPhoneContactPoints: 50 };
    expect(await t.call('health:previewWeights', heavy)).toEqual({
      customers: 3,
      changed: 2,
      moves: [
        { from: 'healthy', to: 'watch', count: 1 },
        { from: 'watch', to: 'danger', count: 1 },
      ],
    });
    expect((await health(b)).band).toBe('watch');
    const saved = await t.call('health:setWeights', heavy);
    expect(await health(b)).toMatchObject({ score: 6, band: 'danger' });
    expect((await t.call('health:previewWeights', heavy)).changed).toBe(0);
    const bad = await t.envelope('health:setWeights', { ...heavy, paymentDelayCap: 101 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'paymentDelayCap' } });
    expect(await t.envelope('health:undoWeights', { undoToken: (await t.call('customers:delete', { id: c })).undoToken })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await t.call('health:undoWeights', { undoToken: saved.undoToken })).weights.noPhoneContactPoints).toBe(5);
    expect(await health(b)).toMatchObject({ score: 51, band: 'watch' });
    // A second save, undone, puts back the first one's weights.
    await t.call('health:setWeights', heavy);
    const again = await t.call('health:setWeights', { ...heavy, noPhoneContactPoints: 20 });
    expect((await t.call('health:undoWeights', { undoToken: again.undoToken })).weights.noPhoneContactPoints).toBe(50);
  });
});
