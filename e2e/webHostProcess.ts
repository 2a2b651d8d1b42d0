import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const URL_LINE = /^RENEWAL_DESK_URL=(\S+)$/m;

export interface RunningWebHost {
  /** The one-time URL with ?token=; opening it sets the auth cookie and redirects to the app. */
  url: string;
  origin: string;
  dataDir: string;
  stop(): Promise<void>;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts the real web host as `npm run web` does (its bundle, rebuilt by the launcher when stale) on a free port
 * and a fresh SQLite file in a temp directory, and resolves once it prints its RENEWAL_DESK_URL line.
 */
export async function startWebHostProcess(): Promise<RunningWebHost> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-e2e-'));
  const token = randomBytes(18).toString('base64url');
  const child = spawn(
    process.execPath,
    ['scripts/web.mjs', '--port', '0', '--db', path.join(dataDir, 'renewal-desk.db')],
    { cwd: ROOT, env: { ...process.env, RENEWAL_DESK_TOKEN: token }, stdio: ['ignore', 'pipe', 'pipe'] },
  );

  let output = '';
  const started = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const m = URL_LINE.exec(output);
      if (m?.[1]) resolve(m[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`web host exited (${code}) before printing its URL:\n${output}`)));
  });
  let url: string;
  try {
    url = await started;
  } catch (e) {
    child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }

  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    async stop() {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 5_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
