import type { Stamped } from './schema.ts';

// Team mode's accounts and sessions (migration 0037). Kept beside schema.ts, which is at its size limit; the
// table-shape check (electron/services/tableShapes.test.ts) reads both.

/** A local account of a team archive; login is stored lower-cased. */
export interface AccountsTable extends Stamped {
  id: string;
  login: string;
  display_name: string;
  /** 'admin' (管理员) | 'manager' (客户经理) | 'readonly' (只读). */
  role: string;
  owner_id: string | null;
  /** 'scrypt$N$r$p$salt$hash' (electron/services/accounts/passwordHash.ts). */
  password_hash: string;
  disabled: number;
}

/** A signed-in session, by the SHA-256 of its token (the token itself is never stored). */
export interface AccountSessionsTable extends Stamped {
  token_hash: string;
  account_id: string;
  expires_at: string;
}
