import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { undoBatch } from '../../../db/audit/undoBatch.ts';
import { q } from '../../../db/handle.ts';
import { loadTierFacts } from '../../../db/repositories/tierFactsQuery.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { importFile, writeFixture } from '../../../test-support/import/importTestKit.ts';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { reportTermsDrift } from '../../../test-support/reports/reportTermsDrift.ts';

// The bulk apply (db/bulk/bulkTierWrite.ts) and the classification inside an import: both are one audited batch
// whose undo puts every customer row back exactly (tier, pin, reason, version), report_terms follows the tiers
// through its triggers, and the expiry ladders follow the new tier. Today 2026-11-23.

let t: TestContext;
const ids: Record<string, string> = {};

/** Every customer row but updated_at (an undo stamps its own time), by name. */
async function customerRows(): Promise<Record<string, unknown>> {
  const rows = (await q(t.ctx.db).selectFrom('customers').selectAll().orderBy('name').execute()) as Record<string, unknown>[];
  return Object.fromEntries(rows.map(({ updated_at: _stamp, ...r }) => [String(r['name']), r]));
}
const tierOf = async (name: string) => {
  const c = await t.call('customers:get', { id: ids[name] });
  return [c.tier, c.tierPinned];
};
const expirySteps = async (contractNo: string) =>
  (
    await q(t.ctx.db)
      .selectFrom('reminders as r')
      .innerJoin('contracts as k', 'k.id', 'r.subject_id')
      .select('r.step')
      .where('k.number', '=', contractNo)
      .where('r.kind', '=', 'expiry')
      .where('r.fired_at', 'is', null)
      .orderBy('r.step', 'desc')
      .execute()
  ).map((r) => r.step);

beforeAll(async () => {
  t = await openTestContext('2026-11-23T02:00:00.000Z');
  const sheet = [
    '客户名称,合同编号,开始日期,到期日期,合同金额,续费周期,客户等级',
    '丁公司,D-1,2026-03-01,2027-02-28,5000,年,',
    '戊公司,W-1,2026-03-01,2027-02-28,40000,年,',
    '己公司,G-1,2026-03-01,2027-02-28,150000,年,普通',
  ].join('\n');
  await importFile(t, writeFixture(t, `${sheet}\n`));
  for (const c of (await t.call('customers:list', { limit: 10 })).items as { name: string; id: string }[]) ids[c.name] = c.id;
}, 60_000);
afterAll(() => t.close());

describe('classification inside an import', () => {
  it('moves the touched customers in the import batch, and undoing the import puts them back exactly', async () => {
    expect(await tierOf('丁公司')).toEqual(['normal', null]);
    expect(await tierOf('戊公司')).toEqual(['important', null]);
    expect(await tierOf('己公司')).toEqual(['normal', 'import']);
    expect(await expirySteps('D-1')).toEqual([30, 15, 7, 0, -1, -7]);
    const before = await customerRows();

    // A second sheet: 丁公司's term grows (to VIP), 戊公司's tier cell agreeing with the rules.
    const sheet = ['客户名称,合同编号,开始日期,到期日期,合同金额,续费周期,客户等级', '丁公司,D-1,2026-03-01,2027-02-28,200000,年,', '戊公司,W-1,2026-03-01,2027-02-28,40000,年,重要'].join('\n');
    const result = await importFile(t, writeFixture(t, `${sheet}\n`));
    expect(await tierOf('丁公司')).toEqual(['vip', null]);
    expect((await t.call('customers:get', { id: ids['丁公司'] })).tierReason).toMatchObject({ key: 'tiers.reason.all' });
    expect(await tierOf('戊公司')).toEqual(['important', null]);
    // The ladder of 丁公司's older term follows the new tier.
    expect(await expirySteps('D-1')).toEqual([90, 60, 30, 15, 7, 1, 0, -1, -7]);
    expect(await reportTermsDrift(t.ctx.db)).toEqual({ missing: [], extra: [] });
    expect(await t.call('tiers:classify', { dryRun: true })).toMatchObject({ total: 0, reasonsUpdated: 0 });

    await t.call('import:undo', { batchId: result.batchId });
    expect(await customerRows()).toEqual(before);
    expect(await tierOf('丁公司')).toEqual(['normal', null]);
    expect(await reportTermsDrift(t.ctx.db)).toEqual({ missing: [], extra: [] });
  });
});

