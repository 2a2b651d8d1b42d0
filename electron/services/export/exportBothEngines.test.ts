import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyArchive } from '../../../db/archiveCopy/copyArchive.ts';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { testDatabaseForFile } from '../../../test-support/postgres/testDatabaseForFile.ts';
import type { TestDatabase } from '../../../test-support/postgres/testPostgres.ts';
import { buildHandlerTable } from '../allHandlers.ts';
import { dispatch } from '../handlerTable.ts';
import { silentLogger } from '../logger.ts';
import { openPostgresServiceContext } from '../openPostgresServiceContext.ts';
import type { OpenContext } from '../openServiceContext.ts';
import type { ServiceContext } from '../serviceContext.ts';

const NOW = '2026-11-23T02:00:00.000Z';
let sqlite: TestContext;
let database: TestDatabase;
let localDir: string;
let pg: OpenContext;

beforeAll(async () => {
  sqlite = await openTestContext(NOW);
  await sqlite.call('system:demo', {});
  database = await testDatabaseForFile();
  localDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-pg-export-'));
  pg = await openPostgresServiceContext({ url: database.url, localDir, now: () => new Date(NOW), logger: silentLogger });
  await copyArchive(sqlite.ctx.db, pg.ctx.db);
}, 120_000);
afterAll(async () => {
  await pg?.close();
  if (localDir) fs.rmSync(localDir, { recursive: true, force: true });
  await database?.drop();
  await sqlite?.close();
});

async function exported(ctx: ServiceContext, name: string, format: 'csv' | 'xlsx'): Promise<{ rows: number; bytes: Buffer }> {
  const result = await dispatch(buildHandlerTable(), ctx, name, { format });
  if (!result.ok) throw new Error(`${name} ${format}: ${result.error.message}`);
  const data = result.data as { rows: number; contentBase64: string };
  return { rows: data.rows, bytes: Buffer.from(data.contentBase64, 'base64') };
}

describe('the export sheets from SQLite and from PostgreSQL (demo archive moved by migrate-to)', () => {
  it.each([
    ['export:contracts', 'csv'],
    ['export:contracts', 'xlsx'],
    ['export:customers', 'csv'],
    ['export:followups', 'csv'],
  ] as const)('%s as %s is byte-identical on both engines', async (name, format) => {
    const fromSqlite = await exported(sqlite.ctx, name, format);
    const fromPostgres = await exported(pg.ctx, name, format);
    expect(fromSqlite.rows).toBeGreaterThan(100);
    expect(fromPostgres.rows).toBe(fromSqlite.rows);
    expect(fromPostgres.bytes.equals(fromSqlite.bytes)).toBe(true);
  });
});
