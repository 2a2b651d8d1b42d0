// A throwaway PostgreSQL server for one test run: its own data directory in a temp dir, listening only on a Unix
// socket in that same dir (no TCP port to collide with another run or a system server), fsync off because the
// data dies with the run. Debian's server binaries live under /usr/lib/postgresql/<major>/bin, off PATH.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const DEBIAN_PG_ROOT = '/usr/lib/postgresql';
const SERVER_USER = 'postgres';

export interface TestPostgresConnection {
  host: string;
  user: string;
  database: string;
}

export interface TestPostgresServer {
  /** The socket directory, which is also the data directory. */
  dir: string;
  connection: TestPostgresConnection;
  stop(): void;
  /** Stops the server but keeps its data, as a server that goes away does; resume() starts it again on the same socket. */
  halt(): void;
  resume(): void;
}

/** The highest installed major's bin directory that has both initdb and pg_ctl. */
export function findPostgresBin(root = DEBIAN_PG_ROOT): string {
  const majors = fs.existsSync(root)
    ? fs.readdirSync(root).filter((d) => /^\d+(\.\d+)?$/.test(d)).sort((a, b) => Number(b) - Number(a))
    : [];
  for (const major of majors) {
    const bin = path.join(root, major, 'bin');
    if (fs.existsSync(path.join(bin, 'initdb')) && fs.existsSync(path.join(bin, 'pg_ctl'))) return bin;
  }
  throw new Error(
    `PostgreSQL server binaries not found under ${root}/*/bin (initdb, pg_ctl). Install Debian's postgresql: ` +
      'sudo apt-get install -y postgresql (npm test does this itself when run as root).',
  );
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** initdb refuses to run as root: as root every server command runs as the postgres user. */
function runServerTool(bin: string, tool: string, args: readonly string[]): string {
  const exe = path.join(bin, tool);
  const [file, argv] = isRoot() ? ['runuser', ['-u', SERVER_USER, '--', exe, ...args]] : [exe, [...args]];
  try {
    return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], cwd: os.tmpdir() });
  } catch (e) {
    const err = e as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${tool} ${args.join(' ')} failed: ${err.stderr || err.stdout || err.message}`);
  }
}

function ownDirForServer(dir: string): void {
  if (!isRoot()) return;
  const uid = Number(execFileSync('id', ['-u', SERVER_USER], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', SERVER_USER], { encoding: 'utf8' }).trim());
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error(`no "${SERVER_USER}" system user to run the test server as`);
  fs.chownSync(dir, uid, gid);
}

/** Starts a server and waits until it accepts connections. Call stop() when done, also after a failure. */
export function startTestPostgres(): TestPostgresServer {
  const bin = findPostgresBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-pg-'));
  const log = path.join(dir, 'server.log');
  let started = false;
  const stop = () => {
    try {
      if (started) runServerTool(bin, 'pg_ctl', ['-D', dir, '-m', 'fast', '-w', 'stop']);
    } finally {
      started = false;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  // -l: without a log file pg_ctl hands the server our stdout, and the call would never return.
  const start = () => runServerTool(bin, 'pg_ctl', ['-D', dir, '-l', log, '-w', '-o', `-k ${dir} -c listen_addresses='' -c fsync=off -c full_page_writes=off`, 'start']);
  try {
    ownDirForServer(dir);
    runServerTool(bin, 'initdb', ['-D', dir, '-A', 'trust', '-U', SERVER_USER, '--no-sync', '-E', 'UTF8', '--locale=C']);
    start();
    started = true;
  } catch (e) {
    const serverLog = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
    stop();
    throw new Error(`${(e as Error).message}${serverLog ? `\nserver log:\n${serverLog}` : ''}`);
  }
  const halt = () => {
    runServerTool(bin, 'pg_ctl', ['-D', dir, '-m', 'fast', '-w', 'stop']);
    started = false;
  };
  const resume = () => {
    start();
    started = true;
  };
  return { dir, connection: { host: dir, user: SERVER_USER, database: 'postgres' }, stop, halt, resume };
}

export interface TestDatabase {
  connection: TestPostgresConnection;
  /** A postgres:// URL for the database (the socket directory as the host query parameter). */
  url: string;
  drop(): Promise<void>;
}

/** The URL form `pg` and the CLI accept for a database behind a Unix socket. */
export function socketUrl(connection: TestPostgresConnection): string {
  return `postgres://${connection.user}@/${connection.database}?host=${encodeURIComponent(connection.host)}`;
}

/**
 * A fresh database on the server, one per test file (or test), so they never see each other's rows: empty, or a
 * copy of `template` (a database the run migrated once, which a copy takes in milliseconds instead of migrating).
 */
export async function createTestDatabase(server: TestPostgresConnection, template?: string): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client(server);
  await admin.connect();
  try {
    if (template !== undefined && !/^[a-z0-9_]+$/.test(template)) throw new Error(`unexpected template name ${template}`);
    // A database name cannot be a bound parameter; these are ours, [a-z0-9_] only.
    await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  } finally {
    await admin.end();
  }
  const connection = { ...server, database: name };
  return {
    connection,
    url: socketUrl(connection),
    async drop() {
      const c = new pg.Client(server);
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
