import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const URL_LINE = /^RENEWAL_DESK_URL=(\S+)$/m;

export interface WebHostChild {
  /** The one-time URL with ?token=; opening it sets the auth cookie and redirects to the app. */
  url: string;
  origin: string;
  port: number;
  token: string;
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** POST /api/<name> with the token; resolves with the envelope. */
  /** `session`: sent as the X-Renewal-Session header, as the browser bridge does once its window signed in. */
  call(name: string, input?: unknown, session?: string): Promise<any>;
  /** SIGTERM (SIGKILL after 5 s); resolves with the exit code. */
  stop(): Promise<number | null>;
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
 * The real web host as `npm run web` runs it (its bundle, rebuilt by the launcher when stale) on a free port and
 * the given archive; resolves once it prints its RENEWAL_DESK_URL line. `command` wraps it (dbus-run-session …).
 */
export async function spawnWebHost(options: { db: string; env?: NodeJS.ProcessEnv; args?: string[]; command?: (node: string[]) => [string, string[]] }): Promise<WebHostChild> {
  const token = randomBytes(18).toString('base64url');
  const node = [process.execPath, 'scripts/web.mjs', '--port', '0', '--db', options.db, ...(options.args ?? [])];
  const [cmd, args] = options.command ? options.command(node) : [node[0]!, node.slice(1)];
  const child = spawn(cmd, args, {
    cwd: ROOT,
    env: { ...process.env, RENEWAL_DESK_TOKEN: token, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.command !== undefined,
  });
  let output = '';
  const started = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const m = URL_LINE.exec(output);
      if (m?.[1]) resolve(m[1]);
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`web host exited (${code}) before printing its URL:\n${output}`)));
  });
  let url: string;
  try {
    url = await started;
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }
  const origin = new URL(url).origin;
  return {
    url,
    origin,
    port: Number(new URL(url).port),
    token,
    child,
    output: () => output,
    async call(name, input = {}, session) {
      const r = await fetch(`${origin}/api/${name}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(session === undefined ? {} : { 'X-Renewal-Session': session }) },
        body: JSON.stringify(input),
      });
      return r.json();
    },
    async stop() {
      const signal = (s: NodeJS.Signals) => (options.command && child.pid ? process.kill(-child.pid, s) : child.kill(s));
      signal('SIGTERM');
      if (!(await waitForExit(child, 5_000))) {
        signal('SIGKILL');
        await waitForExit(child, 5_000);
      }
      return child.exitCode;
    },
  };
}
