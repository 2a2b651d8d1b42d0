// The customer search index kept in step with an import's bulk writes, on either engine: what BulkSearchIndex
// (bulkSearchIndex.ts) does over SQLite's statement cache, through a BulkSql runner. Capture the stored bigram sets
// of customers about to change, write, then diff against their new documents; new pairs are staged append-only in
// a temp table and merged into the index once, at finish. On SQLite the merge suspends 0018's triggers and sorts
// under a small page cache (as bench:import tuned it); on PostgreSQL the merge does the same set-wise (mergeStagedPostgres).
import { mergingStagedBigrams } from '../repositories/customerScopedBigrams.ts';
import { aliasParts, bigramSetOf, bigramSetText, searchDocumentOf } from '../repositories/customerSearchIndex.ts';
import { setPageCache } from '../statementCache.ts';
import { compareBigramPairs, type SearchSource } from './bulkSearchIndex.ts';
import { inSlicesAsync, type BulkRows, type BulkSql } from './bulkSql.ts';

const SLICE = 400;
const MERGE_CACHE_KIB = 8192;

/** Whether this connection's role may alter customer_bigrams (owns it, or is a member of its owner). */
async function ownsBigramTable(bulk: BulkSql): Promise<boolean> {
  const row = await bulk.get<{ owns: boolean }>("SELECT pg_has_role(relowner, 'USAGE') AS owns FROM pg_class WHERE oid = 'customer_bigrams'::regclass");
  return row?.owns === true;
}

/**
 * PostgreSQL's counterpart of mergingStagedBigrams: the staged pairs go into the index with 0018's per-pair insert
 * trigger off, and their scoped postings follow in one set-wise INSERT (the trigger costs ~0.1–0.2 ms a pair there:
 * 2.7 of the 3.0 s the merge of a 2,000-row sheet took, measured by bench:import -- --engine postgres --profile).
 * DISABLE TRIGGER is transactional and takes a SHARE ROW EXCLUSIVE lock until the import commits: other clients'
 * reads go on; their writes to customer_bigrams wait for the commit, which follows within moments. A role that does
 * not own the table (it cannot alter it) keeps the trigger path.
 */
async function mergeStagedPostgres(bulk: BulkSql, stage: string, merge: string): Promise<void> {
  // The temp table has no statistics of its own (autovacuum never sees it); the join below is planned from them.
  await bulk.run(`ANALYZE ${stage}`);
  await bulk.run('ALTER TABLE customer_bigrams DISABLE TRIGGER customer_scoped_bigrams_add');
  await bulk.run(merge);
  await bulk.run(`INSERT INTO customer_scoped_bigrams (bigram, scope, customer_id)
    SELECT st.bigram, s.id, st.customer_id
      FROM ${stage} st
      JOIN customers c ON c.id = st.customer_id
      JOIN search_scopes s ON s.owner_key = coalesce(c.owner_id, '') AND s.tier = c.tier AND s.archived = (c.archived_at IS NOT NULL)::int
     ORDER BY 1, 2, 3
    ON CONFLICT DO NOTHING`);
  await bulk.run('ALTER TABLE customer_bigrams ENABLE TRIGGER customer_scoped_bigrams_add');
}

async function added(rows: BulkRows, row: readonly unknown[]): Promise<void> {
  if (rows.add(row)) await rows.flush();
}

export class BulkSearchIndexWriter {
  readonly #bulk: BulkSql;
  readonly #before = new Map<string, Set<string>>();
  readonly #df = new Map<string, number>();
  /** SQLite names the temp schema; PostgreSQL finds the temp table first on its search path. */
  readonly #stageName: string;
  #staged = false;

  constructor(bulk: BulkSql) {
    this.#bulk = bulk;
    this.#stageName = bulk.engine === 'postgres' ? 'import_bigrams' : 'temp.import_bigrams';
  }

  async #stage(): Promise<void> {
    if (this.#staged) return;
    // DDL is transactional on both engines: a rolled-back import takes the staging table with it.
    await this.#bulk.run(`CREATE TEMP TABLE ${this.#stageName} (bigram TEXT NOT NULL, customer_id TEXT NOT NULL)`);
    await this.#bulk.run(`CREATE INDEX ${this.#stageName}_customer ON import_bigrams (customer_id, bigram)`);
    this.#staged = true;
  }

