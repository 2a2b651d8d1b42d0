import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../test-support/postgres/throwawayPostgres.ts';
import { AppError } from '../../shared/api/appError.ts';
import { POSTGRES_MIGRATIONS, applyPostgresMigrations, type PostgresMigration } from './postgresMigrations.ts';

let server: ThrowawayPostgres;

beforeAll(async () => {
  server = await startThrowawayPostgres();
}, 60_000);

afterAll(async () => {
  await server?.stop();
}, 60_000);

const at = (iso: string) => () => new Date(iso);
const NEXT: PostgresMigration = { version: 90, name: 'test_next', sql: 'CREATE TABLE test_next (id text PRIMARY KEY)' };

async function rows<T>(c: pg.ClientBase, sql: string): Promise<T[]> {
  return (await c.query(sql)).rows as T[];
}

describe('applyPostgresMigrations', () => {
  it('migrates an empty database to the baseline, then migrating again is a no-op', async () => {
    const c = await server.newDatabase();
    expect(await applyPostgresMigrations(c, { now: at('2026-03-01T08:00:00.000Z') })).toEqual({ from: 0, to: 34 });
    expect(await applyPostgresMigrations(c, { now: at('2026-04-01T08:00:00.000Z') })).toEqual({ from: 34, to: 34 });
    expect(await rows(c, 'SELECT version::int, name, applied_at FROM schema_migrations')).toEqual([
      { version: 34, name: 'baseline_equal_to_sqlite_34', applied_at: '2026-03-01T08:00:00.000Z' },
    ]);
    // The seed rows carry the injected time of the migration that wrote them, as SQLite's do.
    expect(await rows(c, 'SELECT DISTINCT created_at FROM tiers')).toEqual([{ created_at: '2026-03-01T08:00:00.000Z' }]);
  });

  it('applies a later migration on top, in its own step', async () => {
    const c = await server.newDatabase();
    await applyPostgresMigrations(c);
    expect(await applyPostgresMigrations(c, { migrations: [...POSTGRES_MIGRATIONS, NEXT] })).toEqual({ from: 34, to: 90 });
    expect(await rows(c, 'SELECT version::int FROM schema_version')).toEqual([{ version: 90 }]);
  });

  it('refuses a database written by a newer app and writes nothing', async () => {
    const c = await server.newDatabase();
    await applyPostgresMigrations(c, { migrations: [...POSTGRES_MIGRATIONS, NEXT] });
    const refused = await applyPostgresMigrations(c, { describe: 'postgres://db.example/renewals' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('DB_NEWER');
    expect((refused as AppError).detail).toEqual({
      key: 'errors.dbNewer',
      params: { file: 'postgres://db.example/renewals', version: 90, latest: 34 },
    });
    expect(await rows(c, 'SELECT version::int FROM schema_version')).toEqual([{ version: 90 }]);
  });

  it('rolls a failing migration back whole and keeps the version', async () => {
    const c = await server.newDatabase();
    await applyPostgresMigrations(c);
    const broken: PostgresMigration = { version: 91, name: 'broken', sql: 'CREATE TABLE half_done (id text); SELECT no_such_function()' };
    await expect(applyPostgresMigrations(c, { migrations: [...POSTGRES_MIGRATIONS, broken] })).rejects.toThrow(/no_such_function/);
    expect(await rows(c, "SELECT to_regclass('half_done') AS t")).toEqual([{ t: null }]);
    expect(await rows(c, 'SELECT version::int FROM schema_version')).toEqual([{ version: 34 }]);
  });

  it('lets two clients start at once: one migrates, the other waits and finds nothing to do', async () => {
    const first = await server.newDatabase();
    const second = new pg.Client({ host: server.host, user: 'postgres', database: first.database });
    await second.connect();
    try {
      const results = await Promise.all([applyPostgresMigrations(first), applyPostgresMigrations(second)]);
      expect(results.map((r) => r.from).sort()).toEqual([0, 34]);
      expect(results.map((r) => r.to)).toEqual([34, 34]);
      expect(await rows(first, 'SELECT count(*)::int AS n FROM schema_migrations')).toEqual([{ n: 1 }]);
    } finally {
      await second.end();
    }
  });

  it('takes a pool as well as a client', async () => {
    const c = await server.newDatabase();
    const pool = new pg.Pool({ host: server.host, user: 'postgres', database: c.database, max: 2 });
    try {
      expect(await applyPostgresMigrations(pool)).toEqual({ from: 0, to: 34 });
    } finally {
      await pool.end();
    }
  });
});
