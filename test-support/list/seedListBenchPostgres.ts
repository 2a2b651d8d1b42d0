import { sql, type Kysely } from 'kysely';
import { q, type Db } from '../../db/handle.ts';
import { rebuildPostgresSearchIndex } from '../../db/repositories/customerSearchIndexPostgres.ts';
import type { Database } from '../../db/schema.ts';
import { BENCH_COLUMNS, BENCH_VALUES, type BenchTable, type ListBenchSink, type SeedReport } from './seedListBench.ts';

// seedListBench for a PostgreSQL archive: the same generated rows (BENCH_VALUES) in the same parent-first order,
// in one transaction, then the search index rebuilt (rebuildPostgresSearchIndex), next_expiry_on checked against
// the contracts, and ANALYZE.

/** Multi-row INSERTs, each under PostgreSQL's 65,535 bind parameters. */
async function insertRows(k: Kysely<Database>, table: BenchTable, rows: readonly (readonly unknown[])[]): Promise<void> {
  const columns = BENCH_COLUMNS[table];
  const batch = Math.floor(60_000 / columns.length);
  for (let at = 0; at < rows.length; at += batch) {
    const tuples = rows.slice(at, at + batch).map((r) => sql`(${sql.join(r)})`);
    await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.id(c)))}) VALUES ${sql.join(tuples)}`.execute(k);
  }
}

/** Loads a generated dataset into a PostgreSQL archive; `fill` streams rows into the sink as for SQLite. */
export async function seedListBenchPostgres(db: Db, fill: (sink: ListBenchSink) => void): Promise<SeedReport> {
  const t0 = performance.now();
  // The sink is synchronous: rows are kept in call order and written afterwards, parents first as they came.
  const calls: [BenchTable, unknown[][]][] = [];
  const keep = (table: BenchTable, rows: unknown[][]) => calls.push([table, rows]);
  const sink: ListBenchSink = {
    owners: (rows) => keep('owners', rows.map(BENCH_VALUES.owners)),
    tags: (rows) => keep('tags', rows.map(BENCH_VALUES.tags)),
    customers: (rows) => {
      keep('customers', rows.map(BENCH_VALUES.customers));
      keep('customer_tags', rows.flatMap(BENCH_VALUES.customerTags));
    },
    contacts: (rows) => keep('contacts', rows.map(BENCH_VALUES.contacts)),
    contracts: (rows) => keep('contracts', rows.map(BENCH_VALUES.contracts)),
    followUps: (rows) => keep('follow_ups', rows.map(BENCH_VALUES.followUps)),
  };
  fill(sink);
  const counts: Record<string, number> = Object.fromEntries(Object.keys(BENCH_COLUMNS).map((t) => [t, 0]));
  await q(db)
    .transaction()
    .execute(async (k) => {
      for (const [table, rows] of calls) {
        await insertRows(k, table, rows);
        counts[table] = (counts[table] ?? 0) + rows.length;
      }
      // Statistics first: planned on the empty tables' figures, the correlated check below took a scan of the
      // contracts per customer (over 10 minutes at 100k customers; it is what kept this seed to 2,000 before).
      await sql`ANALYZE customers, contracts`.execute(k);
      const bad = await sql<{ n: number }>`SELECT count(*) AS n FROM customers c
        WHERE c.deleted_at IS NULL AND c.next_expiry_on IS DISTINCT FROM (SELECT min(k.ends_on) FROM contracts k
          WHERE k.customer_id = c.id AND k.deleted_at IS NULL AND k.status = 'active' AND k.ends_on IS NOT NULL)`.execute(k);
      const n = bad.rows[0]?.n ?? 0;
      if (n !== 0) throw new Error(`bench seed: ${n} customers have a next_expiry_on that disagrees with their contracts`);
    });
  const tLoad = performance.now();
  const searchIndex = await rebuildPostgresSearchIndex(db);
  const tIndex = performance.now();
  await sql`ANALYZE`.execute(q(db));
  const tEnd = performance.now();
  return {
    rows: counts,
    searchIndex,
    seconds: { load: (tLoad - t0) / 1000, searchIndex: (tIndex - tLoad) / 1000, analyze: (tEnd - tIndex) / 1000 },
  };
}
