import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { socketUrl } from '../../../test-support/postgres/testPostgres.ts';
import { buildHandlerTable } from '../allHandlers.ts';
import { CHOSEN_LOCATION_FILE, readChosenLocation } from '../chosenLocation.ts';
import { resolveDbLocation, userDataDir } from '../dataLocation.ts';
import { dispatch } from '../handlerTable.ts';
import type { SecretStore } from '../secretStore.ts';
import type { ServiceContext } from '../serviceContext.ts';

// 设置 → 团队数据库 through the real handler table. The choice goes to the per-user data directory, which this file
// points at its own temp dir (XDG_CONFIG_HOME); the desktop's keychain (Electron's safeStorage, in the main process)
// stands in as a map, the host's side of the SecretStore boundary.

let t: TestContext;
let dataDir: string;
beforeEach(async () => {
  t = await openTestContext();
  process.env['XDG_CONFIG_HOME'] = path.join(t.dir, 'config');
  dataDir = userDataDir();
});
afterEach(async () => {
  delete process.env['XDG_CONFIG_HOME'];
  await t.close();
});

function keychain(): SecretStore {
  const kept = new Map<string, string>();
  return {
    kind: 'keychain',
    get: (name) => Promise.resolve(kept.get(name) ?? null),
    set(name, value) {
      if (value === null) kept.delete(name);
      else kept.set(name, value);
      return Promise.resolve();
    },
  };
}
const withKeychain = (ctx: ServiceContext): ServiceContext => Object.assign(Object.create(ctx) as ServiceContext, { secrets: keychain() });
const table = buildHandlerTable();

describe('the team database card', () => {
  it('shows what this run opened and that nothing is chosen yet', async () => {
    const view = await t.call('teamDatabase:get');
    expect(view).toMatchObject({ current: { engine: t.engine, location: t.ctx.dataFile }, chosen: null, passwordKept: false, passwordStore: 'environment' });
    // A team archive given by --db or RENEWAL_DESK_DB while the settings choose the file is said to be overriding them.
    expect(view.overridden).toBe(t.engine === 'postgres');
  });

  it("tests a connection with the server's version, and words a failure without the password", async () => {
    const server = inject('postgresServer');
    const ok = await t.call('teamDatabase:test', { url: socketUrl(server) });
    expect(ok.serverVersion).toMatch(/^\d+/);
    const dead = `postgres://postgres@/nowhere?host=${encodeURIComponent(path.join(t.dir, 'no-server'))}`;
    const failed = await t.envelope('teamDatabase:test', { url: dead, password: 'hunter2' });
    expect(failed).toMatchObject({ ok: false, error: { code: 'VALIDATION', key: 'teamDb.testFailed', field: 'url' } });
    expect(JSON.stringify(failed)).not.toContain('hunter2');
    const notUrl = await t.envelope('teamDatabase:test', { url: 'mysql://db/rd' });
    expect(notUrl).toMatchObject({ ok: false, error: { code: 'VALIDATION', key: 'teamDb.needsUrl' } });
  });

  it('keeps the URL for the next start in the data directory and the password in the keychain, never in the file', async () => {
    const ctx = withKeychain(t.ctx);
    const chosen = await dispatch(table, ctx, 'teamDatabase:choose', { url: 'postgres://alice:s3cret@db.example:5432/renewal_desk' });
    expect(chosen).toMatchObject({ ok: true, data: { chosen: 'postgres://alice@db.example:5432/renewal_desk', passwordKept: true, passwordStore: 'keychain' } });
    const file = fs.readFileSync(path.join(dataDir, CHOSEN_LOCATION_FILE), 'utf8');
    expect(file).not.toContain('s3cret');
    expect(readChosenLocation(dataDir)).toBe('postgres://alice@db.example:5432/renewal_desk');
    expect(await ctx.secrets!.get('postgresPassword')).toBe('s3cret');
    // The next start opens it, unless --db or RENEWAL_DESK_DB says otherwise.
    expect(resolveDbLocation({ env: {}, defaultDir: dataDir, chosen: readChosenLocation(dataDir) })).toEqual({ engine: 'postgres', url: 'postgres://alice@db.example:5432/renewal_desk' });

    // A new password by itself replaces the kept one; an empty one keeps it.
    await dispatch(table, ctx, 'teamDatabase:choose', { url: 'postgres://alice@db.example:5432/renewal_desk', password: 'n3w' });
    await dispatch(table, ctx, 'teamDatabase:choose', { url: 'postgres://alice@db.example:5432/renewal_desk', password: '' });
    expect(await ctx.secrets!.get('postgresPassword')).toBe('n3w');

    const back = await dispatch(table, ctx, 'teamDatabase:choose', { url: null, password: null });
    expect(back).toMatchObject({ ok: true, data: { chosen: null, passwordKept: false } });
    expect(readChosenLocation(dataDir)).toBeNull();
  });

  it('refuses to keep a password where there is no keychain (the web host, the CLI: PGPASSWORD)', async () => {
    const refused = await t.envelope('teamDatabase:choose', { url: 'postgres://alice@db.example/renewal_desk', password: 'x' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', key: 'teamDb.noKeychain', field: 'password' } });
    expect(readChosenLocation(dataDir)).toBeNull();
    const withoutPassword = await t.envelope('teamDatabase:choose', { url: 'postgres://alice@db.example/renewal_desk' });
    expect(withoutPassword).toMatchObject({ ok: true, data: { chosen: 'postgres://alice@db.example/renewal_desk' } });
  });
});
