import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, testEngine, type TestContext } from '../../test-support/openTestContext.ts';
import { q, type Tx } from '../handle.ts';
import { withTransaction } from '../withTransaction.ts';
import { marksSeenBeforeScan } from './dirtyMarkSnapshot.ts';
import { clearHealthMarks, markedHealthCustomers } from './healthFacts.ts';
import { dirtyCustomerIds, writeLifecycles } from './lifecycleRepo.ts';
import { scanLifecycleInputs } from './lifecycleScan.ts';

// Team mode (issue 15): a recompute over the dirty marks scans, writes, then clears the marks. Another client's
// write that commits between the scan and the clearing marks a customer the scan read before the change; its mark
// must survive the clearing (the next refresh picks it up) instead of waiting for the next daily run. Here the
// "other client" is a second pooled connection that commits while the recompute's transaction is open. SQLite has
// no such window: the recompute holds BEGIN IMMEDIATE, so no other write can commit before it ends (the file is
// skipped there).
describe.skipIf(testEngine() !== 'postgres')('clearing only the dirty marks a recompute saw', () => {
  let t: TestContext;
  let customerId: string;
  let contractId: string;
  let status: 'active' | 'expired';

  beforeEach(async () => {
    status = 'active';
    t = await openTestContext('2026-06-15T04:00:00.000Z');
    customerId = (await t.call('customers:create', { name: '标记测试客户', tier: 'normal' })).id;
    contractId = (await t.call('contracts:create', { customerId, number: 'DM-1', endsOn: '2027-01-31' })).id;
  });
  afterEach(async () => t.close());

  /** A write from another client: a contract's status change (it marks both tables), committed at once. */
  const otherClientWrites = async () => {
    status = status === 'active' ? 'expired' : 'active';
    await q(t.ctx.db).updateTable('contracts').set({ status }).where('id', '=', contractId).execute();
  };
  const marks = async () => ({ lifecycle: await dirtyCustomerIds(t.ctx.db), health: await markedHealthCustomers(t.ctx.db, t.ctx.db) });

  /** A recompute of `ids` (everyone when undefined) whose scan runs before `between` and whose clearing after it. */
  const recompute = (ids: readonly string[] | undefined, between: (tx: Tx) => Promise<void>) =>
    withTransaction(t.ctx.db, async (tx) => {
      const seen = await marksSeenBeforeScan(tx);
      await scanLifecycleInputs(t.ctx.db, tx, ids, () => {});
      await between(tx);
      await writeLifecycles(t.ctx.db, tx, [], [], '2026-06-15T04:00:00.000Z', 1, ids, seen);
      await clearHealthMarks(t.ctx.db, tx, ids, seen);
    });

  it('keeps a mark written again after the scan, though the customer was already marked before it', async () => {
    await otherClientWrites();
    expect(await marks()).toEqual({ lifecycle: [customerId], health: [customerId] });
    await recompute([customerId], otherClientWrites);
    expect(await marks()).toEqual({ lifecycle: [customerId], health: [customerId] });
    // The next refresh reads the change and clears the mark.
    await recompute([customerId], async () => {});
    expect(await marks()).toEqual({ lifecycle: [], health: [] });
  });

  it('keeps a mark first written after the scan of everyone (the daily run)', async () => {
    expect(await marks()).toEqual({ lifecycle: [], health: [] });
    await recompute(undefined, otherClientWrites);
    expect(await marks()).toEqual({ lifecycle: [customerId], health: [customerId] });
    await recompute(undefined, async () => {});
    expect(await marks()).toEqual({ lifecycle: [], health: [] });
  });

  it('clears the marks committed before the scan, and the ones its own transaction wrote', async () => {
    await otherClientWrites();
    await recompute(undefined, async (tx) => {
      status = status === 'active' ? 'expired' : 'active';
      await q(tx).updateTable('contracts').set({ status }).where('id', '=', contractId).execute();
    });
    expect(await marks()).toEqual({ lifecycle: [], health: [] });
  });
});
