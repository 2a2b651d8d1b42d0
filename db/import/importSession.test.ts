import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../test-support/openTestContext.ts';
import { sqlRow } from '../../test-support/sqlRows.ts';
import { emptyChunkPlan, findMappingPreset, listImportBatches, saveMappingPreset, withImportSession, type BatchMeta, type ChunkPlan, type ImportSession } from './index.ts';

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext();
});
afterEach(async () => {
  await t.close();
});

const row = (sql: string, ...params: unknown[]) => sqlRow(t.ctx.db, sql, ...params);

async function session(batchId: string, at: string, work: (s: ImportSession) => Promise<void>): Promise<BatchMeta> {
  const meta = { batchId, at, actor: 'test' };
  await withImportSession(t.ctx.db, () => meta, async (s) => work(s));
  return meta;
}

function firstPlan(): ChunkPlan {
  const plan = emptyChunkPlan();
  plan.owners.push({ id: 'o1', name: '刘洋' });
  plan.customers.push({ id: 'c1', name: '甲公司', tier: 'vip', ownerId: 'o1', customFields: { 行业: '制造' }, notes: null });
  plan.contacts.push({ id: 'p1', customerId: 'c1', name: '诸葛亮', title: null, phone: '13900000000' });
  const contract = { customerId: 'c1', signedOn: null, startsOn: null, remindOn: null, amountFen: 100, service: null, cycle: 'year' as const, notes: null };
  plan.contracts.push({ ...contract, id: 'k1', number: 'HT-1', endsOn: '2027-03-01' }, { ...contract, id: 'k2', number: 'HT-2', endsOn: '2027-01-31' });
  plan.followUps.push({
    id: 'f1',
    customerId: 'c1',
    contractId: 'k1',
    at: '2026-11-01T02:00:00.000Z',
    channel: 'phone',
    kind: 'revisit',
    summary: '电话回访',
    nextFollowUpOn: null,
    ownerId: null,
  });
  return plan;
}

