import { CompiledQuery, sql, type RawBuilder } from 'kysely';
import type { CustomerListItem } from '../../shared/api/customers.contract.ts';
import type { Tier } from '../../shared/domain/enums.ts';
import { clausesGivenCounts } from '../../shared/domain/pinyinQueryGrams.ts';
import { pinyinQueryClauses, pinyinQueryOf } from '../../shared/domain/pinyinSearch.ts';
import { bigramsOf, normalizeSearchText, phoneDigitsQuery, SEARCH_PART_SEPARATOR } from '../../shared/domain/searchText.ts';
import { engineOf, q, type DbEngine, type Executor } from '../handle.ts';
import { scopedShape } from './customerListScopedPlans.ts';
import { and, contains, drivingJoin, probe, rowKey, type QueryShape, type Trace } from './customerListSqlParts.ts';

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
 * How a search picks its plan. A query bigram held by few customers drives: its index entries are read and
 * each customer is fetched and filtered. Otherwise the filtered customers are walked in page order through a
 * covering index and each is probed in the bigram index. Measured on 100k customers (bench:list), driving
 * costs about four probes per customer read (an id lookup plus a table row against one index probe).
 */
export interface CustomerListTuning {
  /** A bigram held by at most this many customers always drives; counting candidates would cost more. */
  alwaysDriveAtMost: number;
  /** Cost of one driven customer in candidate probes: drive when candidates ≥ df × this ratio. */
  driveCostRatio: number;
  /**
   * A search whose matches cannot exceed this many rows counts and pages in one pass (a window count over the
   * matches). Above it, matches are dense: the count is one pass and the page stops early in index order.
   */
  onePassMaxRows: number;
  /**
   * Scoped plans (a filter by owner or tier, migration 0018's postings): a two-character query whose holders in
   * the scope number more than this walks the customers in page order, probing each, and stops after the page;
   * fewer, or a longer query (each holder needs its text checked for the total anyway), drive from the postings.
   */
  scopedDriveAtMost: number;
  /** Forces a branch regardless of counts (tests). */
  force?: 'bigram-drive' | 'bigram-probe' | 'scoped-drive' | 'scoped-probe' | undefined;
}

export const DEFAULT_LIST_TUNING: Readonly<CustomerListTuning> = {
  alwaysDriveAtMost: 64,
  driveCostRatio: 4,
  onePassMaxRows: 5000,
  scopedDriveAtMost: 200,
};

export type SearchPlan = 'none' | 'empty' | 'bigram-drive' | 'bigram-probe' | 'scoped-drive' | 'scoped-probe' | 'text-scan';

function filterConditions(f: CustomerListFilter): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [sql`c.deleted_at IS NULL`];
  if (f.archived === 'active') where.push(sql`c.archived_at IS NULL`);
  if (f.archived === 'archived') where.push(sql`c.archived_at IS NOT NULL`);
  if (f.ownerId) where.push(sql`c.owner_id = ${f.ownerId}`);
  if (f.tier) where.push(sql`c.tier = ${f.tier}`);
  if (f.tagId) where.push(sql`EXISTS (SELECT 1 FROM customer_tags ct WHERE ct.customer_id = c.id AND ct.tag_id = ${f.tagId})`);
  if (f.expiringOnOrBefore) where.push(sql`c.next_expiry_on <= ${f.expiringOnOrBefore}`);
  return where;
}

/** Substring of the normalized name, a contact name or the phone digits, never across two of them. */
const textContains = (engine: DbEngine, needle: string) =>
  sql`EXISTS (SELECT 1 FROM customer_search cs WHERE cs.customer_id = c.id AND ${contains(engine, sql`cs.text`, needle)})`;

/**
 * A pinyin query (letters, perhaps with Han characters) matches the text as before or the name's reading
 * (pinyin_match: on SQLite registered on the connection by db/repositories/pinyinReadings.ts, on PostgreSQL a
 * function of the schema, db/postgres/pgPinyinMatch.ts).
 */
