import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { safeStorageSecretStore, type SafeStorageLike } from './safeStorageSecrets.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-secrets-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** safeStorage without Electron: a reversible scramble, so what reaches the disk is not the plain text. */
const fakeSafeStorage = (available = true): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  encryptString: (s) => Buffer.from(Buffer.from(s, 'utf8').map((b) => b ^ 0x5a)),
  decryptString: (b) => Buffer.from(b.map((x) => x ^ 0x5a)).toString('utf8'),
});

describe('the desktop secret store', () => {
  it('keeps a secret encrypted on disk, gives it back, and forgets it', async () => {
    const store = safeStorageSecretStore(fakeSafeStorage(), path.join(dir, 'secrets'));
    expect(await store.get('smtpPassword')).toBeNull();
    await store.set('smtpPassword', 'pa55-秘密');
    expect(await store.get('smtpPassword')).toBe('pa55-秘密');
    const file = path.join(dir, 'secrets', 'smtpPassword.bin');
    expect(fs.readFileSync(file).includes(Buffer.from('pa55-秘密'))).toBe(false);
    await store.set('smtpPassword', null);
    expect(fs.existsSync(file)).toBe(false);
    expect(await store.get('smtpPassword')).toBeNull();
  });

  it('refuses to keep a secret where there is no keychain to encrypt it with', async () => {
    const store = safeStorageSecretStore(fakeSafeStorage(false), dir);
    await expect(store.set('smtpPassword', 'x')).rejects.toMatchObject({ code: 'VALIDATION', field: 'password' });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
