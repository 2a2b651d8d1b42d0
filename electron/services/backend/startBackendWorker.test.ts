import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateRenewalSheet, renewalSheetCsv } from '../../../test-support/import/renewalSheetGenerator.ts';
import { silentLogger } from '../logger.ts';
import type { Backend } from './backend.ts';
import { startBackendWorker } from './startBackendWorker.ts';

// The bundle users run (vitest's globalSetup rebuilds it when stale): a worker thread cannot load TypeScript.
const WORKER = path.resolve(import.meta.dirname, '..', '..', '..', 'dist', 'node', 'backend.mjs');

let dir: string;
let backend: Backend | null = null;

const settings = (file: string) => ({
  file,
  workerScript: WORKER,
  actor: 'test',
  tickIntervalMs: null,
  notifier: 'none' as const,
  appName: 'renewal-desk-test',
  autoBackup: false,
  threads: 'split' as const,
});

async function ok<T = any>(name: string, input: unknown = {}): Promise<T> {
  const r = await backend!.call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.data as T;
}

async function upload(content: string, fileName = 'sheet.csv'): Promise<string> {
  const bytes = Buffer.from(content);
  let uploadId: string | undefined;
  for (let offset = 0; offset < bytes.length; offset += 4 << 20) {
    ({ uploadId } = await ok('import:upload', { uploadId, fileName, offset, dataBase64: bytes.subarray(offset, offset + (4 << 20)).toString('base64') }));
  }
  return uploadId!;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-backend-'));
});
afterEach(async () => {
  await backend?.close();
  backend = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the backend worker', { timeout: 120_000 }, () => {
  it('opens (creating and migrating) the archive, answers reads and writes, and tells what a write changed', async () => {
    backend = await startBackendWorker(settings(path.join(dir, 'a.db')), { logger: silentLogger });
    expect(backend.ready).toMatchObject({ dataFile: path.join(dir, 'a.db'), integrity: 'ok' });
    const events: [string, unknown][] = [];
    backend.on((event, payload) => events.push([event, payload]));
    const created = await ok('customers:create', { name: '杭州云启科技有限公司' });
    expect((await ok('customers:list')).items.map((c: { id: string }) => c.id)).toEqual([created.id]);
    expect(events).toContainEqual(['data:changed', { domains: expect.arrayContaining(['customers']) }]);
    expect(await backend.call('customers:explode', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    expect(await backend.call('customers:create', { name: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'name' } });
  });

  it('answers reads while a large import holds the write transaction, and queues writes until it commits', async () => {
    backend = await startBackendWorker(settings(path.join(dir, 'b.db')), { logger: silentLogger });
    const uploadId = await upload(renewalSheetCsv(generateRenewalSheet({ rows: 40_000, seed: 7 })));
    const busy: unknown[] = [];
    backend.on((event, payload) => {
      if (event === 'backend:busy') busy.push(payload);
    });
    let importDone = false;
    const importing = ok('import:run', { uploadId }).then((r) => {
      importDone = true;
      return r;
    });
    // A write sent during the import waits for the commit; a read is answered from the last committed state.
    let writeDoneWhileImporting: boolean | null = null;
    const write = ok('customers:create', { name: '导入期间新建的客户' }).then(() => {
      writeDoneWhileImporting = !importDone;
    });
    const readsDuringImport: number[] = [];
    while (!importDone) {
      const t0 = performance.now();
      const info = await ok('system:info');
      if (!importDone) readsDuringImport.push(performance.now() - t0);
      expect(info.integrity).toBe('ok');
      await new Promise((r) => setTimeout(r, 20));
    }
    const imported = await importing;
    await write;
    expect(imported.committed).toBe(true);
    expect(readsDuringImport.length, 'reads answered before the import ended').toBeGreaterThan(3);
    expect(writeDoneWhileImporting).toBe(false);
    expect(busy).toContainEqual({ operation: 'import:run', since: expect.any(String) });
    expect(busy.at(-1)).toEqual({ operation: null, since: null });
    expect((await ok('customers:list', { search: '导入期间' })).total).toBe(1);
  });

  it('refuses a damaged data file with the reason, and leaves it alone', async () => {
    const file = path.join(dir, 'broken.db');
    fs.writeFileSync(file, Buffer.alloc(8192, 7));
    await expect(startBackendWorker(settings(file), { logger: silentLogger })).rejects.toMatchObject({ code: 'DB_CORRUPT' });
    expect(fs.readFileSync(file).equals(Buffer.alloc(8192, 7))).toBe(true);
  });

  it('quitting waits for the reminder tick in flight: its toast is shown and marked delivered before SQLite closes', async () => {
    const file = path.join(dir, 'd.db');
    const shown: string[] = [];
    let release: () => void = () => {};
    const slowToast = new Promise<void>((resolve) => {
      release = resolve;
    });
    const hostNotifier = {
      notify: async (request: { title: string }) => {
        shown.push(request.title);
        await slowToast;
      },
    };
    backend = await startBackendWorker({ ...settings(file), notifier: 'host' }, { logger: silentLogger, hostNotifier });
    const customer = await ok('customers:create', { name: '杭州云启科技有限公司' });
    await ok('contracts:create', { customerId: customer.id, number: 'HT-1', endsOn: '2026-01-01' });
    const ticking = backend.call('reminders:run', {});
    await vi.waitFor(() => expect(shown).toHaveLength(1));
    const closing = backend.close();
    let closed = false;
    void closing.then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(closed, 'close waits while the toast is being handed over').toBe(false);
    release();
    expect((await ticking).ok).toBe(true);
    await closing;
    backend = await startBackendWorker(settings(file), { logger: silentLogger });
    const items = (await ok('notifications:list')).items;
    expect(items).toHaveLength(1);
    expect(items[0].deliveredAt).not.toBeNull();
  });

  it('closes after the write in flight has committed', async () => {
    const file = path.join(dir, 'c.db');
    backend = await startBackendWorker(settings(file), { logger: silentLogger });
    const writes = Array.from({ length: 20 }, (_, i) => backend!.call('customers:create', { name: `客户${i}` }));
    const closing = backend.close();
    const results = await Promise.all(writes);
    await closing;
    backend = null;
    expect(results.every((r) => r.ok)).toBe(true);
    backend = await startBackendWorker(settings(file), { logger: silentLogger });
    expect((await ok('customers:list')).total).toBe(20);
  });
});