const textOrPinyin = (engine: DbEngine, needle: string) =>
  sql`EXISTS (SELECT 1 FROM customer_search cs WHERE cs.customer_id = c.id AND (${contains(engine, sql`cs.text`, needle)} OR pinyin_match(cs.pinyin, ${needle})))`;

async function shapeQuery(x: Executor, f: CustomerListFilter, tuning: CustomerListTuning, trace?: Trace): Promise<QueryShape> {
  const engine = engineOf(x);
  const base = filterConditions(f);
  const customers = sql`customers c`;
  // The index keeps a customer's name, contacts and phones on separate lines; a query never spans two.
  const search = (f.search ?? '').replaceAll(SEARCH_PART_SEPARATOR, ' ');
  const text = normalizeSearchText(search);
  if (text === '') return { plan: 'none', from: customers, where: base, onePass: false };
  // Phones are indexed only as text, and a single character or a query whose every bigram holds a space
  // has no bigram to look up: those check the text of each filtered customer.
  const digits = phoneDigitsQuery(text);
  // A pinyin query asks for clauses of grams (shared/domain/pinyinQueryGrams.ts): every name it matches, by
  // reading or by text, holds its one-gram clauses' grams and one gram of each longer clause.
  const pinyin = digits === null ? pinyinQueryOf(text) : null;
  const clauses = pinyin !== null ? pinyinQueryClauses(pinyin) : digits === null ? bigramsOf([search]).map((g) => [g]) : [];
  const check = pinyin !== null ? textOrPinyin(engine, pinyin) : textContains(engine, digits ?? text);
  if (clauses.length === 0) {
    return { plan: 'text-scan', from: customers, where: [...base, check], onePass: true };
  }

  const asked = [...new Set(clauses.flat())];
  const dfQuery = sql<{ bigram: string; n: number }>`SELECT bigram, n FROM search_bigram_df WHERE bigram IN (${sql.join(asked)})`;
  trace?.('bigram counts', dfQuery);
  const counts = new Map((await dfQuery.execute(q(x))).rows.map((r) => [r.bigram, r.n]));
  // Every gram of a match occurs in the matching name, so a gram no customer has means no match (and a clause
  // left with one gram makes that gram certain).
  const given = clausesGivenCounts(clauses, (g) => counts.get(g) ?? 0);
  if (given === null) return { plan: 'empty', from: customers, where: base, onePass: false };
  const grams = given.certain;
  if (grams.length === 0) return { plan: 'text-scan', from: customers, where: [...base, check], onePass: true };
  let rarest = grams[0]!;
  let df = Infinity;
  for (const g of grams) {
    const n = counts.get(g) ?? 0;
    if (n < df) [rarest, df] = [g, n];
  }
  // One bigram is the whole query only when the query is two characters (two letters included: a two-letter
  // gram is held exactly by the names matching it); longer ones check the full text or reading.
  const whole = Array.from(text).length > 2 ? [check] : [];
  const scoped = await scopedShape(x, f, base, { grams, rarest, eitherOf: given.eitherOf }, whole, tuning, trace);
  if (scoped) return scoped;
  const candidates = await countCandidates(x, base, df, tuning, trace);
  if (candidates === 'many') {
    return {
      plan: 'bigram-drive',
      from: sql`customer_bigrams b ${drivingJoin(engine)} customers c ON c.id = b.customer_id`,
      where: [sql`b.bigram = ${rarest}`, ...base, ...whole],
      onePass: true,
    };
  }
  return {
    plan: 'bigram-probe',
    from: customers,
    where: [...base, probe(engine, rarest), ...whole],
    onePass: Math.min(df, candidates ?? Infinity) <= tuning.onePassMaxRows,
  };
}

/**
 * 'many' when the filtered customers outnumber the bigram's by more than the cost ratio (drive), else their
 * exact number (probe), or null when a forced probe skipped counting.
 */
