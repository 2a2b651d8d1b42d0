import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const URL_LINE = /^RENEWAL_DESK_URL=(\S+)$/m;

export interface DbusWebHost {
  url: string;
  origin: string;
  token: string;
  /** Every Notify call the fake notification daemon received, in order. */
  notifyCalls(): { app_name: string; summary: string; body: string }[];
  stop(): Promise<void>;
}

/**
 * The real web host inside its own D-Bus session (dbus-run-session), next to a fake notification daemon
 * that records what arrives; the web host's scheduler ticks every second, so a due reminder goes out at once.
 */
export async function startDbusWebHost(): Promise<DbusWebHost> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-dbus-'));
  const record = path.join(dir, 'notify-calls.jsonl');
  const ready = path.join(dir, 'server-ready');
  const token = randomBytes(18).toString('base64url');
  const script = [
    `/usr/bin/python3 ${JSON.stringify(path.join(ROOT, 'e2e', 'fakeNotificationServer.py'))} ${JSON.stringify(record)} ${JSON.stringify(ready)} &`,
    `for i in $(seq 100); do [ -s ${JSON.stringify(ready)} ] && break; sleep 0.1; done`,
    `exec ${JSON.stringify(process.execPath)} scripts/web.mjs --port 0 --db ${JSON.stringify(path.join(dir, 'renewal-desk.db'))}`,
  ].join('\n');
  const child: ChildProcess = spawn('dbus-run-session', ['--', 'bash', '-c', script], {
    cwd: ROOT,
    env: { ...process.env, RENEWAL_DESK_TOKEN: token, RENEWAL_DESK_TICK_MS: '1000' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      output += c.toString('utf8');
      const m = URL_LINE.exec(output);
      if (m?.[1]) resolve(m[1]);
    });
    child.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.once('exit', (code) => reject(new Error(`dbus-run-session exited (${code}) before the web host started:\n${output}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    token,
    notifyCalls: () =>
      fs.existsSync(record)
        ? fs
            .readFileSync(record, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as { app_name: string; summary: string; body: string })
        : [],
    async stop() {
      // The whole session: dbus-daemon, the fake daemon and the web host share the process group.
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
      await new Promise((r) => setTimeout(r, 300));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
