import { afterEach, beforeEach, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../test-support/openTestContext.ts';
import { generateDashboardBench } from '../../test-support/reports/dashboardBenchData.ts';
import { insertReportRows } from '../../test-support/reports/insertReportRows.ts';
import type { ReportContractRow } from '../../test-support/reports/loadReportRows.ts';
import type { Message } from '../../shared/i18n/message.ts';
import { q } from '../handle.ts';
import { withTransaction } from '../withTransaction.ts';
import { readLifecycleFacts } from './lifecycleFacts.ts';
import { digestOf, writeLifecycles, type StoredLifecycle } from './lifecycleRepo.ts';
import { readLifecycleInputs } from './lifecycleScan.ts';

// The one-pass fold (lifecycleScan.ts) must give exactly the facts of the SQL aggregate that defines them
// (lifecycleFacts.ts), for everyone and for a list of ids, on a generated archive plus the awkward shapes:
// a term without an end, equal ends told apart by the start and then the id, a terminated predecessor, a chain
// crossing to another customer's term, a deleted link in the middle of a chain, and follow-ups.

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext('2026-06-15T04:00:00.000Z');
});
afterEach(async () => {
  await t.close();
});

const term = (id: string, customerId: string, over: Partial<ReportContractRow> = {}): ReportContractRow => ({
  id,
  customerId,
  number: id,
  signedOn: null,
  startsOn: '2025-01-01',
  endsOn: '2025-12-31',
  amountFen: 100_00,
  cycle: 'year',
  status: 'active',
  ownerId: null,
  renewalOf: null,
  deleted: false,
  ...over,
});

it('gives the facts of the SQL aggregate, for everyone and for some ids', async () => {
  const rows = generateDashboardBench({ customers: 600, owners: 3 }, 7);
  const odd = ['x-a', 'x-b', 'x-c', 'x-d'];
  rows.customers.push(...odd.map((id) => ({ id, name: `odd-${id}`, tier: 'normal', ownerId: null, deleted: false })));
  rows.contracts.push(
    term('a1', 'x-a', { endsOn: null, startsOn: null, signedOn: '2024-03-01', cycle: 'once' }),
    term('a2', 'x-a', { endsOn: '2026-12-31', amountFen: 90_00 }),
    term('b1', 'x-b', { startsOn: '2025-02-01' }),
    term('b2', 'x-b', { startsOn: '2025-03-01', renewalOf: 'b1' }),
    term('b0', 'x-b', { status: 'terminated', startsOn: '2024-01-01', endsOn: '2024-12-31', amountFen: 50_00 }),
    term('b3', 'x-b', { startsOn: '2025-03-01', renewalOf: 'b0', amountFen: 70_00 }),
    term('c1', 'x-c', { endsOn: '2024-12-31', startsOn: '2024-01-01' }),
    term('c2', 'x-c', { deleted: true, endsOn: '2025-06-30', renewalOf: 'c1' }),
    term('c3', 'x-c', { endsOn: '2026-06-30', renewalOf: 'c2', amountFen: null }),
    term('d1', 'x-d', { endsOn: '2026-03-31', renewalOf: 'b1', status: 'renewed' }),
  );
  rows.renewals.push({ id: 'r-a2', contractId: 'a2', stage: 'lost', outcomeOn: '2026-05-01', outcomeAmountFen: null, lostReason: 'budget' });
  await insertReportRows(t.ctx.db, rows);
  const followUps = rows.customers.slice(0, 300).map((c, i) => {
    const at = `2026-0${1 + (i % 5)}-1${i % 10}T${i % 2 === 0 ? '23' : '03'}:00:00.000Z`;
    return { id: `fu-${i}`, customer_id: c.id, at, channel: 'phone', kind: 'revisit', summary: 'call', created_at: at, updated_at: at };
  });
  await q(t.ctx.db).insertInto('follow_ups').values(followUps).execute();

  const byId = <T extends { customerId: string }>(xs: T[]) => [...xs].sort((a, b) => (a.customerId < b.customerId ? -1 : 1));
  const folded = (await readLifecycleInputs(t.ctx.db)).map((x) => x.facts);
  expect(folded.length).toBeGreaterThan(500);
  expect(byId(folded)).toEqual(byId(await readLifecycleFacts(t.ctx.db)));
  // The awkward ones among others, and a deleted customer's id, which neither returns.
  const some = [...odd, ...rows.customers.filter((c) => c.deleted).slice(0, 2).map((c) => c.id), ...rows.customers.slice(0, 40).map((c) => c.id)];
  expect(byId((await readLifecycleInputs(t.ctx.db, some)).map((x) => x.facts))).toEqual(byId(await readLifecycleFacts(t.ctx.db, some)));
  const b = folded.find((f) => f.customerId === 'x-b');
  expect(b?.previous?.amountFen).toBe(50_00); // its last term renews a terminated one: that is the predecessor
});

it('reads back the digest of each stored row that digestOf gives it, so an unchanged stage is not rewritten', async () => {
  const rows = generateDashboardBench({ customers: 2, owners: 1 }, 3);
  await insertReportRows(t.ctx.db, rows);
  const [a, b] = rows.customers.filter((c) => !c.deleted).map((c) => c.id) as [string, string];
  const reason = { key: 'lifecycle.reason.new', params: { n: 1, on: '2025-01-01' } } as unknown as Message;
  const stored: StoredLifecycle[] = [
    { customerId: a, stage: 'growth', since: '2025-01-01', reason, loyalty: 'silver', consecutiveRenewals: 2, years: 3, lastAmountFen: 12_345_00, lostOn: null, lostReason: null, signals: [], computedOn: '2026-06-15' },
    { customerId: b, stage: 'churned', since: '2026-01-01', reason, loyalty: 'none', consecutiveRenewals: 0, years: 0, lastAmountFen: null, lostOn: '2026-01-01', lostReason: 'budget', signals: ['late', 'quiet'], computedOn: '2026-06-15' },
  ];
  await withTransaction(t.ctx.db, (tx) => writeLifecycles(t.ctx.db, tx, stored, [], '2026-06-15T04:00:00.000Z', 2, [a, b]));
  const read = await readLifecycleInputs(t.ctx.db, [a, b]);
  expect(read.map((x) => [x.facts.customerId, x.stored?.digest]).sort()).toEqual(stored.map((s) => [s.customerId, digestOf(s)]).sort());
  expect(read.find((x) => x.facts.customerId === b)?.stored).toMatchObject({ stage: 'churned', since: '2026-01-01', computedOn: '2026-06-15' });
});
