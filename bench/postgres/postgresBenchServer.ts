// What every `--engine postgres` benchmark shares: a throwaway PostgreSQL server started by the run
// (test-support/postgres/testPostgres.ts: its own data directory, a Unix socket, no TCP, fsync off), fresh archives
// on it opened through the same ServiceContext the app builds, and the lines saying what was measured on. Nothing
// is cached: the server and its data go when the run ends, also when it fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { q, type Db } from '../../db/handle.ts';
import { silentLogger } from '../../electron/services/logger.ts';
import { openPostgresServiceContext } from '../../electron/services/openPostgresServiceContext.ts';
import type { ServiceContext } from '../../electron/services/serviceContext.ts';
import { createTestDatabase, startTestPostgres, type TestPostgresServer } from '../../test-support/postgres/testPostgres.ts';

export interface PostgresBenchArchive {
  ctx: ServiceContext;
  /** postgres://… of this archive's database on the bench server. */
  url: string;
  /** The database's name on the server. */
  database: string;
}

/** Starts the server, runs `work`, and stops the server however `work` ended. */
export async function withPostgresBenchServer<T>(work: (server: TestPostgresServer) => Promise<T>): Promise<T> {
  const server = startTestPostgres();
  // Also stopped if the run is interrupted (Ctrl-C): a server left running would hold its temp dir.
  const onSignal = () => {
    server.stop();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  try {
    return await work(server);
  } finally {
    process.off('SIGINT', onSignal);
    server.stop();
  }
}

/** A fresh migrated archive on `server` for `work`, dropped afterwards. */
export async function withPostgresBenchArchive<T>(server: TestPostgresServer, work: (archive: PostgresBenchArchive) => Promise<T>): Promise<T> {
  const localDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-bench-pg-'));
  try {
    const database = await createTestDatabase(server.connection);
    try {
      const { ctx, close } = await openPostgresServiceContext({ url: database.url, localDir, logger: silentLogger });
      try {
        return await work({ ctx, url: database.url, database: database.connection.database });
      } finally {
        await close();
      }
    } finally {
      await database.drop();
    }
  } finally {
    fs.rmSync(localDir, { recursive: true, force: true });
  }
}

/** A new archive on its own server: what a bench that needs one archive runs in. */
export function withPostgresBenchOnce<T>(work: (archive: PostgresBenchArchive) => Promise<T>): Promise<T> {
  return withPostgresBenchServer((server) => withPostgresBenchArchive(server, work));
}

const loadLine = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

/** The machine and server lines each PostgreSQL bench prints first. */
export async function postgresMachineLines(db: Db): Promise<string[]> {
  const version = (await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(q(db))).rows[0]?.v ?? '?';
  const cpus = os.cpus();
  return [
    `node ${process.version}, ${os.platform()} ${os.release()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
    `PostgreSQL ${version} (pg over a Unix socket, fsync off: a throwaway server), default server settings otherwise`,
    `load average at start ${loadLine()} (other processes share these cores)`,
  ];
}

export const loadAverageLine = (): string => `load average ${loadLine()}`;
