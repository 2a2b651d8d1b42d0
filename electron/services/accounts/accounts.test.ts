import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { q } from '../../../db/handle.ts';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { buildHandlerTable } from '../allHandlers.ts';
import { dispatch } from '../handlerTable.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { withSessionToken } from './accessGate.ts';

// Accounts and roles on a team archive. The postgres project runs this file on PostgreSQL, where the context is
// team mode already; on SQLite the same flow runs over a context switched to team mode, and the plain SQLite
// context shows that nothing changes without it.

let t: TestContext;
let team: ServiceContext;
const table = buildHandlerTable();

function withTeamMode(ctx: ServiceContext, teamMode: boolean): ServiceContext {
  return new Proxy(ctx, { get: (target, key, receiver): unknown => (key === 'teamMode' ? teamMode : Reflect.get(target, key, receiver)) });
}

const envelope = (token: string | null, name: string, input: unknown = {}) => dispatch(table, withSessionToken(team, token), name, input);
async function call<T = any>(token: string | null, name: string, input: unknown = {}): Promise<T> {
  const result = await envelope(token, name, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.data as T;
}
async function refusal(token: string | null, name: string, input: unknown = {}) {
  const result = await envelope(token, name, input);
  if (result.ok) throw new Error(`${name} was not refused`);
  return { code: result.error.code, key: result.error.key, message: result.error.message };
}
const auditOf = (entity: string, id: string) =>
  q(t.ctx.db).selectFrom('audit_log').select(['actor', 'action', 'before', 'after']).where('entity', '=', entity).where('entity_id', '=', id).orderBy('id').execute();

beforeEach(async () => {
  t = await openTestContext('2027-01-20T02:00:00.000Z');
  team = withTeamMode(t.ctx, true);
});
afterEach(async () => {
  await t.close();
});

/** The first admin, an account manager and a read-only account, each signed in. */
async function team3(ownerId: string | null = null) {
  const admin = await call(null, 'accounts:createFirstAdmin', { login: 'Boss', displayName: '老板', password: 'admin-pass-1' });
  await call(admin.token, 'accounts:create', { login: 'mgr', displayName: '经理', role: 'manager', ownerId, password: 'manager-pass-1' });
  await call(admin.token, 'accounts:create', { login: 'viewer', displayName: '只读', role: 'readonly', password: 'viewer-pass-1' });
  const manager = await call(null, 'accounts:login', { login: 'mgr', password: 'manager-pass-1' });
  const viewer = await call(null, 'accounts:login', { login: 'viewer', password: 'viewer-pass-1' });
  return { admin: admin.token as string, manager: manager.token as string, viewer: viewer.token as string };
}

describe('without team mode (a SQLite archive)', () => {
  it('asks for no login, stamps audits "local", and refuses the account operations', async () => {
    const plain = withTeamMode(t.ctx, false);
    const status = await dispatch(table, plain, 'accounts:status', {});
    expect(status).toMatchObject({ ok: true, data: { teamMode: false, accountsExist: false, signedIn: null } });
    const created = await dispatch(table, plain, 'customers:create', { name: '本机客户' });
    expect(created.ok).toBe(true);
    expect((await auditOf('customers', (created as any).data.id)).map((a) => a.actor)).toEqual(['local']);
    const first = await dispatch(table, plain, 'accounts:createFirstAdmin', { login: 'boss', displayName: '老板', password: 'admin-pass-1' });
    expect(first).toMatchObject({ ok: false, error: { code: 'VALIDATION', key: 'accounts.teamModeOnly' } });
  });
});

describe('the first admin', () => {
  it('is made only while there is no account, and from then on every call needs a session', async () => {
    expect(await call(null, 'accounts:status')).toMatchObject({ teamMode: true, accountsExist: false, signedIn: null });
    // Before the first account the team archive is open, as a new SQLite file is.
    expect((await call(null, 'customers:list', {})).total).toBe(0);
    const session = await call(null, 'accounts:createFirstAdmin', { login: ' Boss ', displayName: '老板', password: 'admin-pass-1' });
    expect(session.account).toMatchObject({ login: 'boss', role: 'admin' });
    expect(await refusal(null, 'accounts:createFirstAdmin', { login: 'other', displayName: '别人', password: 'other-pass-1' })).toMatchObject({
      code: 'CONFLICT',
      key: 'accounts.firstAdminExists',
    });
    expect(await refusal(null, 'customers:list', {})).toMatchObject({ code: 'FORBIDDEN', key: 'accounts.signInRequired' });
    expect(await refusal('not-a-session', 'customers:list', {})).toMatchObject({ code: 'FORBIDDEN', key: 'accounts.sessionExpired' });
    expect((await call(session.token, 'customers:list', {})).total).toBe(0);
    expect(await call(session.token, 'accounts:status')).toMatchObject({ accountsExist: true, signedIn: { login: 'boss', role: 'admin' } });
  });

  it("tells the archive's language to a caller not signed in, who may not read settings:get", async () => {
    const session = await call(null, 'accounts:createFirstAdmin', { login: 'boss', displayName: '老板', password: 'admin-pass-1' });
    expect(await call(null, 'accounts:status')).toMatchObject({ signedIn: null, locale: 'zh-CN' });
    await call(session.token, 'settings:set', { locale: 'en-US' });
    expect(await refusal(null, 'settings:get', {})).toMatchObject({ key: 'accounts.signInRequired' });
    expect(await call(null, 'accounts:status')).toMatchObject({ signedIn: null, locale: 'en-US' });
  });
});

describe('login', () => {
  it('gives the same answer for an unknown login, a wrong password and a disabled account', async () => {
    const { admin } = await team3();
    const wrongPassword = await refusal(null, 'accounts:login', { login: 'mgr', password: 'nope-nope' });
    const unknown = await refusal(null, 'accounts:login', { login: 'nobody', password: 'nope-nope' });
    expect(wrongPassword).toEqual({ code: 'FORBIDDEN', key: 'accounts.loginFailed', message: expect.any(String) });
    expect(unknown).toEqual(wrongPassword);
    const mgr = (await call(admin, 'accounts:list')).items.find((a: any) => a.login === 'mgr');
    await call(admin, 'accounts:update', { id: mgr.id, version: mgr.version, disabled: true });
    expect(await refusal(null, 'accounts:login', { login: 'mgr', password: 'manager-pass-1' })).toEqual(wrongPassword);
  });

  it('folds the login name to lower case, and stores no token and no hash in the audit log', async () => {
    const session = await call(null, 'accounts:createFirstAdmin', { login: 'Boss', displayName: '老板', password: 'admin-pass-1' });
    const again = await call(null, 'accounts:login', { login: 'BOSS', password: 'admin-pass-1' });
    expect(again.account.id).toBe(session.account.id);
    const stored = await q(t.ctx.db).selectFrom('account_sessions').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(again.token);
    const audit = await auditOf('accounts', session.account.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'boss', action: 'create' });
    expect(audit[0]!.after).not.toMatch(/scrypt/);
  });

  it('ends a session after 12 hours, and at logout', async () => {
    const { viewer } = await team3();
    t.setNow('2027-01-20T13:59:00.000Z');
    expect((await call(viewer, 'customers:list', {})).total).toBe(0);
    t.setNow('2027-01-20T14:01:00.000Z');
    expect(await refusal(viewer, 'customers:list', {})).toMatchObject({ key: 'accounts.sessionExpired' });
    const fresh = await call(null, 'accounts:login', { login: 'viewer', password: 'viewer-pass-1' });
    expect(await call(fresh.token, 'accounts:logout')).toEqual({ signedOut: true });
    expect(await refusal(fresh.token, 'customers:list', {})).toMatchObject({ key: 'accounts.sessionExpired' });
  });
});

