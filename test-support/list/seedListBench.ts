import type BetterSqlite3 from 'better-sqlite3';
import { nameSortKey } from '../../shared/domain/nameSortKey.ts';
import { rawOf, type Db } from '../../db/handle.ts';
import { rebuildSearchIndex } from '../../db/repositories/customerSearchIndex.ts';

// The benchmark's bulk loader: multi-row INSERTs through prepared statements, all in one transaction, then
// the search index rebuilt exactly as reindexCustomer would write it, then ANALYZE.

export interface BenchOwner {
  id: string;
  name: string;
  phone: string;
  createdAt: string;
}
export interface BenchTag {
  id: string;
  name: string;
  color: string;
  createdAt: string;
}
export interface BenchCustomer {
  id: string;
  name: string;
  code: string;
  industry: string;
  tier: string;
  ownerId: string;
  lifecycleStage: string;
  source: string;
  nextExpiryOn: string | null;
  archivedAt: string | null;
  createdAt: string;
  deletedAt: string | null;
  tagIds: readonly string[];
}
export interface BenchContact {
  id: string;
  customerId: string;
  name: string;
  title: string;
  phone: string | null;
  email: string | null;
  isPrimary: boolean;
  createdAt: string;
  deletedAt: string | null;
}
export interface BenchContract {
  id: string;
  customerId: string;
  number: string;
  signedOn: string;
  startsOn: string;
  endsOn: string | null;
  amountFen: number;
  cycle: string;
  service: string;
  status: string;
  ownerId: string;
  createdAt: string;
  deletedAt: string | null;
}
export interface BenchFollowUp {
  id: string;
  customerId: string;
  contractId: string | null;
  at: string;
  channel: string;
  kind: string;
  summary: string;
  nextFollowUpOn: string | null;
  nextDoneAt: string | null;
  ownerId: string;
  deletedAt: string | null;
}

/** Rows go in parent-first order (owners and tags, then customers, then their children). */
export interface ListBenchSink {
  owners(rows: readonly BenchOwner[]): void;
  tags(rows: readonly BenchTag[]): void;
  customers(rows: readonly BenchCustomer[]): void;
  contacts(rows: readonly BenchContact[]): void;
  contracts(rows: readonly BenchContract[]): void;
  followUps(rows: readonly BenchFollowUp[]): void;
}

export interface SeedReport {
  rows: Record<string, number>;
  searchIndex: { customers: number; bigrams: number };
  seconds: { load: number; searchIndex: number; analyze: number };
}

const COLUMNS = {
  owners: ['id', 'name', 'phone', 'created_at', 'updated_at'],
  tags: ['id', 'name', 'color', 'created_at', 'updated_at'],
  customers: [
    'id', 'name', 'code', 'industry', 'tier', 'owner_id', 'lifecycle_stage', 'source', 'custom_fields',
    'next_expiry_on', 'archived_at', 'created_at', 'updated_at', 'deleted_at', 'name_sort_key',
  ],
  customer_tags: ['customer_id', 'tag_id', 'created_at', 'updated_at'],
  contacts: ['id', 'customer_id', 'name', 'title', 'phone', 'email', 'is_primary', 'created_at', 'updated_at', 'deleted_at'],
  contracts: [
    'id', 'customer_id', 'number', 'signed_on', 'starts_on', 'ends_on', 'amount_fen', 'currency', 'cycle', 'service',
    'status', 'owner_id', 'created_at', 'updated_at', 'deleted_at',
  ],
  follow_ups: [
    'id', 'customer_id', 'contract_id', 'at', 'channel', 'kind', 'summary', 'next_follow_up_on', 'next_done_at',
    'owner_id', 'created_at', 'updated_at', 'deleted_at',
  ],
} as const;
type BulkTable = keyof typeof COLUMNS;
export { COLUMNS as BENCH_COLUMNS };
export type { BulkTable as BenchTable };

