import { sql } from 'kysely';
import { bigramsOf, normalizeSearchText, SEARCH_PART_SEPARATOR } from '../../shared/domain/searchText.ts';
import { q, type Executor, type Tx } from '../handle.ts';

/**
 * Keeps customer_search (the normalized text) and customer_bigrams (name and contact-name bigrams, with
 * per-bigram document counts) in step with a customer. Phones are stored as digits in the text only:
 * digit bigrams would match almost every row and so select nothing.
 */
export async function reindexCustomer(tx: Tx, customerId: string): Promise<void> {
  const k = q(tx);
  const customer = await k
    .selectFrom('customers')
    .select(['name', 'deleted_at'])
    .where('id', '=', customerId)
    .executeTakeFirst();
  const contacts =
    customer && customer.deleted_at === null
      ? await k
          .selectFrom('contacts')
          .select(['name', 'phone'])
          .where('customer_id', '=', customerId)
          .where('deleted_at', 'is', null)
          .execute()
      : [];
  const live = customer !== undefined && customer.deleted_at === null;
  const names = live ? [customer.name, ...contacts.map((c) => c.name)] : [];
  const phones = contacts.map((c) => (c.phone ?? '').replace(/\D/g, '')).filter((p) => p.length > 0);
  const wanted = new Set(bigramsOf(names));

  const existing = await k.selectFrom('customer_bigrams').select('bigram').where('customer_id', '=', customerId).execute();
  const have = new Set(existing.map((r) => r.bigram));
  const removed = [...have].filter((b) => !wanted.has(b));
  const added = [...wanted].filter((b) => !have.has(b));

  for (const b of removed) {
    await k.deleteFrom('customer_bigrams').where('bigram', '=', b).where('customer_id', '=', customerId).execute();
    await k.updateTable('search_bigram_df').set({ n: sql`n - 1` }).where('bigram', '=', b).execute();
  }
  for (const b of added) {
    await k.insertInto('customer_bigrams').values({ bigram: b, customer_id: customerId }).execute();
    await k
      .insertInto('search_bigram_df')
      .values({ bigram: b, n: 1 })
      .onConflict((oc) => oc.column('bigram').doUpdateSet({ n: sql`n + 1` }))
      .execute();
  }
  if (live) {
    const text = [...names.map(normalizeSearchText), ...phones].join(SEARCH_PART_SEPARATOR);
    await k
      .insertInto('customer_search')
      .values({ customer_id: customerId, text })
      .onConflict((oc) => oc.column('customer_id').doUpdateSet({ text }))
      .execute();
  } else {
    await k.deleteFrom('customer_search').where('customer_id', '=', customerId).execute();
  }
}

/** Document counts for bigrams; a missing bigram occurs in no customer. */
export async function bigramCounts(x: Executor, grams: readonly string[]): Promise<Map<string, number>> {
  if (grams.length === 0) return new Map();
  const rows = await q(x).selectFrom('search_bigram_df').select(['bigram', 'n']).where('bigram', 'in', grams).execute();
  return new Map(rows.map((r) => [r.bigram, r.n]));
}
