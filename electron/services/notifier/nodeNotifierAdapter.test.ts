import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNodeNotifier } from './nodeNotifierAdapter.ts';

// These tests drive the real node-notifier. On Linux it shells out to `notify-send`; a stand-in script placed
// first on PATH records the arguments it receives, so the test sees exactly what the OS tool would get.
const linuxOnly = process.platform === 'linux';

describe.runIf(linuxOnly)('createNodeNotifier (real node-notifier, notify-send on PATH)', () => {
  let dir: string;
  let savedPath: string | undefined;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-notify-'));
    savedPath = process.env['PATH'];
  });
  afterEach(() => {
    process.env['PATH'] = savedPath;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function installNotifySend(script: string): void {
    const file = path.join(dir, 'notify-send');
    fs.writeFileSync(file, `#!/bin/sh\n${script}\n`, { mode: 0o755 });
    process.env['PATH'] = `${dir}${path.delimiter}${savedPath ?? ''}`;
  }

  it('hands title, body and app name to notify-send, keeping shell metacharacters literal', async () => {
    const argsFile = path.join(dir, 'args.txt');
    installNotifySend(`for a in "$@"; do printf '%s\\n' "$a"; done > '${argsFile}'`);
    const notifier = createNodeNotifier({ appName: '续约管家', platform: 'linux' });

    await notifier.notify({ title: '合同即将到期', body: '杭州云启 "$(touch pwned)" `id` 7 天后到期', subjectUrl: '/customers/x' });

    const args = fs.readFileSync(argsFile, 'utf8').split('\n');
    expect(args[0]).toBe('合同即将到期');
    expect(args[1]).toBe('杭州云启 "$(touch pwned)" `id` 7 天后到期');
    expect(args).toContain('--app-name');
    expect(args[args.indexOf('--app-name') + 1]).toBe('续约管家');
    expect(fs.existsSync(path.join(process.cwd(), 'pwned'))).toBe(false);
  });

  it('rejects when notify-send fails, so the caller can retry delivery later', async () => {
    installNotifySend('echo "Cannot connect to the notification daemon" >&2; exit 1');
    const notifier = createNodeNotifier({ platform: 'linux' });
    await expect(notifier.notify({ title: 't', body: 'b' })).rejects.toThrow();
  });
});

describe('createNodeNotifier options', () => {
  it('passes app-name only where notify-send is the backend', async () => {
    const seen: Record<string, unknown>[] = [];
    const fake = {
      notify(n: Record<string, unknown>, cb: (e: Error | null, r: string) => void) {
        seen.push(n);
        cb(null, '');
      },
    };
    await createNodeNotifier({ notifier: fake, appName: '续约管家', platform: 'win32' }).notify({ title: 't', body: 'b' });
    await createNodeNotifier({ notifier: fake, appName: '续约管家', platform: 'linux' }).notify({ title: 't', body: 'b' });
    expect(seen[0]).toEqual({ title: 't', message: 'b', wait: false });
    expect(seen[1]).toEqual({ title: 't', message: 'b', wait: false, 'app-name': '续约管家' });
  });
});
