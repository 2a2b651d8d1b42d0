// A PostgreSQL archive's backup: `pg_dump --format=custom` of its database into the local backups folder, listed
// and pruned like the SQLite file backups. The client tools come with Debian's postgresql-client; the newest
// installed major version is taken (pg_dump refuses a server newer than itself), else the one on PATH.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { poolOf, type Db } from './handle.ts';

const run = promisify(execFile);
const DEBIAN_ROOT = '/usr/lib/postgresql';

export type PostgresTool = 'pg_dump' | 'pg_restore';

/** The path of a PostgreSQL client tool: the newest /usr/lib/postgresql/<major>/bin one, else the name (PATH). */
export function postgresToolPath(tool: PostgresTool): string {
  const majors = fs.existsSync(DEBIAN_ROOT)
    ? fs
        .readdirSync(DEBIAN_ROOT)
        .filter((d) => /^\d+$/.test(d))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const major of majors) {
    const candidate = path.join(DEBIAN_ROOT, major, 'bin', tool);
    if (fs.existsSync(candidate)) return candidate;
  }
  return tool;
}

/**
 * The archive's connection for libpq, as PG* environment variables parsed the way pg parses the URL (its socket
 * form `…@/db?host=/run/postgresql` included), so the password never shows in the process list.
 */
export function libpqEnvironment(url: string): NodeJS.ProcessEnv {
  const c = new pg.Client({ connectionString: url });
  const env: NodeJS.ProcessEnv = { ...process.env, PGHOST: c.host, PGPORT: String(c.port), PGUSER: c.user, PGDATABASE: c.database };
  if (typeof c.password === 'string' && c.password !== '') env['PGPASSWORD'] = c.password;
  return env;
}

function connectionUrlOf(db: Db): string {
  const url = poolOf(db).options.connectionString;
  if (!url) throw new Error(`${db.file}: the archive's pool has no connection string to dump from`);
  return url;
}

/** Runs a client tool over the archive's connection; its stderr is the error's message when it fails. */
export async function runPostgresTool(tool: PostgresTool, url: string, args: readonly string[]): Promise<string> {
  try {
    const { stdout } = await run(postgresToolPath(tool), [...args], { env: libpqEnvironment(url), maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (e) {
    const stderr = (e as { stderr?: string }).stderr?.trim();
    throw new Error(`${tool} failed${stderr ? `: ${stderr}` : ''}`, { cause: e });
  }
}

/** Dumps the archive's database to `target` (written beside it and renamed, so a half dump is never listed). */
export async function dumpPostgresArchive(db: Db, target: string): Promise<void> {
  const partial = `${target}.partial`;
  try {
    await runPostgresTool('pg_dump', connectionUrlOf(db), ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`]);
    fs.renameSync(partial, target);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}
