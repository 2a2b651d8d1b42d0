import { sql } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import { pinyinGramsOf } from '../../shared/domain/pinyinSearch.ts';
import { bigramsOf, normalizeSearchText, SEARCH_PART_SEPARATOR } from '../../shared/domain/searchText.ts';
import { q, rawOf, type Db, type Tx } from '../handle.ts';
import { BulkInserter, StatementCache } from '../statementCache.ts';
import { rewritingBigramsInBulk } from './customerScopedBigrams.ts';
import { loadPinyinReading, pinyinReadingLoaded } from './pinyinReadings.ts';

export interface SearchDocument {
  /** Normalized name, contact names and phone digits, one part per line, for the substring check. */
  text: string;
  /** The name's pinyin reading (shared/domain/pinyinSearch.ts); contacts are searched by their characters only. */
  pinyin: string;
  /** Distinct bigrams of the name and contact names, and the name's pinyin grams (the same namespace). */
  bigrams: string[];
}

/**
 * What the index holds for one live customer. Phones are stored as digits in the text only: digit bigrams
 * would match almost every row and so select nothing. Contacts come in id (creation) order. Needs
 * loadPinyinReading() awaited first (every transaction does).
 */
export function searchDocumentOf(name: string, contacts: readonly { name: string; phone: string | null }[]): SearchDocument {
  const names = [name, ...contacts.map((c) => c.name)];
  const phones = contacts.map((c) => (c.phone ?? '').replace(/\D/g, '')).filter((p) => p.length > 0);
  const pinyin = pinyinReadingLoaded(name);
  const bigrams = new Set(bigramsOf(names));
  for (const g of pinyinGramsOf(pinyin)) bigrams.add(g);
  return {
    text: [...names.map(normalizeSearchText), ...phones].join(SEARCH_PART_SEPARATOR),
    pinyin,
    bigrams: [...bigrams],
  };
}

/**
 * A merged customer's old names (customer_aliases), searched like its contact names: they follow the contacts in
 * the document, oldest first, so search finds the survivor by the duplicate's name.
 */
export function aliasParts(names: readonly string[]): { name: string; phone: null }[] {
  return names.map((name) => ({ name, phone: null }));
}

/**
 * Keeps customer_search (the normalized text) and customer_bigrams (name and contact-name bigrams, with
 * per-bigram document counts in search_bigram_df) in step with a customer. A deleted customer is removed.
 */
export async function reindexCustomer(tx: Tx, customerId: string): Promise<void> {
  await loadPinyinReading();
  const k = q(tx);
  const customer = await k
    .selectFrom('customers')
    .select(['name', 'deleted_at'])
    .where('id', '=', customerId)
    .executeTakeFirst();
  const live = customer !== undefined && customer.deleted_at === null;
  const contacts = live
    ? await k
        .selectFrom('contacts')
        .select(['name', 'phone'])
        .where('customer_id', '=', customerId)
        .where('deleted_at', 'is', null)
        .orderBy('id')
        .execute()
    : [];
  const aliases = live ? await k.selectFrom('customer_aliases').select('name').where('customer_id', '=', customerId).where('deleted_at', 'is', null).orderBy('id').execute() : [];
  const doc = live ? searchDocumentOf(customer.name, [...contacts, ...aliasParts(aliases.map((a) => a.name))]) : null;
  const wanted = new Set(doc?.bigrams ?? []);

  const existing = await k.selectFrom('customer_bigram_sets').select('bigrams').where('customer_id', '=', customerId).executeTakeFirst();
  const have = new Set(bigramSetOf(existing?.bigrams));
  const removed = [...have].filter((b) => !wanted.has(b));
  const added = [...wanted].filter((b) => !have.has(b));

  for (const b of removed) {
    await k.deleteFrom('customer_bigrams').where('bigram', '=', b).where('customer_id', '=', customerId).execute();
    await k.updateTable('search_bigram_df').set({ n: sql`n - 1` }).where('bigram', '=', b).execute();
    // A bigram no customer holds any more leaves no row, exactly as a rebuild would.
    await k.deleteFrom('search_bigram_df').where('bigram', '=', b).where('n', '<=', 0).execute();
  }
  for (const b of added) {
    await k.insertInto('customer_bigrams').values({ bigram: b, customer_id: customerId }).execute();
    await k
      .insertInto('search_bigram_df')
      .values({ bigram: b, n: 1 })
      .onConflict((oc) => oc.column('bigram').doUpdateSet({ n: sql`search_bigram_df.n + 1` }))
      .execute();
  }
  if (doc) {
    await k
      .insertInto('customer_search')
      .values({ customer_id: customerId, text: doc.text, pinyin: doc.pinyin })
      .onConflict((oc) => oc.column('customer_id').doUpdateSet({ text: doc.text, pinyin: doc.pinyin }))
      .execute();
  } else {
    await k.deleteFrom('customer_search').where('customer_id', '=', customerId).execute();
  }
  if (removed.length > 0 || added.length > 0) {
    if (wanted.size > 0) {
      const bigrams = bigramSetText(wanted);
      await k
        .insertInto('customer_bigram_sets')
        .values({ customer_id: customerId, bigrams })
        .onConflict((oc) => oc.column('customer_id').doUpdateSet({ bigrams }))
        .execute();
    } else {
      await k.deleteFrom('customer_bigram_sets').where('customer_id', '=', customerId).execute();
    }
  }
}

