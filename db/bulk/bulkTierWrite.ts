// Tier classification's write path for many customers at once (a first run over an archive whose tiers were set
// by hand moves tens of thousands): on SQLite prepared statements on the raw connection (bulkTierWritePostgres.ts
// does the same through the query builder on PostgreSQL), plain UPDATEs of customers (so
// every trigger on customers fires as for any other write), and one audit row per moved customer, inserted many
// rows a statement, all under the caller's transaction and batch id, so undoBatch() puts every tier back. Its
// images hold the columns the write sets (tier, pin, reason) with id, version and updated_at: what undoBatch
// restores and checks. Whole rows (about 1 KB each, twice) made a first run over a 100k archive write ~100 MB of
// audit text.
import { newId } from '../newId.ts';
import { engineOf, rawOf, type Db, type Executor } from '../handle.ts';
import { movingScopesInBulk } from '../repositories/customerScopedBigrams.ts';
import { BulkInserter, inSlices, isRow, StatementCache } from '../statementCache.ts';
import { writeTierMovesOnPostgres, writeTierReasonsOnPostgres } from './bulkTierWritePostgres.ts';

export interface TierWrite {
  id: string;
  tier: string;
  /** The rules' reason (JSON of its message parts). */
  reasonJson: string;
}

export interface TierBatchMeta {
  batchId: string;
  at: string;
  actor: string;
  action: string;
}

const AUDIT_COLUMNS = ['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'before', 'after', 'batch_id', 'created_at', 'updated_at'];

/**
 * Sets each customer's tier and reason and clears its pin (the rules decide it now), bumping its version; one
 * audit row each in batch `meta.batchId`. Must run inside a transaction. Returns how many rows were written.
 * Many moves take their search postings along set-wise rather than by 0018's trigger per customer
 * (movingScopesInBulk, above bulkScopeMoves.threshold customers).
 */
export async function writeTierMovesBulk(db: Db, x: Executor, moves: readonly TierWrite[], meta: TierBatchMeta): Promise<number> {
  if (moves.length === 0) return 0;
  if (engineOf(x) === 'postgres') return writeTierMovesOnPostgres(x, moves, meta);
  return movingScopesInBulk(rawOf(db), moves.length, () => writeMoves(db, moves, meta));
}

function writeMoves(db: Db, moves: readonly TierWrite[], meta: TierBatchMeta): number {
  const cache = new StatementCache(rawOf(db));
  const audit = new BulkInserter(cache, 'audit_log', AUDIT_COLUMNS);
  const update = cache.get(
    'UPDATE customers SET tier = ?, tier_reason = ?, tier_pinned = NULL, updated_at = ?, version = ? WHERE id = ? AND version = ?',
  );
  let written = 0;
  // In id order: the table and its key are visited front to back instead of at random.
  const ordered = [...moves].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  inSlices(ordered, 500, (slice) => {
    const rows = cache
      .inList('SELECT id, tier, tier_pinned, tier_reason, version, updated_at FROM customers WHERE id IN ({list})', slice.length)
      .all(slice.map((m) => m.id));
    const before = new Map<string, Record<string, unknown>>();
    for (const r of rows) if (isRow(r)) before.set(String(r['id']), r);
    for (const m of slice) {
      const row = before.get(m.id);
      if (!row) throw new Error(`tier write: no customer ${m.id}`);
      const version = Number(row['version']) + 1;
      if (update.run(m.tier, m.reasonJson, meta.at, version, m.id, row['version']).changes !== 1) throw new Error(`tier write: customer ${m.id} changed`);
      const after = { ...row, tier: m.tier, tier_reason: m.reasonJson, tier_pinned: null, updated_at: meta.at, version };
      audit.add([newId(), meta.at, meta.actor, meta.action, 'customers', m.id, JSON.stringify(row), JSON.stringify(after), meta.batchId, meta.at, meta.at]);
      written++;
    }
  });
  audit.flush();
  return written;
}

/**
 * A reason that changed while the tier did not: derived data like next_expiry_on, written without a version bump
 * or audit row of its own (the first run stores a reason on every customer). Must run inside a transaction.
 */
export async function writeTierReasonsBulk(db: Db, x: Executor, reasons: readonly { id: string; reasonJson: string }[]): Promise<void> {
  if (reasons.length === 0) return;
  if (engineOf(x) === 'postgres') return writeTierReasonsOnPostgres(x, reasons);
  const update = new StatementCache(rawOf(db)).get('UPDATE customers SET tier_reason = ? WHERE id = ?');
  for (const r of reasons) update.run(r.reasonJson, r.id);
}
