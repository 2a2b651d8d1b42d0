import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../test-support/openTestContext.ts';
import { openListFixture } from '../../test-support/list/customerListFixture.ts';
import type { Tier } from '../../shared/domain/enums.ts';
import { sql } from 'kysely';
import { q } from '../handle.ts';
import { withTransaction } from '../withTransaction.ts';
import { rebuildSearchIndex, reindexCustomer } from './customerSearchIndex.ts';
import { rebuildPostgresSearchIndex } from './customerSearchIndexPostgres.ts';

// The search index (customer_search, customer_bigrams, search_bigram_df, customer_bigram_sets) over the list
// tests' archive: a bulk rebuild equals per-customer upkeep, and it follows every write.

let t: TestContext;

beforeAll(async () => {
  // Fewer customers than the list tests: every one is rebuilt and compared, and a thousand show the same.
  ({ t } = await openListFixture(1000));
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('customer search index', () => {
  const snapshot = async () => {
    const k = q(t.ctx.db);
    const bigrams = await k.selectFrom('customer_bigrams').select(['bigram', 'customer_id']).orderBy('bigram').orderBy('customer_id').execute();
    const dfFromRows = new Map<string, number>();
    const setsFromRows = new Map<string, string[]>();
    for (const b of bigrams) {
      dfFromRows.set(b.bigram, (dfFromRows.get(b.bigram) ?? 0) + 1);
      setsFromRows.set(b.customer_id, [...(setsFromRows.get(b.customer_id) ?? []), b.bigram]);
    }
    return {
      text: await k.selectFrom('customer_search').select(['customer_id', 'text']).orderBy('customer_id').execute(),
      bigrams,
      df: await k.selectFrom('search_bigram_df').select(['bigram', 'n']).orderBy('bigram').execute(),
      dfFromRows: [...dfFromRows].map(([bigram, n]) => ({ bigram, n })),
      // Each customer's stored set must list exactly what customer_bigrams holds for it.
      sets: sortedSets(await k.selectFrom('customer_bigram_sets').select(['customer_id', 'bigrams']).orderBy('customer_id').execute()),
      // migration 0018's postings: each pair under its customer's scope, whether the triggers or a refill wrote it.
      scoped: (await sql`SELECT bigram, scope, customer_id FROM customer_scoped_bigrams ORDER BY 1, 2, 3`.execute(k)).rows,
      scopedFromRows: (
        await sql`SELECT b.bigram, s.id AS scope, b.customer_id FROM customer_bigrams b
          JOIN customers c ON c.id = b.customer_id
          JOIN search_scopes s ON s.owner_key = coalesce(c.owner_id, '') AND s.tier = c.tier
            AND s.archived = CASE WHEN c.archived_at IS NULL THEN 0 ELSE 1 END
          ORDER BY 1, 2, 3`.execute(k)
      ).rows,
      setsFromRows: sortedSets(
        [...setsFromRows].sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b))).map(([customer_id, list]) => ({ customer_id, bigrams: list.join(' ') })),
      ),
    };
  };
  const sortedSets = (rows: readonly { customer_id: string; bigrams: string }[]) =>
    rows.map((r) => [r.customer_id, r.bigrams.split(' ').sort().join(' ')]);
  const allCustomerIds = async () => (await q(t.ctx.db).selectFrom('customers').select('id').orderBy('id').execute()).map((r) => r.id);
  const rebuild = () => (t.engine === 'postgres' ? rebuildPostgresSearchIndex(t.ctx.db) : rebuildSearchIndex(t.ctx.db));

  it('is the same whether rebuilt in bulk or maintained per customer', async () => {
    await rebuild();
    const bulk = await snapshot();
    expect(bulk.df).toEqual(bulk.dfFromRows);
    expect(bulk.sets).toEqual(bulk.setsFromRows);
    expect(bulk.scoped).toEqual(bulk.scopedFromRows);
    expect(bulk.text.length).toBeGreaterThan(990);
    // Forget a sample of customers (plus every deleted one), then let reindexCustomer rebuild them one by one.
    const ids = await allCustomerIds();
    const sample = ids.filter((_, i) => i % 7 === 0);
    await withTransaction(t.ctx.db, async (tx) => {
      const k = q(tx);
      await k.deleteFrom('customer_bigrams').where('customer_id', 'in', sample).execute();
      await k.deleteFrom('customer_search').where('customer_id', 'in', sample).execute();
      await k.deleteFrom('customer_bigram_sets').where('customer_id', 'in', sample).execute();
      await k.deleteFrom('search_bigram_df').execute();
      await sql`INSERT INTO search_bigram_df (bigram, n) SELECT bigram, count(*) FROM customer_bigrams GROUP BY bigram`.execute(k);
    });
    expect((await snapshot()).bigrams.length).toBeLessThan(bulk.bigrams.length);
    await withTransaction(t.ctx.db, async (tx) => {
      for (const id of [...sample, ...ids.filter((_, i) => i % 7 === 1)]) await reindexCustomer(tx, id);
    });
    expect(await snapshot()).toEqual(bulk);
  }, 120_000);

  it('follows renames, contacts, archiving, deletion and undo', async () => {
    const names = async (search: string, archived: 'active' | 'archived' | 'all' = 'active') =>
      (await t.call('customers:list', { search, archived })).items.map((c: { name: string }) => c.name) as string[];
    const c = await t.call('customers:create', { name: '宁波甬江测绘有限公司', tier: 'important' as Tier });
    expect(await names('甬江')).toEqual(['宁波甬江测绘有限公司']);
    await t.call('customers:update', { id: c.id, name: '宁波镇海测绘有限公司' });
    expect(await names('甬江')).toEqual([]);
    expect(await names('镇海测绘')).toEqual(['宁波镇海测绘有限公司']);
    const contact = await t.call('contacts:create', { customerId: c.id, name: '司马懿', phone: '0574-8765 4321' });
    expect(await names('司马')).toEqual(['宁波镇海测绘有限公司']);
    expect(await names('87654321')).toEqual(['宁波镇海测绘有限公司']);
    await t.call('contacts:delete', { id: contact.id });
    expect(await names('司马')).toEqual([]);
    await t.call('customers:archive', { id: c.id });
    expect(await names('镇海测绘')).toEqual([]);
    expect(await names('镇海测绘', 'archived')).toEqual(['宁波镇海测绘有限公司']);
    await t.call('customers:unarchive', { id: c.id });
    const { undoToken } = await t.call('customers:delete', { id: c.id });
    expect(await names('镇海测绘', 'all')).toEqual([]);
    await t.call('customers:undoDelete', { undoToken });
    expect(await names('镇海测绘')).toEqual(['宁波镇海测绘有限公司']);
    const s = await snapshot();
    expect(s.df).toEqual(s.dfFromRows);
    expect(s.sets).toEqual(s.setsFromRows);
    expect(s.scoped).toEqual(s.scopedFromRows);
  });
});
