import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../test-support/openTestContext.ts';
import { openListFixture } from '../../test-support/list/customerListFixture.ts';
import type { Tier } from '../../shared/domain/enums.ts';
import { rawOf } from '../handle.ts';
import { withTransaction } from '../withTransaction.ts';
import { rebuildSearchIndex, reindexCustomer } from './customerSearchIndex.ts';

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
  const snapshot = () => {
    const raw = rawOf(t.ctx.db);
    return {
      text: raw.prepare('SELECT customer_id, text FROM customer_search ORDER BY customer_id').all(),
      bigrams: raw.prepare('SELECT bigram, customer_id FROM customer_bigrams ORDER BY bigram, customer_id').all(),
      df: raw.prepare('SELECT bigram, n FROM search_bigram_df ORDER BY bigram').all(),
      dfFromRows: raw.prepare('SELECT bigram, count(*) AS n FROM customer_bigrams GROUP BY bigram ORDER BY bigram').all(),
      // Each customer's stored set must list exactly what customer_bigrams holds for it.
      sets: sortedSets(raw.prepare('SELECT customer_id, bigrams FROM customer_bigram_sets ORDER BY customer_id').all()),
      setsFromRows: sortedSets(
        raw.prepare("SELECT customer_id, group_concat(bigram, ' ') AS bigrams FROM customer_bigrams GROUP BY customer_id ORDER BY customer_id").all(),
      ),
    };
  };
  const sortedSets = (rows: unknown[]) =>
    (rows as { customer_id: string; bigrams: string }[]).map((r) => [r.customer_id, r.bigrams.split(' ').sort().join(' ')]);
  const allCustomerIds = () =>
    (rawOf(t.ctx.db).prepare('SELECT id FROM customers').all() as { id: string }[]).map((r) => r.id);

  it('is the same whether rebuilt in bulk or maintained per customer', async () => {
    rebuildSearchIndex(t.ctx.db);
    const bulk = snapshot();
    expect(bulk.df).toEqual(bulk.dfFromRows);
    expect(bulk.sets).toEqual(bulk.setsFromRows);
    expect(bulk.text.length).toBeGreaterThan(990);
    // Forget a sample of customers (plus every deleted one), then let reindexCustomer rebuild them one by one.
    const raw = rawOf(t.ctx.db);
    const sample = allCustomerIds().filter((_, i) => i % 7 === 0);
    raw.transaction(() => {
      for (const id of sample) {
        raw.prepare('DELETE FROM customer_bigrams WHERE customer_id = ?').run(id);
        raw.prepare('DELETE FROM customer_search WHERE customer_id = ?').run(id);
        raw.prepare('DELETE FROM customer_bigram_sets WHERE customer_id = ?').run(id);
      }
      raw.exec('DELETE FROM search_bigram_df; INSERT INTO search_bigram_df (bigram, n) SELECT bigram, count(*) FROM customer_bigrams GROUP BY bigram');
    })();
    expect(snapshot().bigrams.length).toBeLessThan(bulk.bigrams.length);
    await withTransaction(t.ctx.db, async (tx) => {
      for (const id of [...sample, ...allCustomerIds().filter((_, i) => i % 7 === 1)]) await reindexCustomer(tx, id);
    });
    expect(snapshot()).toEqual(bulk);
  }, 60_000);

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
    const s = snapshot();
    expect(s.df).toEqual(s.dfFromRows);
    expect(s.sets).toEqual(s.setsFromRows);
  });
});
