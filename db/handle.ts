import type { Kysely, Transaction } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from './schema.ts';

/**
 * An open database. Opaque outside db/: services pass it to repositories and never build SQL. The class is
 * not exported, and its private member makes the type nominal, so only db/ can make one.
 */
class DbHandle {
  private readonly kind = 'db';
  constructor(readonly file: string) {
    Object.freeze(this);
  }
}
/** A running transaction; accepted wherever a Db is. */
class TxHandle {
  private readonly kind = 'tx';
  constructor() {
    Object.freeze(this);
  }
}
export type Db = DbHandle;
export type Tx = TxHandle;
export type Executor = Db | Tx;

interface DbInternals {
  kysely: Kysely<Database>;
  raw: BetterSqlite3.Database;
}

const dbInternals = new WeakMap<object, DbInternals>();
const txInternals = new WeakMap<object, Transaction<Database>>();

export function makeDb(file: string, internals: DbInternals): Db {
  const handle = new DbHandle(file);
  dbInternals.set(handle, internals);
  return handle;
}

export function makeTx(trx: Transaction<Database>): Tx {
  const handle = new TxHandle();
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
