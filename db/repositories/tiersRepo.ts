import { isTierColour, type TierInfo } from '../../shared/tiers/tierTable.ts';
import { q, type Executor, type Tx } from '../handle.ts';
import { insertAudited, updateAudited, type AuditMeta } from './auditedWrites.ts';

// The tier table (migration 0019). Keyed by code; a removed custom tier is soft-deleted, so undo brings it back.

export interface TierRow extends TierInfo {
  version: number;
}

const toInfo = (r: { code: string; name: string | null; colour: string; rank: number; builtin: number; version: number }): TierRow => ({
  code: r.code,
  name: r.name,
  colour: isTierColour(r.colour) ? r.colour : 'default',
  rank: r.rank,
  builtin: r.builtin === 1,
  version: r.version,
});

/** The live tiers by rank. */
export async function listTiers(x: Executor): Promise<TierRow[]> {
  const rows = await q(x)
    .selectFrom('tiers')
    .select(['code', 'name', 'colour', 'rank', 'builtin', 'version'])
    .where('deleted_at', 'is', null)
    .orderBy('rank')
    .orderBy('code')
    .execute();
  return rows.map(toInfo);
}

/** A tier by code, live or removed (a removed code cannot be taken again: undo must be able to restore it). */
export async function findTier(x: Executor, code: string): Promise<(TierRow & { deleted: boolean }) | undefined> {
  const r = await q(x).selectFrom('tiers').select(['code', 'name', 'colour', 'rank', 'builtin', 'version', 'deleted_at']).where('code', '=', code).executeTakeFirst();
  return r ? { ...toInfo(r), deleted: r.deleted_at !== null } : undefined;
}

export async function insertTier(tx: Tx, t: Omit<TierInfo, 'builtin'>, meta: AuditMeta): Promise<void> {
  await insertAudited(tx, 'tiers', { code: t.code, name: t.name, colour: t.colour, rank: t.rank, builtin: 0, deleted_at: null }, meta);
}

export async function patchTier(
  tx: Tx,
  code: string,
  patch: { name?: string | null; colour?: string; rank?: number; deletedAt?: string | null },
  meta: AuditMeta,
  expectedVersion?: number,
): Promise<void> {
  await updateAudited(tx, 'tiers', code, { name: patch.name, colour: patch.colour, rank: patch.rank, deleted_at: patch.deletedAt }, meta, expectedVersion);
}

/** Live customers per tier code (archived ones included: they keep a tier). */
export async function countCustomersByTier(x: Executor): Promise<Map<string, number>> {
  const rows = await q(x)
    .selectFrom('customers')
    .select(['tier', (eb) => eb.fn.countAll<number>().as('n')])
    .where('deleted_at', 'is', null)
    .groupBy('tier')
    .execute();
  return new Map(rows.map((r) => [r.tier, Number(r.n)]));
}

/** Every customer (deleted ones too, so a restore from 回收站 finds a live tier) holding `code`. */
export async function customerIdsWithTier(x: Executor, code: string): Promise<string[]> {
  return (await q(x).selectFrom('customers').select('id').where('tier', '=', code).orderBy('id').execute()).map((r) => r.id);
}

/** Moves one customer to another tier; its pin and reason stay (a pinned customer stays pinned, now to `to`). */
export async function moveCustomerTier(tx: Tx, customerId: string, to: string, meta: AuditMeta): Promise<void> {
  await updateAudited(tx, 'customers', customerId, { tier: to }, meta);
}

/** The audit action of a tier removal's writes: its batch id is the removal's undo token. */
export const TIER_REMOVAL_ACTION = 'remove-tier';

export async function isTierRemovalBatch(x: Executor, batchId: string): Promise<boolean> {
  const row = await q(x).selectFrom('audit_log').select('id').where('batch_id', '=', batchId).where('action', '=', TIER_REMOVAL_ACTION).where('entity', '=', 'tiers').executeTakeFirst();
  return row !== undefined;
}

/** The customers a batch wrote. */
export async function customerIdsInBatch(x: Executor, batchId: string): Promise<string[]> {
  const rows = await q(x).selectFrom('audit_log').select('entity_id').distinct().where('batch_id', '=', batchId).where('entity', '=', 'customers').execute();
  return rows.map((r) => r.entity_id);
}
