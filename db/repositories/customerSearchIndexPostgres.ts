import { sql, type Kysely } from 'kysely';
import { engineOf, q, type Db } from '../handle.ts';
import type { Database } from '../schema.ts';
import { aliasParts, bigramSetText, searchDocumentOf } from './customerSearchIndex.ts';
import { loadPinyinReading } from './pinyinReadings.ts';

// rebuildSearchIndex's PostgreSQL twin: the same documents (searchDocumentOf) from the same rows in the same order,
// written with array-parameter INSERTs instead of SQLite's prepared multi-row statements.

/** Rows per INSERT … SELECT FROM unnest(…): each column is one array parameter, so the width does not matter. */
const CHUNK = 50_000;

async function insertColumns(k: Kysely<Database>, table: string, columns: readonly string[], types: readonly string[], rows: readonly unknown[][]): Promise<void> {
  for (let at = 0; at < rows.length; at += CHUNK) {
    const part = rows.slice(at, at + CHUNK);
    const arrays = columns.map((_, i) => part.map((r) => r[i]));
    const unnest = sql.join(arrays.map((a, i) => sql`${a}::${sql.raw(types[i]!)}[]`));
    await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.id(c)))}) SELECT * FROM unnest(${unnest})`.execute(k);
  }
}

/**
 * Rebuilds the whole search index of a PostgreSQL archive from the live customers, contacts and aliases, in one
 * transaction: exactly what reindexCustomer would write for each. customer_bigrams' row triggers (the scoped
 * postings) are disabled meanwhile and the postings refilled once, as SQLite's rewritingBigramsInBulk does.
 */
export async function rebuildPostgresSearchIndex(db: Db): Promise<{ customers: number; bigrams: number }> {
  if (engineOf(db) !== 'postgres') throw new Error('rebuildPostgresSearchIndex: not a PostgreSQL archive');
  await loadPinyinReading();
  return q(db)
    .transaction()
    .execute(async (k) => {
      await sql`ALTER TABLE customer_bigrams DISABLE TRIGGER USER`.execute(k);
      await sql`DELETE FROM customer_scoped_bigrams`.execute(k);
      await sql`DELETE FROM customer_bigrams`.execute(k);
      await sql`DELETE FROM customer_bigram_sets`.execute(k);
      await sql`DELETE FROM search_bigram_df`.execute(k);
      await sql`DELETE FROM customer_search`.execute(k);

      const people = new Map<string, { name: string; phone: string | null }[]>();
      const add = (id: string, parts: readonly { name: string; phone: string | null }[]) => {
        const list = people.get(id);
        if (list) list.push(...parts);
        else people.set(id, [...parts]);
      };
      const contacts = await k.selectFrom('contacts').select(['customer_id', 'name', 'phone']).where('deleted_at', 'is', null).orderBy('customer_id').orderBy('id').execute();
      for (const c of contacts) add(c.customer_id, [{ name: c.name, phone: c.phone }]);
      const aliases = await k.selectFrom('customer_aliases').select(['customer_id', 'name']).where('deleted_at', 'is', null).orderBy('customer_id').orderBy('id').execute();
      for (const a of aliases) add(a.customer_id, aliasParts([a.name]));
      const customers = await k.selectFrom('customers').select(['id', 'name']).where('deleted_at', 'is', null).orderBy('id').execute();

      const texts: unknown[][] = [];
      const sets: unknown[][] = [];
      const holders = new Map<string, string[]>();
      let pairs = 0;
      for (const c of customers) {
        const doc = searchDocumentOf(c.name, people.get(c.id) ?? []);
        texts.push([c.id, doc.text, doc.pinyin]);
        if (doc.bigrams.length > 0) sets.push([c.id, bigramSetText(doc.bigrams)]);
        for (const b of doc.bigrams) {
          const list = holders.get(b);
          if (list) list.push(c.id);
          else holders.set(b, [c.id]);
        }
        pairs += doc.bigrams.length;
      }
      await insertColumns(k, 'customer_search', ['customer_id', 'text', 'pinyin'], ['text', 'text', 'text'], texts);
      await insertColumns(k, 'customer_bigram_sets', ['customer_id', 'bigrams'], ['text', 'text'], sets);
      const grams = [...holders.keys()].sort();
      const rows: unknown[][] = [];
      for (const b of grams) for (const id of holders.get(b)!) rows.push([b, id]);
      await insertColumns(k, 'customer_bigrams', ['bigram', 'customer_id'], ['text', 'text'], rows);
      await insertColumns(k, 'search_bigram_df', ['bigram', 'n'], ['text', 'bigint'], grams.map((b) => [b, holders.get(b)!.length]));

      // No nested loop: the planner guesses one row from customers ⋈ search_scopes (its join keys are expressions)
      // and then looks each customer's pairs up by the second column of customer_bigrams' key, a scan of the whole
      // index per customer (measured: 35 s for 2,000 customers' 72k pairs). Hash joins read each table once.
      await sql`SET LOCAL enable_nestloop = off`.execute(k);
      // The postings the triggers would have written: each pair under its customer's scope (the customers'
      // insert trigger made every scope).
      await sql`INSERT INTO customer_scoped_bigrams (bigram, scope, customer_id)
        SELECT b.bigram, s.id, b.customer_id
        FROM customer_bigrams b
        JOIN customers c ON c.id = b.customer_id
        JOIN search_scopes s ON s.owner_key = coalesce(c.owner_id, '') AND s.tier = c.tier
          AND s.archived = CASE WHEN c.archived_at IS NULL THEN 0 ELSE 1 END`.execute(k);
      await sql`RESET enable_nestloop`.execute(k);
      await sql`ALTER TABLE customer_bigrams ENABLE TRIGGER USER`.execute(k);
      return { customers: customers.length, bigrams: pairs };
    });
}
