import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseForFile } from '../../test-support/postgres/testDatabaseForFile.ts';
import type { TestDatabase } from '../../test-support/postgres/testPostgres.ts';
import { postgresTypes } from './postgresTypes.ts';

let database: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  database = await testDatabaseForFile();
  pool = new pg.Pool({ connectionString: database.url, types: postgresTypes });
});
afterAll(async () => {
  await pool.end();
  await database.drop();
});

describe('PostgreSQL values as the services expect them (real server)', () => {
  it('gives int8, numeric, date and timestamptz back as number, number, the date string and an ISO instant', async () => {
    const { rows } = await pool.query(
      `SELECT 123456789012::int8 AS fen, count(*) AS n, 12.5::numeric AS ratio, '2026-02-28'::date AS day,
              '2026-11-23 10:30:00+08'::timestamptz AS at, NULL::int8 AS none`,
    );
    expect(rows[0]).toEqual({ fen: 123456789012, n: 1, ratio: 12.5, day: '2026-02-28', at: '2026-11-23T02:30:00.000Z', none: null });
  });

  it('keeps a date as written whatever the session or process time zone', async () => {
    const client = await pool.connect();
    try {
      await client.query(`SET TIME ZONE 'Pacific/Kiritimati'`);
      const { rows } = await client.query(`SELECT '1999-12-31'::date AS day, '2000-01-01 00:00:00+00'::timestamptz AS at`);
      expect(rows[0]).toEqual({ day: '1999-12-31', at: '2000-01-01T00:00:00.000Z' });
    } finally {
      client.release();
    }
  });

  it('refuses a bigint past 2^53 rather than rounding it', async () => {
    await expect(pool.query(`SELECT 9007199254740993::int8 AS big`)).rejects.toThrow(/does not fit/);
    // The pool is still usable afterwards.
    const { rows } = await pool.query(`SELECT 1::int8 AS one`);
    expect(rows[0]).toEqual({ one: 1 });
  });

  it('sets the parsers on this pool only, not on pg globally', async () => {
    const plain = new pg.Pool({ connectionString: database.url });
    try {
      const { rows } = await plain.query(`SELECT 5::int8 AS n, '2026-02-28'::date AS day`);
      expect(rows[0].n).toBe('5');
      expect(rows[0].day).toBeInstanceOf(Date);
    } finally {
      await plain.end();
    }
  });
});
