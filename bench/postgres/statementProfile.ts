// Where a PostgreSQL bench's server time goes: pg_stat_statements (Debian's server ships it) loaded into the bench's
// throwaway server, reset before the measured work and read after it, nested statements included (what the
// triggers' functions run shows under its own text).
import pg from 'pg';
import type { TestPostgresServer } from '../../test-support/postgres/testPostgres.ts';

export interface StatementCost {
  calls: number;
  totalMs: number;
  rows: number;
  query: string;
}

async function withAdmin<T>(server: TestPostgresServer, database: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ ...server.connection, database });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/** Loads pg_stat_statements into the server (a restart: call before any archive is open). */
export async function enableStatementProfile(server: TestPostgresServer): Promise<void> {
  await withAdmin(server, 'postgres', (c) => c.query("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'"));
  server.halt();
  server.resume();
  // The library's own settings exist only once it is loaded.
  await withAdmin(server, 'postgres', async (c) => {
    await c.query("ALTER SYSTEM SET pg_stat_statements.track = 'all'");
    await c.query('SELECT pg_reload_conf()');
  });
}

/** Resets the counts; `database` is the archive's (the extension's functions live in the database they're created in). */
export async function resetStatementProfile(server: TestPostgresServer, database: string): Promise<void> {
  await withAdmin(server, database, async (c) => {
    await c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await c.query('SELECT pg_stat_statements_reset()');
  });
}

export interface StatementProfile {
  /** Server time of the top-level statements (nested ones are inside theirs), and how many there were. */
  topLevelMs: number;
  topLevelCalls: number;
  costs: StatementCost[];
}

/** The statements that took most server time since the reset, top-level and nested, most first. */
export async function statementProfile(server: TestPostgresServer, database: string, top: number): Promise<StatementProfile> {
  return withAdmin(server, database, async (c) => {
    const sum = await c.query<{ ms: number; calls: string }>(
      `SELECT coalesce(sum(total_exec_time), 0) AS ms, coalesce(sum(calls), 0) AS calls FROM pg_stat_statements
        WHERE toplevel AND dbid = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    const r = await c.query<{ calls: string; total: number; rows: string; query: string }>(
      `SELECT calls, total_exec_time AS total, rows, query FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        ORDER BY total_exec_time DESC LIMIT $1`,
      [top],
    );
    return {
      topLevelMs: Number(sum.rows[0]?.ms ?? 0),
      topLevelCalls: Number(sum.rows[0]?.calls ?? 0),
      costs: r.rows.map((x) => ({ calls: Number(x.calls), totalMs: Number(x.total), rows: Number(x.rows), query: x.query.replace(/\s+/g, ' ').trim() })),
    };
  });
}
