import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresTestClients, type PostgresTestClients } from '../../test-support/postgres/postgresTestClients.ts';
import { AppError } from '../../shared/api/appError.ts';
import { LATEST_POSTGRES_SCHEMA_VERSION as LATEST, POSTGRES_MIGRATIONS, applyPostgresMigrations, type PostgresMigration } from './postgresMigrations.ts';

let databases: PostgresTestClients;

beforeAll(async () => {
  databases = postgresTestClients();
}, 60_000);

afterAll(async () => {
  await databases?.close();
}, 60_000);

const at = (iso: string) => () => new Date(iso);
const NEXT: PostgresMigration = { version: 90, name: 'test_next', sql: 'CREATE TABLE test_next (id text PRIMARY KEY)' };

async function rows<T>(c: pg.ClientBase, sql: string): Promise<T[]> {
  return (await c.query(sql)).rows as T[];
}

describe('applyPostgresMigrations', () => {
  it('migrates an empty database to the baseline, then migrating again is a no-op', async () => {
    const { client: c } = await databases.newDatabase();
    expect(await applyPostgresMigrations(c, { now: at('2026-03-01T08:00:00.000Z') })).toEqual({ from: 0, to: LATEST });
    expect(await applyPostgresMigrations(c, { now: at('2026-04-01T08:00:00.000Z') })).toEqual({ from: LATEST, to: LATEST });
    expect(await rows(c, 'SELECT version::int, name, applied_at FROM schema_migrations ORDER BY version')).toEqual(
      POSTGRES_MIGRATIONS.map((m) => ({ version: m.version, name: m.name, applied_at: '2026-03-01T08:00:00.000Z' })),
    );
    expect(POSTGRES_MIGRATIONS[0]).toMatchObject({ version: 34, name: 'baseline_equal_to_sqlite_34' });
    // The seed rows carry the injected time of the migration that wrote them, as SQLite's do.
    expect(await rows(c, 'SELECT DISTINCT created_at FROM tiers')).toEqual([{ created_at: '2026-03-01T08:00:00.000Z' }]);
  });

  it('applies a later migration on top, in its own step', async () => {
    const { client: c } = await databases.newDatabase();
    await applyPostgresMigrations(c);
    expect(await applyPostgresMigrations(c, { migrations: [...POSTGRES_MIGRATIONS, NEXT] })).toEqual({ from: LATEST, to: 90 });
    expect(await rows(c, 'SELECT version::int FROM schema_version')).toEqual([{ version: 90 }]);
  });

  it('refuses a database written by a newer app and writes nothing', async () => {
    const { client: c } = await databases.newDatabase();
    await applyPostgresMigrations(c, { migrations: [...POSTGRES_MIGRATIONS, NEXT] });
    const refused = await applyPostgresMigrations(c, { describe: 'postgres://db.example/renewals' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('DB_NEWER');
    expect((refused as AppError).detail).toEqual({
      key: 'errors.dbNewer',
      params: { file: 'postgres://db.example/renewals', version: 90, latest: LATEST },
    });
    expect(await rows(c, 'SELECT version::int FROM schema_version')).toEqual([{ version: 90 }]);
  });

  it('rolls a failing migration back whole and keeps the version', async () => {
    const { client: c } = await databases.newDatabase();
    await applyPostgresMigrations(c);
    const broken: PostgresMigration = { version: 91, name: 'broken', sql: 'CREATE TABLE half_done (id text); SELECT no_such_function()' };
    await expect(applyPostgresMigrations(c, { migrations: [...POSTGRES_MIGRATIONS, broken] })).rejects.toThrow(/no_such_function/);
    expect(await rows(c, "SELECT to_regclass('half_done') AS t")).toEqual([{ t: null }]);
    expect(await rows(c, 'SELECT version::int FROM schema_version')).toEqual([{ version: LATEST }]);
  });

  it('lets two clients start at once: each step is applied once, the other client waiting on its lock', async () => {
    const { client: first, connection } = await databases.newDatabase();
    const second = await databases.connect(connection);
    const results = await Promise.all([applyPostgresMigrations(first), applyPostgresMigrations(second)]);
    // One started from nothing; the other waited on the first step's lock and found it (and maybe more) applied.
    expect(results.map((r) => r.from).sort((a, b) => a - b)[0]).toBe(0);
    expect(results.map((r) => r.from).sort((a, b) => a - b)[1]).toBeGreaterThanOrEqual(34);
    expect(results.map((r) => r.to)).toEqual([LATEST, LATEST]);
    expect(await rows(first, 'SELECT count(*)::int AS n FROM schema_migrations')).toEqual([{ n: POSTGRES_MIGRATIONS.length }]);
  });

  it('takes a pool as well as a client', async () => {
    const { connection } = await databases.newDatabase();
    const pool = new pg.Pool({ ...connection, max: 2 });
    try {
      expect(await applyPostgresMigrations(pool)).toEqual({ from: 0, to: LATEST });
    } finally {
      await pool.end();
    }
  });
});
