import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawOf } from '../handle.ts';
import { openTestContext, type TestContext } from '../../test-support/openTestContext.ts';
import { clearReportRows, loadReportRows, type ReportRows } from '../../test-support/reports/loadReportRows.ts';
import { reportTermsDrift } from '../../test-support/reports/reportTermsDrift.ts';

// report_terms must equal a refill from contracts, customers and renewals after any write to any of them: the
// triggers are the only thing that keeps it, whatever path writes (services, import, undo, restore).

const N = 8;
const STAMP = '2026-01-02T00:00:00.000Z';

function archive(): ReportRows {
  const customers = Array.from({ length: 3 }, (_, i) => ({ id: `c${i}`, name: `客户${i}`, tier: 'normal', ownerId: i === 0 ? 'o0' : null, deleted: false }));
  const contracts = Array.from({ length: N }, (_, i) => ({
    id: `k${i}`,
    customerId: `c${i % 3}`,
    number: `K${i}`,
    signedOn: null,
    startsOn: `202${i % 5}-01-01`,
    endsOn: `202${(i % 5) + 1}-01-01`,
    amountFen: i * 100,
    cycle: 'year',
    status: 'active',
    ownerId: null,
    renewalOf: i >= 3 ? `k${i - 3}` : null,
    deleted: false,
  }));
  return { owners: [{ id: 'o0', name: '张三' }, { id: 'o1', name: '李四' }], customers, contracts, renewals: [] };
}

const k = fc.integer({ min: 0, max: N - 1 }).map((i) => `k${i}`);
const c = fc.integer({ min: 0, max: 2 }).map((i) => `c${i}`);
const date = fc.integer({ min: 0, max: 2000 }).map((d) => new Date(Date.UTC(2020, 0, 1) + d * 864e5).toISOString().slice(0, 10));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
/** One write, as raw SQL with its parameters: what any path might do to the three tables. */
const writeArb = fc.oneof(
  fc.tuple(fc.constant('UPDATE contracts SET amount_fen = ? WHERE id = ?'), fc.tuple(maybe(fc.nat(9999)), k)),
  fc.tuple(fc.constant('UPDATE contracts SET status = ? WHERE id = ?'), fc.tuple(fc.constantFrom('active', 'expired', 'renewed', 'terminated'), k)),
  fc.tuple(fc.constant('UPDATE contracts SET cycle = ? WHERE id = ?'), fc.tuple(fc.constantFrom(null, 'once', 'month', 'year'), k)),
  fc.tuple(fc.constant('UPDATE contracts SET owner_id = ? WHERE id = ?'), fc.tuple(fc.constantFrom(null, 'o0', 'o1'), k)),
  fc.tuple(fc.constant('UPDATE contracts SET starts_on = NULL, signed_on = ?, ends_on = ? WHERE id = ?'), fc.tuple(maybe(date), date, k)),
  fc.tuple(fc.constant('UPDATE contracts SET renewal_of = ? WHERE id = ?'), fc.tuple(maybe(k), k)),
  fc.tuple(fc.constant('UPDATE contracts SET deleted_at = ? WHERE id = ?'), fc.tuple(fc.constantFrom(null, STAMP), k)),
  fc.tuple(fc.constant('UPDATE contracts SET customer_id = ? WHERE id = ?'), fc.tuple(c, k)),
  fc.tuple(fc.constant('UPDATE customers SET tier = ? WHERE id = ?'), fc.tuple(fc.constantFrom('vip', 'important', 'normal'), c)),
  fc.tuple(fc.constant('UPDATE customers SET owner_id = ? WHERE id = ?'), fc.tuple(fc.constantFrom(null, 'o0', 'o1'), c)),
  fc.tuple(fc.constant('UPDATE customers SET deleted_at = ? WHERE id = ?'), fc.tuple(fc.constantFrom(null, STAMP), c)),
  fc.tuple(
    fc.constant(`INSERT INTO renewals (id, contract_id, stage, outcome_amount_fen, created_at, updated_at)
      SELECT ?, ?, ?, ?, '${STAMP}', '${STAMP}' WHERE NOT EXISTS (SELECT 1 FROM renewals WHERE contract_id = ? AND deleted_at IS NULL)`),
    fc.tuple(fc.uuid(), k, fc.constantFrom('pending', 'contacted', 'negotiating', 'renewed', 'lost'), maybe(fc.nat(9999))).map(([id, kid, stage, fen]) => [id, kid, stage, fen, kid]),
  ),
  fc.tuple(fc.constant('UPDATE renewals SET stage = ? WHERE contract_id = ? AND deleted_at IS NULL'), fc.tuple(fc.constantFrom('pending', 'renewed', 'lost'), k)),
  fc.tuple(fc.constant('UPDATE renewals SET outcome_amount_fen = ? WHERE contract_id = ?'), fc.tuple(maybe(fc.nat(9999)), k)),
  fc.tuple(fc.constant(`UPDATE renewals SET deleted_at = '${STAMP}' WHERE contract_id = ?`), fc.tuple(k)),
  fc.tuple(fc.constant('DELETE FROM renewals WHERE contract_id = ?'), fc.tuple(k)),
  fc.tuple(
    fc.constant(`DELETE FROM contracts WHERE id = ? AND NOT EXISTS (SELECT 1 FROM renewals WHERE contract_id = ?)
      AND NOT EXISTS (SELECT 1 FROM contracts WHERE renewal_of = ?)`),
    k.map((kid) => [kid, kid, kid]),
  ),
);

let t: TestContext;
beforeAll(async () => {
  t = await openTestContext();
});
afterAll(async () => {
  await t.close();
});

describe('migration 0013: report_terms kept by triggers', () => {
  it('fills the table for the contracts already stored', async () => {
    clearReportRows(t.ctx.db);
    loadReportRows(t.ctx.db, archive());
    const raw = rawOf(t.ctx.db);
    expect(raw.prepare('SELECT count(*) FROM report_terms').pluck().get()).toBe(N);
    expect(await reportTermsDrift(t.ctx.db)).toEqual({ missing: [], extra: [] });
  });

  it('equals a refill after any sequence of writes to contracts, customers and renewals', async () => {
    const raw = rawOf(t.ctx.db);
    await fc.assert(
      fc.asyncProperty(fc.array(writeArb, { minLength: 1, maxLength: 25 }), async (writes) => {
        clearReportRows(t.ctx.db);
        loadReportRows(t.ctx.db, archive());
        for (const [statement, params] of writes) {
          try {
            raw.prepare(statement).run(...params);
          } catch (e) {
            // A write the schema refuses (a CHECK or a foreign key) changes nothing, which is fine here.
            if (!/constraint/i.test(String(e))) throw e;
          }
        }
        expect(await reportTermsDrift(t.ctx.db)).toEqual({ missing: [], extra: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('a drift is seen: the check fails when a row is changed behind the triggers', async () => {
    clearReportRows(t.ctx.db);
    loadReportRows(t.ctx.db, archive());
    rawOf(t.ctx.db).prepare("UPDATE report_terms SET outcome = 'lost' WHERE contract_id = 'k1'").run();
    expect((await reportTermsDrift(t.ctx.db)).extra).toHaveLength(1);
  });
});
