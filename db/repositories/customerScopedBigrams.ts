import type BetterSqlite3 from 'better-sqlite3';

// customer_scoped_bigrams (migration 0018): customer_bigrams again under each customer's scope (owner, tier,
// archived), kept by triggers. Bulk rebuilds of customer_bigrams suspend its row triggers and refill the postings
// once, in key order, instead of paying a trigger per row.

/** Every posting the triggers keep, from customer_bigrams and customers (the migration's fill, and the test's truth). */
export const SCOPED_BIGRAMS_REFILL_SELECT = `
  SELECT b.bigram, s.id AS scope, b.customer_id
  FROM customer_bigrams b
  JOIN customers c ON c.id = b.customer_id
  JOIN search_scopes s ON s.owner_key = coalesce(c.owner_id, '') AND s.tier = c.tier AND s.archived = (c.archived_at IS NOT NULL)`;

export function hasScopedBigrams(raw: BetterSqlite3.Database): boolean {
  return raw.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'customer_scoped_bigrams'").get() !== undefined;
}

/**
 * Runs `write` (a bulk rewrite of customer_bigrams) with that table's triggers dropped, then refills the postings
 * from scratch and recreates the triggers from their stored SQL. Call inside a transaction: the DDL is
 * transactional, so a failure leaves the triggers as they were. Without migration 0018 it just runs `write`.
 */
export function rewritingBigramsInBulk<T>(raw: BetterSqlite3.Database, write: () => T): T {
  if (!hasScopedBigrams(raw)) return write();
  return withoutBigramTriggers(raw, () => {
    const result = write();
    raw.exec('DELETE FROM customer_scoped_bigrams');
    raw.exec(`INSERT INTO customer_scoped_bigrams (bigram, scope, customer_id) ${SCOPED_BIGRAMS_REFILL_SELECT} ORDER BY 1, 2, 3`);
    return result;
  });
}

/**
 * The import's merge of its staged (bigram, customer_id) pairs (db/bulk/bulkSearchIndex.ts): `merge` inserts every
 * pair of `stage` into customer_bigrams with the row triggers suspended, and their postings follow in one sorted
 * insert, under each customer's scope as it stands at the merge (a trigger per pair would look each customer up).
 */
export function mergingStagedBigrams(raw: BetterSqlite3.Database, stage: string, merge: () => void): void {
  if (!hasScopedBigrams(raw)) return merge();
  withoutBigramTriggers(raw, () => {
    merge();
    raw.exec(`INSERT OR IGNORE INTO customer_scoped_bigrams (bigram, scope, customer_id)
      SELECT st.bigram, s.id, st.customer_id
      FROM ${stage} st
      JOIN customers c ON c.id = st.customer_id
      JOIN search_scopes s ON s.owner_key = coalesce(c.owner_id, '') AND s.tier = c.tier AND s.archived = (c.archived_at IS NOT NULL)
      ORDER BY 1, 2, 3`);
  });
}

function withoutBigramTriggers<T>(raw: BetterSqlite3.Database, run: () => T): T {
  const triggers = raw
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'customer_bigrams' ORDER BY name")
    .all() as { name: string; sql: string }[];
  for (const t of triggers) raw.exec(`DROP TRIGGER "${t.name.replaceAll('"', '""')}"`);
  const result = run();
  for (const t of triggers) raw.exec(t.sql);
  return result;
}
