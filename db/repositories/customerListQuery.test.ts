import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../test-support/openTestContext.ts';
import type { Tier } from '../../shared/domain/enums.ts';
import { nameSortKey } from '../../shared/domain/nameSortKey.ts';
import { pinyinReadingOf } from '../../shared/domain/pinyinReading.ts';
import { pinyinMatches, pinyinQueryOf } from '../../shared/domain/pinyinSearch.ts';
import { normalizeSearchText, phoneDigitsQuery } from '../../shared/domain/searchText.ts';
import { generateListBench } from '../../test-support/list/listBenchData.ts';
import { seedListBench } from '../../test-support/list/seedListBench.ts';
import { rawOf } from '../handle.ts';
import { withTransaction } from '../withTransaction.ts';
import {
  DEFAULT_LIST_TUNING,
  explainCustomerList,
  listCustomerPage,
  type CustomerListFilter,
  type CustomerListTuning,
  type SearchPlan,
} from './customerListQuery.ts';
import { rebuildSearchIndex, reindexCustomer } from './customerSearchIndex.ts';
import { loadPinyinReading } from './pinyinReadings.ts';

// The list query against a brute-force filter in plain JS over a few thousand generated customers: every
// search plan (bigram drive, bigram probe, text scan), both paging paths (one pass with a window count, and
// count then index-ordered page), filters, sorts, paging and totals.

let t: TestContext;
let owners: string[];
let tags: string[];

interface Doc {
  id: string;
  name: string;
  tier: string;
  ownerId: string | null;
  nextExpiryOn: string | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  tagIds: Set<string>;
  /** Normalized name and contact names, and phone digits: what a search may match a substring of. */
  parts: string[];
  /** The name's pinyin reading, computed here without the index. */
  reading: string;
}

/** Live customers read straight from the tables, with no help from the search index. */
function loadDocs(): Doc[] {
  const raw = rawOf(t.ctx.db);
  const contacts = new Map<string, { name: string; phone: string | null }[]>();
  for (const c of raw.prepare('SELECT customer_id, name, phone FROM contacts WHERE deleted_at IS NULL').all() as {
    customer_id: string;
    name: string;
    phone: string | null;
  }[]) {
    contacts.set(c.customer_id, [...(contacts.get(c.customer_id) ?? []), c]);
  }
  const tagsOf = new Map<string, Set<string>>();
  for (const r of raw.prepare('SELECT customer_id, tag_id FROM customer_tags').all() as { customer_id: string; tag_id: string }[]) {
    tagsOf.set(r.customer_id, (tagsOf.get(r.customer_id) ?? new Set()).add(r.tag_id));
  }
  const rows = raw
    .prepare(
      'SELECT id, name, tier, owner_id, next_expiry_on, archived_at, created_at, updated_at FROM customers WHERE deleted_at IS NULL',
    )
    .all() as {
    id: string;
    name: string;
    tier: string;
    owner_id: string | null;
    next_expiry_on: string | null;
    archived_at: string | null;
    created_at: string;
    updated_at: string;
  }[];
  return rows.map((r) => {
    const people = contacts.get(r.id) ?? [];
    return {
      id: r.id,
      name: r.name,
      tier: r.tier,
      ownerId: r.owner_id,
      nextExpiryOn: r.next_expiry_on,
      archivedAt: r.archived_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      tagIds: tagsOf.get(r.id) ?? new Set(),
      reading: pinyinReadingOf(r.name),
      parts: [
        r.name.normalize('NFKC').toLowerCase().trim(),
        ...people.map((p) => p.name.normalize('NFKC').toLowerCase().trim()),
        ...people.map((p) => (p.phone ?? '').replace(/\D/g, '')).filter((d) => d !== ''),
      ],
    };
  });
}

/** SQLite's BINARY collation compares UTF-8 bytes. */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