  async #documents(ids: readonly string[], known: ReadonlyMap<string, SearchSource>) {
    const docs = new Map<string, ReturnType<typeof searchDocumentOf>>();
    const unknown: string[] = [];
    for (const id of ids) {
      const source = known.get(id);
      if (source) docs.set(id, searchDocumentOf(source.name, source.contacts));
      else unknown.push(id);
    }
    await inSlicesAsync(unknown, SLICE, async (slice) => {
      const customers = await this.#bulk.inList<{ id: string; name: string }>('SELECT id, name FROM customers WHERE deleted_at IS NULL AND id IN ({list})', slice);
      const contacts = await this.#bulk.inList<{ customer_id: string; name: string; phone: string | null }>(
        'SELECT customer_id, name, phone FROM contacts WHERE deleted_at IS NULL AND customer_id IN ({list}) ORDER BY customer_id, id',
        slice,
      );
      const byCustomer = new Map<string, { name: string; phone: string | null }[]>();
      for (const c of contacts) {
        const list = byCustomer.get(c.customer_id);
        if (list) list.push(c);
        else byCustomer.set(c.customer_id, [c]);
      }
      const aliases = await this.#bulk.inList<{ customer_id: string; name: string }>(
        'SELECT customer_id, name FROM customer_aliases WHERE deleted_at IS NULL AND customer_id IN ({list}) ORDER BY customer_id, id',
        slice,
      );
      for (const a of aliases) {
        const list = byCustomer.get(a.customer_id);
        if (list) list.push(...aliasParts([a.name]));
        else byCustomer.set(a.customer_id, aliasParts([a.name]));
      }
      for (const c of customers) docs.set(c.id, searchDocumentOf(c.name, byCustomer.get(c.id) ?? []));
    });
    return docs;
  }

  /** Records the indexed bigrams of existing customers whose name or contacts the next writes change. */
  async captureBefore(customerIds: readonly string[]): Promise<void> {
    await inSlicesAsync(
      customerIds.filter((id) => !this.#before.has(id)),
      SLICE,
      async (slice) => {
        const rows = await this.#bulk.inList<{ customer_id: string; bigrams: string }>(
          'SELECT customer_id, bigrams FROM customer_bigram_sets WHERE customer_id IN ({list})',
          slice,
        );
        for (const id of slice) this.#before.set(id, new Set());
        for (const r of rows) this.#before.set(r.customer_id, new Set(bigramSetOf(r.bigrams)));
      },
    );
  }

  /**
   * Brings the index up to date for customers written since the last capture (new ones have no before).
   * `known` gives the name and contacts of customers whose whole record the caller just wrote (the ones it
   * created), so they are not read back.
   */
  async refresh(customerIds: readonly string[], known: ReadonlyMap<string, SearchSource> = new Map()): Promise<void> {
    const bulk = this.#bulk;
    const docs = await this.#documents(customerIds, known);
    const removed: [string, string][] = [];
    const addedPairs: [string, string][] = [];
    const texts = bulk.rows('customer_search', ['customer_id', 'text', 'pinyin'], ' ON CONFLICT(customer_id) DO UPDATE SET text = excluded.text, pinyin = excluded.pinyin');
    const sets = bulk.rows('customer_bigram_sets', ['customer_id', 'bigrams'], ' ON CONFLICT(customer_id) DO UPDATE SET bigrams = excluded.bigrams');
    for (const id of customerIds) {
      const doc = docs.get(id);
      const before = this.#before.get(id) ?? new Set<string>();
      const after = new Set(doc?.bigrams ?? []);
      let changed = false;
      for (const b of before) {
        if (!after.has(b)) {
          removed.push([b, id]);
          changed = true;
        }
      }
      for (const b of after) {
        if (!before.has(b)) {
          addedPairs.push([b, id]);
          changed = true;
        }
      }
      if (doc) await added(texts, [id, doc.text, doc.pinyin]);
      else await bulk.run('DELETE FROM customer_search WHERE customer_id = ?', [id]);
      if (!changed) continue;
      if (after.size > 0) await added(sets, [id, bigramSetText(after)]);
      else await bulk.run('DELETE FROM customer_bigram_sets WHERE customer_id = ?', [id]);
    }
    this.#before.clear();
    await this.#stage();
    // A pair may still be staged (added earlier in this import) rather than in the index.
    for (const [b, id] of removed) {
      await bulk.run('DELETE FROM customer_bigrams WHERE bigram = ? AND customer_id = ?', [b, id]);
      await bulk.run(`DELETE FROM ${this.#stageName} WHERE customer_id = ? AND bigram = ?`, [id, b]);
      this.#df.set(b, (this.#df.get(b) ?? 0) - 1);
    }
    addedPairs.sort(compareBigramPairs);
    const grams = bulk.rows(this.#stageName, ['bigram', 'customer_id']);
    for (const [b, id] of addedPairs) {
      await added(grams, [b, id]);
      this.#df.set(b, (this.#df.get(b) ?? 0) + 1);
    }
    await grams.flush();
    await texts.flush();
    await sets.flush();
  }

  /** Merges the staged pairs into the index in key order and writes the summed document counts. */
  async finish(): Promise<void> {
    const bulk = this.#bulk;
    if (this.#staged) {
      const merge = `INSERT INTO customer_bigrams (bigram, customer_id) SELECT bigram, customer_id FROM ${this.#stageName} ORDER BY bigram, customer_id`;
      const cache = bulk.sqlite;
      if (cache) {
        const restoreCache = setPageCache(cache.raw, MERGE_CACHE_KIB);
        try {
          // Migration 0018's postings per scope follow in one sorted insert rather than a trigger per pair.
          mergingStagedBigrams(cache.raw, this.#stageName, () => {
            cache.get(merge).run();
          });
        } finally {
          restoreCache();
        }
      } else if (await ownsBigramTable(bulk)) {
        await mergeStagedPostgres(bulk, this.#stageName, merge);
      } else {
        await bulk.run(merge);
      }
      await bulk.run(`DROP TABLE ${this.#stageName}`);
      this.#staged = false;
    }
    // The table is named in SET: PostgreSQL finds a bare `n` ambiguous between the row and EXCLUDED.
    const counts = bulk.rows('search_bigram_df', ['bigram', 'n'], ' ON CONFLICT(bigram) DO UPDATE SET n = search_bigram_df.n + excluded.n');
    const rows = [...this.#df].filter(([, n]) => n !== 0).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const row of rows) await added(counts, row);
    await counts.flush();
    this.#df.clear();
  }
}