describe('roles, checked in dispatch', () => {
  it('只读 reads only; 客户经理 writes; 管理员 also manages accounts and team settings', async () => {
    const { admin, manager, viewer } = await team3();
    expect((await call(viewer, 'customers:list', {})).total).toBe(0);
    expect(await refusal(viewer, 'customers:create', { name: '只读建的' })).toMatchObject({ code: 'FORBIDDEN', key: 'accounts.roleForbidden' });
    expect(await refusal(viewer, 'import:discard', { uploadId: 'x' })).toMatchObject({ key: 'accounts.roleForbidden' });
    const created = await call(manager, 'customers:create', { name: '经理建的客户' });
    expect(await refusal(manager, 'accounts:create', { login: 'x', displayName: 'x', role: 'readonly', password: 'xxxx-xxxx' })).toMatchObject({
      key: 'accounts.roleForbidden',
    });
    expect(await refusal(manager, 'accounts:list')).toMatchObject({ key: 'accounts.roleForbidden' });
    expect(await refusal(manager, 'settings:set', { locale: 'en-US' })).toMatchObject({ key: 'accounts.roleForbidden' });
    expect(await refusal(manager, 'accounts:setTeamSettings', { scopeManagersToOwnCustomers: false })).toMatchObject({ key: 'accounts.roleForbidden' });
    expect((await call(admin, 'accounts:list')).items.map((a: any) => [a.login, a.role])).toEqual([
      ['boss', 'admin'],
      ['mgr', 'manager'],
      ['viewer', 'readonly'],
    ]);
    await call(admin, 'customers:update', { id: created.id, notes: '管理员改的' });
    // Every audit entry names the account that made it.
    expect((await auditOf('customers', created.id)).map((a) => [a.actor, a.action])).toEqual([
      ['mgr', 'create'],
      ['boss', 'update'],
    ]);
  });

  it('lets every role change its own password; other sessions of that account end, this one stays', async () => {
    const { admin, viewer } = await team3();
    const otherDevice = await call(null, 'accounts:login', { login: 'viewer', password: 'viewer-pass-1' });
    expect(await refusal(viewer, 'accounts:changePassword', { currentPassword: 'wrong-one', newPassword: 'viewer-pass-2' })).toMatchObject({
      code: 'VALIDATION',
      key: 'accounts.currentPasswordWrong',
    });
    expect(await call(viewer, 'accounts:changePassword', { currentPassword: 'viewer-pass-1', newPassword: 'viewer-pass-2' })).toEqual({ changed: true });
    expect((await call(viewer, 'customers:list', {})).total).toBe(0);
    expect(await refusal(otherDevice.token, 'customers:list', {})).toMatchObject({ key: 'accounts.sessionExpired' });
    expect(await refusal(null, 'accounts:login', { login: 'viewer', password: 'viewer-pass-1' })).toMatchObject({ key: 'accounts.loginFailed' });
    const viewerId = (await call(viewer, 'accounts:status')).signedIn.id;
    await call(admin, 'accounts:resetPassword', { id: viewerId, newPassword: 'viewer-pass-3' });
    expect(await refusal(viewer, 'customers:list', {})).toMatchObject({ key: 'accounts.sessionExpired' });
    expect((await call(null, 'accounts:login', { login: 'viewer', password: 'viewer-pass-3' })).account.login).toBe('viewer');
  });

  it('refuses a duplicate login, and an admin disabling or demoting themself', async () => {
    const { admin } = await team3();
    expect(await refusal(admin, 'accounts:create', { login: 'MGR', displayName: '重名', role: 'manager', password: 'manager-pass-2' })).toMatchObject({
      code: 'DUPLICATE',
    });
    const me = (await call(admin, 'accounts:status')).signedIn;
    const row = (await call(admin, 'accounts:list')).items.find((a: any) => a.id === me.id);
    expect(await refusal(admin, 'accounts:update', { id: me.id, version: row.version, disabled: true })).toMatchObject({ key: 'accounts.cannotDemoteSelf' });
    expect(await refusal(admin, 'accounts:update', { id: me.id, version: row.version, role: 'manager' })).toMatchObject({ key: 'accounts.cannotDemoteSelf' });
  });
});