/** Each generated row's values, in COLUMNS order, per table (the SQLite and PostgreSQL loaders share them). */
export const BENCH_VALUES = {
  owners: (r: BenchOwner) => [r.id, r.name, r.phone, r.createdAt, r.createdAt],
  tags: (r: BenchTag) => [r.id, r.name, r.color, r.createdAt, r.createdAt],
  customers: (r: BenchCustomer) => [
    r.id, r.name, r.code, r.industry, r.tier, r.ownerId, r.lifecycleStage, r.source, '{}',
    r.nextExpiryOn, r.archivedAt, r.createdAt, r.createdAt, r.deletedAt, nameSortKey(r.name),
  ],
  customerTags: (r: BenchCustomer) => r.tagIds.map((t) => [r.id, t, r.createdAt, r.createdAt]),
  contacts: (r: BenchContact) => [
    r.id, r.customerId, r.name, r.title, r.phone, r.email, r.isPrimary ? 1 : 0, r.createdAt, r.createdAt, r.deletedAt,
  ],
  contracts: (r: BenchContract) => [
    r.id, r.customerId, r.number, r.signedOn, r.startsOn, r.endsOn, r.amountFen, 'CNY', r.cycle, r.service,
    r.status, r.ownerId, r.createdAt, r.createdAt, r.deletedAt,
  ],
  followUps: (r: BenchFollowUp) => [
    r.id, r.customerId, r.contractId, r.at, r.channel, r.kind, r.summary, r.nextFollowUpOn, r.nextDoneAt,
    r.ownerId, r.at, r.at, r.deletedAt,
  ],
};

/** Multi-row INSERT with a fixed batch statement prepared once; a shorter one for the tail. */
class BulkInserter {
  readonly #raw: BetterSqlite3.Database;
  readonly #table: BulkTable;
  readonly #batch: number;
  readonly #full: BetterSqlite3.Statement;
  #values: unknown[] = [];
  #rows = 0;
  count = 0;

  constructor(raw: BetterSqlite3.Database, table: BulkTable) {
    this.#raw = raw;
    this.#table = table;
    // Stay far below SQLITE_MAX_VARIABLE_NUMBER; past a few hundred rows a bigger batch gains nothing.
    this.#batch = Math.min(400, Math.floor(30_000 / COLUMNS[table].length));
    this.#full = this.#statement(this.#batch);
  }

  #statement(rows: number): BetterSqlite3.Statement {
    const cols = COLUMNS[this.#table];
    const tuple = `(${cols.map(() => '?').join(', ')})`;
    return this.#raw.prepare(
      `INSERT INTO ${this.#table} (${cols.join(', ')}) VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}`,
    );
  }

  add(values: readonly unknown[]): void {
    for (const v of values) this.#values.push(v);
    this.count++;
    if (++this.#rows === this.#batch) {
      this.#full.run(this.#values);
      this.#values = [];
      this.#rows = 0;
    }
  }

  flush(): void {
    if (this.#rows > 0) this.#statement(this.#rows).run(this.#values);
    this.#values = [];
    this.#rows = 0;
  }
}

/**
 * Loads a generated dataset in one transaction. `fill` streams rows into the sink; after it returns, the
 * search index is rebuilt, next_expiry_on is checked against the contracts (it must equal the earliest
 * live active ends_on, as refreshNextExpiry keeps it), and the statistics are gathered.
 */
export function seedListBench(db: Db, fill: (sink: ListBenchSink) => void): SeedReport {
  const raw = rawOf(db);
  const t0 = performance.now();
  const ins = Object.fromEntries(Object.keys(COLUMNS).map((t) => [t, new BulkInserter(raw, t as BulkTable)])) as Record<
    BulkTable,
    BulkInserter
  >;
  let tLoad = 0;
  let tIndex = 0;
  let searchIndex = { customers: 0, bigrams: 0 };
  // A generous page cache for the load only: the transaction touches far more pages than the default holds.
  const cacheSize = raw.pragma('cache_size', { simple: true }) as number;
  raw.pragma('cache_size = -262144');
  try {
    raw
      .transaction(() => {
        // Parents are flushed before children, so foreign keys hold at every statement.
        const sink: ListBenchSink = {
          owners(rows) {
            for (const r of rows) ins.owners.add(BENCH_VALUES.owners(r));
            ins.owners.flush();
          },
          tags(rows) {
            for (const r of rows) ins.tags.add(BENCH_VALUES.tags(r));
            ins.tags.flush();
          },
          customers(rows) {
            for (const r of rows) ins.customers.add(BENCH_VALUES.customers(r));
            ins.customers.flush();
            for (const r of rows) for (const v of BENCH_VALUES.customerTags(r)) ins.customer_tags.add(v);
            ins.customer_tags.flush();
          },
          contacts(rows) {
            for (const r of rows) ins.contacts.add(BENCH_VALUES.contacts(r));
            ins.contacts.flush();
          },
          contracts(rows) {
            for (const r of rows) ins.contracts.add(BENCH_VALUES.contracts(r));
            ins.contracts.flush();
          },
          followUps(rows) {
            for (const r of rows) ins.follow_ups.add(BENCH_VALUES.followUps(r));
            ins.follow_ups.flush();
          },
        };
        fill(sink);
        tLoad = performance.now();
        assertNextExpiryConsistent(raw);
        searchIndex = rebuildSearchIndex(db);
        tIndex = performance.now();
      })
      .immediate();
  } finally {
    raw.pragma(`cache_size = ${Number(cacheSize)}`);
  }
  // What the app's PRAGMA optimize would do on a database this size: gather planner statistics.
  raw.exec('ANALYZE');
  raw.pragma('wal_checkpoint(TRUNCATE)');
  const tEnd = performance.now();
  return {
    rows: Object.fromEntries(Object.entries(ins).map(([t, i]) => [t, i.count])),
    searchIndex,
    seconds: { load: (tLoad - t0) / 1000, searchIndex: (tIndex - tLoad) / 1000, analyze: (tEnd - tIndex) / 1000 },
  };
}

