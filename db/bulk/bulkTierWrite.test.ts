import { afterEach, beforeEach, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../test-support/openTestContext.ts';
import { q } from '../handle.ts';
import { withTransaction } from '../withTransaction.ts';
import { writeTierMovesBulk, writeTierReasonsBulk } from './bulkTierWrite.ts';

// The tier classification's bulk write on each engine (SQLite's prepared statements, PostgreSQL's query builder):
// the tier, reason and cleared pin written with a version bump, one audit row a customer whose images hold what
// undoBatch restores; a reason alone written without either; a customer changed meanwhile refused.

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext('2026-11-23T02:00:00.000Z');
});
afterEach(async () => {
  await t.close();
});

const row = (id: string) =>
  q(t.ctx.db).selectFrom('customers').select(['tier', 'tier_pinned', 'tier_reason', 'version', 'updated_at']).where('id', '=', id).executeTakeFirstOrThrow();

it('moves tiers with a version bump and an audit row each, and writes a reason alone without either', async () => {
  const a = (await t.call('customers:create', { name: '甲公司' })).id as string;
  const b = (await t.call('customers:create', { name: '乙公司' })).id as string;
  await q(t.ctx.db).updateTable('customers').set({ tier_pinned: 'manual' }).where('id', '=', b).execute();
  const before = { a: await row(a), b: await row(b) };
  const meta = { batchId: 'batch-1', at: '2026-11-23T02:00:00.000Z', actor: 'test', action: 'classify-tier' };
  const written = await withTransaction(t.ctx.db, (tx) =>
    writeTierMovesBulk(t.ctx.db, tx, [
      { id: b, tier: 'vip', reasonJson: '{"key":"b"}' },
      { id: a, tier: 'important', reasonJson: '{"key":"a"}' },
    ], meta),
  );
  expect(written).toBe(2);
  expect(await row(a)).toEqual({ tier: 'important', tier_pinned: null, tier_reason: '{"key":"a"}', version: Number(before.a.version) + 1, updated_at: meta.at });
  expect(await row(b)).toMatchObject({ tier: 'vip', tier_pinned: null, version: Number(before.b.version) + 1 });
  const audit = await q(t.ctx.db).selectFrom('audit_log').select(['entity', 'entity_id', 'action', 'before', 'after']).where('batch_id', '=', 'batch-1').orderBy('entity_id').execute();
  expect(audit.map((r) => [r.entity, r.entity_id, r.action])).toEqual([a, b].sort().map((id) => ['customers', id, 'classify-tier']));
  const imageOfB = audit.find((r) => r.entity_id === b)!;
  expect(JSON.parse(imageOfB.before!)).toEqual({ id: b, tier: before.b.tier, tier_pinned: 'manual', tier_reason: before.b.tier_reason, version: Number(before.b.version), updated_at: before.b.updated_at });
  expect(JSON.parse(imageOfB.after!)).toMatchObject({ id: b, tier: 'vip', tier_pinned: null, tier_reason: '{"key":"b"}', version: Number(before.b.version) + 1 });

  await withTransaction(t.ctx.db, (tx) => writeTierReasonsBulk(t.ctx.db, tx, [{ id: a, reasonJson: '{"key":"a2"}' }]));
  expect(await row(a)).toMatchObject({ tier: 'important', tier_reason: '{"key":"a2"}', version: Number(before.a.version) + 1 });
  expect(await q(t.ctx.db).selectFrom('audit_log').select('id').where('entity_id', '=', a).where('action', '=', 'classify-tier').execute()).toHaveLength(1);
});

it('refuses a customer that is not there, writing nothing', async () => {
  const a = (await t.call('customers:create', { name: '甲公司' })).id as string;
  const meta = { batchId: 'batch-2', at: '2026-11-23T02:00:00.000Z', actor: 'test', action: 'classify-tier' };
  await expect(
    withTransaction(t.ctx.db, (tx) =>
      writeTierMovesBulk(t.ctx.db, tx, [
        { id: a, tier: 'vip', reasonJson: '{}' },
        { id: 'nobody', tier: 'vip', reasonJson: '{}' },
      ], meta),
    ),
  ).rejects.toThrow(/no customer nobody/);
  expect((await row(a)).tier).toBe('normal');
  expect(await q(t.ctx.db).selectFrom('audit_log').select('id').where('batch_id', '=', 'batch-2').execute()).toEqual([]);
});