describe('the import session', () => {
  it('writes a plan with its audit rows, next expiry and search index, stamping every row for the reminder catch-up', async () => {
    const first = await session('b1', '2026-11-23T02:00:00.000Z', (s) => s.write(firstPlan()));
    expect(await row('SELECT next_expiry_on FROM customers WHERE id = ?', 'c1')).toEqual({ next_expiry_on: '2027-01-31' });
    expect((await t.call('customers:list', { search: '诸葛' })).items.map((c: { id: string }) => c.id)).toEqual(['c1']);
    for (const [table, id] of [['owners', 'o1'], ['customers', 'c1'], ['contacts', 'p1'], ['contracts', 'k1'], ['contracts', 'k2'], ['follow_ups', 'f1']] as const) {
      expect(await row(`SELECT updated_at, version FROM ${table} WHERE id = ?`, id), `${table} ${id}`).toEqual({ updated_at: first.at, version: 1 });
      expect(await row("SELECT count(*) AS n FROM audit_log WHERE batch_id = 'b1' AND entity = ? AND entity_id = ?", table, id)).toEqual({ n: 1 });
    }

    const second = await session('b2', '2026-11-24T02:00:00.000Z', async (s) => {
      const plan = emptyChunkPlan();
      plan.changes.push(
        { entity: 'customer', id: 'c1', changes: { tier: 'normal' } },
        { entity: 'contact', id: 'p1', customerId: 'c1', changes: { name: '司马懿' } },
        // The earlier end moves later: next expiry is taken again from all the customer's contracts.
        { entity: 'contract', id: 'k2', customerId: 'c1', changes: { endsOn: '2027-06-30' } },
        { entity: 'followUp', id: 'f1', changes: { channel: 'visit' } },
      );
      await s.write(plan);
      // A contract created for a stored customer brings its next expiry forward only when earlier.
      const later = emptyChunkPlan();
      later.contracts.push({ id: 'k3', customerId: 'c1', number: 'HT-3', signedOn: null, startsOn: null, remindOn: null, endsOn: '2027-12-31', amountFen: null, service: null, cycle: null, notes: null });
      await s.write(later);
    });
    expect(await row('SELECT next_expiry_on, tier FROM customers WHERE id = ?', 'c1')).toEqual({ next_expiry_on: '2027-03-01', tier: 'normal' });
    expect((await t.call('customers:list', { search: '诸葛' })).total).toBe(0);
    expect((await t.call('customers:list', { search: '司马' })).total).toBe(1);
    for (const [table, id] of [['customers', 'c1'], ['contacts', 'p1'], ['contracts', 'k2'], ['contracts', 'k3'], ['follow_ups', 'f1']] as const) {
      expect(await row(`SELECT updated_at FROM ${table} WHERE id = ?`, id), `${table} ${id}`).toEqual({ updated_at: second.at });
    }
    expect(await row('SELECT updated_at FROM contracts WHERE id = ?', 'k1')).toEqual({ updated_at: first.at });

    await session('b3', '2026-11-25T02:00:00.000Z', async (s) => {
      const earlier = emptyChunkPlan();
      earlier.contracts.push({ id: 'k4', customerId: 'c1', number: 'HT-4', signedOn: null, startsOn: null, remindOn: null, endsOn: '2026-12-31', amountFen: null, service: null, cycle: null, notes: null });
      await s.write(earlier);
    });
    expect(await row('SELECT next_expiry_on FROM customers WHERE id = ?', 'c1')).toEqual({ next_expiry_on: '2026-12-31' });
  });

  it('writes renewal records after their contracts, and lists the contracts the batch created or re-dated', async () => {
    await session('b1', '2026-11-23T02:00:00.000Z', (s) => s.write(firstPlan()));
    const sheet = { stage: 'renewed' as const, outcomeOn: '2027-02-01', amountFen: 200, lostReason: null, lostNote: null };
    let listed: string[] = [];
    let sheets: unknown[] = [];
    await session('b2', '2026-11-24T02:00:00.000Z', async (s) => {
      const plan = emptyChunkPlan();
      plan.contracts.push({ id: 'k3', customerId: 'c1', number: 'HT-3', signedOn: null, startsOn: '2027-02-01', remindOn: '2027-12-01', endsOn: '2028-01-31', amountFen: null, service: null, cycle: null, notes: null });
      plan.renewals.push({ id: 'r3', contractId: 'k3', stage: 'contacted', outcomeOn: null, outcomeAmountFen: null, lostReason: null, lostNote: null });
      plan.renewals.push({ id: 'r1', contractId: 'k1', stage: 'renewed', outcomeOn: '2027-02-01', outcomeAmountFen: 200, lostReason: null, lostNote: null });
      plan.changes.push({ entity: 'contract', id: 'k2', customerId: 'c1', changes: { startsOn: '2026-02-01' } }, { entity: 'contract', id: 'k1', customerId: 'c1', changes: { status: 'renewed' } });
      plan.sheetRenewals.push({ contractId: 'k1', values: sheet });
      await s.write(plan);
      listed = s.createdOrRedatedContracts();
      sheets = [...s.batchContracts().values()];
    });
    expect(listed.sort()).toEqual(['k2', 'k3']);
    expect(sheets).toContainEqual({ id: 'k1', created: false, redated: false, sheet });
    expect(await row('SELECT starts_on, remind_on, status FROM contracts WHERE id = ?', 'k3')).toEqual({ starts_on: '2027-02-01', remind_on: '2027-12-01', status: 'active' });
    expect(await row('SELECT status FROM contracts WHERE id = ?', 'k1')).toEqual({ status: 'renewed' });
    expect(await row('SELECT stage, outcome_amount_fen FROM renewals WHERE id = ?', 'r1')).toEqual({ stage: 'renewed', outcome_amount_fen: 200 });
    expect(await row("SELECT count(*) AS n FROM audit_log WHERE batch_id = 'b2' AND entity = 'renewals'")).toEqual({ n: 2 });
  });

  it('rolls everything back when the work throws', async () => {
    await expect(
      withImportSession(t.ctx.db, () => ({ batchId: 'b1', at: '2026-11-23T02:00:00.000Z', actor: 'test' }), async (s) => {
        await s.write(firstPlan());
        throw new Error('dry run');
      }),
    ).rejects.toThrow('dry run');
    expect(await row('SELECT count(*) AS n FROM customers')).toEqual({ n: 0 });
    expect(await row('SELECT count(*) AS n FROM audit_log')).toEqual({ n: 0 });
    expect(await row('SELECT count(*) AS n FROM customer_bigrams')).toEqual({ n: 0 });
  });

  it('records the batch and a mapping preset in the import transaction: both commit with the rows, or roll back with them', async () => {
    const preset = { signature: 'sig-1', kind: 'contracts' as const, headers: ['客户名称'], columns: { 客户名称: 'customerName' } };
    const summary = { kind: 'contracts' as const, fileName: 'a.xlsx', format: 'xlsx', encoding: null, rows: 1, summary: { created: 1 } };
    await expect(
      withImportSession(t.ctx.db, () => ({ batchId: 'b0', at: '2026-11-23T01:00:00.000Z', actor: 'test' }), async (s, tx) => {
        await s.write(firstPlan());
        await s.recordBatch(summary);
        await saveMappingPreset(tx, preset, '2026-11-23T01:00:00.000Z');
        throw new Error('dry run');
      }),
    ).rejects.toThrow('dry run');
    expect(await listImportBatches(t.ctx.db, 0, 10)).toEqual({ items: [], total: 0 });
    expect(await findMappingPreset(t.ctx.db, 'sig-1')).toBeUndefined();

    await withImportSession(t.ctx.db, () => ({ batchId: 'b1', at: '2026-11-23T02:00:00.000Z', actor: 'test' }), async (s, tx) => {
      await s.write(firstPlan());
      await s.recordBatch(summary);
      await saveMappingPreset(tx, preset, '2026-11-23T02:00:00.000Z');
      await saveMappingPreset(tx, { ...preset, columns: { 客户名称: null } }, '2026-11-23T02:00:00.000Z');
    });
    expect(await listImportBatches(t.ctx.db, 0, 10)).toEqual({
      items: [{ ...summary, batchId: 'b1', actor: 'test', createdAt: '2026-11-23T02:00:00.000Z', undoneAt: null }],
      total: 1,
    });
    expect(await findMappingPreset(t.ctx.db, 'sig-1')).toEqual({ ...preset, columns: { 客户名称: null } });
    expect(await row('SELECT used_count, version FROM import_mapping_presets WHERE signature = ?', 'sig-1')).toEqual({ used_count: 2, version: 2 });
    expect(await row("SELECT count(*) AS n FROM audit_log WHERE batch_id = 'b1'")).toEqual({ n: 6 });
    // The search index came along (on both engines the merge files the scoped postings set-wise, triggers off).
    const indexed = await row("SELECT (SELECT count(*) FROM customer_bigrams WHERE customer_id = 'c1') AS b, (SELECT count(*) FROM customer_scoped_bigrams WHERE customer_id = 'c1') AS s");
    expect(indexed?.['b']).toBeGreaterThan(0);
    expect(indexed?.['s']).toBe(indexed?.['b']);
    expect(String((await row("SELECT text FROM customer_search WHERE customer_id = 'c1'"))?.['text'])).toContain('诸葛亮');
  });

  it("files the merged pairs' scoped postings under each customer's scope, and leaves 0018's trigger working after", async () => {
    await session('b1', '2026-11-23T02:00:00.000Z', (s) => s.write(firstPlan()));
    const pairs = await row(
      `SELECT count(*) AS n,
              sum(CASE WHEN p.scope = (SELECT s.id FROM search_scopes s WHERE s.owner_key = 'o1' AND s.tier = 'vip' AND s.archived = 0) THEN 1 ELSE 0 END) AS right_scope
         FROM customer_bigrams b JOIN customer_scoped_bigrams p ON p.bigram = b.bigram AND p.customer_id = b.customer_id WHERE b.customer_id = 'c1'`,
    );
    expect(Number(pairs?.['n'])).toBeGreaterThan(0);
    expect(Number(pairs?.['right_scope'])).toBe(Number(pairs?.['n']));
    // The owner and tier filters search through the scoped postings.
    expect((await t.call('customers:list', { search: '诸葛', ownerId: 'o1', tier: 'vip' })).items.map((c: { id: string }) => c.id)).toEqual(['c1']);
    // A pair written after the import gets its posting from the trigger again.
    await sqlRow(t.ctx.db, "INSERT INTO customer_bigrams (bigram, customer_id) VALUES ('zz', 'c1')");
    expect(await row("SELECT count(*) AS n FROM customer_scoped_bigrams WHERE bigram = 'zz' AND customer_id = 'c1'")).toEqual({ n: 1 });
  });
});
