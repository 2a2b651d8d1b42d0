import type BetterSqlite3 from 'better-sqlite3';
import type { CustomerListItem } from '../../shared/api/customers.contract.ts';
import type { Tier } from '../../shared/domain/enums.ts';
import { clausesGivenCounts } from '../../shared/domain/pinyinQueryGrams.ts';
import { pinyinQueryClauses, pinyinQueryOf } from '../../shared/domain/pinyinSearch.ts';
import { bigramsOf, normalizeSearchText, phoneDigitsQuery } from '../../shared/domain/searchText.ts';
import { rawOf, type Db } from '../../db/handle.ts';
import { DEFAULT_LIST_TUNING, type SearchPlan } from '../../db/repositories/customerListQuery.ts';

// The benchmark's baseline: the benchmarked list page (live, unarchived customers of one owner and tier,
// in next_expiry_on or name order, with the total) written by hand on raw better-sqlite3 with statements prepared
// once. Same SQL, same indexes and the same plan choice as listCustomerPage, so the difference between the
// two is what Kysely and the service add.

export interface RawListInput {
  ownerId: string;
  tier: Tier;
  search?: string | undefined;
  /** next_expiry_on (the default) or the stored pinyin name key, ascending. */
  sort?: 'nextExpiryOn' | 'name' | undefined;
  offset: number;
  limit: number;
}

export interface RawListResult {
  items: CustomerListItem[];
  total: number;
  plan: SearchPlan;
}

type Variant =
  | Exclude<SearchPlan, 'empty'>
  | 'bigram-drive+text'
  | 'bigram-probe+text'
  | 'text-scan+pinyin'
  | 'bigram-drive+pinyin'
  | 'bigram-probe+pinyin'
  | 'scoped-drive+text'
  | 'scoped-drive+pinyin';

const FILTER = 'c.deleted_at IS NULL AND c.archived_at IS NULL AND c.owner_id = @owner AND c.tier = @tier';
const PROBE = `EXISTS (SELECT 1 FROM customer_bigrams b INDEXED BY sqlite_autoindex_customer_bigrams_1
    WHERE b.bigram = @gram AND b.customer_id = c.id)`;
const TEXT = 'EXISTS (SELECT 1 FROM customer_search cs WHERE cs.customer_id = c.id AND instr(cs.text, @text) > 0)';
const PINYIN =
  'EXISTS (SELECT 1 FROM customer_search cs WHERE cs.customer_id = c.id AND (instr(cs.text, @text) > 0 OR pinyin_match(cs.pinyin, @text)))';
const DRIVE_FROM = 'customer_bigrams b CROSS JOIN customers c ON c.id = b.customer_id';
// Migration 0018's postings per scope: the list's owner, tier and unarchived state are one search_scopes row.
const SCOPES = 'SELECT s.id FROM search_scopes s WHERE s.owner_key = @owner AND s.tier = @tier AND s.archived = 0';
const SCOPED_FROM = 'customer_scoped_bigrams sb CROSS JOIN customers c ON c.id = sb.customer_id';
const SCOPED = `sb.bigram = @gram AND sb.scope IN (${SCOPES})`;
const heldInScope = (param: string) =>
  `EXISTS (SELECT 1 FROM customer_scoped_bigrams o WHERE o.bigram = @${param} AND o.scope = sb.scope AND o.customer_id = sb.customer_id)`;
/**
 * The other grams of the query, @other0…, all held in the same scope (counted in one subquery), then its clauses' grams, @either0_0…, one
 * of each clause held (listCustomerPage's scoped drive). `shape` is [other grams, size of each clause].
 */
const others = (shape: OtherGrams) =>
  (shape.grams === 0
    ? ''
    : ` AND (SELECT count(*) FROM customer_scoped_bigrams o
            WHERE o.bigram IN (${Array.from({ length: shape.grams }, (_, i) => `@other${i}`).join(', ')}) AND o.scope = sb.scope AND o.customer_id = sb.customer_id) = ${shape.grams}`) +
  shape.eitherOf.map((size, i) => ` AND (${Array.from({ length: size }, (_, j) => heldInScope(`either${i}_${j}`)).join(' OR ')})`).join('');
