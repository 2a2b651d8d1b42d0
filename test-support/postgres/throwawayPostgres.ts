// A throwaway PostgreSQL 15 server for the schema tests: its own data directory and Unix socket in a temp dir, no
// TCP port, trust authentication, stopped and removed by stop(). (The connection helper's shared harness,
// testPostgres.ts, may replace it once it lands.)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const BIN = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

export interface ThrowawayPostgres {
  /** The socket directory: pg's `host`. */
  host: string;
  /** A new empty database on the server, connected. */
  newDatabase(): Promise<pg.Client>;
  stop(): Promise<void>;
}

/** Runs a server binary as the `postgres` user when we are root (initdb refuses root), else as ourselves. */
function run(binary: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(BIN, binary), ...args]] : [path.join(BIN, binary), args];
  execFileSync(cmd, argv, { stdio: 'pipe' });
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-pg-'));
  const data = path.join(dir, 'data');
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', dir]);
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8']);
  // Without fsync: the server and its data are thrown away after the test, and CREATE DATABASE is 3× faster.
  run('pg_ctl', ['-D', data, '-o', `-k ${dir} -c listen_addresses='' -c fsync=off -c full_page_writes=off`, '-l', path.join(dir, 'server.log'), '-w', 'start']);
  let n = 0;
  const admin = new pg.Client({ host: dir, user: 'postgres', database: 'postgres' });
  await admin.connect();
  const clients: pg.Client[] = [];
  return {
    host: dir,
    async newDatabase() {
      n += 1;
      const name = `t${n}`;
      await admin.query(`CREATE DATABASE ${name}`);
      const client = new pg.Client({ host: dir, user: 'postgres', database: name });
      await client.connect();
      clients.push(client);
      return client;
    },
    async stop() {
      await Promise.allSettled([admin, ...clients].map((c) => c.end()));
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
