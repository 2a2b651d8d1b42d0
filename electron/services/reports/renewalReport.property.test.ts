import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysIso } from '../../../shared/domain/dates.ts';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { clearReportRowsAsync, loadReportRowsAsync, markRenewedAsync, type ReportRows } from '../../../test-support/reports/loadReportRows.ts';

// The report's laws for any archive: due = renewed + lost + pending, both rates in [0, 1], a period split in
// two adds up to the whole, and renewing one more due term never lowers a rate. Small archives (≤ 30 terms
// over half a year), so that shrinking finds a readable counterexample.

const DAY0 = '2026-01-01';
const STAGES = [null, 'pending', 'contacted', 'negotiating', 'renewed', 'lost'] as const;
const RUNS = 60;

const contractArb = fc.record({
  customer: fc.integer({ min: 0, max: 4 }),
  endDay: fc.integer({ min: 0, max: 180 }),
  amountFen: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null, freq: 5 }),
  cycle: fc.constantFrom(null, 'once', 'month', 'year', 'year'),
  status: fc.constantFrom('active', 'active', 'expired', 'renewed', 'terminated'),
  owner: fc.constantFrom(null, 0, 1),
  stage: fc.constantFrom(...STAGES),
  outcomeAmountFen: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
  renews: fc.option(fc.nat(), { nil: null }),
  deleted: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});
const customerArb = fc.record({
  tier: fc.constantFrom('vip', 'important', 'normal'),
  owner: fc.constantFrom(null, 0, 1),
  deleted: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});
const archiveArb = fc.record({
  customers: fc.array(customerArb, { minLength: 5, maxLength: 5 }),
  contracts: fc.array(contractArb, { maxLength: 30 }),
});
type Archive = typeof archiveArb extends fc.Arbitrary<infer T> ? T : never;

function rowsOf(a: Archive): ReportRows {
  const owners = [{ id: 'o0', name: '张三' }, { id: 'o1', name: '李四' }];
  const ownerId = (o: number | null) => (o === null ? null : `o${o}`);
  return {
    owners,
    customers: a.customers.map((c, i) => ({ id: `c${i}`, name: `客户${i}`, tier: c.tier, ownerId: ownerId(c.owner), deleted: c.deleted })),
    contracts: a.contracts.map((k, i) => ({
      id: `k${i}`,
      customerId: `c${k.customer}`,
      number: `K${i}`,
      signedOn: null,
      startsOn: null,
      endsOn: addDaysIso(DAY0, k.endDay),
      amountFen: k.amountFen,
      cycle: k.cycle,
      status: k.status,
      ownerId: ownerId(k.owner),
      renewalOf: k.renews === null || i === 0 ? null : `k${k.renews % i}`,
      deleted: k.deleted,
    })),
    renewals: a.contracts.flatMap((k, i) =>
      k.stage === null ? [] : [{ id: `r${i}`, contractId: `k${i}`, stage: k.stage, outcomeOn: null, outcomeAmountFen: k.outcomeAmountFen, lostReason: null }],
    ),
  };
}

let t: TestContext;
beforeAll(async () => {
  t = await openTestContext('2026-11-23T02:00:00.000Z');
});
afterAll(async () => {
  await t.close();
});

async function load(a: Archive): Promise<void> {
  await clearReportRowsAsync(t.ctx.db);
  await loadReportRowsAsync(t.ctx.db, rowsOf(a));
}
const period = (from: number, to: number) => `${addDaysIso(DAY0, from)}..${addDaysIso(DAY0, to)}`;
const report = (p: string, by?: string) => t.call('reports:renewal', by ? { period: p, by } : { period: p });
const inUnit = (r: number | null) => r === null || (r >= 0 && r <= 1);

describe('renewal report laws (fast-check)', () => {
  it('due = renewed + lost + pending, in counts and amounts, overall and in every group; rates lie in [0, 1]', async () => {
    await fc.assert(
      fc.asyncProperty(archiveArb, fc.constantFrom(undefined, 'owner', 'tier', 'cycle'), async (a, by) => {
        await load(a);
        const r = await report(period(0, 180), by);
        for (const x of [r, ...(r.groups ?? [])]) {
          expect(x.due.count).toBe(x.renewed.count + x.lost.count + x.pending.count);
          expect(x.due.amountFen).toBe(x.renewed.amountFen + x.lost.amountFen + x.pending.amountFen);
          expect(inUnit(x.rate.byCount) && inUnit(x.rate.byAmount)).toBe(true);
          expect(x.rate.byCount === null).toBe(x.due.count === 0);
        }
        if (r.groups) expect(r.groups.reduce((n: number, g: any) => n + g.due.count, 0)).toBe(r.due.count);
      }),
      { numRuns: RUNS },
    );
  });

  it('splitting a period in two and adding the parts gives the whole', async () => {
    const bounds = fc.tuple(fc.integer({ min: 0, max: 180 }), fc.integer({ min: 0, max: 180 }), fc.integer({ min: 0, max: 180 }))
      .map((xs) => xs.sort((x, y) => x - y))
      .filter(([a, m, b]) => a <= m && m < b);
    await fc.assert(
      fc.asyncProperty(archiveArb, bounds, async (a, [from, mid, to]) => {
        await load(a);
        const whole = await report(period(from, to));
        const left = await report(period(from, mid));
        const right = await report(period(mid + 1, to));
        for (const part of ['due', 'renewed', 'lost', 'pending'] as const) {
          expect(left[part].count + right[part].count).toBe(whole[part].count);
          expect(left[part].amountFen + right[part].amountFen).toBe(whole[part].amountFen);
        }
        expect(left.unknownAmount.count + right.unknownAmount.count).toBe(whole.unknownAmount.count);
        expect(left.netChangeFen + right.netChangeFen).toBe(whole.netChangeFen);
      }),
      { numRuns: RUNS },
    );
  });

  it('renewing one more due term never lowers either rate', async () => {
    await fc.assert(
      fc.asyncProperty(archiveArb, fc.nat(), async (a, pick) => {
        await load(a);
        const p = period(0, 180);
        const open = [
          ...(await t.call('reports:terms', { period: p, outcome: 'pending', limit: 500 })).items,
          ...(await t.call('reports:terms', { period: p, outcome: 'lost', limit: 500 })).items,
        ];
        if (open.length === 0) return;
        const before = await report(p);
        await markRenewedAsync(t.ctx.db, open[pick % open.length].contractId);
        const after = await report(p);
        expect(after.renewed.count).toBe(before.renewed.count + 1);
        expect(after.rate.byCount).toBeGreaterThan(before.rate.byCount);
        if (before.rate.byAmount === null) expect(after.rate.byAmount).toBeNull();
        else expect(after.rate.byAmount).toBeGreaterThanOrEqual(before.rate.byAmount);
      }),
      { numRuns: RUNS },
    );
  });
});
