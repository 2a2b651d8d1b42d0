import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { q } from '../../../db/handle.ts';
import { withSavepoint, withTransaction } from '../../../db/withTransaction.ts';
import { updateContractIn } from '../contracts/contracts.service.ts';

// Bulk actions of the 续约 list: one call is one transaction and one undo; rows that cannot take the action are
// refused one by one while the rest go ahead.

let t: TestContext;
let customerIds: string[];
let contractIds: string[];
beforeEach(async () => {
  t = await openTestContext('2027-01-20T02:00:00.000Z');
  customerIds = [];
  contractIds = [];
  for (let i = 1; i <= 5; i++) {
    const c = await t.call('customers:create', { name: `客户${i}号有限公司`, tier: 'normal' });
    customerIds.push(c.id);
    const k = await t.call('contracts:create', { customerId: c.id, number: `K-${i}`, startsOn: '2026-01-01', endsOn: '2026-12-31', cycle: 'year', amountFen: i * 100_000 });
    contractIds.push(k.id);
  }
});
afterEach(async () => {
  await t.close();
});

const overdue = async () => (await t.call('renewals:list', { window: 'overdue' })).items.map((i: any) => i.contractNo);
/** The reminders still to come, as comparable rows. */
const liveReminders = () =>
  q(t.ctx.db)
    .selectFrom('reminders')
    .select(['kind', 'subject_id', 'step', 'due_at'])
    .where('outcome', 'is', null)
    .orderBy('subject_id')
    .orderBy('step')
    .orderBy('kind')
    .execute();
/** The audit entries written so far, to tell the ones a call adds. */
const auditIds = async () => new Set((await q(t.ctx.db).selectFrom('audit_log').select('id').execute()).map((r) => r.id));
const batchesSince = async (before: Set<string>) => [
  ...new Set((await q(t.ctx.db).selectFrom('audit_log').select(['id', 'batch_id']).execute()).filter((r) => !before.has(r.id)).map((r) => r.batch_id)),
];