describe('owner scoping', () => {
  async function twoOwnersBook(token: string | null) {
    const a = await call(token, 'owners:create', { name: '张三' });
    const b = await call(token, 'owners:create', { name: '李四' });
    for (const [owner, names] of [
      [a, ['甲一公司', '甲二公司']],
      [b, ['乙一公司']],
    ] as const) {
      for (const name of names) {
        const c = await call(token, 'customers:create', { name, ownerId: owner.id });
        await call(token, 'contracts:create', { customerId: c.id, number: `K-${name}`, startsOn: '2026-03-01', endsOn: '2027-02-10', cycle: 'year', amountFen: 100_000 });
      }
    }
    return { a: a.id as string, b: b.id as string };
  }
  const customerNames = async (token: string, input: object = {}) => (await call(token, 'customers:list', input)).items.map((c: any) => c.name).sort();
  const renewalNames = async (token: string, input: object = {}) => (await call(token, 'renewals:list', { window: '30', ...input })).items.map((r: any) => r.customerName).sort();

  it('shows a 客户经理 only their owner’s customers once the team turns it on', async () => {
    const owners = await twoOwnersBook(null);
    const { admin, manager, viewer } = await team3(owners.a);
    expect(await customerNames(manager)).toEqual(['乙一公司', '甲一公司', '甲二公司']);
    await call(admin, 'accounts:setTeamSettings', { scopeManagersToOwnCustomers: true });
    expect(await call(manager, 'accounts:status')).toMatchObject({ settings: { scopeManagersToOwnCustomers: true } });
    expect(await customerNames(manager)).toEqual(['甲一公司', '甲二公司']);
    // Asking for another owner's customers does not widen the scope.
    expect(await customerNames(manager, { ownerId: owners.b })).toEqual(['甲一公司', '甲二公司']);
    expect(await customerNames(manager, { search: '乙一' })).toEqual([]);
    // Admins and read-only accounts see the whole book.
    expect(await customerNames(admin)).toEqual(['乙一公司', '甲一公司', '甲二公司']);
    expect(await customerNames(viewer)).toEqual(['乙一公司', '甲一公司', '甲二公司']);
  });

  it('shows a 客户经理 only their owner’s renewals, in the list and its export', async () => {
    const owners = await twoOwnersBook(null);
    const { admin, manager, viewer } = await team3(owners.a);
    expect(await renewalNames(manager)).toEqual(['乙一公司', '甲一公司', '甲二公司']);
    await call(admin, 'accounts:setTeamSettings', { scopeManagersToOwnCustomers: true });
    expect(await renewalNames(manager)).toEqual(['甲一公司', '甲二公司']);
    expect(await renewalNames(manager, { ownerId: owners.b })).toEqual(['甲一公司', '甲二公司']);
    const exported = await call(manager, 'export:renewals', { window: '30', format: 'csv' });
    const csv = Buffer.from(exported.contentBase64, 'base64').toString('utf8');
    expect(csv).toContain('甲一公司');
    expect(csv).not.toContain('乙一公司');
    expect(await renewalNames(admin)).toEqual(['乙一公司', '甲一公司', '甲二公司']);
    expect(await renewalNames(viewer)).toEqual(['乙一公司', '甲一公司', '甲二公司']);
  });

  it('cannot be turned on while a 客户经理 has no owner, nor leave one without an owner after', async () => {
    const owners = await twoOwnersBook(null);
    const { admin } = await team3(null);
    expect(await refusal(admin, 'accounts:setTeamSettings', { scopeManagersToOwnCustomers: true })).toMatchObject({ key: 'accounts.unlinkedManagers' });
    const mgr = (await call(admin, 'accounts:list')).items.find((a: any) => a.login === 'mgr');
    const linked = await call(admin, 'accounts:update', { id: mgr.id, version: mgr.version, ownerId: owners.b });
    expect(linked).toMatchObject({ ownerId: owners.b, ownerName: '李四' });
    await call(admin, 'accounts:setTeamSettings', { scopeManagersToOwnCustomers: true });
    expect(await refusal(admin, 'accounts:create', { login: 'mgr2', displayName: '经理二', role: 'manager', password: 'manager-pass-2' })).toMatchObject({
      key: 'accounts.managerNeedsOwner',
    });
    expect(await refusal(admin, 'accounts:update', { id: mgr.id, version: linked.version, ownerId: null })).toMatchObject({ key: 'accounts.managerNeedsOwner' });
  });
});
