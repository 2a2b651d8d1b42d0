// Before any handler runs (dispatch): on a team archive with accounts, the call's session is resolved to its
// account, the role is checked (accessPolicy.ts), and the handler gets a context whose actor is the account's
// login, so every audit entry it writes names the user. A SQLite archive (no teamMode) passes untouched.
import type { Db } from '../../../db/handle.ts';
import { anyAccountExists, findSessionAccount } from '../../../db/repositories/accountsRepo.ts';
import type { ApiName } from '../../../shared/api/apiContract.ts';
import type { SignedInAccount } from '../../../shared/api/accounts.contract.ts';
import { msg, type Message } from '../../../shared/i18n/message.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { accessOf, isOpenOperation } from './accessPolicy.ts';
import { sessionTokenHash } from './sessionTokens.ts';

export type Gate = { ok: true; ctx: ServiceContext } | { ok: false; message: Message };

/** Accounts are never deleted (only disabled), so once one exists the answer stays yes: no query after that. */
const accountsSeen = new WeakSet<Db>();

export async function accountsExist(db: Db): Promise<boolean> {
  if (accountsSeen.has(db)) return true;
  const exists = await anyAccountExists(db);
  if (exists) accountsSeen.add(db);
  return exists;
}

/** The same context, for a call that came with `token` (the host's session header). A proxy, so `db` stays live. */
export function withSessionToken(ctx: ServiceContext, token: string | null | undefined): ServiceContext {
  if (!token) return ctx;
  return new Proxy(ctx, {
    get: (target, key, receiver): unknown => (key === 'sessionToken' ? token : Reflect.get(target, key, receiver)),
  });
}

/** The same context running as `account`: its audit entries carry the account's login. */
export function asAccount(ctx: ServiceContext, account: SignedInAccount): ServiceContext {
  return new Proxy(ctx, {
    get: (target, key, receiver): unknown => {
      if (key === 'account') return account;
      if (key === 'actor') return account.login;
      return Reflect.get(target, key, receiver);
    },
  });
}

export async function sessionAccount(ctx: ServiceContext): Promise<SignedInAccount | undefined> {
  if (!ctx.sessionToken) return undefined;
  return findSessionAccount(ctx.db, sessionTokenHash(ctx.sessionToken), ctx.now().toISOString());
}

export async function gateCall(ctx: ServiceContext, name: ApiName): Promise<Gate> {
  if (!ctx.teamMode) return { ok: true, ctx };
  const account = await sessionAccount(ctx);
  const signedIn = account ? asAccount(ctx, account) : ctx;
  // Before its first account a team archive is open, as a new SQLite file is: the first admin is made from it.
  if (!account && !isOpenOperation(name) && !(await accountsExist(ctx.db))) return { ok: true, ctx };
  switch (accessOf(account?.role ?? null, name)) {
    case 'allowed':
      return { ok: true, ctx: signedIn };
    case 'signInRequired':
      return { ok: false, message: msg(ctx.sessionToken ? 'accounts.sessionExpired' : 'accounts.signInRequired') };
    case 'forbidden':
      return { ok: false, message: msg('accounts.roleForbidden', { role: msg(`accounts.role.${account?.role ?? 'readonly'}`) }) };
  }
}