describe('renewals:bulk', () => {
  it('marks five lost in one batch, and one undo brings all five back as they were', async () => {
    expect(await overdue()).toEqual(['K-1', 'K-2', 'K-3', 'K-4', 'K-5']);
    const reminders = await liveReminders();
    expect(reminders.length).toBeGreaterThan(0);
    const mark = await auditIds();
    const result = await t.call('renewals:bulk', { action: 'lost', contractIds, lostReason: '价格', lostNote: '批量清理' });
    expect(result).toMatchObject({ done: 5, refused: [] });
    // Every audited write of the call is in the one batch the undo token names.
    expect(await batchesSince(mark)).toEqual([result.undoToken]);
    expect(await liveReminders()).toEqual([]);
    expect(await overdue()).toEqual([]);
    const lost = await t.call('contracts:get', { id: contractIds[2] });
    expect(lost).toMatchObject({ stage: 'lost', lostReason: '价格', lostNote: '批量清理' });
    const detail = await t.call('customers:get', { id: customerIds[2] });
    expect(detail.contracts[0].displayStatus).toBe('lost');

    const undone = await t.call('renewals:undoBulk', { undoToken: result.undoToken });
    expect(undone.entries).toBe(5);
    expect(await overdue()).toEqual(['K-1', 'K-2', 'K-3', 'K-4', 'K-5']);
    expect((await t.call('contracts:get', { id: contractIds[2] })).stage).toBeNull();
    expect(await liveReminders()).toEqual(reminders);
    // A second undo of the same batch is refused.
    const again = await t.envelope('renewals:undoBulk', { undoToken: result.undoToken });
    expect(again.ok).toBe(false);
  });

  it('refuses an already renewed row on its own and carries on with the rest', async () => {
    const d = await t.call('renewals:renewDefaults', { contractId: contractIds[0] });
    await t.call('renewals:renew', { contractId: contractIds[0], number: d.number, startsOn: d.startsOn, endsOn: d.endsOn });
    const result = await t.call('renewals:bulk', { action: 'stage', stage: 'contacted', contractIds });
    expect(result.done).toBe(4);
    expect(result.refused).toEqual([expect.objectContaining({ contractNo: 'K-1', key: 'errors.bulkAlreadyRenewed' })]);
    const stages = (await t.call('renewals:list', { window: 'overdue' })).items.map((i: any) => i.stage);
    expect(stages).toEqual(['contacted', 'contacted', 'contacted', 'contacted']);
  });

  it('renews on default terms in one batch; the undo removes the new terms and reopens the old ones', async () => {
    const result = await t.call('renewals:bulk', { action: 'renew', contractIds: contractIds.slice(0, 3) });
    expect(result).toMatchObject({ done: 3, refused: [] });
    const old = await t.call('contracts:get', { id: contractIds[1] });
    expect(old).toMatchObject({ status: 'renewed', stage: 'renewed' });
    const next = await t.call('contracts:list', { customerId: customerIds[1] });
    expect(next.items.map((k: any) => [k.number, k.startsOn, k.endsOn, k.amountFen, k.renewalOf])).toEqual([
      ['K-2', '2026-01-01', '2026-12-31', 200_000, null],
      ['K-2-R1', '2027-01-01', '2027-12-31', 200_000, contractIds[1]],
    ]);
    await t.call('renewals:undoBulk', { undoToken: result.undoToken });
    expect((await t.call('contracts:list', { customerId: customerIds[1] })).items.map((k: any) => k.number)).toEqual(['K-2']);
    expect(await t.call('contracts:get', { id: contractIds[1] })).toMatchObject({ status: 'active', stage: null });
    expect(await overdue()).toEqual(['K-1', 'K-2', 'K-3', 'K-4', 'K-5']);
  });

  it('refuses a row whose next term cannot be dated, and renews the rest', async () => {
    const once = await t.call('contracts:create', { customerId: customerIds[0], number: 'K-once', startsOn: '2026-01-01', endsOn: '2026-12-31', cycle: 'once' });
    const mixed = await t.call('renewals:bulk', { action: 'renew', contractIds: [once.id, contractIds[0]] });
    expect(mixed.done).toBe(1);
    expect(mixed.refused).toEqual([expect.objectContaining({ contractNo: 'K-once' })]);
    expect((await t.call('contracts:list', { customerId: customerIds[0] })).items.map((k: any) => k.number).sort()).toEqual(['K-1', 'K-1-R1', 'K-once']);
  });

  it('a savepoint takes back only the failed row: the rows before and after it stay written', async () => {
    const numbers: string[] = [];
    await withTransaction(t.ctx.db, async (tx) => {
      for (const [i, id] of contractIds.slice(0, 3).entries()) {
        try {
          await withSavepoint(tx, async () => {
            await updateContractIn(t.ctx, tx, { id, number: `S-${i}` });
            if (i === 1) throw new Error('half way');
          });
        } catch {
          numbers.push(`failed ${i}`);
        }
      }
    });
    for (const id of contractIds.slice(0, 3)) numbers.push((await t.call('contracts:get', { id })).number);
    expect(numbers).toEqual(['failed 1', 'S-0', 'K-2', 'S-2']);
  });

  it('assigns an owner and archives customers, each undone as one batch', async () => {
    const owner = await t.call('owners:create', { name: '李娜' });
    const assigned = await t.call('renewals:bulk', { action: 'owner', ownerId: owner.id, contractIds });
    expect(assigned.done).toBe(5);
    expect((await t.call('renewals:list', { window: 'overdue', ownerId: owner.id })).total).toBe(5);
    await t.call('renewals:undoBulk', { undoToken: assigned.undoToken });
    expect((await t.call('renewals:list', { window: 'overdue', ownerId: owner.id })).total).toBe(0);

    const archived = await t.call('renewals:bulk', { action: 'archive', contractIds: contractIds.slice(0, 2) });
    expect(archived.done).toBe(2);
    expect((await t.call('customers:get', { id: customerIds[0] })).archivedAt).not.toBeNull();
    await t.call('renewals:undoBulk', { undoToken: archived.undoToken });
    expect((await t.call('customers:get', { id: customerIds[0] })).archivedAt).toBeNull();
  });

  it('refuses an incomplete call, more than 500 ids, and an undo token that is not a bulk batch', async () => {
    expect((await t.envelope('renewals:bulk', { action: 'lost', contractIds })).ok).toBe(false);
    expect((await t.envelope('renewals:bulk', { action: 'stage', contractIds })).ok).toBe(false);
    const many = Array.from({ length: 501 }, (_, i) => `id-${i}`);
    expect((await t.envelope('renewals:bulk', { action: 'archive', contractIds: many })).ok).toBe(false);
    const deleted = await t.call('customers:delete', { id: customerIds[0] });
    const foreign = await t.envelope('renewals:undoBulk', { undoToken: deleted.undoToken });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
