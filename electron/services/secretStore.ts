import { AppError } from '../../shared/api/appError.ts';
import { msg } from '../../shared/i18n/message.ts';

// Secrets (the SMTP password) never go into the SQLite settings, which are audited, backed up and exported. The
// host keeps them: the desktop in its keychain through Electron's safeStorage, the web host and the CLI in their
// environment, which the operator sets before starting.

/** The SMTP password; the team database's password (PostgreSQL), which the desktop keeps for its next start. */
export type SecretName = 'smtpPassword' | 'postgresPassword';

export interface SecretStore {
  /** Where the secrets live: 'keychain' can be written from the settings page, 'environment' only read. */
  readonly kind: 'keychain' | 'environment';
  get(name: SecretName): Promise<string | null>;
  /** Keeps (or, with null, forgets) a secret; refused by a store that can only read. */
  set(name: SecretName, value: string | null): Promise<void>;
}

/** The environment variable each secret is read from on the web host and the CLI. */
export const SECRET_ENVIRONMENT: Record<SecretName, string> = { smtpPassword: 'RENEWAL_DESK_SMTP_PASSWORD', postgresPassword: 'PGPASSWORD' };

/** Secrets from the environment (the web host, the CLI, the tests): read-only. */
export function environmentSecretStore(env: Readonly<Record<string, string | undefined>> = process.env): SecretStore {
  return {
    kind: 'environment',
    get(name) {
      const value = env[SECRET_ENVIRONMENT[name]];
      return Promise.resolve(value === undefined || value === '' ? null : value);
    },
    set() {
      return Promise.reject(new AppError('VALIDATION', msg('mailErrors.passwordFromEnvironment'), 'password'));
    },
  };
}
