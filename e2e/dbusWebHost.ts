import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnWebHost } from '../test-support/webHostChild.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

export interface DbusWebHost {
  url: string;
  origin: string;
  token: string;
  /** Every Notify call the fake notification daemon received, in order. */
  notifyCalls(): { app_name: string; summary: string; body: string }[];
  stop(): Promise<void>;
}

const quote = (s: string) => JSON.stringify(s);

/**
 * The real web host inside its own D-Bus session (dbus-run-session), next to a fake notification daemon
 * that records what arrives; the web host's scheduler ticks every second, so a due reminder goes out at once.
 */
export async function startDbusWebHost(): Promise<DbusWebHost> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-dbus-'));
  const record = path.join(dir, 'notify-calls.jsonl');
  const ready = path.join(dir, 'server-ready');
  const host = await spawnWebHost({
    db: path.join(dir, 'renewal-desk.db'),
    env: { RENEWAL_DESK_TICK_MS: '1000' },
    // The whole session (dbus-daemon, the fake daemon and the web host) shares one process group, stopped together.
    command: (node) => [
      'dbus-run-session',
      [
        '--',
        'bash',
        '-c',
        [
          `/usr/bin/python3 ${quote(path.join(ROOT, 'e2e', 'fakeNotificationServer.py'))} ${quote(record)} ${quote(ready)} &`,
          `for i in $(seq 100); do [ -s ${quote(ready)} ] && break; sleep 0.1; done`,
          `exec ${node.map(quote).join(' ')}`,
        ].join('\n'),
      ],
    ],
  });
  return {
    url: host.url,
    origin: host.origin,
    token: host.token,
    notifyCalls: () =>
      fs.existsSync(record)
        ? fs
            .readFileSync(record, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as { app_name: string; summary: string; body: string })
        : [],
    async stop() {
      await host.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
