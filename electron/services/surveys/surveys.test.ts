import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { sql } from 'kysely';
import { q } from '../../../db/handle.ts';
import { averageSatisfactionOf, twelveMonthsBefore } from '../../../db/repositories/surveysRepo.ts';
import { localDueInstant } from '../../../shared/reminders/localDueInstant.ts';

// Real SQLite file, the real handler table and an injected clock. The fixture's figures are worked out by hand in
// the comments: every average is checked as an exact sum and count.

const Q = 'dim-product-quality';
const S = 'dim-service-attitude';
const R = 'dim-resolution-speed';

let t: TestContext;
let a: string;
let b: string;
let c: string;
let wang: string;
let li: string;
beforeEach(async () => {
  t = await openTestContext('2026-07-01T02:00:00.000Z');
  wang = (await t.call('owners:create', { name: '王经理' })).id;
  li = (await t.call('owners:create', { name: '李经理' })).id;
  a = (await t.call('customers:create', { name: '甲科技', tier: 'vip', ownerId: wang })).id;
  b = (await t.call('customers:create', { name: '乙物流', tier: 'normal', ownerId: li })).id;
  c = (await t.call('customers:create', { name: '丙贸易', tier: 'normal' })).id;
});
afterEach(async () => {
  await t.close();
});

const save = (customerId: string, onDate: string, scores: Record<string, number>, extra: Record<string, unknown> = {}) =>
  t.call('surveys:save', { customerId, onDate, channel: 'phone', scores, ...extra });

/** The fixture: four live surveys in 2026-01..06, one deleted, one outside the range. */
async function fixture() {
  await save(a, '2026-01-10', { [Q]: 5, [S]: 4, [R]: 3 }); // 12 / 3
  await save(a, '2026-02-20', { [Q]: 4, [S]: 4, [R]: 4 }); // 12 / 3
  await save(b, '2026-02-05', { [Q]: 2, [S]: 3, [R]: 1 }); // 6 / 3
  await save(c, '2026-04-02', { [Q]: 3, [S]: 2 }); // 5 / 2, no R
  const gone = await save(c, '2026-03-01', { [Q]: 1 });
  await t.call('surveys:remove', { id: gone.survey.id });
  await save(b, '2026-12-01', { [Q]: 1, [S]: 1, [R]: 1 }); // outside the range
}

const dims = (g: { dimensions: { dimensionId: string; sum: number; count: number }[] }) =>
  Object.fromEntries(g.dimensions.map((d) => [d.dimensionId, [d.sum, d.count]]));
const group = (g: { key: string; surveys: number; sum: number; count: number }) => [g.key, g.surveys, g.sum, g.count];

