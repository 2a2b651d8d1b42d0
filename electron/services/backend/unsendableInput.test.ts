// Found by the web host fuzz: an input nested deeper than the structured clone's stack (a JSON body of 200,000
// nested arrays, which JSON.parse reads) made postMessage throw inside call(), and the web host answered 500
// with an error in its log. The backend's call never throws: such an input is refused as invalid.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { silentLogger } from '../logger.ts';
import type { Backend } from './backend.ts';
import { startBackendWorker } from './startBackendWorker.ts';

// The bundle users run (vitest's globalSetup rebuilds it when stale): a worker thread cannot load TypeScript.
const WORKER = path.resolve(import.meta.dirname, '..', '..', '..', 'dist', 'node', 'backend.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-unsendable-'));
let backend: Backend | null = null;

afterEach(async () => {
  await backend?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('refuses an input too deep to send to the worker as invalid, and keeps answering', async () => {
  const settings = { file: path.join(dir, 'a.db'), workerScript: WORKER, actor: 'test', tickIntervalMs: null, notifier: 'none' as const, appName: 'test', autoBackup: false, threads: 'split' as const };
  backend = await startBackendWorker(settings, { logger: silentLogger });
  const deep = JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`) as unknown;
  expect(await backend.call('customers:list', { search: deep })).toMatchObject({ ok: false, error: { code: 'VALIDATION', key: 'errors.invalidInput' } });
  expect(await backend.call('customers:list', {})).toMatchObject({ ok: true });
});