describe('the bulk apply', () => {
  it('writes one audited batch that undoBatch reverses exactly', async () => {
    // Rules that move everyone with a term up one tier; 己公司 stays pinned from its import.
    await t.call('tiers:setRules', {
      rules: [
        { tier: 'vip', combine: 'any', conditions: [{ fact: 'annualValueFen', min: 3_000_000 }] },
        { tier: 'important', combine: 'any', conditions: [{ fact: 'annualValueFen', min: 1 }] },
      ],
      fallback: 'normal',
      purchaseYears: 3,
    });
    const before = await customerRows();
    const applied = await t.call('tiers:classify', {});
    expect(applied).toMatchObject({ total: 2, applied: true });
    expect(await tierOf('丁公司')).toEqual(['important', null]);
    expect(await tierOf('戊公司')).toEqual(['vip', null]);
    expect(await tierOf('己公司')).toEqual(['normal', 'import']);
    expect(await expirySteps('W-1')).toEqual([90, 60, 30, 15, 7, 1, 0, -1, -7]);
    const audit = await q(t.ctx.db).selectFrom('audit_log').select(['entity', 'action']).where('batch_id', '=', applied.batchId).execute();
    expect(audit).toEqual([
      { entity: 'customers', action: 'classify-tier' },
      { entity: 'customers', action: 'classify-tier' },
    ]);
    expect(await reportTermsDrift(t.ctx.db)).toEqual({ missing: [], extra: [] });

    await withTransaction(t.ctx.db, async (tx) => {
      await undoBatch(t.ctx.db, tx, applied.batchId, { batchId: 'undo-classify', at: t.ctx.now().toISOString(), actor: 'test' }, { field: 'undoToken' });
    });
    expect(await customerRows()).toEqual(before);
    expect(await reportTermsDrift(t.ctx.db)).toEqual({ missing: [], extra: [] });
  });

  it('reads the same facts for a few customers as for all of them, chains included', async () => {
    // A chain of three terms for 丁公司, with a fourth hanging off a deleted term (in no chain from a root).
    const k1 = (await t.call('contracts:create', { customerId: ids['丁公司'], number: 'C-1', startsOn: '2023-01-01', endsOn: '2023-12-31', amountFen: 100, cycle: 'year', status: 'renewed' })).id;
    const k2 = (await t.call('contracts:create', { customerId: ids['丁公司'], number: 'C-2', startsOn: '2024-01-01', endsOn: '2024-12-31', amountFen: 100, cycle: 'year', status: 'renewed', renewalOf: k1 })).id;
    await t.call('contracts:create', { customerId: ids['丁公司'], number: 'C-3', startsOn: '2025-01-01', endsOn: '2025-12-31', amountFen: 100, cycle: 'year', renewalOf: k2 });
    const lone = (await t.call('contracts:create', { customerId: ids['戊公司'], number: 'L-1', startsOn: '2024-01-01', endsOn: '2024-12-31', amountFen: 100, cycle: 'year', status: 'renewed' })).id;
    await t.call('contracts:create', { customerId: ids['戊公司'], number: 'L-2', startsOn: '2025-01-01', endsOn: '2025-12-31', amountFen: 100, cycle: 'year', renewalOf: lone });
    await t.call('contracts:delete', { id: lone });
    const all = await loadTierFacts(t.ctx.db, '2023-11-23');
    const some = await loadTierFacts(t.ctx.db, '2023-11-23', [ids['丁公司']!, ids['戊公司']!]);
    const byId = (rows: typeof all) => Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId(some)).toEqual({ [ids['丁公司']!]: byId(all)[ids['丁公司']!], [ids['戊公司']!]: byId(all)[ids['戊公司']!] });
    expect(byId(some)[ids['丁公司']!]?.facts.consecutiveRenewals).toBe(2);
    expect(byId(some)[ids['戊公司']!]?.facts.consecutiveRenewals).toBe(0);
  });
});
