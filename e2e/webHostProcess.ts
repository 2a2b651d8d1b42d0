import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnWebHost, type WebHostChild } from '../test-support/webHostChild.ts';

export interface RunningWebHost {
  /** The one-time URL with ?token=; opening it sets the auth cookie and redirects to the app. */
  url: string;
  origin: string;
  dataDir: string;
  /** POST /api/<name> with the token, as another window or a script would; resolves with the envelope. */
  call: WebHostChild['call'];
  stop(): Promise<void>;
}

/** The real web host on a fresh SQLite file in a temp directory (test-support/webHostChild.ts starts it). */
export async function startWebHostProcess(): Promise<RunningWebHost> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-e2e-'));
  let host;
  try {
    host = await spawnWebHost({ db: path.join(dataDir, 'renewal-desk.db') });
  } catch (e) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  return {
    url: host.url,
    origin: host.origin,
    dataDir,
    call: host.call,
    async stop() {
      await host.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
