import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.ts';
import type { SecretStore } from '../secretStore.ts';
import type { Backend } from './backend.ts';
import { startBackendWorker } from './startBackendWorker.ts';

// The bundle users run (vitest's globalSetup rebuilds it when stale): a worker thread cannot load TypeScript.
const WORKER = path.resolve(import.meta.dirname, '..', '..', '..', 'dist', 'node', 'backend.mjs');

let dir: string;
let backend: Backend | null = null;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-secrets-'));
});
afterEach(async () => {
  await backend?.close();
  backend = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

const keychain = (): SecretStore & { values: Map<string, string> } => {
  const values = new Map<string, string>();
  return { kind: 'keychain', values, get: async (n) => values.get(n) ?? null, set: async (n, v) => void (v === null ? values.delete(n) : values.set(n, v)) };
};

const smtp = { enabled: false, host: 'smtp.example.com', port: 587, security: 'starttls', user: 'desk', fromAddress: 'desk@example.com' };

describe("the host's keychain seen from the backend's threads", { timeout: 120_000 }, () => {
  for (const threads of ['split', 'single'] as const) {
    it(`keeps the SMTP password in the host's store, read by the reader and written by the writer (${threads})`, async () => {
      const hostSecrets = keychain();
      backend = await startBackendWorker(
        { file: path.join(dir, 'a.db'), workerScript: WORKER, actor: 'test', tickIntervalMs: null, notifier: 'none', appName: 't', autoBackup: false, threads, secrets: 'host' },
        { logger: silentLogger, hostSecrets },
      );
      expect(await backend.call('mail:getSettings', {})).toMatchObject({ ok: true, data: { passwordSet: false, passwordStore: 'keychain' } });
      expect(await backend.call('mail:setSettings', { ...smtp, password: 'pa55' })).toMatchObject({ ok: true, data: { passwordSet: true } });
      expect(hostSecrets.values.get('smtpPassword')).toBe('pa55');
      expect(await backend.call('mail:getSettings', {})).toMatchObject({ ok: true, data: { host: 'smtp.example.com', passwordSet: true } });
      await hostSecrets.set('smtpPassword', null);
      expect(await backend.call('mail:getSettings', {})).toMatchObject({ ok: true, data: { passwordSet: false } });
    });
  }
});
