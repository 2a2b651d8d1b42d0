import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../test-support/postgres/throwawayPostgres.ts';
import { LATEST_SCHEMA_VERSION } from '../migrations/allMigrations.ts';
import { openDatabase } from '../openDatabase.ts';
import { LATEST_POSTGRES_SCHEMA_VERSION, applyPostgresMigrations } from './postgresMigrations.ts';
import { postgresSchemaShape, sqliteSchemaShape, type SchemaShape } from './schemaShapeReaders.ts';

// Objects only one engine has, each with its reason. Everything else must match by name and shape.
const POSTGRES_ONLY_TABLES = {
  schema_version: "PostgreSQL's stand-in for PRAGMA user_version (postgresMigrations.ts)",
};

let server: ThrowawayPostgres;
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

  server = await startThrowawayPostgres();
  client = await server.newDatabase();
  await applyPostgresMigrations(client);
  postgres = await postgresSchemaShape(client);
}, 60_000);

afterAll(async () => {
  await server?.stop();
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

  it('has the same unique constraints and foreign keys', () => {
    expect(sorted(postgres.uniqueConstraints)).toEqual(sorted(sqlite.uniqueConstraints));
    expect(sorted(postgres.foreignKeys)).toEqual(sorted(sqlite.foreignKeys));
  });

  it('has the same named indexes, on the same columns, unique and partial alike', () => {
    // SQLite's sqlite_autoindex_* (primary keys and UNIQUE constraints) are compared as keys and constraints above.
    expect(postgres.indexes).toEqual(sqlite.indexes);
  });

  it('has the same triggers on the same tables, and the same views', () => {
    expect(postgres.triggers).toEqual(sqlite.triggers);
    expect(sorted(postgres.views)).toEqual(sorted(sqlite.views));
  });

  it('fails when a column differs (the comparison can see a difference)', () => {
    const changed = structuredClone(postgres);
    changed.columns.contracts!.ends_on!.notNull = true;
    expect(changed.columns.contracts).not.toEqual(sqlite.columns.contracts);
  });
});
