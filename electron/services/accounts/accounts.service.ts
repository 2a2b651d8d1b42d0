// Team mode's accounts: the first admin, login and logout, passwords, and the admin's account management. On a
// SQLite archive (single-user, no login) every operation but accounts:status answers accounts.teamModeOnly.
import { addHours } from 'date-fns';
import type { Tx } from '../../../db/handle.ts';
import {
  anyAccountExists,
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOf,
  findAccount,
  findCredentials,
  insertAccount,
  insertSession,
  listAccounts,
  loginTaken,
  patchAccount,
  setPasswordHash,
} from '../../../db/repositories/accountsRepo.ts';
import { findLiveOwner } from '../../../db/repositories/ownersRepo.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import type { Account, AccountRole, SignedInAccount } from '../../../shared/api/accounts.contract.ts';
import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { archiveLocale } from '../archiveLocale.ts';
import { auditMeta } from '../auditMeta.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { accountsExist, asAccount, sessionAccount } from './accessGate.ts';
import { decoyHash, hashPassword, verifyPassword } from './passwordHash.ts';
import { newSessionToken, SESSION_HOURS, sessionTokenHash } from './sessionTokens.ts';
import { readTeamSettings } from './teamSettings.ts';

type Session = ApiOutput<'accounts:login'>;

/** Login names compare case-insensitively: stored and looked up folded (NFKC, lower case). */
export function loginKey(login: string): string {
  return login.normalize('NFKC').toLowerCase();
}

function requireTeamMode(ctx: ServiceContext): void {
  if (!ctx.teamMode) throw new AppError('VALIDATION', msg('accounts.teamModeOnly'), null);
}

function requireSignedIn(ctx: ServiceContext): SignedInAccount {
  if (!ctx.account) throw new AppError('FORBIDDEN', msg('accounts.signInRequired'), null);
  return ctx.account;
}

async function openSession(ctx: ServiceContext, tx: Tx, account: SignedInAccount): Promise<Session> {
  const token = newSessionToken();
  const now = ctx.now();
  const expiresAt = addHours(now, SESSION_HOURS).toISOString();
  await deleteExpiredSessions(tx, now.toISOString());
  await insertSession(tx, { tokenHash: sessionTokenHash(token), accountId: account.id, expiresAt }, now.toISOString());
  return { token, expiresAt, account };
}

async function assertOwnerLink(tx: Tx, role: AccountRole, ownerId: string | null): Promise<void> {
  if (ownerId !== null && !(await findLiveOwner(tx, { id: ownerId }))) throw new AppError('NOT_FOUND', msg('errors.ownerMissing'), 'ownerId');
  // With owner scoping on, a 客户经理 without an owner would see nothing: refused where it is made, not discovered later.
  if (role === 'manager' && ownerId === null && (await readTeamSettings(tx)).scopeManagersToOwnCustomers) {
    throw new AppError('VALIDATION', msg('accounts.managerNeedsOwner'), 'ownerId');
  }
}

export async function accountsStatus(ctx: ServiceContext): Promise<ApiOutput<'accounts:status'>> {
  const settings = await readTeamSettings(ctx.db);
  const locale = await archiveLocale(ctx.db);
  if (!ctx.teamMode) return { teamMode: false, accountsExist: false, signedIn: null, settings, locale };
  return { teamMode: true, accountsExist: await accountsExist(ctx.db), signedIn: (await sessionAccount(ctx)) ?? null, settings, locale };
}

export async function createFirstAdmin(ctx: ServiceContext, input: ApiParsedInput<'accounts:createFirstAdmin'>): Promise<Session> {
  requireTeamMode(ctx);
  const passwordHash = await hashPassword(input.password);
  const login = loginKey(input.login);
  return withTransaction(ctx.db, async (tx) => {
    // Two clients racing to be first: the unique login index or this check stops the second.
    if (await anyAccountExists(tx)) throw new AppError('CONFLICT', msg('accounts.firstAdminExists'), null);
    const created = await insertAccount(tx, { login, displayName: input.displayName, role: 'admin', ownerId: null, passwordHash }, auditMeta(asAccountless(ctx, login), 'create'));
    return openSession(ctx, tx, { id: created.id, login: created.login, displayName: created.displayName, role: 'admin', ownerId: null });
  });
}

/** The first admin's own entry names the admin: nobody was signed in to make it. */
function asAccountless(ctx: ServiceContext, login: string): ServiceContext {
  return asAccount(ctx, { id: '', login, displayName: login, role: 'admin', ownerId: null });
}

