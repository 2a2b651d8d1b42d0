// A team archive with accounts refuses every call without a session. The CLI has no login page: the account comes
// from RENEWAL_DESK_USER and RENEWAL_DESK_PASSWORD (environment only, so the password is in no shell history or
// process list), the command runs signed in, and the session ends with it.
import { AppError, type AppErrorData } from '../../shared/api/appError.ts';
import type { Locale } from '../../shared/i18n/enumLabels.ts';
import { msg } from '../../shared/i18n/message.ts';
import type { Backend } from '../services/backend/backend.ts';

export type CliSession = { ok: true; token: string | null } | { ok: false; error: AppErrorData };

/** Signs in for one command when the archive needs it; `token` null means the archive asks for no login. */
export async function openCliSession(backend: Backend, env: NodeJS.ProcessEnv, locale: Locale): Promise<CliSession> {
  const status = await backend.call('accounts:status', {});
  if (!status.ok) return { ok: false, error: status.error };
  const { teamMode, accountsExist } = status.data as { teamMode: boolean; accountsExist: boolean };
  if (!teamMode || !accountsExist) return { ok: true, token: null };
  const login = env.RENEWAL_DESK_USER ?? '';
  const password = env.RENEWAL_DESK_PASSWORD ?? '';
  if (login === '' || password === '') return { ok: false, error: new AppError('FORBIDDEN', msg('cli.teamLoginNeeded')).toData(locale) };
  const session = await backend.call('accounts:login', { login, password });
  if (!session.ok) return { ok: false, error: session.error };
  return { ok: true, token: (session.data as { token: string }).token };
}

/** Ends the command's session, so a finished command leaves no live token behind on the server. */
export async function closeCliSession(backend: Backend, token: string | null): Promise<void> {
  if (token !== null) await backend.call('accounts:logout', {}, token);
}
