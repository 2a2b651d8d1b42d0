import { createHash, type Hash } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import { engineOf, q, type DbEngine, type Executor } from '../handle.ts';
import type { CopyTable } from './archiveTables.ts';

export type Row = Record<string, unknown>;

/**
 * A column as both engines order and compare it: byte-wise for text (SQLite's BINARY, PostgreSQL's "C"), which is
 * what makes the two engines' primary-key orders, and so their content hashes, agree.
 */
function keyExpression(engine: DbEngine, table: CopyTable, column: string): RawBuilder<unknown> {
  if (engine === 'sqlite') return sql`${sql.ref(column)} COLLATE BINARY`;
  return table.textColumns.has(column) ? sql`${sql.ref(column)} COLLATE "C"` : sql`${sql.ref(column)}`;
}

/**
 * The table's rows in primary-key order, `batchSize` at a time. Keyset paging (WHERE key > last key), not OFFSET,
 * so a table of millions of bigrams costs one index walk rather than a quadratic re-read.
 */
export async function* tableRowBatches(x: Executor, table: CopyTable, batchSize: number): AsyncGenerator<Row[]> {
  const engine = engineOf(x);
  const keys = table.primaryKey.length > 0 ? table.primaryKey : table.columns;
  const keyList = sql.join(keys.map((k) => keyExpression(engine, table, k)));
  const columns = sql.join(table.columns.map((c) => sql.ref(c)));
  let last: Row | null = null;
  for (;;) {
    const after: RawBuilder<unknown> = last === null ? sql`` : sql`WHERE (${keyList}) > (${sql.join(keys.map((k) => (last as Row)[k]))})`;
    const { rows } = await sql<Row>`SELECT ${columns} FROM ${sql.table(table.name)} ${after} ORDER BY ${keyList} LIMIT ${batchSize}`.execute(q(x));
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize) return;
    last = rows[rows.length - 1]!;
  }
}

/** A value as the hash sees it, so the same content reads the same from either engine. */
function normalized(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Uint8Array) return { bytes: Buffer.from(value).toString('base64') };
  if (Object.is(value, -0)) return 0;
  return value ?? null;
}

/** Row count and SHA-256 over a table's rows in primary-key order, each row as JSON of its columns sorted by name. */
export class TableDigest {
  rows = 0;
  readonly #hash: Hash = createHash('sha256');
  readonly #columns: string[];

  constructor(table: CopyTable) {
    this.#columns = [...table.columns].sort();
  }

  add(rows: readonly Row[]): void {
    for (const row of rows) {
      this.#hash.update(`${JSON.stringify(this.#columns.map((c) => normalized(row[c])))}\n`);
      this.rows++;
    }
  }

  digest(): string {
    return this.#hash.digest('hex');
  }
}

/** Reads a whole table for its count and hash. */
export async function digestTable(x: Executor, table: CopyTable, batchSize: number): Promise<{ rows: number; sha256: string }> {
  const d = new TableDigest(table);
  for await (const rows of tableRowBatches(x, table, batchSize)) d.add(rows);
  return { rows: d.rows, sha256: d.digest() };
}

/** Values the target's driver takes: better-sqlite3 refuses booleans, which PostgreSQL may hand back. */
function writable(engine: DbEngine, value: unknown): unknown {
  if (engine === 'sqlite' && typeof value === 'boolean') return value ? 1 : 0;
  return value ?? null;
}

/** Inserts rows as they are, every value bound; the caller keeps a batch under the engines' parameter limits. */
export async function insertRows(x: Executor, table: CopyTable, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const engine = engineOf(x);
  const columns = sql.join(table.columns.map((c) => sql.ref(c)));
  const values = sql.join(rows.map((r) => sql`(${sql.join(table.columns.map((c) => writable(engine, r[c])))})`));
  await sql`INSERT INTO ${sql.table(table.name)} (${columns}) VALUES ${values}`.execute(q(x));
}

/** Rows per batch so that one INSERT binds at most ~30,000 values (SQLite allows 32,766; PostgreSQL 65,535). */
export function batchSizeFor(table: CopyTable, ceiling: number): number {
  return Math.max(1, Math.min(ceiling, Math.floor(30_000 / Math.max(1, table.columns.length))));
}
