import { openTestContext, type TestContext } from '../openTestContext.ts';
import { q, type Db } from '../../db/handle.ts';
import type { CustomerListFilter } from '../../db/repositories/customerListQuery.ts';
import { loadPinyinReading } from '../../db/repositories/pinyinReadings.ts';
import { nameSortKey } from '../../shared/domain/nameSortKey.ts';
import { pinyinReadingOf } from '../../shared/domain/pinyinReading.ts';
import { pinyinMatches, pinyinQueryOf } from '../../shared/domain/pinyinSearch.ts';
import { normalizeSearchText, phoneDigitsQuery } from '../../shared/domain/searchText.ts';
import { generateListBench } from './listBenchData.ts';
import { seedListBench, type ListBenchSink } from './seedListBench.ts';
import { seedListBenchPostgres } from './seedListBenchPostgres.ts';

// The customer list tests' archive (a few thousand generated customers, plus a few made through the services)
// and the brute-force filter in plain JS they compare the list query with.

export interface ListFixture {
  t: TestContext;
  owners: string[];
  tags: string[];
}

/** A fresh test context holding `customers` generated customers of 6 owners, and three made through the real services. */
export async function openListFixture(customers = 3000): Promise<ListFixture> {
  const t = await openTestContext('2025-06-01T02:00:00.000Z');
  await loadPinyinReading(); // seedListBench builds the index outside any transaction
  const summary = { owners: [] as string[], tags: [] as string[] };
  const fill = (sink: ListBenchSink) => {
    const s = generateListBench(sink, { customers, contacts: customers * 3, contracts: (customers * 3) / 2, followUps: customers * 2, owners: 6 }, 7);
    summary.owners = s.ownerIds;
    summary.tags = s.tagIds;
  };
  if (t.engine === 'postgres') await seedListBenchPostgres(t.ctx.db, fill);
  else seedListBench(t.ctx.db, fill);
  // A few customers through the real services, so the per-write index maintenance is in the mix too.
  await t.call('customers:create', {
    name: '杭州云启科技有限公司',
    tier: 'vip',
    ownerId: summary.owners[0],
    primaryContact: { name: '欧阳娜娜', phone: '138-0013-8000' },
  });
  await t.call('customers:create', { name: 'ＡＢＣ Studio 工作室', tier: 'normal', ownerId: summary.owners[1] });
  await t.call('customers:create', { name: 'a b 商行', tier: 'important' });
  return { t, owners: summary.owners, tags: summary.tags };
}

export interface Doc {
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

/** Live customers read straight from the tables, with no help from the search index, in id order (as each engine reads them alike). */
export async function loadDocs(db: Db): Promise<Doc[]> {
  const k = q(db);
  const contacts = new Map<string, { name: string; phone: string | null }[]>();
  for (const c of await k.selectFrom('contacts').select(['customer_id', 'name', 'phone']).where('deleted_at', 'is', null).orderBy('customer_id').orderBy('id').execute()) {
    contacts.set(c.customer_id, [...(contacts.get(c.customer_id) ?? []), c]);
  }
  const tagsOf = new Map<string, Set<string>>();
  for (const r of await k.selectFrom('customer_tags').select(['customer_id', 'tag_id']).execute()) {
    tagsOf.set(r.customer_id, (tagsOf.get(r.customer_id) ?? new Set()).add(r.tag_id));
  }
  const rows = await k
    .selectFrom('customers')
    .select(['id', 'name', 'tier', 'owner_id', 'next_expiry_on', 'archived_at', 'created_at', 'updated_at'])
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
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

/** SQLite's BINARY collation compares UTF-8 bytes, as PostgreSQL's "C" does. */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

export function bruteForce(docs: readonly Doc[], f: CustomerListFilter): { ids: string[]; total: number } {
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

export const page = (over: Partial<CustomerListFilter>): CustomerListFilter => ({
  archived: 'active',
  sort: 'nextExpiryOn',
  order: 'asc',
  offset: 0,
  limit: 50,
  ...over,
});
