// Who may call what in team mode: the one place roles are checked (dispatch asks it before any handler runs).
// A call's kind comes from its contract: an operation that declares `changes` is a write, the rest are reads,
// except the few listed below whose effect the contract's `changes` does not show.
import { changesOf, type ApiName } from '../../../shared/api/apiContract.ts';
import type { AccountRole } from '../../../shared/api/accounts.contract.ts';

/** Callable without a session: saying whether a login is needed, logging in, and making the very first admin. */
const OPEN_OPERATIONS: ReadonlySet<ApiName> = new Set<ApiName>(['accounts:status', 'accounts:login', 'accounts:createFirstAdmin']);

/** Any signed-in account, 只读 included: its own session and password. */
const SELF_OPERATIONS: ReadonlySet<ApiName> = new Set<ApiName>(['accounts:logout', 'accounts:changePassword']);

/** Writes that declare no change (staged imports, a test e-mail): 只读 may not call them. */
const WRITES_WITHOUT_CHANGES: ReadonlySet<ApiName> = new Set<ApiName>(['import:upload', 'import:preview', 'import:discard', 'mail:sendTest']);

/**
 * 管理员 only: the accounts, and the archive's team-wide settings and whole-archive operations (the rules every
 * account works under, the SMTP server, restoring or replacing the data). Everyday writes stay with 客户经理.
 */
export const ADMIN_OPERATIONS: ReadonlySet<ApiName> = new Set<ApiName>([
  'accounts:list',
  'accounts:create',
  'accounts:update',
  'accounts:resetPassword',
  'accounts:setTeamSettings',
  'settings:set',
  'reminders:setSettings',
  'mail:setSettings',
  'mail:sendTest',
  'complaints:setSettings',
  'health:setWeights',
  'health:undoWeights',
  'lifecycle:setRules',
  'tiers:setRules',
  'risk:setWindow',
  'usage:setUnit',
  'surveys:setThreshold',
  'messages:setGreetingSettings',
  'visits:setCriteria',
  'renewals:setLostReasons',
  'system:restore',
  'system:restoreUpload',
  'system:demo',
]);

export type Access = 'allowed' | 'signInRequired' | 'forbidden';

export function isOpenOperation(name: ApiName): boolean {
  return OPEN_OPERATIONS.has(name);
}

export function isWrite(name: ApiName): boolean {
  return changesOf(name).length > 0 || WRITES_WITHOUT_CHANGES.has(name);
}

/** What an account of `role` (null: nobody signed in) may do with `name` on a team archive that has accounts. */
export function accessOf(role: AccountRole | null, name: ApiName): Access {
  if (OPEN_OPERATIONS.has(name)) return 'allowed';
  if (role === null) return 'signInRequired';
  if (SELF_OPERATIONS.has(name) || role === 'admin') return 'allowed';
  if (ADMIN_OPERATIONS.has(name)) return 'forbidden';
  if (role === 'manager') return 'allowed';
  return isWrite(name) ? 'forbidden' : 'allowed';
}
