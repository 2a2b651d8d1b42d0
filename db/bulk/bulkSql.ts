// The bulk writers' one way to the database on either engine (the import, its search index and next-expiry steps).
// On SQLite it is the raw connection's prepared-statement cache, as tuned for bench:import (the promises resolve at
// once; the statements run synchronously as before); on PostgreSQL it is the running transaction's connection,
// with the same SQL text, `?` placeholders numbered for pg, and multi-row INSERTs in batches.
import { CompiledQuery } from 'kysely';
import { engineOf, q, rawOf, type Db, type DbEngine, type Tx } from '../handle.ts';
import { BulkInserter, StatementCache } from '../statementCache.ts';

export type SqlRow = Record<string, unknown>;

/** A buffer of rows for one table's multi-row INSERT. */
export interface BulkRows {
  /** Buffers a row; true once a statement's worth is buffered (the caller then flushes, parents first). */
  add(row: readonly unknown[]): boolean;
  flush(): Promise<void>;
}

export interface BulkSql {
  readonly engine: DbEngine;
  /** The SQLite statement cache behind this runner, for SQLite-only steps (trigger suspension, page cache). */
  readonly sqlite: StatementCache | null;
  all<T = SqlRow>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  get<T = SqlRow>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  run(sql: string, params?: readonly unknown[]): Promise<void>;
  /** `template` holds `{list}`, replaced by one placeholder per value (padded to a cached shape on SQLite). */
  inList<T = SqlRow>(template: string, values: readonly unknown[]): Promise<T[]>;
  inListRun(template: string, values: readonly unknown[]): Promise<void>;
  /** `suffix` follows the VALUES list, e.g. an ON CONFLICT clause. */
  rows(table: string, columns: readonly string[], suffix?: string): BulkRows;
}

/** Rows per multi-row INSERT: as the SQLite path has it (under both engines' parameter limits). */
function perStatement(columns: number): number {
  return Math.max(1, Math.min(Math.floor(30_000 / columns), 500));
}

function sqliteBulkSql(cache: StatementCache): BulkSql {
  return {
    engine: 'sqlite',
    sqlite: cache,
    all: async <T>(sql: string, params: readonly unknown[] = []) => cache.get(sql).all(...params) as T[],
    get: async <T>(sql: string, params: readonly unknown[] = []) => cache.get(sql).get(...params) as T | undefined,
    run: async (sql, params = []) => {
      cache.get(sql).run(...params);
    },
    inList: async <T>(template: string, values: readonly unknown[]) => cache.inList(template, values.length).all(values) as T[],
    inListRun: async (template, values) => {
      cache.inList(template, values.length).run(values);
    },
    rows(table, columns, suffix = '') {
      let full = false;
      // The inserter's own flush-when-full is left to the caller, which flushes every table in foreign-key order.
      const inserter = new BulkInserter(cache, table, columns, () => (full = true), suffix);
      return {
        add(row) {
          inserter.add(row);
          return full;
        },
        async flush() {
          inserter.flush();
          full = false;
        },
      };
    },
  };
}

/** `?` placeholders to pg's `$1…`; our bulk SQL has no `?` inside string literals. */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function postgresBulkSql(tx: Tx): BulkSql {
  const kysely = q(tx);
  const texts = new Map<string, string>();
  const exec = async (sql: string, params: readonly unknown[]) => {
    let text = texts.get(sql);
    if (text === undefined) {
      text = numberPlaceholders(sql);
      texts.set(sql, text);
    }
    return (await kysely.executeQuery(CompiledQuery.raw(text, [...params]))).rows as SqlRow[];
  };
  const listed = (template: string, n: number) => template.replace('{list}', Array.from({ length: Math.max(n, 1) }, () => '?').join(', '));
  return {
    engine: 'postgres',
    sqlite: null,
    all: async <T>(sql: string, params: readonly unknown[] = []) => (await exec(sql, params)) as T[],
    get: async <T>(sql: string, params: readonly unknown[] = []) => (await exec(sql, params))[0] as T | undefined,
    run: async (sql, params = []) => {
      await exec(sql, params);
    },
    inList: async <T>(template: string, values: readonly unknown[]) =>
      values.length === 0 ? [] : ((await exec(listed(template, values.length), values)) as T[]),
    inListRun: async (template, values) => {
      if (values.length > 0) await exec(listed(template, values.length), values);
    },
    rows(table, columns, suffix = '') {
      const per = perStatement(columns.length);
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      let buffered: (readonly unknown[])[] = [];
      return {
        add(row) {
          buffered.push(row);
          return buffered.length >= per;
        },
        async flush() {
          const all = buffered;
          buffered = [];
          for (let i = 0; i < all.length; i += per) {
            const slice = all.slice(i, i + per);
            const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${slice.map(() => tuple).join(', ')}${suffix}`;
            await exec(sql, slice.flat());
          }
        },
      };
    },
  };
}

/**
 * The runner for a bulk write inside `tx` (a transaction of `db`). On SQLite the raw connection is the one the
 * transaction runs on (better-sqlite3 has a single connection), so its prepared statements join the transaction.
 */
export function bulkSqlOf(db: Db, tx: Tx): BulkSql {
  return engineOf(db) === 'postgres' ? postgresBulkSql(tx) : sqliteBulkSql(new StatementCache(rawOf(db)));
}

/** Runs `run` over `items` in slices, one after the other. */
export async function inSlicesAsync<T>(items: readonly T[], size: number, run: (slice: readonly T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await run(items.slice(i, i + size));
}