interface OtherGrams {
  grams: number;
  eitherOf: number[];
}
const SCOPED_COUNT = `SELECT count(*) AS n FROM customer_scoped_bigrams sb WHERE ${SCOPED}`;

const SHAPES: Record<Variant, { from: string; where: string }> = {
  none: { from: 'customers c', where: FILTER },
  'text-scan': { from: 'customers c', where: `${FILTER} AND ${TEXT}` },
  'bigram-probe': { from: 'customers c', where: `${FILTER} AND ${PROBE}` },
  'bigram-probe+text': { from: 'customers c', where: `${FILTER} AND ${PROBE} AND ${TEXT}` },
  'bigram-drive': { from: DRIVE_FROM, where: `b.bigram = @gram AND ${FILTER}` },
  'bigram-drive+text': { from: DRIVE_FROM, where: `b.bigram = @gram AND ${FILTER} AND ${TEXT}` },
  'text-scan+pinyin': { from: 'customers c', where: `${FILTER} AND ${PINYIN}` },
  'bigram-probe+pinyin': { from: 'customers c', where: `${FILTER} AND ${PROBE} AND ${PINYIN}` },
  'bigram-drive+pinyin': { from: DRIVE_FROM, where: `b.bigram = @gram AND ${FILTER} AND ${PINYIN}` },
  'scoped-probe': { from: 'customers c', where: `${FILTER} AND ${PROBE}` },
  'scoped-drive': { from: SCOPED_FROM, where: `${SCOPED}{others} AND ${FILTER}` },
  'scoped-drive+text': { from: SCOPED_FROM, where: `${SCOPED}{others} AND ${FILTER} AND ${TEXT}` },
  'scoped-drive+pinyin': { from: SCOPED_FROM, where: `${SCOPED}{others} AND ${FILTER} AND ${PINYIN}` },
};

const PLAN_OF: Record<Variant, SearchPlan> = {
  none: 'none',
  'text-scan': 'text-scan',
  'bigram-probe': 'bigram-probe',
  'bigram-probe+text': 'bigram-probe',
  'bigram-drive': 'bigram-drive',
  'bigram-drive+text': 'bigram-drive',
  'text-scan+pinyin': 'text-scan',
  'bigram-probe+pinyin': 'bigram-probe',
  'bigram-drive+pinyin': 'bigram-drive',
  'scoped-probe': 'scoped-probe',
  'scoped-drive': 'scoped-drive',
  'scoped-drive+text': 'scoped-drive',
  'scoped-drive+pinyin': 'scoped-drive',
};

const COLUMNS = `c.id, c.name, c.tier, c.owner_id, o.name AS owner_name, c.next_expiry_on, c.archived_at, c.version,
       (SELECT max(f.at) FROM follow_ups f WHERE f.customer_id = c.id AND f.deleted_at IS NULL) AS last_follow_up_at,
       pc.name AS contact_name, pc.phone AS contact_phone`;
const DECORATE = `CROSS JOIN customers c ON c.rowid = p.rid
     LEFT JOIN owners o ON o.id = c.owner_id
     LEFT JOIN contacts pc ON pc.customer_id = c.id AND pc.is_primary = 1 AND pc.deleted_at IS NULL`;

