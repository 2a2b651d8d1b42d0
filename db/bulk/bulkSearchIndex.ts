// Keeps the customer search index in step with bulk writes (an import, an undo) without per-customer round
// trips: capture the stored bigram sets of customers about to change, write, then diff against their new
// documents; the result equals reindexCustomer on each. New pairs are staged append-only in a temp table and
// merged into the bigram-ordered index once, at finish (scattered inserts would rewrite most of its pages on
// every chunk), under a small page cache because SQLite sizes its sorter by cache_size.
import { mergingStagedBigrams } from '../repositories/customerScopedBigrams.ts';
import { aliasParts, bigramSetOf, bigramSetText, searchDocumentOf } from '../repositories/customerSearchIndex.ts';
import { BulkInserter, inSlices, setPageCache, type StatementCache } from '../statementCache.ts';

const SLICE = 400;

/** What a customer's search document is made of: its name and all its contacts. */
export interface SearchSource {
  name: string;
  contacts: { name: string; phone: string | null }[];
}

/** (bigram, customer id) pairs in customer_bigrams' key order. */
export function compareBigramPairs(x: readonly [string, string], y: readonly [string, string]): number {
  return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0;
}

const STAGE = 'temp.import_bigrams';
const MERGE_CACHE_KIB = 8192;

export class BulkSearchIndex {
  readonly #cache: StatementCache;
  readonly #before = new Map<string, Set<string>>();
  readonly #df = new Map<string, number>();
  #staged = false;

  constructor(cache: StatementCache) {
    this.#cache = cache;
  }

  #stage(): void {
    if (this.#staged) return;
    // DDL is transactional: a rolled-back import takes the staging table with it.
    this.#cache.get(`CREATE TEMP TABLE ${STAGE} (bigram TEXT NOT NULL, customer_id TEXT NOT NULL)`).run();
    this.#cache.get(`CREATE INDEX ${STAGE}_customer ON import_bigrams (customer_id, bigram)`).run();
    this.#staged = true;
  }

  #documents(ids: readonly string[], known: ReadonlyMap<string, SearchSource>) {
    const docs = new Map<string, ReturnType<typeof searchDocumentOf>>();
    const unknown: string[] = [];
    for (const id of ids) {
      const source = known.get(id);
      if (source) docs.set(id, searchDocumentOf(source.name, source.contacts));
      else unknown.push(id);
    }
    inSlices(unknown, SLICE, (slice) => {
      const customers = this.#cache
        .inList('SELECT id, name FROM customers WHERE deleted_at IS NULL AND id IN ({list})', slice.length)
        .all(slice) as { id: string; name: string }[];
      const contacts = this.#cache
        .inList(
          'SELECT customer_id, name, phone FROM contacts WHERE deleted_at IS NULL AND customer_id IN ({list}) ORDER BY customer_id, id',
          slice.length,
        )
        .all(slice) as { customer_id: string; name: string; phone: string | null }[];
      const byCustomer = new Map<string, { name: string; phone: string | null }[]>();
      for (const c of contacts) {
        const list = byCustomer.get(c.customer_id);
        if (list) list.push(c);
        else byCustomer.set(c.customer_id, [c]);
      }
      const aliases = this.#cache
        .inList('SELECT customer_id, name FROM customer_aliases WHERE deleted_at IS NULL AND customer_id IN ({list}) ORDER BY customer_id, id', slice.length)
        .all(slice) as { customer_id: string; name: string }[];
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
  captureBefore(customerIds: readonly string[]): void {
    inSlices(
      customerIds.filter((id) => !this.#before.has(id)),
      SLICE,
      (slice) => {
        const rows = this.#cache
          .inList('SELECT customer_id, bigrams FROM customer_bigram_sets WHERE customer_id IN ({list})', slice.length)
          .all(slice) as { customer_id: string; bigrams: string }[];
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
  refresh(customerIds: readonly string[], known: ReadonlyMap<string, SearchSource> = new Map()): void {
    const docs = this.#documents(customerIds, known);
    const removed: [string, string][] = [];
    const added: [string, string][] = [];
    const texts = new BulkInserter(
      this.#cache,
      'customer_search',
      ['customer_id', 'text', 'pinyin'],
      undefined,
      ' ON CONFLICT(customer_id) DO UPDATE SET text = excluded.text, pinyin = excluded.pinyin',
    );
    const sets = new BulkInserter(
      this.#cache,
      'customer_bigram_sets',
      ['customer_id', 'bigrams'],
      undefined,
      ' ON CONFLICT(customer_id) DO UPDATE SET bigrams = excluded.bigrams',
    );
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
          added.push([b, id]);
          changed = true;
        }
      }
      if (doc) texts.add([id, doc.text, doc.pinyin]);
      else this.#cache.get('DELETE FROM customer_search WHERE customer_id = ?').run(id);
      if (!changed) continue;
      if (after.size > 0) sets.add([id, bigramSetText(after)]);
      else this.#cache.get('DELETE FROM customer_bigram_sets WHERE customer_id = ?').run(id);
    }
    this.#before.clear();
    this.#stage();
    if (removed.length > 0) {
      // A pair may still be staged (added earlier in this import) rather than in the index.
      const del = this.#cache.get('DELETE FROM customer_bigrams WHERE bigram = ? AND customer_id = ?');
      const unstage = this.#cache.get(`DELETE FROM ${STAGE} WHERE customer_id = ? AND bigram = ?`);
      for (const [b, id] of removed) {
        del.run(b, id);
        unstage.run(id, b);
        this.#df.set(b, (this.#df.get(b) ?? 0) - 1);
      }
    }
    added.sort(compareBigramPairs);
    const grams = new BulkInserter(this.#cache, STAGE, ['bigram', 'customer_id']);
    for (const [b, id] of added) {
      grams.add([b, id]);
      this.#df.set(b, (this.#df.get(b) ?? 0) + 1);
    }
    grams.flush();
    texts.flush();
    sets.flush();
  }

  /** Merges the staged pairs into the index in key order and writes the summed document counts. */
  finish(): void {
    if (this.#staged) {
      const restoreCache = setPageCache(this.#cache.raw, MERGE_CACHE_KIB);
      try {
        // Migration 0018's postings per scope follow in one sorted insert rather than a trigger per pair.
        mergingStagedBigrams(this.#cache.raw, STAGE, () => {
          this.#cache.get(`INSERT INTO customer_bigrams (bigram, customer_id) SELECT bigram, customer_id FROM ${STAGE} ORDER BY bigram, customer_id`).run();
        });
      } finally {
        restoreCache();
      }
      this.#cache.get(`DROP TABLE ${STAGE}`).run();
      this.#staged = false;
    }
    const counts = new BulkInserter(
      this.#cache,
      'search_bigram_df',
      ['bigram', 'n'],
      undefined,
      ' ON CONFLICT(bigram) DO UPDATE SET n = n + excluded.n',
    );
    const rows = [...this.#df].filter(([, n]) => n !== 0).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const row of rows) counts.add(row);
    counts.flush();
    this.#df.clear();
  }
}
