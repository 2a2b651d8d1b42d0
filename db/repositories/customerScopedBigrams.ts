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

/**
 * Above `threshold` customers a bulk write moves their postings set-wise (movingScopesInBulk) rather than by
 * 0018's trigger per customer. Settable for tests and the bench (a huge value measures the trigger path). 2000:
 * the crossover measured by bench/scopeMoveCrossover.ts on the 100k archive (0.32 vs 0.30 ms CPU a customer,
 * UPDATE included; set-wise 10-20% dearer below 500, 1.5× cheaper at 10k, 1.9× at 50k).
 */
export const bulkScopeMoves = { threshold: 2000 };

const MOVE_TRIGGER = 'customer_scoped_bigrams_move';
const MOVED = 'temp.customer_scope_moves';

/**
 * Runs `write` (UPDATEs of customers that may change the owner, tier or archive state of about `customers` of
 * them). Up to `threshold` it just runs it: 0018's move trigger moves each customer's postings (~1.4 ms each on
 * the 100k archive). Above it, the move trigger is dropped meanwhile and a TEMP trigger only records each moved
 * customer's old scope (owner, tier, archived; the first one, should it move twice); then the moved customers'
 * postings leave their old scope in one sorted DELETE and come back under their new scope in one sorted INSERT
 * from customer_bigrams, and the trigger is recreated from its stored SQL. Must run inside a transaction (the
 * DDL is transactional): it runs in a savepoint of its own, so a throw rolls back its part, trigger included.
 * `write` must not change a moved customer's bigrams after moving it (a rename after the move would leave the
 * dropped bigram's posting under the old scope): tier and owner writes do not.
 */
export function movingScopesInBulk<T>(raw: BetterSqlite3.Database, customers: number, write: () => T, threshold = bulkScopeMoves.threshold): T {
  const stored = suspendedMoveTrigger(raw, customers, threshold);
  if (stored === null) return write();
  return raw.transaction(() => {
    startRecordingMoves(raw);
    const result = write();
    finishRecordedMoves(raw, stored);
    return result;
  })();
}

let savepointSeq = 0;

/** movingScopesInBulk for an async `write` (Kysely writes inside the caller's transaction, on the same connection). */
export async function movingScopesInBulkAsync<T>(raw: BetterSqlite3.Database, customers: number, write: () => Promise<T>, threshold = bulkScopeMoves.threshold): Promise<T> {
  const stored = suspendedMoveTrigger(raw, customers, threshold);
  if (stored === null) return write();
  const savepoint = `scope_moves_${++savepointSeq}`;
  raw.exec(`SAVEPOINT ${savepoint}`);
  try {
    startRecordingMoves(raw);
    const result = await write();
    finishRecordedMoves(raw, stored);
    raw.exec(`RELEASE ${savepoint}`);
    return result;
  } catch (e) {
    raw.exec(`ROLLBACK TO ${savepoint}`);
    raw.exec(`RELEASE ${savepoint}`);
    throw e;
  }
}

/** The move trigger's stored SQL when the bulk mover takes over, or null when `write` just runs. */
function suspendedMoveTrigger(raw: BetterSqlite3.Database, customers: number, threshold: number): string | null {
  if (customers <= threshold || !hasScopedBigrams(raw)) return null;
  if (!raw.inTransaction) throw new Error('movingScopesInBulk: call inside a transaction');
  const stored = raw.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(MOVE_TRIGGER);
  // Already suspended by an enclosing mover: its recording sees these writes too.
  return typeof stored === 'string' ? stored : null;
}

function startRecordingMoves(raw: BetterSqlite3.Database): void {
  raw.exec(`DROP TRIGGER ${MOVE_TRIGGER}`);
  raw.exec(`CREATE TEMP TABLE customer_scope_moves (customer_id TEXT PRIMARY KEY, owner_key TEXT NOT NULL, tier TEXT NOT NULL, archived INTEGER NOT NULL)`);
  raw.exec(`CREATE TEMP TRIGGER customer_scope_moves_record AFTER UPDATE OF owner_id, tier, archived_at ON main.customers
    WHEN OLD.owner_id IS NOT NEW.owner_id OR OLD.tier IS NOT NEW.tier OR (OLD.archived_at IS NULL) <> (NEW.archived_at IS NULL)
    BEGIN
      INSERT OR IGNORE INTO customer_scope_moves (customer_id, owner_key, tier, archived)
        VALUES (OLD.id, coalesce(OLD.owner_id, ''), OLD.tier, OLD.archived_at IS NOT NULL);
    END`);
}

function finishRecordedMoves(raw: BetterSqlite3.Database, stored: string): void {
  raw.exec('DROP TRIGGER temp.customer_scope_moves_record');
  moveRecordedPostings(raw);
  raw.exec(`DROP TABLE ${MOVED}`);
  raw.exec(stored);
}

/**
 * The recorded customers' postings, from their old scope to their current one, set-wise and in key order. A
 * customer's bigrams are read from its set in customer_bigram_sets (as 0018's trigger does: customer_bigrams has
 * no index by customer since migration 0007), confirmed in customer_bigrams for the insert. CROSS JOIN keeps the
 * moved customers the outer loop (the planner, without statistics for the TEMP table, may otherwise scan a table).
 */
function moveRecordedPostings(raw: BetterSqlite3.Database): void {
  const bigramsOf = `CROSS JOIN customer_bigram_sets bs ON bs.customer_id = m.customer_id
    CROSS JOIN json_each('[' || replace(json_quote(bs.bigrams), ' ', '","') || ']') j`;
  raw.exec(`INSERT OR IGNORE INTO search_scopes (owner_key, tier, archived)
    SELECT DISTINCT coalesce(c.owner_id, ''), c.tier, c.archived_at IS NOT NULL
    FROM ${MOVED} m CROSS JOIN customers c ON c.id = m.customer_id
    ORDER BY 1, 2, 3`);
  raw.exec(`DELETE FROM customer_scoped_bigrams WHERE (bigram, scope, customer_id) IN (
    SELECT j.value, s.id, m.customer_id
    FROM ${MOVED} m
    CROSS JOIN search_scopes s ON s.owner_key = m.owner_key AND s.tier = m.tier AND s.archived = m.archived
    ${bigramsOf})`);
  raw.exec(`INSERT OR IGNORE INTO customer_scoped_bigrams (bigram, scope, customer_id)
    SELECT b.bigram, s.id, b.customer_id
    FROM ${MOVED} m
    CROSS JOIN customers c ON c.id = m.customer_id
    CROSS JOIN search_scopes s ON s.owner_key = coalesce(c.owner_id, '') AND s.tier = c.tier AND s.archived = (c.archived_at IS NOT NULL)
    ${bigramsOf}
    CROSS JOIN customer_bigrams b ON b.bigram = j.value AND b.customer_id = m.customer_id
    ORDER BY 1, 2, 3`);
}
