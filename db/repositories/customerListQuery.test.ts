import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine, type TestContext } from '../../test-support/openTestContext.ts';
import { bruteForce, loadDocs, openListFixture, page } from '../../test-support/list/customerListFixture.ts';
import { q } from '../handle.ts';
import {
  DEFAULT_LIST_TUNING,
  explainCustomerList,
  listCustomerPage,
  type CustomerListFilter,
  type CustomerListTuning,
  type SearchPlan,
} from './customerListQuery.ts';

// The list query against a brute-force filter in plain JS over a few thousand generated customers: every
// search plan (bigram drive, bigram probe, scoped drive and probe over migration 0018's postings, text scan),
// both paging paths (one pass with a window count, and count then index-ordered page), filters, sorts, paging
// and totals.

let t: TestContext;
let owners: string[];
let tags: string[];

beforeAll(async () => {
  ({ t, owners, tags } = await openListFixture());
}, 60_000);

afterAll(async () => {
  await t?.close();
});

async function ids(f: CustomerListFilter, tuning?: CustomerListTuning) {
  const r = await listCustomerPage(t.ctx.db, f, tuning);
  return { ids: r.items.map((i) => i.id), total: r.total, plan: r.plan };
}

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
    const docs = await loadDocs(t.ctx.db);
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
      // The scopes here hold under 200 customers, so the default drives; this one walks and probes.
      { ...DEFAULT_LIST_TUNING, scopedDriveAtMost: 0 },
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
    expect(seen).toEqual(new Set(['none', 'empty', 'bigram-drive', 'bigram-probe', 'scoped-drive', 'scoped-probe', 'text-scan']));
    expect(checked).toBeGreaterThan(1000);
    expect(nonEmpty).toBeGreaterThan(150);
  }, 120_000);

  it('chooses the plan from document counts and the filtered customers', async () => {
    const df = async (gram: string) =>
      (await q(t.ctx.db).selectFrom('search_bigram_df').select('n').where('bigram', '=', gram).executeTakeFirst())?.n ?? 0;
    // 科技 is in about three names in ten: probing each filtered customer beats reading them all.
    expect(await df('科技')).toBeGreaterThan(600);
    // Without a scope (tag filter: the postings' count would not be the total) the plan is as before 0018.
    expect((await ids(page({ search: '科技', tier: 'normal', tagId: tags[0] }))).plan).toBe('bigram-probe');
    // By owner and tier, the postings count its holders in the scope: few (this archive's scopes are small)
    // drive from the postings, many walk the scope in page order, probing each, total taken from the count.
    const scoped = page({ search: '科技', ownerId: owners[0], tier: 'normal' });
    expect((await ids(scoped)).plan).toBe('scoped-drive');
    expect((await listCustomerPage(t.ctx.db, scoped, { ...DEFAULT_LIST_TUNING, scopedDriveAtMost: 10 })).plan).toBe('scoped-probe');
    // 网络 is in a few percent: unfiltered, its customers are fewer than a quarter of all, so it drives.
    expect(await df('网络')).toBeGreaterThan(DEFAULT_LIST_TUNING.alwaysDriveAtMost);
    expect((await ids(page({ search: '网络' }))).plan).toBe('bigram-drive');
    expect((await ids(page({ search: '网络', ownerId: owners[0], tier: 'vip' }))).plan).toBe('scoped-drive');
    // Nobody of the scope holds the bigram: the count says so, nothing else runs.
    expect((await ids(page({ search: '欧阳', ownerId: owners[1], tier: 'vip' })))).toEqual({ ids: [], total: 0, plan: 'empty' });
    expect((await ids(page({ search: '欧阳', ownerId: owners[0], tier: 'vip' }))).total).toBe(1);
    expect((await ids(page({ search: '0013' }))).plan).toBe('text-scan');
    expect((await ids(page({ search: '云' }))).plan).toBe('text-scan');
    expect((await ids(page({ search: '启科云' }))).plan).toBe('empty');
  });

  it('explains the statements it runs on PostgreSQL too, values bound and never spliced', async () => {
    const explained = await explainCustomerList(t.ctx.db, page({ search: '科技', ownerId: owners[0], tier: 'normal' }), {
      ...DEFAULT_LIST_TUNING,
      scopedDriveAtMost: 0,
    });
    expect(explained.plan).toBe('scoped-probe');
    expect(explained.statements.map((s) => s.name)).toEqual(['bigram counts', 'scoped count', 'page']);
    for (const s of explained.statements) {
      expect(s.queryPlan.length).toBeGreaterThan(0);
      expect(s.sql).not.toContain(owners[0]);
    }
    expect(explained.statements[2]!.parameters).toContain(owners[0]);
  });

  // SQLite's planner choices (EXPLAIN QUERY PLAN): the indexes and join orders the list was tuned for (bench:list).
  it.runIf(testEngine() === 'sqlite')('counts and pages the list from the covering (owner, tier, next_expiry_on, id, archived_at, deleted_at) index', async () => {
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
    const probed = await explainCustomerList(t.ctx.db, page({ search: '科技', ownerId: owners[0], tier: 'normal' }), {
      ...DEFAULT_LIST_TUNING,
      force: 'bigram-probe',
    });
    expect(probed.plan).toBe('bigram-probe');
    const probePlan = probed.statements.map((s) => s.queryPlan.join('\n')).join('\n');
    expect(probePlan).toContain('customers_list_owner_tier (owner_id=? AND tier=?)');
    expect(probePlan).toContain('SEARCH b EXISTS USING PRIMARY KEY (bigram=? AND customer_id=?)');
    // Scoped: the total is a range of the postings' key (bigram, scope), and no count statement runs.
    const walked = await explainCustomerList(t.ctx.db, page({ search: '科技', ownerId: owners[0], tier: 'normal' }), {
      ...DEFAULT_LIST_TUNING,
      scopedDriveAtMost: 0,
    });
    expect(walked.plan).toBe('scoped-probe');
    expect(walked.statements.map((s) => s.name)).toEqual(['bigram counts', 'scoped count', 'page']);
    const scopedCount = walked.statements[1]!.queryPlan.join('\n');
    expect(scopedCount).toContain('SEARCH sb USING PRIMARY KEY (bigram=? AND scope=?)');
    expect(scopedCount).not.toMatch(/SCAN/);
    const driven = await explainCustomerList(t.ctx.db, page({ search: '网络科技', ownerId: owners[0], tier: 'normal' }));
    expect(driven.plan).toBe('scoped-drive');
    const drivePlan = driven.statements.find((s) => s.name === 'page')!.queryPlan.join('\n');
    expect(drivePlan).toContain('SEARCH sb USING PRIMARY KEY (bigram=? AND scope=?)');
    // The other grams are sought in the postings' key before the customer's row is read (customerListScopedPlans.ts).
    expect(drivePlan).toMatch(/CORRELATED SCALAR SUBQUERY \d+\n\s*SEARCH o USING PRIMARY KEY \(bigram=\? AND scope=\? AND customer_id=\?\)\n\s*SEARCH c /);
  });
});

describe('customer list by name', () => {
  // Owners are known only once the data is seeded, hence a function.
  const nameFilters = (): Partial<CustomerListFilter>[] => [{}, { ownerId: owners[0] }, { tier: 'vip' }, { ownerId: owners[1], tier: 'normal' }];

  it('agrees with a brute-force pinyin order in both directions, for each owner/tier filter and page', async () => {
    const docs = await loadDocs(t.ctx.db);
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

  it.runIf(testEngine() === 'sqlite')("walks migration 0009's index for the filter in page order, with no sort of the candidates", async () => {
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