/**
 * Pinned to contracts_customer: before ANALYZE (the check runs inside the load's transaction) the planner took
 * contracts_report_open (status, ends_on, …) for the correlated subquery, a range over every active contract per
 * customer, and 100k customers kept the archive's generation busy for over an hour.
 */
function assertNextExpiryConsistent(raw: BetterSqlite3.Database): void {
  const row = raw
    .prepare(
      `SELECT count(*) AS n FROM customers c
       WHERE c.deleted_at IS NULL AND c.next_expiry_on IS NOT (SELECT min(k.ends_on) FROM contracts k INDEXED BY contracts_customer
         WHERE k.customer_id = c.id AND k.deleted_at IS NULL AND k.status = 'active' AND k.ends_on IS NOT NULL)`,
    )
    .get() as { n: number };
  if (row.n !== 0) throw new Error(`bench seed: ${row.n} customers have a next_expiry_on that disagrees with their contracts`);
}

export interface BenchFacts {
  sqliteVersion: string;
  ownerIds: string[];
  rows: Record<string, number>;
  /** Live customers per (owner, tier) pair. */
  perOwnerTier: { min: number; median: number; max: number };
  /** Customers holding a bigram, from search_bigram_df. */
  df(bigram: string): number;
}

/** What the benchmark prints about the seeded database. */
export function benchFacts(db: Db): BenchFacts {
  const raw = rawOf(db);
  const one = <T>(text: string, ...params: unknown[]) => raw.prepare(text).get(...params) as T;
  const rows: Record<string, number> = {};
  for (const t of ['customers', 'contacts', 'contracts', 'follow_ups', 'customer_bigrams']) {
    rows[t] = one<{ n: number }>(`SELECT count(*) AS n FROM ${t}`).n;
  }
  const groups = (
    raw.prepare('SELECT count(*) AS n FROM customers WHERE deleted_at IS NULL GROUP BY owner_id, tier ORDER BY n').all() as { n: number }[]
  ).map((r) => r.n);
  const df = raw.prepare('SELECT n FROM search_bigram_df WHERE bigram = ?');
  return {
    sqliteVersion: one<{ v: string }>('SELECT sqlite_version() AS v').v,
    ownerIds: (raw.prepare('SELECT id FROM owners WHERE deleted_at IS NULL ORDER BY name').all() as { id: string }[]).map((r) => r.id),
    rows,
    perOwnerTier: { min: groups[0] ?? 0, median: groups[Math.floor(groups.length / 2)] ?? 0, max: groups[groups.length - 1] ?? 0 },
    df: (bigram) => (df.get(bigram) as { n: number } | undefined)?.n ?? 0,
  };
}

/**
 * Overrides page-cache settings on the benchmark's connection (--cache-mb, --mmap-mb) to show what they
 * would buy; the app's own settings are whatever db/openDatabase.ts sets. Returns the values in effect.
 */
export function tuneBenchConnection(db: Db, options: { cacheMiB?: number; mmapMiB?: number }): { cache_size: number; mmap_size: number } {
  const raw = rawOf(db);
  if (options.cacheMiB !== undefined) raw.pragma(`cache_size = ${-Math.round(options.cacheMiB * 1024)}`);
  if (options.mmapMiB !== undefined) raw.pragma(`mmap_size = ${Math.round(options.mmapMiB * 2 ** 20)}`);
  return {
    cache_size: Number(raw.pragma('cache_size', { simple: true })),
    mmap_size: Number(raw.pragma('mmap_size', { simple: true })),
  };
}
