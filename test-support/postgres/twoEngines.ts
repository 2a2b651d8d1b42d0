// The same parameterized SQL on a fresh SQLite archive and a fresh PostgreSQL database, with rows read back in one
// form (PostgreSQL's bigints as numbers, as better-sqlite3 returns them), for the parity tests. Test-only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { rawOf } from '../../db/handle.ts';
import { openDatabase } from '../../db/openDatabase.ts';
import { applyPostgresMigrations } from '../../db/postgres/postgresMigrations.ts';

export type Row = Record<string, unknown>;

export interface Engine {
  name: 'sqlite' | 'postgres';
  run(sql: string, params?: unknown[]): Promise<void>;
  all(sql: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

const PG_INT8 = 20;

/** `?` placeholders, numbered for PostgreSQL ($1, $2, …); the statements here hold no literal '?'. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export async function openSqliteEngine(now: Date): Promise<Engine> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-twin-'));
  const opened = await openDatabase({ file: path.join(dir, 'archive.db'), now: () => now });
  const raw = rawOf(opened.db);
  return {
    name: 'sqlite',
    async run(sql, params = []) {
      raw.prepare(sql).run(...params);
    },
    async all(sql, params = []) {
      return raw.prepare(sql).all(...params) as Row[];
    },
    async close() {
      await opened.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function openPostgresEngine(client: pg.Client, now: Date): Promise<Engine> {
  await applyPostgresMigrations(client, { now: () => now });
  return {
    name: 'postgres',
    async run(sql, params = []) {
      await client.query(numbered(sql), params);
    },
    async all(sql, params = []) {
      const r = await client.query(numbered(sql), params);
      const bigints = r.fields.filter((f) => f.dataTypeID === PG_INT8).map((f) => f.name);
      return r.rows.map((row: Row) => {
        for (const k of bigints) if (row[k] !== null) row[k] = Number(row[k]);
        return row;
      });
    },
    async close() {},
  };
}
