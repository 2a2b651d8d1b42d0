import { describe, expect, it } from 'vitest';
import { hashPassword, SCRYPT_PARAMS, verifyPassword } from './passwordHash.ts';

describe('scrypt password hashes', () => {
  it('keep the parameters and a fresh salt in the hash, and verify only the same password', async () => {
    const a = await hashPassword('correct horse');
    const b = await hashPassword('correct horse');
    expect(a).toMatch(new RegExp(`^scrypt\\$${SCRYPT_PARAMS.N}\\$${SCRYPT_PARAMS.r}\\$${SCRYPT_PARAMS.p}\\$[\\w-]+\\$[\\w-]+$`));
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct horse', b)).toBe(true);
    expect(await verifyPassword('correct horsE', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('verify an old hash with the parameters it was made with', async () => {
    const cheap = await hashPassword('密码一二三四', { N: 2 ** 10, r: 8, p: 1 });
    expect(cheap.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('密码一二三四', cheap)).toBe(true);
  });

  it('verify nothing against a malformed or over-costly stored hash', async () => {
    const good = await hashPassword('pw-123456', { N: 2 ** 10, r: 8, p: 1 });
    const parts = good.split('$');
    expect(await verifyPassword('pw-123456', 'plain text')).toBe(false);
    expect(await verifyPassword('pw-123456', ['bcrypt', ...parts.slice(1)].join('$'))).toBe(false);
    expect(await verifyPassword('pw-123456', ['scrypt', String(2 ** 24), ...parts.slice(2)].join('$'))).toBe(false);
    expect(await verifyPassword('pw-123456', [...parts.slice(0, 5), ''].join('$'))).toBe(false);
  });
});
