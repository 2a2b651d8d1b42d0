import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { startLocalSmtpServer, type LocalSmtpServer } from '../../../test-support/mail/localSmtpServer.ts';
import { readRawMail } from '../../../test-support/mail/readRawMail.ts';
import { buildHandlerTable } from '../allHandlers.ts';
import { dispatch } from '../handlerTable.ts';
import { silentLogger } from '../logger.ts';
import { openServiceContext } from '../openServiceContext.ts';
import { environmentSecretStore, type SecretStore } from '../secretStore.ts';

let smtp: LocalSmtpServer;
const cleanups: (() => Promise<void>)[] = [];
beforeEach(async () => {
  smtp = await startLocalSmtpServer({ users: { desk: 'pa55-秘密' } });
});
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
  await smtp.close();
});

const settings = (over: Record<string, unknown> = {}) => ({
  enabled: true,
  host: '127.0.0.1',
  port: smtp.port,
  security: 'none',
  user: 'desk',
  fromAddress: 'desk@example.com',
  ...over,
});

/** The desktop's kind of store (a keychain), kept in memory: what the settings page can write. */
function memoryKeychain(): SecretStore & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    kind: 'keychain',
    values,
    get: async (name) => values.get(name) ?? null,
    set: async (name, value) => void (value === null ? values.delete(name) : values.set(name, value)),
  };
}

async function contextWith(secrets: SecretStore) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-mail-'));
  const file = path.join(dir, 'test.db');
  const { ctx, close } = await openServiceContext({ file, logger: silentLogger, secrets });
  cleanups.push(async () => {
    await close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const table = buildHandlerTable();
  const call = async (name: string, input: unknown = {}): Promise<any> => {
    const r = await dispatch(table, ctx, name, input);
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.data;
  };
  const envelope = async (name: string, input: unknown = {}): Promise<any> => dispatch(table, ctx, name, input);
  return { ctx, file, call, envelope };
}

describe('SMTP settings', () => {
  it('keep the password in the secret store, never in the archive, and log in with it', async () => {
    const keychain = memoryKeychain();
    const c = await contextWith(keychain);
    expect(await c.call('mail:getSettings')).toMatchObject({ enabled: false, host: '', passwordSet: false, passwordStore: 'keychain' });
    expect(await c.call('mail:setSettings', { ...settings(), password: 'pa55-秘密' })).toMatchObject({ ...settings(), passwordSet: true });
    expect(keychain.values.get('smtpPassword')).toBe('pa55-秘密');
    // Saved again without a password: the one in the store stays.
    await c.call('mail:setSettings', settings({ port: smtp.port }));
    expect(keychain.values.get('smtpPassword')).toBe('pa55-秘密');

    const sent = await c.call('mail:sendTest', { recipient: 'li.na@example.com' });
    expect(sent.response).toMatch(/^250/);
    expect(smtp.received).toHaveLength(1);
    const mail = readRawMail(smtp.received[0]!.raw);
    expect(mail.headers['subject']).toBe('续约管家测试邮件');
    expect(mail.text).toContain('SMTP 设置可用');

    // Nowhere in the archive (its write-ahead log included): not the settings row, not the audit log's images of it.
    const bytes = Buffer.concat([c.file, `${c.file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
    expect(bytes.includes(Buffer.from('pa55-秘密'))).toBe(false);
    expect(bytes.includes(Buffer.from('desk@example.com'))).toBe(true);

    await c.call('mail:setSettings', { ...settings(), password: null });
    expect(keychain.values.has('smtpPassword')).toBe(false);
    expect((await c.envelope('mail:sendTest', { recipient: 'li.na@example.com' })).error).toMatchObject({ code: 'VALIDATION', field: 'recipient' });
  });

  it('read the password from RENEWAL_DESK_SMTP_PASSWORD on the web host and the CLI, and refuse to store one', async () => {
    const c = await contextWith(environmentSecretStore({ RENEWAL_DESK_SMTP_PASSWORD: 'pa55-秘密' }));
    expect((await c.envelope('mail:setSettings', { ...settings(), password: 'other' })).error).toMatchObject({ code: 'VALIDATION', field: 'password' });
    expect(await c.call('mail:getSettings')).toMatchObject({ enabled: false, passwordSet: true, passwordStore: 'environment' });
    await c.call('mail:setSettings', settings());
    expect((await c.call('mail:sendTest', { recipient: 'li.na@example.com' })).response).toMatch(/^250/);
    expect(smtp.received.map((m) => m.to)).toEqual([['li.na@example.com']]);
  });

  it('check what they take: a server and a sender before turning on, an address to test with', async () => {
    const t: TestContext = await openTestContext();
    cleanups.push(() => t.close());
    expect((await t.envelope('mail:setSettings', settings({ host: '' }))).error).toMatchObject({ code: 'VALIDATION', field: 'host' });
    expect((await t.envelope('mail:setSettings', settings({ fromAddress: 'not an address' }))).error).toMatchObject({ code: 'VALIDATION', field: 'fromAddress' });
    expect((await t.envelope('mail:setSettings', settings({ port: 0 }))).error).toMatchObject({ code: 'VALIDATION', field: 'port' });
    expect(await t.call('mail:setSettings', settings({ enabled: false, host: '', fromAddress: '' }))).toMatchObject({ enabled: false, passwordStore: 'environment' });
    expect((await t.envelope('mail:sendTest', { recipient: 'li.na@example.com' })).error).toMatchObject({ code: 'VALIDATION', field: 'host' });
    expect((await t.envelope('mail:sendTest', { recipient: '' })).error).toMatchObject({ code: 'VALIDATION', field: 'recipient' });
    // A wrong login is the server's refusal, said on the field the test was sent to.
    await t.call('mail:setSettings', settings());
    const refused = await t.envelope('mail:sendTest', { recipient: 'li.na@example.com' });
    expect(refused.error).toMatchObject({ code: 'VALIDATION', field: 'recipient' });
    expect(refused.error.message).toMatch(/邮件发送失败/);
    expect(smtp.received).toEqual([]);
  });
});