/** The statements of one variant; `onePass` pages with a window count instead of a separate count. */
export function rawStatementsSql(
  variant: Variant,
  onePass: boolean,
  sort: RawListInput['sort'] = 'nextExpiryOn',
  otherGrams: OtherGrams = { grams: 0, eitherOf: [] },
): { count: string; page: string } {
  const { from } = SHAPES[variant];
  const where = SHAPES[variant].where.replace('{others}', others(otherGrams));
  const count = `SELECT count(*) AS n FROM ${from} WHERE ${where}`;
  if (sort === 'name' && !onePass) {
    // One index-ordered run stopping at the page end (migration 0009's name indexes).
    const order = 'c.name_sort_key ASC';
    return {
      count,
      page: `SELECT ${COLUMNS}, NULL AS total FROM (
         SELECT c.rowid AS rid FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset) p
       ${DECORATE}
       ORDER BY ${order}`,
    };
  }
  if (onePass) {
    const order = sort === 'name' ? 'c.name_sort_key ASC' : 'c.next_expiry_on IS NULL, c.next_expiry_on ASC, c.id ASC';
    return {
      count,
      page: `SELECT ${COLUMNS}, p.total FROM (
         SELECT c.rowid AS rid, count(*) OVER () AS total FROM ${from} WHERE ${where}
         ORDER BY ${order} LIMIT @limit OFFSET @offset) p
       ${DECORATE}
       ORDER BY ${order}`,
    };
  }
  return {
    count,
    page: `SELECT ${COLUMNS}, NULL AS total FROM (
         SELECT * FROM (SELECT c.rowid AS rid, c.id, c.next_expiry_on, 0 AS part FROM ${from}
           WHERE ${where} AND c.next_expiry_on IS NOT NULL ORDER BY c.next_expiry_on ASC, c.id ASC LIMIT @end)
         UNION ALL
         SELECT * FROM (SELECT c.rowid AS rid, c.id, c.next_expiry_on, 1 AS part FROM ${from}
           WHERE ${where} AND c.next_expiry_on IS NULL ORDER BY c.id ASC LIMIT @end)
         ORDER BY part, next_expiry_on ASC, id ASC LIMIT @limit OFFSET @offset) p
       ${DECORATE}
       ORDER BY p.part, c.next_expiry_on ASC, c.id ASC`,
  };
}

