import type { Selectable } from 'kysely';
import type { Account, AccountRole, SignedInAccount } from '../../shared/api/accounts.contract.ts';
import { AppError } from '../../shared/api/appError.ts';
import { msg } from '../../shared/i18n/message.ts';
import { q, type Executor, type Tx } from '../handle.ts';
import { newId } from '../newId.ts';
import type { AccountsTable } from '../schemaAccounts.ts';
import { writeAudit, type AuditMeta } from './auditedWrites.ts';

// Team mode's accounts and sessions. Account writes are logged in audit_log under entity 'accounts' with the
// password hash left out of both images, so the log never holds a hash (and undo never restores one).

type AccountRow = Selectable<AccountsTable>;
export interface NewAccount {
  login: string;
  displayName: string;
  role: AccountRole;
  ownerId: string | null;
  passwordHash: string;
}
export interface AccountPatch {
  displayName?: string | undefined;
  role?: AccountRole | undefined;
  ownerId?: string | null | undefined;
  disabled?: boolean | undefined;
}
/** An account with its stored hash, for the login check only. */
export interface AccountCredentials extends SignedInAccount {
  passwordHash: string;
  disabled: boolean;
}

function auditImage(r: AccountRow): Record<string, unknown> {
  const { password_hash: _hash, ...rest } = r;
  return rest;
}

function toSignedIn(r: Pick<AccountRow, 'id' | 'login' | 'display_name' | 'role' | 'owner_id'>): SignedInAccount {
  return { id: r.id, login: r.login, displayName: r.display_name, role: r.role as AccountRole, ownerId: r.owner_id };
}

function accountsWithOwner(x: Executor) {
  return q(x)
    .selectFrom('accounts')
    .leftJoin('owners', 'owners.id', 'accounts.owner_id')
    .selectAll('accounts')
    .select('owners.name as owner_name');
}

function toAccount(r: AccountRow & { owner_name: string | null }): Account {
  return {
    id: r.id,
    login: r.login,
    displayName: r.display_name,
    role: r.role as AccountRole,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    disabled: r.disabled === 1,
    createdAt: r.created_at,
    version: r.version,
  };
}