function bruteForce(docs: readonly Doc[], f: CustomerListFilter): { ids: string[]; total: number } {
  const text = normalizeSearchText(f.search ?? '');
  const needle = phoneDigitsQuery(text) ?? text;
  const pinyin = phoneDigitsQuery(text) === null ? pinyinQueryOf(text) : null;
  const hits = docs.filter(
    (d) =>
      (f.archived === 'all' || (f.archived === 'active') === (d.archivedAt === null)) &&
      (!f.ownerId || d.ownerId === f.ownerId) &&
      (!f.tier || d.tier === f.tier) &&
      (!f.tagId || d.tagIds.has(f.tagId)) &&
      (!f.expiringOnOrBefore || (d.nextExpiryOn !== null && d.nextExpiryOn <= f.expiringOnOrBefore)) &&
      (needle === '' || d.parts.some((p) => p.includes(needle)) || (pinyin !== null && pinyinMatches(d.reading, pinyin))),
  );
  const sign = f.order === 'desc' ? -1 : 1;
  const key = (d: Doc) => (f.sort === 'name' ? nameSortKey(d.name) : f.sort === 'updatedAt' ? d.updatedAt : f.sort === 'createdAt' ? d.createdAt : d.nextExpiryOn);
  hits.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === null || kb === null) {
      if (ka !== kb) return ka === null ? 1 : -1; // no expiry comes last in either direction
    } else if (ka !== kb) {
      return sign * byBytes(ka, kb);
    }
    return sign * byBytes(a.id, b.id);
  });
  return { ids: hits.slice(f.offset, f.offset + f.limit).map((d) => d.id), total: hits.length };
}

const page = (over: Partial<CustomerListFilter>): CustomerListFilter => ({
  archived: 'active',
  sort: 'nextExpiryOn',
  order: 'asc',
  offset: 0,
  limit: 50,
  ...over,
});

async function ids(f: CustomerListFilter, tuning?: CustomerListTuning) {
  const r = await listCustomerPage(t.ctx.db, f, tuning);
  return { ids: r.items.map((i) => i.id), total: r.total, plan: r.plan };
}

