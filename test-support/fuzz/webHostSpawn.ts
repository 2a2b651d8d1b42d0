// The real web host as users start it (`node scripts/web.mjs`, the bundle), on a free port and a fresh data file,
// without building the renderer. Black box: the fuzz sees only its port, its output and whether it is alive.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const URL_LINE = /^RENEWAL_DESK_URL=http:\/\/127\.0\.0\.1:(\d+)\//m;

export interface SpawnedWebHost {
  port: number;
  token: string;
  dataDir: string;
  dataFile: string;
  root: string;
  alive(): boolean;
  /** Everything the host wrote to stderr so far. */
  stderr(): string;
  stop(): Promise<void>;
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function spawnWebHost(): Promise<SpawnedWebHost> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-web-fuzz-'));
  const dataFile = path.join(dataDir, 'renewal-desk.db');
  const token = randomBytes(18).toString('base64url');
  const child = spawn(process.execPath, ['scripts/web.mjs', '--port', '0', '--db', dataFile, '--no-build'], {
    cwd: ROOT,
    env: { ...process.env, RENEWAL_DESK_TOKEN: token },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (c: Buffer) => {
    if (err.length < 1_000_000) err += c.toString('utf8');
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const m = URL_LINE.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`web host exited (${code}) before printing its URL:\n${out}${err}`)));
  }).catch((e: unknown) => {
    child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw e;
  });
  return {
    port,
    token,
    dataDir,
    dataFile,
    root: ROOT,
    alive: () => child.exitCode === null && child.signalCode === null,
    stderr: () => err,
    async stop() {
      child.kill('SIGTERM');
      if (!(await exited(child, 5_000))) {
        child.kill('SIGKILL');
        await exited(child, 5_000);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
