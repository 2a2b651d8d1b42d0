import { afterEach, beforeEach, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../test-support/openTestContext.ts';
import { weekOf } from '../../shared/domain/healthBands.ts';
import { getCustomerHealth, listHealthWeeks, storeCustomerHealth } from './customerHealthRepo.ts';

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext();
});
afterEach(async () => {
  await t.close();
});

it('stores the current score with its band, keeps one row per week, and a later store of the same week replaces it', async () => {
  const { id } = await t.call('customers:create', { name: '健康度客户' });
  // The silence is stored as the day it counts from; read back, it is measured as of the day asked for.
  const factors = [{ factor: 'paymentDelay' as const, points: -18, measured: 18 }, { factor: 'noRecentFollowUp' as const, points: -10, measured: null, since: '2026-09-01' }];
  await storeCustomerHealth(t.ctx.db, [{ customerId: id, score: 82, factors, weekOf: weekOf('2026-11-25') }], '2026-11-25T02:00:00.000Z');
  await storeCustomerHealth(t.ctx.db, [{ customerId: id, score: 55, factors, weekOf: weekOf('2026-12-02') }], '2026-12-02T02:00:00.000Z');
  await storeCustomerHealth(t.ctx.db, [{ customerId: id, score: 38, factors, weekOf: weekOf('2026-12-03') }], '2026-12-03T02:00:00.000Z');
  expect(await getCustomerHealth(t.ctx.db, id, '2026-12-03')).toEqual({
    customerId: id,
    score: 38,
    band: 'danger',
    factors: [factors[0], { ...factors[1], measured: 93 }],
    computedAt: '2026-12-03T02:00:00.000Z',
  });
  expect((await getCustomerHealth(t.ctx.db, id, '2026-12-10'))?.factors[1]?.measured).toBe(100);
  expect(await listHealthWeeks(t.ctx.db, id, '2026-11-01')).toEqual([
    { weekOf: '2026-11-23', score: 82, band: 'healthy' },
    { weekOf: '2026-11-30', score: 38, band: 'danger' },
  ]);
});

it('weekOf is the Monday of the date', () => {
  expect(['2026-11-30', '2026-12-05', '2026-12-06', '2026-12-07'].map(weekOf)).toEqual(['2026-11-30', '2026-11-30', '2026-11-30', '2026-12-07']);
});
