import { sql, type RawBuilder } from 'kysely';
import type { CustomerListItem } from '../../shared/api/customers.contract.ts';
import type { Tier } from '../../shared/domain/enums.ts';
import { bigramsOf, normalizeSearchText, phoneDigitsQuery } from '../../shared/domain/searchText.ts';
import { q, type Executor } from '../handle.ts';
import { bigramCounts } from './customerSearchIndex.ts';

export interface CustomerListFilter {
  search?: string | undefined;
  tier?: Tier | undefined;
  ownerId?: string | undefined;
  tagId?: string | undefined;
  /** Keep customers whose next expiry is on or before this date (overdue included). */
  expiringOnOrBefore?: string | undefined;
  archived: 'active' | 'archived' | 'all';
  sort: 'nextExpiryOn' | 'name' | 'updatedAt' | 'createdAt';
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
}

/**
 * Below this many customers holding the rarest query bigram, the bigram index drives the query; above it
 * the (owner, tier, expiry) index drives and each candidate is probed in the bigram index instead.
 */
export const BIGRAM_DRIVE_LIMIT = 2000;

export type SearchPlan = 'none' | 'empty' | 'bigram-drive' | 'bigram-probe' | 'text-scan';

interface SearchClause {
  plan: SearchPlan;
  conditions: RawBuilder<unknown>[];
}

async function searchClause(x: Executor, search: string | undefined): Promise<SearchClause> {
  const text = normalizeSearchText(search ?? '');
  if (text === '') return { plan: 'none', conditions: [] };
  const scan = (needle: string) =>
    sql`EXISTS (SELECT 1 FROM customer_search cs WHERE cs.customer_id = c.id AND instr(cs.text, ${needle}) > 0)`;
  const digits = phoneDigitsQuery(text);
  if (digits !== null || Array.from(text).length < 2) {
    return { plan: 'text-scan', conditions: [scan(digits ?? text)] };
  }
  const grams = bigramsOf([text]);
  const counts = await bigramCounts(x, grams);
  let rarest: string | null = null;
  let rarestCount = Infinity;
  for (const g of grams) {
    const n = counts.get(g) ?? 0;
    if (n < rarestCount) [rarest, rarestCount] = [g, n];
  }
  if (rarest === null || rarestCount === 0) return { plan: 'empty', conditions: [] };
  const conditions: RawBuilder<unknown>[] = [];
  let plan: SearchPlan;
  if (rarestCount <= BIGRAM_DRIVE_LIMIT) {
    plan = 'bigram-drive';
    conditions.push(sql`c.id IN (SELECT b.customer_id FROM customer_bigrams b WHERE b.bigram = ${rarest})`);
  } else {
    plan = 'bigram-probe';
    conditions.push(sql`EXISTS (SELECT 1 FROM customer_bigrams b WHERE b.bigram = ${rarest} AND b.customer_id = c.id)`);
  }
  // A longer query is only a candidate until its whole text is found in the same name.
  if (grams.length > 1 || Array.from(text).length > 2) conditions.push(scan(text));
  return { plan, conditions };
}

function orderBy(f: CustomerListFilter): RawBuilder<unknown> {
  const dir = f.order === 'desc' ? sql.raw('DESC') : sql.raw('ASC');
  switch (f.sort) {
    case 'name':
      return sql`c.name ${dir}, c.id ${dir}`;
    case 'updatedAt':
      return sql`c.updated_at ${dir}, c.id ${dir}`;
    case 'createdAt':
      return sql`c.created_at ${dir}, c.id ${dir}`;
    case 'nextExpiryOn':
      // Customers without any expiry come last in either direction.
      return sql`c.next_expiry_on IS NULL, c.next_expiry_on ${dir}, c.id ${dir}`;
  }
}

export interface CustomerListResult {
  items: CustomerListItem[];
  total: number;
  plan: SearchPlan;
}

export async function listCustomerPage(x: Executor, f: CustomerListFilter): Promise<CustomerListResult> {
  const search = await searchClause(x, f.search);
  if (search.plan === 'empty') return { items: [], total: 0, plan: 'empty' };
  const where: RawBuilder<unknown>[] = [sql`c.deleted_at IS NULL`];
  if (f.archived === 'active') where.push(sql`c.archived_at IS NULL`);
  if (f.archived === 'archived') where.push(sql`c.archived_at IS NOT NULL`);
  if (f.ownerId) where.push(sql`c.owner_id = ${f.ownerId}`);
  if (f.tier) where.push(sql`c.tier = ${f.tier}`);
  if (f.tagId) where.push(sql`EXISTS (SELECT 1 FROM customer_tags ct WHERE ct.customer_id = c.id AND ct.tag_id = ${f.tagId})`);
  if (f.expiringOnOrBefore) where.push(sql`c.next_expiry_on <= ${f.expiringOnOrBefore}`);
  where.push(...search.conditions);
  const whereSql = sql.join(where, sql` AND `);
  const order = orderBy(f);

  const k = q(x);
  const countRow = await sql<{ n: number }>`SELECT count(*) AS n FROM customers c WHERE ${whereSql}`.execute(k);
  const total = countRow.rows[0]?.n ?? 0;
  if (total === 0 || f.offset >= total) return { items: [], total, plan: search.plan };

  const page = await sql<{
    id: string;
    name: string;
    tier: Tier;
    owner_id: string | null;
    owner_name: string | null;
    next_expiry_on: string | null;
    archived_at: string | null;
    version: number;
    last_follow_up_at: string | null;
    contact_name: string | null;
    contact_phone: string | null;
  }>`SELECT c.id, c.name, c.tier, c.owner_id, o.name AS owner_name, c.next_expiry_on, c.archived_at, c.version,
       (SELECT max(f.at) FROM follow_ups f WHERE f.customer_id = c.id AND f.deleted_at IS NULL) AS last_follow_up_at,
       pc.name AS contact_name, pc.phone AS contact_phone
     FROM (SELECT c.* FROM customers c WHERE ${whereSql} ORDER BY ${order} LIMIT ${f.limit} OFFSET ${f.offset}) c
     LEFT JOIN owners o ON o.id = c.owner_id
     LEFT JOIN contacts pc ON pc.customer_id = c.id AND pc.is_primary = 1 AND pc.deleted_at IS NULL
     ORDER BY ${order}`.execute(k);

  return {
    total,
    plan: search.plan,
    items: page.rows.map((r) => ({
      id: r.id,
      name: r.name,
      tier: r.tier,
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      nextExpiryOn: r.next_expiry_on,
      lastFollowUpAt: r.last_follow_up_at,
      primaryContactName: r.contact_name,
      primaryContactPhone: r.contact_phone,
      archived: r.archived_at !== null,
      version: r.version,
    })),
  };
}
