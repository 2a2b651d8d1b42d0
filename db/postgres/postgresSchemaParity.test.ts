import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresTestClients, type PostgresTestClients } from '../../test-support/postgres/postgresTestClients.ts';
import { LATEST_SCHEMA_VERSION } from '../migrations/allMigrations.ts';
import { openDatabase } from '../openDatabase.ts';
import { LATEST_POSTGRES_SCHEMA_VERSION, applyPostgresMigrations } from './postgresMigrations.ts';
import { postgresSchemaShape, sqliteSchemaShape, type SchemaShape } from './schemaShapeReaders.ts';

// Objects only one engine has, each with its reason. Everything else must match by name and shape.
const POSTGRES_ONLY_TABLES = {
  schema_version: "PostgreSQL's stand-in for PRAGMA user_version (postgresMigrations.ts)",
};

let databases: PostgresTestClients;
let client: pg.Client;
let sqlite: SchemaShape;
let postgres: SchemaShape;

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-parity-'));
  const opened = await openDatabase({ file: path.join(dir, 'archive.db') });
  await opened.close();
  const raw = new Database(path.join(dir, 'archive.db'), { readonly: true });
  sqlite = sqliteSchemaShape(raw);
  raw.close();
  fs.rmSync(dir, { recursive: true, force: true });

  databases = postgresTestClients();
  client = (await databases.newDatabase()).client;
  await applyPostgresMigrations(client);
  postgres = await postgresSchemaShape(client);
}, 60_000);

afterAll(async () => {
  await databases?.close();
}, 60_000);

const sorted = (xs: string[]) => [...xs].sort();

describe('the PostgreSQL schema equals the SQLite schema', () => {
  it('describes the same version', () => {
    // A SQLite migration landed without its PostgreSQL twin (postgresMigrations.ts) fails here.
    expect(LATEST_POSTGRES_SCHEMA_VERSION).toBe(LATEST_SCHEMA_VERSION);
  });

  it('has the same tables', () => {
    const pgTables = Object.keys(postgres.columns).filter((t) => !(t in POSTGRES_ONLY_TABLES));
    expect(sorted(pgTables)).toEqual(sorted(Object.keys(sqlite.columns)));
  });

  it('has, table by table, the same columns with the same type class, nullability and default', () => {
    for (const [table, columns] of Object.entries(sqlite.columns)) {
      expect({ table, columns: postgres.columns[table] }).toEqual({ table, columns });
    }
  });

  it('has the same primary keys', () => {
    for (const table of Object.keys(sqlite.columns)) {
      expect({ table, pk: postgres.primaryKeys[table] }).toEqual({ table, pk: sqlite.primaryKeys[table] });
    }
  });

  it('has, table by table, as many CHECK constraints', () => {
    const pgChecks = Object.fromEntries(Object.entries(postgres.checks).filter(([t]) => !(t in POSTGRES_ONLY_TABLES)));
    expect(pgChecks).toEqual(sqlite.checks);
  });

  it('has the same unique constraints and foreign keys', () => {
    expect(sorted(postgres.uniqueConstraints)).toEqual(sorted(sqlite.uniqueConstraints));
    expect(sorted(postgres.foreignKeys)).toEqual(sorted(sqlite.foreignKeys));
  });

  it('has the same named indexes, on the same columns, unique and partial alike', () => {
    // SQLite's sqlite_autoindex_* (primary keys and UNIQUE constraints) are compared as keys and constraints above.
    expect(postgres.indexes).toEqual(sqlite.indexes);
  });

  it('orders every text column by code point, like SQLite\'s BINARY collation', async () => {
    const r = await client.query<{ col: string }>(
      `SELECT table_name || '.' || column_name AS col FROM information_schema.columns
       WHERE table_schema = 'public' AND data_type = 'text' AND collation_name IS DISTINCT FROM 'C'`,
    );
    expect(r.rows).toEqual([]);
  });

  it('has the same triggers on the same tables, and the same views', () => {
    expect(postgres.triggers).toEqual(sqlite.triggers);
    expect(sorted(postgres.views)).toEqual(sorted(sqlite.views));
  });

  it('describes partial indexes by predicate and triggers by event (the comparisons see those details)', () => {
    expect(sqlite.indexes.contacts_one_primary).toBe('contacts(customer_id) unique where is_primary = 1 and deleted_at is null');
    expect(sqlite.triggers.report_terms_customer_tier).toBe('AFTER UPDATE OF tier ON customers');
    expect(sqlite.triggers.report_terms_refresh).toBe('INSTEAD OF INSERT ON report_terms_refresh');
    expect(sqlite.checks.contracts).toBe(5);
  });

  it('fails when a column differs (the comparison can see a difference)', () => {
    const changed = structuredClone(postgres);
    changed.columns.contracts!.ends_on!.notNull = true;
    expect(changed.columns.contracts).not.toEqual(sqlite.columns.contracts);
  });
});
