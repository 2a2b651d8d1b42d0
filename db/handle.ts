import type { Kysely, Transaction } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import type { Database } from './schema.ts';

/**
 * An open database. Opaque outside db/: services pass it to repositories and never build SQL. The class is
 * not exported, and its private member makes the type nominal, so only db/ can make one.
 */
class DbHandle {
  private readonly kind = 'db';
  /** The SQLite file, or for PostgreSQL the connection URL with any password masked (safe for messages and logs). */
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

export type DbEngine = 'sqlite' | 'postgres';

type DbInternals =
  | { engine?: 'sqlite'; kysely: Kysely<Database>; raw: BetterSqlite3.Database }
  | { engine: 'postgres'; kysely: Kysely<Database>; pool: pg.Pool; serverClock?: (() => Date) | undefined };

const dbInternals = new WeakMap<object, DbInternals>();
const txInternals = new WeakMap<object, Transaction<Database>>();
const txEngines = new WeakMap<object, DbEngine>();

export function makeDb(file: string, internals: DbInternals): Db {
  const handle = new DbHandle(file);
  dbInternals.set(handle, internals);
  return handle;
}

export function makeTx(trx: Transaction<Database>, engine: DbEngine = 'sqlite'): Tx {
  const handle = new TxHandle();
  txInternals.set(handle, trx);
  txEngines.set(handle, engine);
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

/** Which engine serves a handle or a transaction, for the few queries whose SQL must differ between the two. */
export function engineOf(x: Executor): DbEngine {
  const txEngine = txEngines.get(x);
  if (txEngine) return txEngine;
  const internals = dbInternals.get(x);
  if (!internals) throw new Error('not an open database handle');
  return internals.engine ?? 'sqlite';
}

/**
 * The raw better-sqlite3 connection, for PRAGMAs, backups and prepared bulk paths. Only db/ calls this. Those paths
 * are SQLite's own: on a PostgreSQL archive they stop here with a message naming the caller, not deep in a driver.
 */
export function rawOf(db: Db): BetterSqlite3.Database {
  const internals = dbInternals.get(db);
  if (!internals) throw new Error('not an open database handle');
  if (internals.engine === 'postgres') {
    const caller = new Error().stack?.split('\n')[2]?.trim() ?? 'unknown caller';
    throw new Error(`rawOf: ${db.file} is a PostgreSQL archive; this SQLite-only path has no PostgreSQL version yet (${caller})`);
  }
  return internals.raw;
}

/** The pg pool behind a PostgreSQL handle, for sessions that need one connection (the archive copy). Only db/ calls this. */
export function poolOf(db: Db): pg.Pool {
  const internals = dbInternals.get(db);
  if (!internals) throw new Error('not an open database handle');
  if (internals.engine !== 'postgres') throw new Error(`poolOf: ${db.file} is an SQLite archive`);
  return internals.pool;
}

/**
 * A PostgreSQL handle's stand-in for the server's clock, given at open by tests that simulate time on the server;
 * undefined otherwise (and always on SQLite), where db/archiveClock.ts asks the server itself.
 */
export function injectedServerClockOf(db: Db): (() => Date) | undefined {
  const internals = dbInternals.get(db);
  if (!internals) throw new Error('not an open database handle');
  return internals.engine === 'postgres' ? internals.serverClock : undefined;
}