/** The same answer, after the same work, for an unknown login, a wrong password and a disabled account. */
export async function login(ctx: ServiceContext, input: ApiParsedInput<'accounts:login'>): Promise<Session> {
  requireTeamMode(ctx);
  const found = await findCredentials(ctx.db, { login: loginKey(input.login) });
  const matches = await verifyPassword(input.password, found?.passwordHash ?? (await decoyHash()));
  if (!found || !matches || found.disabled) throw new AppError('FORBIDDEN', msg('accounts.loginFailed'), null);
  const { passwordHash: _hash, disabled: _disabled, ...account } = found;
  return withTransaction(ctx.db, (tx) => openSession(ctx, tx, account));
}

export async function logout(ctx: ServiceContext): Promise<{ signedOut: boolean }> {
  requireTeamMode(ctx);
  if (!ctx.sessionToken) return { signedOut: false };
  return { signedOut: await deleteSession(ctx.db, sessionTokenHash(ctx.sessionToken)) };
}

export async function changeOwnPassword(ctx: ServiceContext, input: ApiParsedInput<'accounts:changePassword'>): Promise<{ changed: boolean }> {
  requireTeamMode(ctx);
  const me = requireSignedIn(ctx);
  const found = await findCredentials(ctx.db, { id: me.id });
  if (!found || !(await verifyPassword(input.currentPassword, found.passwordHash))) {
    throw new AppError('VALIDATION', msg('accounts.currentPasswordWrong'), 'currentPassword');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await withTransaction(ctx.db, async (tx) => {
    await setPasswordHash(tx, me.id, passwordHash, auditMeta(ctx, 'changePassword'));
    // Other devices signed in with the old password are signed out; this one stays.
    await deleteSessionsOf(tx, me.id, ctx.sessionToken ? sessionTokenHash(ctx.sessionToken) : undefined);
  });
  return { changed: true };
}

export async function listAccountItems(ctx: ServiceContext): Promise<{ items: Account[]; total: number }> {
  requireTeamMode(ctx);
  const items = await listAccounts(ctx.db);
  return { items, total: items.length };
}

export async function createAccount(ctx: ServiceContext, input: ApiParsedInput<'accounts:create'>): Promise<Account> {
  requireTeamMode(ctx);
  const passwordHash = await hashPassword(input.password);
  const login = loginKey(input.login);
  return withTransaction(ctx.db, async (tx) => {
    if (await loginTaken(tx, login)) throw new AppError('DUPLICATE', msg('accounts.loginTaken', { login }), 'login');
    await assertOwnerLink(tx, input.role, input.ownerId);
    return insertAccount(tx, { login, displayName: input.displayName, role: input.role, ownerId: input.ownerId, passwordHash }, auditMeta(ctx, 'create'));
  });
}

export async function updateAccount(ctx: ServiceContext, input: ApiParsedInput<'accounts:update'>): Promise<Account> {
  requireTeamMode(ctx);
  const me = requireSignedIn(ctx);
  return withTransaction(ctx.db, async (tx) => {
    const current = await findAccount(tx, input.id);
    if (!current) throw new AppError('NOT_FOUND', msg('accounts.missing'), 'id');
    // An admin cannot lock the team out by disabling or demoting themself; another admin can.
    if (input.id === me.id && (input.disabled === true || (input.role !== undefined && input.role !== 'admin'))) {
      throw new AppError('VALIDATION', msg('accounts.cannotDemoteSelf'), input.disabled === true ? 'disabled' : 'role');
    }
    const role = input.role ?? current.role;
    const ownerId = input.ownerId === undefined ? current.ownerId : input.ownerId;
    if (input.role !== undefined || input.ownerId !== undefined) await assertOwnerLink(tx, role, ownerId);
    const { id, version, ...patch } = input;
    const updated = await patchAccount(tx, id, patch, auditMeta(ctx, 'update'), version);
    if (updated.disabled) await deleteSessionsOf(tx, id);
    return updated;
  });
}

export async function resetPassword(ctx: ServiceContext, input: ApiParsedInput<'accounts:resetPassword'>): Promise<{ changed: boolean }> {
  requireTeamMode(ctx);
  const passwordHash = await hashPassword(input.newPassword);
  await withTransaction(ctx.db, async (tx) => {
    await setPasswordHash(tx, input.id, passwordHash, auditMeta(ctx, 'resetPassword'));
    await deleteSessionsOf(tx, input.id);
  });
  return { changed: true };
}