/** customer_bigram_sets.bigrams: the set, space-separated (bigramsOf never yields whitespace). */
export function bigramSetText(bigrams: Iterable<string>): string {
  return [...bigrams].join(' ');
}

export function bigramSetOf(text: string | null | undefined): string[] {
  return text ? text.split(' ') : [];
}

/**
 * Rebuilds the whole search index from the live customers and contacts through the raw prepared bulk path,
 * producing exactly what reindexCustomer would for each customer. Runs in one transaction (joins the
 * caller's if one is open on the connection). For bulk loads, where per-customer reindexing would be slow.
 */
export function rebuildSearchIndex(db: Db): { customers: number; bigrams: number } {
  return rebuildSearchIndexOn(rawOf(db));
}

/** rebuildSearchIndex on the raw connection (the fill after migration 0014 runs before the Db exists). */
export function rebuildSearchIndexOn(raw: BetterSqlite3.Database): { customers: number; bigrams: number } {
  // customer_bigrams' triggers (migration 0018's scoped postings) are suspended and the postings refilled once.
  const run = () => rewritingBigramsInBulk(raw, () => {
    raw.exec('DELETE FROM customer_bigrams; DELETE FROM customer_bigram_sets; DELETE FROM search_bigram_df; DELETE FROM customer_search;');
    const contactsByCustomer = new Map<string, { name: string; phone: string | null }[]>();
    const contactRows = raw
      .prepare('SELECT customer_id, name, phone FROM contacts WHERE deleted_at IS NULL ORDER BY customer_id, id')
      .iterate() as IterableIterator<{ customer_id: string; name: string; phone: string | null }>;
    for (const c of contactRows) {
      let list = contactsByCustomer.get(c.customer_id);
      if (!list) contactsByCustomer.set(c.customer_id, (list = []));
      list.push({ name: c.name, phone: c.phone });
    }
    const aliasRows = raw
      .prepare('SELECT customer_id, name FROM customer_aliases WHERE deleted_at IS NULL ORDER BY customer_id, id')
      .all() as { customer_id: string; name: string }[];
    for (const a of aliasRows) {
      let list = contactsByCustomer.get(a.customer_id);
      if (!list) contactsByCustomer.set(a.customer_id, (list = []));
      list.push(...aliasParts([a.name]));
    }
    const customers = raw.prepare('SELECT id, name FROM customers WHERE deleted_at IS NULL ORDER BY id').all() as {
      id: string;
      name: string;
    }[];

    const cache = new StatementCache(raw);
    const texts = new BulkInserter(cache, 'customer_search', ['customer_id', 'text', 'pinyin']);
    const sets = new BulkInserter(cache, 'customer_bigram_sets', ['customer_id', 'bigrams']);
    // Customers come in id order, so each bigram's list of customers is already in key order.
    const holders = new Map<string, string[]>();
    let pairs = 0;
    for (const c of customers) {
      const doc = searchDocumentOf(c.name, contactsByCustomer.get(c.id) ?? []);
      texts.add([c.id, doc.text, doc.pinyin]);
      if (doc.bigrams.length > 0) sets.add([c.id, bigramSetText(doc.bigrams)]);
      for (const b of doc.bigrams) {
        const list = holders.get(b);
        if (list) list.push(c.id);
        else holders.set(b, [c.id]);
      }
      pairs += doc.bigrams.length;
    }
    texts.flush();
    sets.flush();
    // Key order makes every insert an append to the WITHOUT ROWID b-tree.
    const grams = [...holders.keys()].sort();
    const rows = new BulkInserter(cache, 'customer_bigrams', ['bigram', 'customer_id']);
    for (const b of grams) for (const id of holders.get(b)!) rows.add([b, id]);
    rows.flush();
    const counts = new BulkInserter(cache, 'search_bigram_df', ['bigram', 'n']);
    for (const b of grams) counts.add([b, holders.get(b)!.length]);
    counts.flush();
    return { customers: customers.length, bigrams: pairs };
  });
  return raw.inTransaction ? run() : raw.transaction(run).immediate();
}
