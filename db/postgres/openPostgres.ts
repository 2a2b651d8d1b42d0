import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { makeDb, type Db } from '../handle.ts';
import type { Database as Schema } from '../schema.ts';
import { applyPostgresMigrations, type PostgresMigration } from './postgresMigrations.ts';
import { postgresTypes } from './postgresTypes.ts';
import { redactPostgresUrl } from './postgresUrl.ts';

export interface OpenPostgresOptions {
  /** postgres://user[:password]@host[:port]/database, or pg's socket form (…@/database?host=/run/postgresql). */
  url: string;
  now?: () => Date;
  /** The schema history to apply; tests pass a longer one to exercise upgrades. */
  migrations?: readonly PostgresMigration[];
  /** Connections the pool may hold: the desktop and the web host serve several requests at once. */
  maxConnections?: number;
  /** How long a new connection may take before the call fails (a server that is away answers nothing); pg waits forever by default. */
  connectTimeoutMs?: number;
  /**
   * Stands in for the server's clock (db/archiveClock.ts): tests that simulate months of time give the shared
   * simulated instant here. Left out, the server is asked (clock_timestamp()).
   */
  serverClock?: () => Date;
}

export interface OpenedPostgres {
  db: Db;
  /** The URL with its password masked: what messages and logs may show. */
  location: string;
  schemaVersion: number;
  migratedFrom: number;
  close(): Promise<void>;
}

/**
 * Opens a PostgreSQL archive: a pool with our type parsers, the pending migrations applied (under an advisory lock,
 * so two app instances starting together migrate once), and the same opaque Db handle an SQLite archive gives.
 */
export async function openPostgres(options: OpenPostgresOptions): Promise<OpenedPostgres> {
  const location = redactPostgresUrl(options.url);
  const pool = new pg.Pool({ connectionString: options.url, types: postgresTypes, max: options.maxConnections ?? 4,
    ...(options.connectTimeoutMs ? { connectionTimeoutMillis: options.connectTimeoutMs } : {}),
  });
  // An idle connection the server drops (a restart, a network cut) is reported here; the pool makes a new one.
  pool.on('error', () => {});
  let migrated: { from: number; to: number };
  try {
    migrated = await applyPostgresMigrations(pool, {
      describe: location,
      ...(options.now ? { now: options.now } : {}),
      ...(options.migrations ? { migrations: options.migrations } : {}),
    });
  } catch (e) {
    await pool.end();
    throw withoutPassword(e, options.url, location);
  }
  const kysely = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return {
    db: makeDb(location, { engine: 'postgres', kysely, pool, serverClock: options.serverClock }),
    location,
    schemaVersion: migrated.to,
    migratedFrom: migrated.from,
    async close() {
      // Kysely's destroy ends the pool it was given.
      await kysely.destroy();
    },
  };
}

/** A connection error may quote the URL it was given; the password never leaves in a message. */
function withoutPassword(e: unknown, url: string, location: string): unknown {
  if (e instanceof Error && url !== location && e.message.includes(url)) e.message = e.message.replaceAll(url, location);
  return e;
}
