import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const SERVER_SCRIPT = path.resolve(import.meta.dirname, '..', 'e2e', 'fakeNotificationServer.py');

export interface NotifyCall {
  app_name: string;
  summary: string;
  body: string;
}

export interface NotificationServer {
  /** Every Notify call received so far, in order. */
  calls(): NotifyCall[];
  stop(): void;
}

/**
 * The web-host tests' fake notification daemon (e2e/fakeNotificationServer.py), on the session bus this process
 * was started in (the workflow runs the smoke test under dbus-run-session). It owns
 * org.freedesktop.Notifications, so libnotify in the Electron app delivers to it and it records what arrived.
 */
export async function startNotificationServer(dir: string): Promise<NotificationServer> {
  if (!process.env['DBUS_SESSION_BUS_ADDRESS']) throw new Error('no D-Bus session bus: run the smoke test under dbus-run-session');
  const record = path.join(dir, 'notify-calls.jsonl');
  const ready = path.join(dir, 'notification-server-ready');
  let output = '';
  const child: ChildProcess = spawn('/usr/bin/python3', [SERVER_SCRIPT, record, ready], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const deadline = Date.now() + 10_000;
  while (!fs.existsSync(ready)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`the fake notification server did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    calls: () =>
      fs.existsSync(record)
        ? fs
            .readFileSync(record, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line) as NotifyCall)
        : [],
    stop: () => {
      child.kill();
    },
  };
}
