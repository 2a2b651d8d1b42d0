import type BetterSqlite3 from 'better-sqlite3';

// What migration 0018's triggers add to a bulk tier change: the same prepared UPDATE of `customers.tier` for n
// customers (what a bulk classification does on the raw connection), once with the trigger that moves each
// customer's postings to its new scope and once with that trigger dropped, each in a transaction rolled back
// afterwards so the archive is left as it was. Rounds alternate; the best of each side is reported.

export interface TierMoveCost {
  customers: number;
  postingsMoved: number;
  withTriggerMs: number;
  withoutTriggerMs: number;
}

const MOVE_TRIGGER = 'customer_scoped_bigrams_move';

export function timeBulkTierMoves(raw: BetterSqlite3.Database, n = 10_000, rounds = 2): TierMoveCost {
  // Every k-th live customer, so the moved postings are spread over the whole index as a classification's are.
  const live = raw.prepare('SELECT count(*) FROM customers WHERE deleted_at IS NULL').pluck().get() as number;
  const step = Math.max(1, Math.floor(live / n));
  const rows = raw
    .prepare('SELECT id, tier FROM (SELECT id, tier, row_number() OVER (ORDER BY id) AS k FROM customers WHERE deleted_at IS NULL) WHERE k % ? = 0 LIMIT ?')
    .all(step, n) as { id: string; tier: string }[];
  const next: Record<string, string> = { vip: 'important', important: 'normal', normal: 'vip' };
  const update = raw.prepare('UPDATE customers SET tier = ? WHERE id = ?');
  // A customer has a posting per bigram of its set.
  const set = raw.prepare('SELECT bigrams FROM customer_bigram_sets WHERE customer_id = ?').pluck();
  let postingsMoved = 0;
  for (const r of rows) postingsMoved += ((set.get(r.id) as string | undefined) ?? '').split(' ').filter((b) => b !== '').length;
  const triggerSql = (raw.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(MOVE_TRIGGER) as string | undefined) ?? null;
  if (triggerSql === null) throw new Error(`no trigger ${MOVE_TRIGGER}: migration 0018 not applied`);

  const once = (withTrigger: boolean) => {
    raw.exec('BEGIN IMMEDIATE');
    try {
      if (!withTrigger) raw.exec(`DROP TRIGGER ${MOVE_TRIGGER}`);
      const t0 = performance.now();
      for (const r of rows) update.run(next[r.tier] ?? 'normal', r.id);
      return performance.now() - t0;
    } finally {
      raw.exec('ROLLBACK');
    }
  };
  let withTriggerMs = Infinity;
  let withoutTriggerMs = Infinity;
  for (let i = 0; i < rounds; i++) {
    withoutTriggerMs = Math.min(withoutTriggerMs, once(false));
    withTriggerMs = Math.min(withTriggerMs, once(true));
  }
  return { customers: rows.length, postingsMoved, withTriggerMs, withoutTriggerMs };
}