interface Row {
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

export interface RawCustomerList {
  run(input: RawListInput): RawListResult;
  /** The variant run() would use, with its SQL and EXPLAIN QUERY PLAN for `input`. */
  explain(input: RawListInput): {
    variant: Variant;
    onePass: boolean;
    /** Whether choosing counted the total (a scoped probe), so the count statement is not run. */
    counted: boolean;
    /** The plan-choice statements run first: bigram document counts, then the holders in the owner's and tier's scope. */
    decisions: string[];
    count: string;
    page: string;
    queryPlan: { count: string[]; page: string[] };
  };
}

export function rawCustomerList(db: Db): RawCustomerList {
  const raw = rawOf(db);
  const prepared = new Map<string, BetterSqlite3.Statement>();
  const stmt = (text: string) => {
    let s = prepared.get(text);
    if (!s) prepared.set(text, (s = raw.prepare(text)));
    return s;
  };
  const dfSql = (n: number) => `SELECT bigram, n FROM search_bigram_df WHERE bigram IN (${Array.from({ length: n }, () => '?').join(', ')})`;

  interface Choice {
    variant: Variant | 'empty';
    onePass: boolean;
    params: Record<string, unknown>;
    /** Counted while choosing (a scoped probe's total). */
    total?: number;
    otherGrams?: OtherGrams;
  }
  function choose(input: RawListInput, decisions: string[] = []): Choice {
    const params: Record<string, unknown> = {
      owner: input.ownerId,
      tier: input.tier,
      limit: input.limit,
      offset: input.offset,
      end: input.offset + input.limit,
    };
    const search = input.search ?? '';
    const text = normalizeSearchText(search);
    if (text === '') return { variant: 'none', onePass: false, params };
    const digits = phoneDigitsQuery(text);
    const pinyin = digits === null ? pinyinQueryOf(text) : null;
    const clauses = pinyin !== null ? pinyinQueryClauses(pinyin) : digits === null ? bigramsOf([search]).map((g) => [g]) : [];
    const textScan = { variant: pinyin !== null ? 'text-scan+pinyin' : 'text-scan', onePass: true, params: { ...params, text: digits ?? text } } as const;
    if (clauses.length === 0) return textScan;
    const asked = [...new Set(clauses.flat())];
    decisions.push(dfSql(asked.length));
    const counts = new Map(
      (stmt(dfSql(asked.length)).all(...asked) as { bigram: string; n: number }[]).map((r) => [r.bigram, r.n]),
    );
    const given = clausesGivenCounts(clauses, (g) => counts.get(g) ?? 0);
    if (given === null) return { variant: 'empty', onePass: false, params };
    const grams = given.certain;
    if (grams.length === 0) return textScan;
    let gram = grams[0]!;
    let df = Infinity;
    for (const g of grams) {
      const n = counts.get(g) ?? 0;
      if (n < df) [gram, df] = [g, n];
    }
    const withText = Array.from(text).length > 2;
    // The list is always one owner's and tier's: a scope of migration 0018's postings.
    decisions.push(SCOPED_COUNT);
    const inScope = (stmt(SCOPED_COUNT).get({ gram, owner: input.ownerId, tier: input.tier }) as { n: number }).n;
    if (inScope === 0) return { variant: 'empty', onePass: false, params };
    const check = pinyin !== null ? 'pinyin' : 'text';
    if (!withText && inScope > DEFAULT_LIST_TUNING.scopedDriveAtMost) {
      return { variant: 'scoped-probe', onePass: false, params: { ...params, gram }, total: inScope };
    }
    const other = grams.filter((g) => g !== gram);
    const otherParams = Object.fromEntries([
      ...other.map((g, i) => [`other${i}`, g]),
      ...given.eitherOf.flatMap((c, i) => c.map((g, j) => [`either${i}_${j}`, g])),
    ]);
    return {
      variant: withText ? `scoped-drive+${check}` : 'scoped-drive',
      onePass: true,
      params: withText ? { ...params, ...otherParams, gram, text } : { ...params, ...otherParams, gram },
      otherGrams: { grams: other.length, eitherOf: given.eitherOf.map((c) => c.length) },
    };
  }

  return {
    run(input) {
      const { variant, onePass, params, total: counted, otherGrams } = choose(input);
      if (variant === 'empty') return { items: [], total: 0, plan: 'empty' };
      const sqlText = rawStatementsSql(variant, onePass, input.sort, otherGrams);
      const plan = PLAN_OF[variant];
      const countAll = () => (stmt(sqlText.count).get(params) as { n: number }).n;
      let rows: Row[];
      let total: number;
      if (onePass) {
        rows = stmt(sqlText.page).all(params) as Row[];
        total = rows[0]?.total ?? (input.offset === 0 ? 0 : countAll());
      } else {
        total = counted ?? countAll();
        rows = total === 0 || input.offset >= total ? [] : (stmt(sqlText.page).all(params) as Row[]);
      }
      return {
        total,
        plan,
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
    },
    explain(input) {
      const decisions: string[] = [];
      const { variant, onePass, params, total, otherGrams } = choose(input, decisions);
      const v: Variant = variant === 'empty' ? 'none' : variant;
      const sqlText = rawStatementsSql(v, onePass, input.sort, otherGrams);
      const plan = (text: string) => {
        const rows = raw.prepare(`EXPLAIN QUERY PLAN ${text}`).all(params) as { id: number; parent: number; detail: string }[];
        const depth = new Map<number, number>([[0, -1]]);
        return rows.map((r) => {
          const d = (depth.get(r.parent) ?? -1) + 1;
          depth.set(r.id, d);
          return `${'  '.repeat(d)}${r.detail}`;
        });
      };
      return {
        variant: v,
        onePass,
        counted: total !== undefined,
        decisions,
        ...sqlText,
        queryPlan: { count: plan(sqlText.count), page: plan(sqlText.page) },
      };
    },
  };
}
