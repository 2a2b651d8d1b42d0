// Prepared statements for the import's bulk path, cached by shape: an IN list or a multi-row VALUES list is
// one statement per size, prepared once per import and reused for every chunk.
import type BetterSqlite3 from 'better-sqlite3';

export type Raw = BetterSqlite3.Database;

/** A row better-sqlite3 returned (its statements type results as unknown). */
export function isRow(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Sets the connection's page cache to `kib` KiB and returns what puts the previous size back. The import
 * works with a smaller cache than the app, and its final sort with a smaller one still (SQLite sizes its
 * sorter's memory by cache_size).
 */
export function setPageCache(raw: Raw, kib: number): () => void {
  const previous = raw.pragma('cache_size', { simple: true }) as number;
  raw.pragma(`cache_size = -${kib}`);
  return () => raw.pragma(`cache_size = ${previous}`);
}

export class StatementCache {
  readonly raw: Raw;
  readonly #cache = new Map<string, BetterSqlite3.Statement>();

  constructor(raw: Raw) {
    this.raw = raw;
  }

  get(sql: string): BetterSqlite3.Statement {
    let s = this.#cache.get(sql);
    if (!s) {
      s = this.raw.prepare(sql);
      this.#cache.set(sql, s);
    }
    return s;
  }

  /**
   * `template` holds `{list}`, replaced by placeholders for up to n values. The list is padded to a power of
   * two by repeating its last value (harmless in IN), so a template has at most ten statement shapes: one
   * statement per exact length made the cache, and the SQLite memory behind it, grow all through a long import.
   */
  inList(template: string, n: number): PaddedInList {
    const size = n <= 1 ? 1 : 2 ** Math.ceil(Math.log2(n));
    const statement = this.get(template.replace('{list}', Array.from({ length: size }, () => '?').join(', ')));
    const pad = (values: readonly unknown[]) => {
      if (values.length === size) return values;
      const filler = values.length > 0 ? values[values.length - 1] : null;
      return [...values, ...Array.from({ length: size - values.length }, () => filler)];
    };
    return { all: (values) => statement.all(pad(values)), run: (values) => statement.run(pad(values)) };
  }

  values(table: string, columns: readonly string[], rows: number, suffix = ''): BetterSqlite3.Statement {
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    return this.get(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}${suffix}`);
  }
}

export interface PaddedInList {
  all(values: readonly unknown[]): unknown[];
  run(values: readonly unknown[]): BetterSqlite3.RunResult;
}

/** Runs `run` over `items` in slices small enough for SQLite's variable limit. */
export function inSlices<T>(items: readonly T[], size: number, run: (slice: readonly T[]) => void): void {
  for (let i = 0; i < items.length; i += size) run(items.slice(i, i + size));
}

/**
 * Multi-row INSERT buffer: rows go out `perStatement` at a time through one cached statement. `onFull` runs
 * when a statement's worth is buffered; a writer with foreign keys between buffers flushes parents first.
 * `suffix` follows the VALUES list, e.g. an ON CONFLICT clause that makes the insert an upsert.
 */
export class BulkInserter {
  readonly #cache: StatementCache;
  readonly #table: string;
  readonly #columns: readonly string[];
  readonly #perStatement: number;
  readonly #suffix: string;
  readonly #onFull: () => void;
  #values: unknown[] = [];
  #rows = 0;
  /** Rows inserted so far, for reports and benchmarks. */
  inserted = 0;

  constructor(
    cache: StatementCache,
    table: string,
    columns: readonly string[],
    onFull?: () => void,
    suffix = '',
  ) {
    this.#cache = cache;
    this.#onFull = onFull ?? (() => this.flush());
    this.#table = table;
    this.#columns = columns;
    this.#suffix = suffix;
    this.#perStatement = Math.max(1, Math.min(Math.floor(30_000 / columns.length), 500));
  }

  get sql(): string {
    return `INSERT INTO ${this.#table} (${this.#columns.join(', ')}) VALUES (…) × ${this.#perStatement}${this.#suffix}`;
  }

  add(row: readonly unknown[]): void {
    for (const v of row) this.#values.push(v);
    if (++this.#rows >= this.#perStatement) this.#onFull();
  }

  flush(): void {
    if (this.#rows > 0) this.#run();
  }

  /**
   * A full buffer goes out in one statement; a partial one in power-of-two pieces, so each table needs at
   * most ten statement shapes however the chunks end (each shape is prepared once and kept).
   */
  #run(): void {
    const width = this.#columns.length;
    let done = 0;
    while (done < this.#rows) {
      const left = this.#rows - done;
      const n = left >= this.#perStatement ? this.#perStatement : 2 ** Math.floor(Math.log2(left));
      const values = done === 0 && n === this.#rows ? this.#values : this.#values.slice(done * width, (done + n) * width);
      this.#cache.values(this.#table, this.#columns, n, this.#suffix).run(values);
      done += n;
    }
    this.inserted += this.#rows;
    this.#values = [];
    this.#rows = 0;
  }
}
