import type { Kysely, Transaction } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from './schema.ts';

declare const handleKind: unique symbol;

/** An open database. Opaque outside db/: services pass it to repositories and never build SQL. */
export interface Db {
  readonly [handleKind]: 'db';
  readonly file: string;
}
/** A running transaction; accepted wherever a Db is. */
export interface Tx {
  readonly [handleKind]: 'tx';
}
export type Executor = Db | Tx;

interface DbInternals {
  kysely: Kysely<Database>;
  raw: BetterSqlite3.Database;
}

const dbInternals = new WeakMap<object, DbInternals>();
const txInternals = new WeakMap<object, Transaction<Database>>();

export function makeDb(file: string, internals: DbInternals): Db {
  const handle = Object.freeze({ file }) as unknown as Db;
  dbInternals.set(handle, internals);
  return handle;
}

export function makeTx(trx: Transaction<Database>): Tx {
  const handle = Object.freeze({}) as unknown as Tx;
  txInternals.set(handle, trx);
  return handle;
}

export function isTx(x: Executor): x is Tx {
  return txInternals.has(x);
}

/** The query builder behind a handle. Only db/ calls this. */
export function q(x: Executor): Kysely<Database> {
  const trx = txInternals.get(x);
  if (trx) return trx;
  const internals = dbInternals.get(x);
  if (!internals) throw new Error('not an open database handle');
  return internals.kysely;
}

/** The raw better-sqlite3 connection, for PRAGMAs, backups and prepared bulk paths. Only db/ calls this. */
export function rawOf(db: Db): BetterSqlite3.Database {
  const internals = dbInternals.get(db);
  if (!internals) throw new Error('not an open database handle');
  return internals.raw;
}