describe('satisfaction surveys', () => {
  it('aggregates exactly per dimension, month, quarter, tier and owner, and lists the customers below the threshold', async () => {
    await fixture();
    const r = await t.call('surveys:results', { from: '2026-01-01', to: '2026-06-30', period: 'month' });
    expect(group(r.overall)).toEqual(['', 4, 35, 11]);
    expect(dims(r.overall)).toEqual({ [Q]: [14, 4], [S]: [13, 4], [R]: [8, 3] });
    expect(r.overall.average).toBe(35 / 11);
    expect(r.byPeriod.map(group)).toEqual([['2026-01', 1, 12, 3], ['2026-02', 2, 18, 6], ['2026-04', 1, 5, 2]]);
    expect(dims(r.byPeriod[1])).toEqual({ [Q]: [6, 2], [S]: [7, 2], [R]: [5, 2] });
    expect(r.byTier.map(group)).toEqual([['normal', 2, 11, 5], ['vip', 2, 24, 6]]);
    expect(dims(r.byTier[0])).toEqual({ [Q]: [5, 2], [S]: [5, 2], [R]: [1, 1] });
    expect(r.byOwner.map((g: any) => [g.label, g.sum, g.count])).toEqual([['', 5, 2], ...[[li, '李经理', 6, 3], [wang, '王经理', 24, 6]].sort().map((x) => x.slice(1))]);

    const quarters = await t.call('surveys:results', { from: '2026-01-01', to: '2026-06-30', period: 'quarter' });
    expect(quarters.byPeriod.map(group)).toEqual([['2026-Q1', 3, 30, 9], ['2026-Q2', 1, 5, 2]]);
    expect(dims(quarters.byPeriod[0])).toEqual({ [Q]: [11, 3], [S]: [11, 3], [R]: [8, 3] });

    // Below 3: 乙 (6/3 = 2) then 丙 (5/2 = 2.5); 甲 (24/6 = 4) is not.
    expect(r.threshold).toBe(3);
    expect(r.below.map((x: any) => [x.customerName, x.average, x.surveys])).toEqual([['乙物流', 2, 1], ['丙贸易', 2.5, 1]]);
    const set = await t.call('surveys:setThreshold', { threshold: 2.5 });
    expect((await t.call('surveys:results', { from: '2026-01-01', to: '2026-06-30' })).below.map((x: any) => x.customerName)).toEqual(['乙物流']);
    await t.call('surveys:undo', { undoToken: set.undoToken });
    expect((await t.call('surveys:results', { from: '2026-01-01', to: '2026-06-30' })).threshold).toBe(3);

    // An improvement action is recorded under the latest survey in the range, dated, by whom.
    const low = r.below[0];
    await t.call('surveys:addAction', { surveyId: low.latestSurveyId, onDate: '2026-07-01', text: '上门培训操作员', doneBy: '李经理' });
    const again = await t.call('surveys:results', { from: '2026-01-01', to: '2026-06-30' });
    expect(again.below[0].actions).toMatchObject([{ onDate: '2026-07-01', text: '上门培训操作员', doneBy: '李经理' }]);

    // The customer page: the latest survey (the out-of-range December one for 乙).
    const latest = await t.call('surveys:latest', { customerId: b });
    expect(latest.survey).toMatchObject({ onDate: '2026-12-01', average: 1 });

    // The health factor: the mean of every score dated within the 12 months up to today (2026-07-01: 甲's 24/6).
    expect(await averageSatisfactionOf(t.ctx.db, a, '2026-07-01')).toBe(4);
    expect(await averageSatisfactionOf(t.ctx.db, a, '2027-01-11')).toBe(4); // 01-10 now older than 12 months: 12/3
    expect(await averageSatisfactionOf(t.ctx.db, a, '2027-02-21')).toBeNull();
    expect(await averageSatisfactionOf(t.ctx.db, c, '2026-07-01')).toBe(2.5); // the deleted survey does not count
  });

  it("dates the health factor's 12 months as SQLite's date(today, '-12 months') does, leap day included", async () => {
    const days = ['2026-07-01', '2028-02-29', '2028-03-01', '2027-12-31', '2000-01-01'];
    expect(days.map(twelveMonthsBefore)).toEqual(['2025-07-01', '2027-03-01', '2027-03-01', '2026-12-31', '1999-01-01']);
    if (t.engine === 'sqlite') {
      // The SQL healthFacts.ts still writes: the two must keep agreeing.
      for (const day of days) {
        const { rows } = await sql<{ d: string }>`SELECT date(${day}, '-12 months') AS d`.execute(q(t.ctx.db));
        expect(twelveMonthsBefore(day)).toBe(rows[0]?.d);
      }
    }
  });

  it('edits (version checked), deletes with undo, refuses a foreign undo and bad scores', async () => {
    const first = await save(a, '2026-06-01', { [Q]: 2, [S]: 2, [R]: 2 }, { comment: '响应慢' });
    const edited = await t.call('surveys:save', { id: first.survey.id, customerId: a, onDate: '2026-06-02', channel: 'wechat', scores: { [Q]: 5, [S]: 4 }, version: 1 });
    expect(edited.survey).toMatchObject({ onDate: '2026-06-02', channel: 'wechat', average: 4.5, comment: null });
    const stale = await t.envelope('surveys:save', { id: first.survey.id, customerId: a, onDate: '2026-06-02', channel: 'phone', scores: { [Q]: 1 }, version: 1 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const removed = await t.call('surveys:remove', { id: first.survey.id });
    expect((await t.call('surveys:list', { customerId: a })).total).toBe(0);
    await t.call('surveys:undo', { undoToken: removed.undoToken });
    expect((await t.call('surveys:list', { customerId: a })).items[0]).toMatchObject({ average: 4.5 });
    const foreign = await t.call('customers:delete', { id: c });
    expect(await t.envelope('surveys:undo', { undoToken: foreign.undoToken })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.envelope('surveys:save', { customerId: a, onDate: '2026-06-02', channel: 'phone', scores: {} })).toMatchObject({ ok: false, error: { field: 'scores' } });
    expect(await t.envelope('surveys:save', { customerId: a, onDate: '2026-06-02', channel: 'phone', scores: { [Q]: 6 } })).toMatchObject({ ok: false });
  });

  it('renames, adds and retires dimensions; a retired one keeps its scores but takes no new ones', async () => {
    const kept = await save(a, '2026-05-01', { [Q]: 3, [S]: 3, [R]: 3 });
    await t.call('surveys:setDimension', { id: Q, name: '软件质量', version: 1 });
    const added = (await t.call('surveys:setDimension', { name: '交付速度' })).dimension;
    await t.call('surveys:retireDimension', { id: R, retired: true });
    const active = await t.call('surveys:dimensions', { activeOnly: true });
    expect(active.items.map((d: any) => d.name ?? d.code)).toEqual(['软件质量', 'serviceAttitude', '交付速度']);
    expect(await t.envelope('surveys:save', { customerId: b, onDate: '2026-06-01', channel: 'phone', scores: { [R]: 4 } })).toMatchObject({ ok: false, error: { field: 'scores' } });
    await save(b, '2026-06-01', { [added.id]: 5, [S]: 4 });
    // The old survey keeps its retired score, even when edited.
    await t.call('surveys:save', { id: kept.survey.id, customerId: a, onDate: '2026-05-01', channel: 'phone', scores: { [Q]: 3, [S]: 3, [R]: 2 } });
    const r = await t.call('surveys:results', { from: '2026-01-01', to: '2026-12-31' });
    expect(dims(r.overall)).toEqual({ [Q]: [3, 1], [S]: [7, 2], [R]: [2, 1], [added.id]: [5, 1] });
  });

  it('a campaign gives each picked customer a survey task for its owner; recording the survey completes it', async () => {
    const k = await t.call('contracts:create', { customerId: a, number: 'HT-9', endsOn: '2026-07-20', amountFen: 100 });
    expect(k.id).toBeTruthy();
    const byDue = await t.call('surveys:createCampaign', { name: '到期前回访', onDate: '2026-07-06', selection: { by: 'due', days: 30 } });
    expect(byDue.campaign).toMatchObject({ customers: 1, answered: 0 });
    const byTier = await t.call('surveys:createCampaign', { name: '年中调查', onDate: '2026-07-06', selection: { by: 'tier', tiers: ['normal'] } });
    const grid = await t.call('surveys:campaign', { id: byTier.campaign.id });
    expect(grid.rows.map((r: any) => [r.customerName, r.ownerName, r.surveyId])).toEqual([['丙贸易', null, null], ['乙物流', '李经理', null]].sort((x, y) => String(x[0]).localeCompare(String(y[0]))));
    const pending = () =>
      q(t.ctx.db).selectFrom('reminders').select(['customer_id', 'local_date']).where('kind', '=', 'survey').where('fired_at', 'is', null).orderBy('customer_id').execute();
    expect(await pending()).toHaveLength(3);

    const answered = await save(b, '2026-07-06', { [Q]: 2 }, { campaignId: byTier.campaign.id });
    expect((await t.call('surveys:campaign', { id: byTier.campaign.id })).campaign).toMatchObject({ customers: 2, answered: 1 });
    expect((await pending()).map((r) => r.customer_id).sort()).toEqual([a, c].sort());
    await t.call('surveys:undo', { undoToken: answered.undoToken });
    expect(await pending()).toHaveLength(3);
    expect(await t.envelope('surveys:save', { customerId: a, onDate: '2026-07-06', channel: 'phone', scores: { [Q]: 2 }, campaignId: byTier.campaign.id })).toMatchObject({
      ok: false,
      error: { field: 'campaignId' },
    });
    // On the campaign's date the open tasks fire for their owners (乙 answered again first: only 丙 and 甲's due-task).
    await save(b, '2026-07-06', { [Q]: 3 }, { campaignId: byTier.campaign.id });
    const fired = (await t.call('reminders:run', { now: localDueInstant('2026-07-06', '09:00').toISOString() })).fired.filter((f: any) => f.kind === 'survey');
    expect(fired).toHaveLength(2);
    const notices = await t.call('notifications:list');
    expect(notices.items.filter((n: any) => n.kind === 'survey').map((n: any) => n.title).sort()).toEqual(['满意度调查：丙贸易（年中调查）', '满意度调查：甲科技（到期前回访）'].sort());
    expect(await t.envelope('surveys:createCampaign', { name: '空', onDate: '2026-07-06', selection: { by: 'tier', tiers: ['important'] } })).toMatchObject({ ok: false, error: { field: 'selection' } });
  });

  it('exports one row per survey with each dimension, the average and the comment', async () => {
    const k = await t.call('contracts:create', { customerId: a, number: 'HT-7', endsOn: '2027-07-20', amountFen: 100 });
    await save(a, '2026-06-01', { [Q]: 5, [S]: 4 }, { contractId: k.id, comment: '很好', channel: 'wechat' });
    await save(b, '2026-05-01', { [Q]: 1, [S]: 2, [R]: 2 });
    const out = await t.call('export:surveys', { format: 'csv', headers: 'zh' });
    const text = Buffer.from(out.contentBase64, 'base64').toString('utf8').replace(/^\uFEFF/, '');
    expect(out.rows).toBe(2);
    expect(text.trim().split(/\r?\n/)).toEqual([
      '客户,合同编号,调查日期,渠道,产品质量,服务态度,问题解决效率,平均分,备注',
      '乙物流,,2026-05-01,电话,1,2,2,1.67,',
      '甲科技,HT-7,2026-06-01,微信,5,4,,4.50,很好',
    ]);
  });
});