async function countCandidates(
  x: Executor,
  base: readonly RawBuilder<unknown>[],
  df: number,
  tuning: CustomerListTuning,
  trace?: Trace,
): Promise<number | 'many' | null> {
  if (tuning.force) return tuning.force === 'bigram-drive' ? 'many' : null;
  if (df <= tuning.alwaysDriveAtMost) return 'many';
  const cap = Math.ceil(df * tuning.driveCostRatio);
  // Counting stops at the cap, so deciding never costs more than the plan it rules out.
  const query = sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM customers c WHERE ${and(base)} LIMIT ${cap}) capped`;
  trace?.('candidates', query);
  const n = (await query.execute(q(x))).rows[0]?.n ?? 0;
  return n >= cap ? 'many' : n;
}

interface ListStatements {
  /** One pass: the page rows each carry the total of all matches. */
  onePass: boolean;
  count: RawBuilder<{ n: number }>;
  page: RawBuilder<PageRow>;
}

interface PageRow {
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
  total: number | null;
}

function listStatements(shape: QueryShape, f: CustomerListFilter, engine: DbEngine): ListStatements {
  const dir = f.order === 'desc' ? sql.raw('DESC') : sql.raw('ASC');
  const where = and(shape.where);
  const columns = sql`c.id, c.name, c.tier, c.owner_id, o.name AS owner_name, c.next_expiry_on, c.archived_at, c.version,
       (SELECT max(f.at) FROM follow_ups f WHERE f.customer_id = c.id AND f.deleted_at IS NULL) AS last_follow_up_at,
       pc.name AS contact_name, pc.phone AS contact_phone`;
  // The page's rows are chosen first from the index alone (on SQLite its entries carry the rowid, so no lookup
  // by id is needed); only those rows are read and decorated.
  const rid = rowKey(engine);
  const decorate = sql`${drivingJoin(engine)} customers c ON ${rid} = p.rid
     LEFT JOIN owners o ON o.id = c.owner_id
     LEFT JOIN contacts pc ON pc.customer_id = c.id AND pc.is_primary = 1 AND pc.deleted_at IS NULL`;
  const count = sql<{ n: number }>`SELECT count(*) AS n FROM ${shape.from} WHERE ${where}`;
  const order = orderBy(f.sort, dir);

  if (shape.onePass) {
    // Every match is visited anyway (a bigram drive, or a sparse probe or text check), so the window count
    // and the sort come from that same pass instead of a second one.
    return {
      onePass: true,
      count,
      page: sql<PageRow>`SELECT ${columns}, p.total FROM (
         SELECT ${rid} AS rid, count(*) OVER () AS total FROM ${shape.from} WHERE ${where}
         ORDER BY ${order} LIMIT ${f.limit} OFFSET ${f.offset}) p
       ${decorate}
       ORDER BY ${order}`,
    };
  }
  if (f.sort === 'nextExpiryOn') {
    // Customers without an expiry come last in either direction. "ORDER BY next_expiry_on IS NULL" would
    // sort every candidate, so dated and undated customers are read as two index-ordered runs, each
    // stopping at the page end, and merged.
    const end = f.offset + f.limit;
    return {
      onePass: false,
      count,
      page: sql<PageRow>`SELECT ${columns}, NULL AS total FROM (
         SELECT * FROM (SELECT ${rid} AS rid, c.id, c.next_expiry_on, 0 AS part FROM ${shape.from}
           WHERE ${where} AND c.next_expiry_on IS NOT NULL ORDER BY c.next_expiry_on ${dir}, c.id ${dir} LIMIT ${end}) dated
         UNION ALL
         SELECT * FROM (SELECT ${rid} AS rid, c.id, c.next_expiry_on, 1 AS part FROM ${shape.from}
           WHERE ${where} AND c.next_expiry_on IS NULL ORDER BY c.id ${dir} LIMIT ${end}) undated
         ORDER BY part, next_expiry_on ${dir}, id ${dir} LIMIT ${f.limit} OFFSET ${f.offset}) p
       ${decorate}
       ORDER BY p.part, c.next_expiry_on ${dir}, c.id ${dir}`,
    };
  }
  return {
    onePass: false,
    count,
    page: sql<PageRow>`SELECT ${columns}, NULL AS total FROM (
         SELECT ${rid} AS rid FROM ${shape.from} WHERE ${where} ORDER BY ${order} LIMIT ${f.limit} OFFSET ${f.offset}) p
       ${decorate}
       ORDER BY ${order}`,
  };
}

function orderBy(sort: CustomerListFilter['sort'], dir: RawBuilder<unknown>): RawBuilder<unknown> {
  switch (sort) {
    case 'name':
      // By pinyin, Latin names among them by letter (nameSortKey); migration 0009's indexes walk this order.
      // Unique among live customers (it ends in the name), so no id tie-break.
      return sql`c.name_sort_key ${dir}`;
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

export async function listCustomerPage(
  x: Executor,
  f: CustomerListFilter,
  tuning: CustomerListTuning = DEFAULT_LIST_TUNING,
): Promise<CustomerListResult> {
  const shape = await shapeQuery(x, f, tuning);
  if (shape.plan === 'empty') return { items: [], total: 0, plan: 'empty' };
  const statements = listStatements(shape, f, engineOf(x));
  const k = q(x);
  let rows: PageRow[];
  let total: number;
  if (statements.onePass) {
    rows = (await statements.page.execute(k)).rows;
    // An empty page says nothing about the total unless it is the first page.
    total = rows[0]?.total ?? (f.offset === 0 ? 0 : ((await statements.count.execute(k)).rows[0]?.n ?? 0));
  } else {
    total = shape.total ?? (await statements.count.execute(k)).rows[0]?.n ?? 0;
    rows = total === 0 || f.offset >= total ? [] : (await statements.page.execute(k)).rows;
  }
  return {
    total,
    plan: shape.plan,
    items: rows.map((r) => ({
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

export interface ExplainedStatement {
  /** 'bigram counts', 'candidates' and 'scoped count' choose the plan; 'count' and 'page' produce the result. */
  name: 'bigram counts' | 'candidates' | 'scoped count' | 'count' | 'page';
  sql: string;
  parameters: readonly unknown[];
  /** SQLite's EXPLAIN QUERY PLAN rows, indented by depth; on PostgreSQL the lines of its EXPLAIN. */
  queryPlan: string[];
}

/** The statements listCustomerPage runs for `f`, compiled, with the engine's query plans (benchmarks, diagnostics). */
export async function explainCustomerList(
  x: Executor,
  f: CustomerListFilter,
  tuning: CustomerListTuning = DEFAULT_LIST_TUNING,
): Promise<{ plan: SearchPlan; statements: ExplainedStatement[] }> {
  const k = q(x);
  const ran: [ExplainedStatement['name'], RawBuilder<unknown>][] = [];
  const shape = await shapeQuery(x, f, tuning, (name, statement) => ran.push([name, statement]));
  if (shape.plan !== 'empty') {
    const statements = listStatements(shape, f, engineOf(x));
    // In one pass the count runs only for an empty page past the first, so the page is what is measured.
    if (!statements.onePass && shape.total === undefined) ran.push(['count', statements.count]);
    ran.push(['page', statements.page]);
  }
  const out: ExplainedStatement[] = [];
  for (const [name, statement] of ran) {
    const compiled = statement.compile(k);
    if (engineOf(x) === 'postgres') {
      const res = await k.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`EXPLAIN ${compiled.sql}`, [...compiled.parameters]));
      out.push({ name, sql: compiled.sql, parameters: compiled.parameters, queryPlan: res.rows.map((r) => r['QUERY PLAN']) });
      continue;
    }
    const res = await k.executeQuery<{ id: number; parent: number; detail: string }>(
      CompiledQuery.raw(`EXPLAIN QUERY PLAN ${compiled.sql}`, [...compiled.parameters]),
    );
    out.push({ name, sql: compiled.sql, parameters: compiled.parameters, queryPlan: indentPlan(res.rows) });
  }
  return { plan: shape.plan, statements: out };
}

function indentPlan(rows: readonly { id: number; parent: number; detail: string }[]): string[] {
  const depth = new Map<number, number>([[0, -1]]);
  return rows.map((r) => {
    const d = (depth.get(r.parent) ?? -1) + 1;
    depth.set(r.id, d);
    return `${'  '.repeat(d)}${r.detail}`;
  });
}