export async function anyAccountExists(x: Executor): Promise<boolean> {
  return (await q(x).selectFrom('accounts').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** Login names in byte order (COLLATE "C" on PostgreSQL, BINARY on SQLite), so both engines list alike. */
export async function listAccounts(x: Executor): Promise<Account[]> {
  return (await accountsWithOwner(x).orderBy('accounts.login').orderBy('accounts.id').execute()).map(toAccount);
}

export async function findAccount(x: Executor, id: string): Promise<Account | undefined> {
  const row = await accountsWithOwner(x).where('accounts.id', '=', id).executeTakeFirst();
  return row ? toAccount(row) : undefined;
}

export async function findCredentials(x: Executor, by: { login: string } | { id: string }): Promise<AccountCredentials | undefined> {
  const query = q(x).selectFrom('accounts').selectAll();
  const row = await ('login' in by ? query.where('login', '=', by.login) : query.where('id', '=', by.id)).executeTakeFirst();
  return row ? { ...toSignedIn(row), passwordHash: row.password_hash, disabled: row.disabled === 1 } : undefined;
}

export async function loginTaken(x: Executor, login: string): Promise<boolean> {
  return (await q(x).selectFrom('accounts').select('id').where('login', '=', login).executeTakeFirst()) !== undefined;
}

/** Active 客户经理 accounts not linked to an owner: owner scoping cannot be switched on while any exists. */
export async function countUnlinkedManagers(x: Executor): Promise<number> {
  const row = await q(x)
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'manager')
    .where('disabled', '=', 0)
    .where('owner_id', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertAccount(tx: Tx, a: NewAccount, meta: AuditMeta): Promise<Account> {
  const id = newId();
  const row = await q(tx)
    .insertInto('accounts')
    .values({
      id,
      login: a.login,
      display_name: a.displayName,
      role: a.role,
      owner_id: a.ownerId,
      password_hash: a.passwordHash,
      disabled: 0,
      created_at: meta.at,
      updated_at: meta.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeAudit(tx, { ...meta, action: 'create' }, 'accounts', id, null, auditImage(row));
  const account = await findAccount(tx, id);
  if (!account) throw new Error('account insert returned no row');
  return account;
}

async function updateAccountRow(tx: Tx, id: string, set: Partial<AccountRow>, meta: AuditMeta, expectedVersion?: number): Promise<void> {
  const before = await q(tx).selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw new AppError('NOT_FOUND', msg('accounts.missing'), 'id');
  if (expectedVersion !== undefined && expectedVersion !== before.version) throw new AppError('CONFLICT', msg('errors.recordChanged'), 'version');
  const after = await q(tx)
    .updateTable('accounts')
    .set({ ...set, updated_at: meta.at, version: before.version + 1 })
    .where('id', '=', id)
    .where('version', '=', before.version)
    .returningAll()
    .executeTakeFirst();
  if (!after) throw new AppError('CONFLICT', msg('errors.recordChanged'), 'version');
  await writeAudit(tx, meta, 'accounts', id, auditImage(before), auditImage(after));
}

export async function patchAccount(tx: Tx, id: string, p: AccountPatch, meta: AuditMeta, expectedVersion?: number): Promise<Account> {
  await updateAccountRow(
    tx,
    id,
    {
      ...(p.displayName === undefined ? {} : { display_name: p.displayName }),
      ...(p.role === undefined ? {} : { role: p.role }),
      ...(p.ownerId === undefined ? {} : { owner_id: p.ownerId }),
      ...(p.disabled === undefined ? {} : { disabled: p.disabled ? 1 : 0 }),
    },
    meta,
    expectedVersion,
  );
  const account = await findAccount(tx, id);
  if (!account) throw new AppError('NOT_FOUND', msg('accounts.missing'), 'id');
  return account;
}

/** The new hash; the audit entry says the password changed without holding either hash. */
export async function setPasswordHash(tx: Tx, id: string, passwordHash: string, meta: AuditMeta): Promise<void> {
  await updateAccountRow(tx, id, { password_hash: passwordHash }, meta);
}

export async function insertSession(tx: Tx, s: { tokenHash: string; accountId: string; expiresAt: string }, at: string): Promise<void> {
  await q(tx)
    .insertInto('account_sessions')
    .values({ token_hash: s.tokenHash, account_id: s.accountId, expires_at: s.expiresAt, created_at: at, updated_at: at })
    .execute();
}

/** The enabled account behind an unexpired session; undefined for anything else (unknown, expired, disabled). */
export async function findSessionAccount(x: Executor, tokenHash: string, nowIso: string): Promise<SignedInAccount | undefined> {
  const row = await q(x)
    .selectFrom('account_sessions')
    .innerJoin('accounts', 'accounts.id', 'account_sessions.account_id')
    .select(['accounts.id', 'accounts.login', 'accounts.display_name', 'accounts.role', 'accounts.owner_id'])
    .where('account_sessions.token_hash', '=', tokenHash)
    .where('account_sessions.expires_at', '>', nowIso)
    .where('accounts.disabled', '=', 0)
    .executeTakeFirst();
  return row ? toSignedIn(row) : undefined;
}

export async function deleteSession(x: Executor, tokenHash: string): Promise<boolean> {
  const result = await q(x).deleteFrom('account_sessions').where('token_hash', '=', tokenHash).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Every session of an account but `keep` (the one changing its own password stays signed in). */
export async function deleteSessionsOf(x: Executor, accountId: string, keep?: string): Promise<void> {
  let query = q(x).deleteFrom('account_sessions').where('account_id', '=', accountId);
  if (keep !== undefined) query = query.where('token_hash', '<>', keep);
  await query.execute();
}

/** Sessions past their expiry, removed as new ones are made so the table does not grow without end. */
export async function deleteExpiredSessions(x: Executor, nowIso: string): Promise<void> {
  await q(x).deleteFrom('account_sessions').where('expires_at', '<=', nowIso).execute();
}
