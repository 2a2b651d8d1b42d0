import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseForFile } from '../../test-support/postgres/testDatabaseForFile.ts';
import type { TestDatabase } from '../../test-support/postgres/testPostgres.ts';
import { engineOf, q, rawOf } from '../handle.ts';
import { withTransaction } from '../withTransaction.ts';
import { openPostgres } from './openPostgres.ts';
import { LATEST_POSTGRES_SCHEMA_VERSION } from './postgresMigrations.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await testDatabaseForFile();
});
afterAll(async () => {
  await database.drop();
});

describe('openPostgres (real server)', () => {
  it('migrates an empty database on first open and finds nothing to do on the next', async () => {
    const first = await openPostgres({ url: database.url, now: () => new Date('2026-12-01T00:00:00.000Z') });
    try {
      expect({ from: first.migratedFrom, to: first.schemaVersion }).toEqual({ from: 0, to: LATEST_POSTGRES_SCHEMA_VERSION });
    } finally {
      await first.close();
    }
    const second = await openPostgres({ url: database.url });
    try {
      expect({ from: second.migratedFrom, to: second.schemaVersion }).toEqual({ from: LATEST_POSTGRES_SCHEMA_VERSION, to: LATEST_POSTGRES_SCHEMA_VERSION });
    } finally {
      await second.close();
    }
  });

  it('gives a Db handle that knows its engine, queries through Kysely with our value types, and refuses rawOf by name', async () => {
    const opened = await openPostgres({ url: database.url });
    try {
      expect(engineOf(opened.db)).toBe('postgres');
      const tiers = await q(opened.db).selectFrom('tiers').select(['code', 'rank', 'builtin']).orderBy('rank').execute();
      expect(tiers).toEqual([
        { code: 'vip', rank: 10, builtin: 1 },
        { code: 'important', rank: 20, builtin: 1 },
        { code: 'normal', rank: 30, builtin: 1 },
      ]);
      expect(() => rawOf(opened.db)).toThrow(/PostgreSQL archive; this SQLite-only path/);
      const inTx = await withTransaction(opened.db, async (tx) => engineOf(tx));
      expect(inTx).toBe('postgres');
    } finally {
      await opened.close();
    }
  });

  it('rolls a failed transaction back on PostgreSQL too', async () => {
    const opened = await openPostgres({ url: database.url });
    try {
      const write = withTransaction(opened.db, async (tx) => {
        await q(tx).insertInto('settings').values({ key: 'probe', value: '"x"', created_at: '2026-12-01T00:00:00.000Z', updated_at: '2026-12-01T00:00:00.000Z' }).execute();
        throw new Error('stop');
      });
      await expect(write).rejects.toThrow('stop');
      const left = await q(opened.db).selectFrom('settings').select('key').where('key', '=', 'probe').execute();
      expect(left).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('never shows the password of a URL it could not open', async () => {
    const url = database.url.replace('postgres@', 'nobody:hunter2@');
    const failure = await openPostgres({ url }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect(String(failure?.message)).not.toContain('hunter2');
  });
});
