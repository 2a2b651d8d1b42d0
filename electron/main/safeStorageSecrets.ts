import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/appError.ts';
import { msg } from '../../shared/i18n/message.ts';
import type { SecretName, SecretStore } from '../services/secretStore.ts';

// The desktop's secret store: each secret encrypted with Electron's safeStorage (the OS keychain: DPAPI, Keychain,
// libsecret/kwallet) in a file of its own under userData, beside the archive but never inside it, so a backup or
// an export of the archive carries no password.

/** The slice of Electron's safeStorage used here (a fake in tests). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export function safeStorageSecretStore(safeStorage: SafeStorageLike, dir: string): SecretStore {
  const fileOf = (name: SecretName) => path.join(dir, `${name}.bin`);
  return {
    kind: 'keychain',
    get(name) {
      const file = fileOf(name);
      if (!fs.existsSync(file) || !safeStorage.isEncryptionAvailable()) return Promise.resolve(null);
      return Promise.resolve(safeStorage.decryptString(fs.readFileSync(file)));
    },
    set(name, value) {
      const file = fileOf(name);
      if (value === null) {
        fs.rmSync(file, { force: true });
        return Promise.resolve();
      }
      // Without a keychain (a Linux session with no secret service) the password would be stored in the clear: refused.
      if (!safeStorage.isEncryptionAvailable()) return Promise.reject(new AppError('VALIDATION', msg('mailErrors.keychainUnavailable'), 'password'));
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const temp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, safeStorage.encryptString(value), { mode: 0o600 });
      fs.renameSync(temp, file);
      return Promise.resolve();
    },
  };
}