beforeAll(async () => {
  t = await openTestContext('2025-06-01T02:00:00.000Z');
  await loadPinyinReading(); // seedListBench builds the index outside any transaction
  const summary = { owners: [] as string[], tags: [] as string[] };
  seedListBench(t.ctx.db, (sink) => {
    const s = generateListBench(sink, { customers: 3000, contacts: 9000, contracts: 4500, followUps: 6000, owners: 6 }, 7);
    summary.owners = s.ownerIds;
    summary.tags = s.tagIds;
  });
  owners = summary.owners;
  tags = summary.tags;
  // A few customers through the real services, so the per-write index maintenance is in the mix too.
  await t.call('customers:create', {
    name: '杭州云启科技有限公司',
    tier: 'vip',
    ownerId: owners[0],
    primaryContact: { name: '欧阳娜娜', phone: '138-0013-8000' },
  });
  await t.call('customers:create', { name: 'ＡＢＣ Studio 工作室', tier: 'normal', ownerId: owners[1] });
  await t.call('customers:create', { name: 'a b 商行', tier: 'important' });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('customer list search', () => {
  it('finds Chinese substrings of 2, 3 and 4+ characters, contact names and phones through the service', async () => {
    const names = async (search: string) =>
      (await t.call('customers:list', { search, limit: 500 })).items.map((c: { name: string }) => c.name) as string[];
    expect(await names('云启')).toContain('杭州云启科技有限公司');
    expect(await names('州云启')).toContain('杭州云启科技有限公司');
    expect(await names('云启科技')).toContain('杭州云启科技有限公司');
    expect(await names('杭州云启科技有限公司')).toEqual(['杭州云启科技有限公司']);
    expect(await names('欧阳')).toEqual(['杭州云启科技有限公司']);
    expect(await names('欧阳娜娜')).toEqual(['杭州云启科技有限公司']);
    expect(await names('0013-8000')).toEqual(['杭州云启科技有限公司']);
    expect(await names('abc')).toEqual(['ＡＢＣ Studio 工作室']);
    expect(await names('a b')).toEqual(['a b 商行']);
    expect(await names('启科云')).toEqual([]);
  });

  it('agrees with a brute-force filter for every plan, filter, sort and page', async () => {
    const docs = loadDocs();
    const rand = (() => {
      let a = 12345;
      return () => ((a = (a * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    })();
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
    const queries = ['', '云启', '科技', '有限公司', '网络科技', '云启科技', '科技有限', '云', '公司', '启科云', 'zz', ' 科技 ', 'a b', 'abc', '１３８', '138', '0013-8000',
      'kj', 'hzyq', 'wlkj', 'hangzhou', 'yunqikeji', 'cq', 'zhongqing', '杭州yq', '杭zyq', 'y', 'xm', 'yhang'];
    for (let i = 0; i < 5; i++) {
      const d = pick(docs);
      const name = Array.from(d.name);
      for (const len of [2, 3, 4, 6]) {
        const start = Math.floor(rand() * Math.max(1, name.length - len));
        queries.push(name.slice(start, start + len).join(''));
      }
      const contact = d.parts[1];
      if (contact) queries.push(Array.from(contact).slice(0, 2).join(''), contact);
      const phone = d.parts.find((p) => /^\d{7,}$/.test(p));
      if (phone) queries.push(phone.slice(3, 7), phone);
    }
    const filters: Partial<CustomerListFilter>[] = [
      {},
      { ownerId: owners[1] },
      { tier: 'normal' },
      { ownerId: owners[2], tier: 'vip' },
      { ownerId: owners[0], tier: 'normal' },
      { tagId: tags[0] },
      { expiringOnOrBefore: '2025-07-15' },
      { archived: 'archived' },
      { archived: 'all', tier: 'important' },
    ];
    const orders: Pick<CustomerListFilter, 'sort' | 'order'>[] = [
      { sort: 'nextExpiryOn', order: 'asc' },
      { sort: 'nextExpiryOn', order: 'desc' },
      { sort: 'name', order: 'asc' },
      { sort: 'updatedAt', order: 'desc' },
      { sort: 'createdAt', order: 'asc' },
    ];
    const pages = [
      { offset: 0, limit: 50 },
      { offset: 30, limit: 25 },
      { offset: 0, limit: 500 },
      { offset: 100_000, limit: 10 },
    ];
    const tunings: (CustomerListTuning | undefined)[] = [
      undefined,
      { ...DEFAULT_LIST_TUNING, force: 'bigram-drive' },
      { ...DEFAULT_LIST_TUNING, force: 'bigram-probe', onePassMaxRows: 0 },
      { ...DEFAULT_LIST_TUNING, force: 'bigram-probe', onePassMaxRows: Infinity },
    ];
    const seen = new Set<SearchPlan>();
    let checked = 0;
    let nonEmpty = 0;
    for (const [qi, search] of queries.entries()) {
      for (const [fi, filter] of filters.entries()) {
        const f = page({ search, ...filter, ...orders[(qi + fi) % orders.length], ...pages[(qi + 2 * fi) % pages.length] });
        const expected = bruteForce(docs, f);
        for (const tuning of tunings) {
          const got = await ids(f, tuning);
          seen.add(got.plan);
          // The filter, tuning and plan ride along so a failure names the case.
          expect({ filter: f, tuning, plan: got.plan, ids: got.ids, total: got.total }).toEqual({ filter: f, tuning, plan: got.plan, ...expected });
          checked++;
        }
        if (expected.total > 0) nonEmpty++;
      }
    }
    expect(seen).toEqual(new Set(['none', 'empty', 'bigram-drive', 'bigram-probe', 'text-scan']));
    expect(checked).toBeGreaterThan(1000);
    expect(nonEmpty).toBeGreaterThan(150);
  }, 120_000);

  it('chooses the plan from document counts and the filtered customers', async () => {
    const df = (gram: string) =>
      (rawOf(t.ctx.db).prepare('SELECT n FROM search_bigram_df WHERE bigram = ?').get(gram) as { n: number } | undefined)?.n ?? 0;
    // 科技 is in about three names in ten: probing each filtered customer beats reading them all.
    expect(df('科技')).toBeGreaterThan(600);
    expect((await ids(page({ search: '科技', ownerId: owners[0], tier: 'normal' }))).plan).toBe('bigram-probe');
    // 网络 is in a few percent: unfiltered, its customers are fewer than a quarter of all, so it drives.
    expect(df('网络')).toBeGreaterThan(DEFAULT_LIST_TUNING.alwaysDriveAtMost);
    expect((await ids(page({ search: '网络' }))).plan).toBe('bigram-drive');
    expect((await ids(page({ search: '网络', ownerId: owners[0], tier: 'vip' }))).plan).toBe('bigram-probe');
    // A bigram held by a handful of customers drives without counting anything.
    expect((await ids(page({ search: '欧阳', ownerId: owners[0], tier: 'vip' }))).plan).toBe('bigram-drive');
    expect((await ids(page({ search: '0013' }))).plan).toBe('text-scan');
    expect((await ids(page({ search: '云' }))).plan).toBe('text-scan');
    expect((await ids(page({ search: '启科云' }))).plan).toBe('empty');
  });

  it('counts and pages the list from the covering (owner, tier, next_expiry_on, id, archived_at, deleted_at) index', async () => {
    // Unfiltered, the count reads an index, never the whole table.
    const all = await explainCustomerList(t.ctx.db, page({}));
    expect(all.statements[0]!.queryPlan.join('\n')).toContain('USING COVERING INDEX customers_list_expiry');
    const explained = await explainCustomerList(t.ctx.db, page({ ownerId: owners[0], tier: 'normal' }));
    expect(explained.plan).toBe('none');
    const [count, pageStmt] = explained.statements;
    expect(count!.queryPlan.join('\n')).toContain('USING COVERING INDEX customers_list_owner_tier (owner_id=? AND tier=?)');
    // Both runs (dated, then undated) are ranges of the index in page order, with no sort of the candidates.
    const plan = pageStmt!.queryPlan.join('\n');
    expect(plan).toContain('customers_list_owner_tier (owner_id=? AND tier=? AND next_expiry_on>?)');
    expect(plan).toContain('customers_list_owner_tier (owner_id=? AND tier=? AND next_expiry_on=?)');
    // Values are bound, never spliced into the SQL.
    expect(pageStmt!.sql).not.toContain(owners[0]);
    expect(pageStmt!.parameters).toContain(owners[0]);
    // A probe seeks (bigram, customer_id) in the primary key, where one bigram's entries sit together.
    const probed = await explainCustomerList(t.ctx.db, page({ search: '科技', ownerId: owners[0], tier: 'normal' }));
    expect(probed.plan).toBe('bigram-probe');
    const probePlan = probed.statements.map((s) => s.queryPlan.join('\n')).join('\n');
    expect(probePlan).toContain('customers_list_owner_tier (owner_id=? AND tier=?)');
    expect(probePlan).toContain('SEARCH b EXISTS USING PRIMARY KEY (bigram=? AND customer_id=?)');
  });
});

describe('customer list by name', () => {
  // Owners are known only once the data is seeded, hence a function.
  const nameFilters = (): Partial<CustomerListFilter>[] => [{}, { ownerId: owners[0] }, { tier: 'vip' }, { ownerId: owners[1], tier: 'normal' }];

  it('agrees with a brute-force pinyin order in both directions, for each owner/tier filter and page', async () => {
    const docs = loadDocs();
    let checked = 0;
    for (const filter of nameFilters()) {
      for (const order of ['asc', 'desc'] as const) {
        for (const p of [{ offset: 0, limit: 50 }, { offset: 40, limit: 20 }, { offset: 0, limit: 500 }]) {
          const f = page({ ...filter, sort: 'name', order, ...p });
          const expected = bruteForce(docs, f);
          expect(expected.ids.length).toBeGreaterThan(0);
          expect({ filter: f, ...(await ids(f)) }).toEqual({ filter: f, plan: 'none', ...expected });
          checked++;
        }
      }
    }
    expect(checked).toBe(24);
  });

  it("walks migration 0009's index for the filter in page order, with no sort of the candidates", async () => {
    const used = {
      '': 'SCAN c USING COVERING INDEX customers_name',
      o: 'SEARCH c USING COVERING INDEX customers_name_owner (owner_id=?)',
      t: 'SEARCH c USING COVERING INDEX customers_name_tier (tier=?)',
      ot: 'SEARCH c USING COVERING INDEX customers_name_owner_tier (owner_id=? AND tier=?)',
    };
    for (const filter of nameFilters()) {
      for (const order of ['asc', 'desc'] as const) {
        const f = page({ ...filter, sort: 'name', order });
        const explained = await explainCustomerList(t.ctx.db, f);
        const shape = `${f.ownerId ? 'o' : ''}${f.tier ? 't' : ''}` as keyof typeof used;
        // The page's rows are chosen in the co-routine; only the chosen rows are sorted again after decorating.
        const pagePlan = explained.statements.find((s) => s.name === 'page')!.queryPlan;
        const choosing = pagePlan.slice(0, pagePlan.indexOf('SCAN p')).join('\n');
        expect(choosing, shape).toBe(`CO-ROUTINE p\n  ${used[shape]}`);
        // The count needs no order: it stays on 0006's narrower (…, next_expiry_on, …) indexes.
        const countPlan = explained.statements.find((s) => s.name === 'count')!.queryPlan.join('\n');
        expect(countPlan, shape).toMatch(/USING COVERING INDEX customers_list_/);
      }
    }
  });
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
    expect(bulk.text.length).toBeGreaterThan(2900);
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
