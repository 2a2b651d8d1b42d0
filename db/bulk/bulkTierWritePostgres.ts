import { q, type Executor } from '../handle.ts';
import { newId } from '../newId.ts';
import type { TierBatchMeta, TierWrite } from './bulkTierWrite.ts';

// bulkTierWrite.ts on PostgreSQL, on the transaction's connection: the same version-checked UPDATEs (so the
// triggers on customers fire as for any write) and the same audit images, many audit rows a statement.

const SLICE = 500;

export async function writeTierMovesOnPostgres(x: Executor, moves: readonly TierWrite[], meta: TierBatchMeta): Promise<number> {
  const db = q(x);
  let written = 0;
  // In id order, as on SQLite: concurrent writers lock the customers in one order.
  const ordered = [...moves].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 0; i < ordered.length; i += SLICE) {
    const slice = ordered.slice(i, i + SLICE);
    const rows = await db
      .selectFrom('customers')
      .select(['id', 'tier', 'tier_pinned', 'tier_reason', 'version', 'updated_at'])
      .where('id', 'in', slice.map((m) => m.id))
      .execute();
    const before = new Map(rows.map((r) => [r.id, r]));
    const audit = [];
    for (const m of slice) {
      const row = before.get(m.id);
      if (!row) throw new Error(`tier write: no customer ${m.id}`);
      const version = Number(row.version) + 1;
      const updated = await db
        .updateTable('customers')
        .set({ tier: m.tier, tier_reason: m.reasonJson, tier_pinned: null, updated_at: meta.at, version })
        .where('id', '=', m.id)
        .where('version', '=', row.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new Error(`tier write: customer ${m.id} changed`);
      const after = { ...row, tier: m.tier, tier_reason: m.reasonJson, tier_pinned: null, updated_at: meta.at, version };
      audit.push({
        id: newId(),
        at: meta.at,
        actor: meta.actor,
        action: meta.action,
        entity: 'customers',
        entity_id: m.id,
        before: JSON.stringify(row),
        after: JSON.stringify(after),
        batch_id: meta.batchId,
        created_at: meta.at,
        updated_at: meta.at,
      });
      written++;
    }
    await db.insertInto('audit_log').values(audit).execute();
  }
  return written;
}

/** A reason that changed while the tier did not: no version bump, no audit row (as on SQLite). */
export async function writeTierReasonsOnPostgres(x: Executor, reasons: readonly { id: string; reasonJson: string }[]): Promise<void> {
  for (const r of reasons) await q(x).updateTable('customers').set({ tier_reason: r.reasonJson }).where('id', '=', r.id).execute();
}
