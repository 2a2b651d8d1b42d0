import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { buildHandlerTable } from '../allHandlers.ts';
import { dispatch } from '../handlerTable.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { withSessionToken } from './accessGate.ts';

// Owner scoping through dispatch, as every client reaches it: two 客户经理 each linked to an owner, and a 管理员.
// Once the team turns scoping on, each manager sees and changes only their owner's customers and what hangs off
// them, is refused another owner's rows by id and whole-team views without an owner filter, and the admin sees all.
// The postgres project runs this file on PostgreSQL (team mode already); on SQLite the context is switched to it.

let t: TestContext;
let team: ServiceContext;
const table = buildHandlerTable();

function withTeamMode(ctx: ServiceContext): ServiceContext {
  return new Proxy(ctx, { get: (target, key, receiver): unknown => (key === 'teamMode' ? true : Reflect.get(target, key, receiver)) });
}
const envelope = (token: string, name: string, input: unknown = {}) => dispatch(table, withSessionToken(team, token), name, input);
async function call<T = any>(token: string, name: string, input: unknown = {}): Promise<T> {
  const result = await envelope(token, name, input);
  if (!result.ok) throw Object.assign(new Error(`${name}: ${result.error.message}`), result.error);
  return result.data as T;
}
async function refusedKey(token: string, name: string, input: unknown = {}): Promise<string | undefined> {
  const result = await envelope(token, name, input);
  if (result.ok) return 'not refused';
  expect(result.error.code).toBe('FORBIDDEN');
  return result.error.key;
}
const OTHERS = 'accounts.otherOwnersCustomer';
const WHOLE_TEAM = 'accounts.scopedWholeTeam';
const csvOf = (file: { contentBase64: string }) => Buffer.from(file.contentBase64, 'base64').toString('utf8');

beforeEach(async () => {
  t = await openTestContext('2027-01-20T02:00:00.000Z');
  team = withTeamMode(t.ctx);
});
afterEach(async () => {
  await t.close();
});

/** Owners 张三 and 李四 with a customer and a term each; managers zhang and li linked to them; scoping on. */
async function twoManagers() {
  const boss = (await call('', 'accounts:createFirstAdmin', { login: 'boss', displayName: '老板', password: 'admin-pass-1' })).token as string;
  const book: Record<string, { owner: string; customer: string; contract: string }> = {};
  for (const [login, ownerName, customerName] of [
    ['zhang', '张三', '甲公司'],
    ['li', '李四', '乙公司'],
  ] as const) {
    const owner = (await call(boss, 'owners:create', { name: ownerName })).id as string;
    const customer = (await call(boss, 'customers:create', { name: customerName, ownerId: owner })).id as string;
    const contract = (
      await call(boss, 'contracts:create', { customerId: customer, number: `K-${login}`, startsOn: '2026-03-01', endsOn: '2027-02-10', cycle: 'year', amountFen: 100_000 })
    ).id as string;
    await call(boss, 'accounts:create', { login, displayName: ownerName, role: 'manager', ownerId: owner, password: `${login}-pass-1` });
    book[login] = { owner, customer, contract };
  }
  await call(boss, 'accounts:setTeamSettings', { scopeManagersToOwnCustomers: true });
  const zhang = (await call('', 'accounts:login', { login: 'zhang', password: 'zhang-pass-1' })).token as string;
  const li = (await call('', 'accounts:login', { login: 'li', password: 'li-pass-1' })).token as string;
  return { boss, zhang, li, a: book.zhang!, b: book.li! };
}

describe('owner scoping across the app', () => {
  it('shows each 客户经理 only their customers in lists, detail and exports; the 管理员 sees all', async () => {
    const { boss, zhang, li, a, b } = await twoManagers();
    const names = async (token: string) => (await call(token, 'customers:list', {})).items.map((c: any) => c.name).sort();
    expect(await names(zhang)).toEqual(['甲公司']);
    expect(await names(li)).toEqual(['乙公司']);
    expect(await names(boss)).toEqual(['乙公司', '甲公司']);

    expect((await call(zhang, 'customers:get', { id: a.customer })).name).toBe('甲公司');
    expect(await refusedKey(zhang, 'customers:get', { id: b.customer })).toBe(OTHERS);
    expect(await refusedKey(li, 'contracts:get', { id: a.contract })).toBe(OTHERS);
    expect((await call(zhang, 'contracts:list', { customerId: a.customer })).items).toHaveLength(1);
    expect(await refusedKey(zhang, 'contracts:list', { customerId: b.customer })).toBe(OTHERS);
    // Without a customer the list would be everyone's: a scoped call must name one.
    expect(await refusedKey(zhang, 'contracts:list', {})).toBe(OTHERS);
    expect(await refusedKey(zhang, 'renewals:chain', { contractId: b.contract })).toBe(OTHERS);
    expect(await refusedKey(zhang, 'payments:list', { contractId: b.contract })).toBe(OTHERS);
    expect(await refusedKey(zhang, 'health:get', { customerId: b.customer })).toBe(OTHERS);
    expect((await call(boss, 'contracts:get', { id: b.contract })).number).toBe('K-li');

    const renewals = async (token: string) => (await call(token, 'renewals:list', { window: '30' })).items.map((r: any) => r.customerName).sort();
    expect(await renewals(zhang)).toEqual(['甲公司']);
    expect(await renewals(boss)).toEqual(['乙公司', '甲公司']);
    const exported = csvOf(await call(li, 'export:renewals', { window: '30', format: 'csv', ownerId: a.owner }));
    expect(exported).toContain('乙公司');
    expect(exported).not.toContain('甲公司');
    const calendar = csvOf(await call(zhang, 'export:calendar', { owner: '李四' }));
    expect(calendar).toContain('K-zhang');
    expect(calendar).not.toContain('K-li');
    // The notification centre: the reminder tick fires for both terms; each manager sees only their customer's.
    await call(boss, 'reminders:run', {});
    const noticeCustomers = async (token: string) => new Set((await call(token, 'notifications:list', {})).items.map((n: any) => n.customerId));
    expect(await noticeCustomers(boss)).toEqual(new Set([a.customer, b.customer]));
    expect(await noticeCustomers(zhang)).toEqual(new Set([a.customer]));
    const theirs = (await call(boss, 'notifications:list', { ownerId: b.owner })).items.map((n: any) => n.id);
    expect(await refusedKey(zhang, 'notifications:open', { id: theirs[0] })).toBe(OTHERS);
    await call(zhang, 'notifications:markRead', { all: true });
    expect((await call(li, 'notifications:list', { unreadOnly: true })).total).toBe(theirs.length);

    // A whole list with no owner filter (the complaints beside the renewals) comes back without the other's rows.
    for (const who of [a, b]) await call(boss, 'complaints:create', { customerId: who.customer, summary: '发票不符', severity: 'normal', handlerId: who.owner });
    const complaints = await call(zhang, 'complaints:list', { open: true });
    expect(complaints.items.map((c: any) => c.customerId)).toEqual([a.customer]);
    expect(complaints.total).toBe(1);
    expect((await call(boss, 'complaints:list', { open: true })).total).toBe(2);

    // Exports are narrowed to their owner whatever owner the input names; the whole archive stays the admin's.
    for (const sheet of ['export:customers', 'export:contracts', 'export:followups']) {
      const mine = csvOf(await call(zhang, sheet, { format: 'csv', ownerId: b.owner }));
      expect(mine, sheet).not.toContain('乙公司');
    }
    expect(csvOf(await call(zhang, 'export:customers', { format: 'csv' }))).toContain('甲公司');
    expect(csvOf(await call(zhang, 'export:contracts', { format: 'csv' }))).toContain('K-zhang');
    // The report's term list is theirs; its figures stay the team's.
    const report = { period: '2027', list: 'due', format: 'csv' };
    const zhangReport = csvOf(await call(zhang, 'export:report', { ...report, ownerId: b.owner }));
    expect(zhangReport).toContain('甲公司');
    expect(zhangReport).not.toContain('乙公司');
    expect(csvOf(await call(boss, 'export:report', report))).toContain('乙公司');
    expect(await refusedKey(zhang, 'export:archive', {})).toBe(WHOLE_TEAM);
    const all = csvOf(await call(boss, 'export:customers', { format: 'csv' }));
    expect(all).toContain('甲公司');
    expect(all).toContain('乙公司');
  });

  it('narrows the 留存 lists and the risk review to the 客户经理 own customers; the 管理员 sees all', async () => {
    const managers = await twoManagers();
    const { a, b } = managers;
    let { boss, zhang, li } = managers;
    await call(boss, 'lifecycle:recompute', {});
    const ids = async (token: string, name: string, input: unknown = {}) => {
      const page = await call(token, name, input);
      expect(page.total, name).toBe(page.items.length);
      return page.items.map((i: any) => i.customerId).sort();
    };
    // The other owner's id in the input is replaced by the caller's.
    expect(await ids(zhang, 'lifecycle:list', { ownerId: b.owner })).toEqual([a.customer]);
    expect(await ids(li, 'lifecycle:list')).toEqual([b.customer]);
    expect(await ids(boss, 'lifecycle:list')).toEqual([a.customer, b.customer].sort());
    expect(await ids(boss, 'lifecycle:list', { ownerId: b.owner })).toEqual([b.customer]);
    // 流失预警 and 赢回: a lost customer of each owner; each manager sees their own only.
    for (const who of [a, b]) {
      await call(boss, 'renewals:setStage', { contractId: who.contract, stage: 'lost', lostReason: '价格' });
    }
    // Two months on (sessions expire meanwhile: each logs in again) both customers are lost.
    t.setNow('2027-03-20T02:00:00.000Z');
    const login = async (user: string, password: string) => (await call('', 'accounts:login', { login: user, password })).token as string;
    [boss, zhang, li] = [await login('boss', 'admin-pass-1'), await login('zhang', 'zhang-pass-1'), await login('li', 'li-pass-1')];
    await call(boss, 'lifecycle:recompute', {});
    const lost = await ids(boss, 'lifecycle:winBack');
    expect(lost).toEqual([a.customer, b.customer].sort());
    expect(await ids(zhang, 'lifecycle:winBack')).toEqual([a.customer]);
    // The risk review of those terms: each manager's terms and figures only.
    const review = async (token: string) => call(token, 'risk:review', { from: '2027-01-01', to: '2027-12-31', ownerId: a.owner });
    expect((await review(li)).items.map((i: any) => i.contractId)).toEqual([b.contract]);
    expect((await review(li)).lost).toBe(1);
    expect((await review(boss)).items.map((i: any) => i.contractId)).toEqual([a.contract]);
    expect((await call(boss, 'risk:review', { from: '2027-01-01', to: '2027-12-31' })).lost).toBe(2);
    const warned = await ids(boss, 'lifecycle:warning');
    expect(await ids(li, 'lifecycle:warning')).toEqual(warned.filter((id: string) => id === b.customer));
  });

  it('narrows the payments, usage, visit plan, key review, complaints and surveys exports to the 客户经理 own customers', async () => {
    const { boss, zhang, a, b } = await twoManagers();
    const dimension = (await call(boss, 'surveys:dimensions', {})).items[0].id as string;
    await call(boss, 'visits:setStandard', { tierCode: 'vip', period: 'quarter', visits: 1 });
    for (const [who, name] of [
      [a, '甲公司'],
      [b, '乙公司'],
    ] as const) {
      await call(boss, 'payments:set', { contractId: who.contract, dueOn: '2027-02-01', dueAmountFen: 50_000 });
      await call(boss, 'usage:set', { customerId: who.customer, periodOn: '2027-01-01', value: 42 });
      await call(boss, 'complaints:create', { customerId: who.customer, summary: `${name}的投诉`, severity: 'normal', handlerId: who.owner });
      await call(boss, 'surveys:save', { customerId: who.customer, onDate: '2027-01-10', channel: 'phone', scores: { [dimension]: 4 } });
      await call(boss, 'customers:create', { name: `${name}重点`, tier: 'vip', ownerId: who.owner });
    }
    const sheets: [string, string, string][] = [
      ['export:payments', 'K-zhang', 'K-li'],
      ['export:usage', '甲公司', '乙公司'],
      ['export:visits', '甲公司重点', '乙公司重点'],
      ['export:keyReview', '甲公司重点', '乙公司重点'],
      ['export:complaints', '甲公司', '乙公司'],
      ['export:surveys', '甲公司', '乙公司'],
    ];
    for (const [sheet, mine, theirs] of sheets) {
      const scoped = csvOf(await call(zhang, sheet, { format: 'csv', ownerId: b.owner }));
      expect(scoped, sheet).toContain(mine);
      expect(scoped, sheet).not.toContain(theirs);
      const all = csvOf(await call(boss, sheet, { format: 'csv' }));
      expect(all, sheet).toContain(mine);
      expect(all, sheet).toContain(theirs);
    }
  });

  it('narrows the 数据整理 lists and the trash to the 客户经理 own customers; restores only theirs', async () => {
    const { boss, zhang, a, b } = await twoManagers();
    const hygiene = (token: string, kind: string) => call(token, 'hygiene:list', { kind, ownerId: b.owner });
    expect((await hygiene(zhang, 'customerWithoutPhone')).items.map((i: any) => i.customerId)).toEqual([a.customer]);
    expect((await hygiene(boss, 'customerWithoutPhone')).counts.customerWithoutPhone).toBe(1);
    expect((await call(boss, 'hygiene:list', { kind: 'customerWithoutPhone' })).counts.customerWithoutPhone).toBe(2);
    // One phone shared by both owners' customers and a third of 张三's: 张三's manager sees only the pair within his book.
    const third = (await call(boss, 'customers:create', { name: '丙公司', ownerId: a.owner })).id as string;
    for (const customerId of [a.customer, b.customer, third]) await call(boss, 'contacts:create', { customerId, name: '前台', phone: '13800000000' });
    const pairs = (await call(zhang, 'hygiene:list', { kind: 'duplicateCustomer' })).items.map((i: any) => [i.customerId, i.otherCustomerId].sort());
    expect(pairs).toEqual([[a.customer, third].sort()]);
    expect((await call(boss, 'hygiene:list', { kind: 'duplicateCustomer' })).counts.duplicateCustomer).toBe(2);

    const gone: Record<string, string> = {};
    for (const [name, who] of [['张删', a], ['李删', b]] as const) {
      gone[name] = (await call(boss, 'customers:create', { name, ownerId: who.owner })).id as string;
      await call(boss, 'customers:delete', { id: gone[name] });
    }
    await call(boss, 'contracts:delete', { id: b.contract });
    const zhangTrash = await call(zhang, 'hygiene:trash', { ownerId: b.owner });
    expect(zhangTrash.customers.map((c: any) => c.name)).toEqual(['张删']);
    expect(zhangTrash.contracts).toEqual([]);
    const bossTrash = await call(boss, 'hygiene:trash', {});
    expect(bossTrash.customers.map((c: any) => c.name).sort()).toEqual(['张删', '李删'].sort());
    expect(bossTrash.contracts.map((k: any) => k.number)).toEqual(['K-li']);
    expect(await refusedKey(zhang, 'hygiene:restore', { kind: 'customer', id: gone['李删'] })).toBe(OTHERS);
    expect(await refusedKey(zhang, 'hygiene:restore', { kind: 'contract', id: b.contract })).toBe(OTHERS);
    expect((await call(zhang, 'hygiene:restore', { kind: 'customer', id: gone['张删'] })).name).toBe('张删');
    expect(await refusedKey(zhang, 'hygiene:handover', { fromOwnerId: a.owner, toOwnerId: b.owner })).toBe(WHOLE_TEAM);
  });

  it("refuses a 客户经理's write to another owner's customer, with the translated message", async () => {
    const { boss, zhang, li, a, b } = await twoManagers();
    const { version } = await call(boss, 'customers:get', { id: b.customer });
    const refused = await envelope(zhang, 'customers:update', { id: b.customer, version, name: '改名' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', key: OTHERS } });
    expect(await refusedKey(zhang, 'contacts:create', { customerId: b.customer, name: '王五' })).toBe(OTHERS);
    expect(await refusedKey(zhang, 'followups:create', { customer: '乙公司', at: '2027-01-20T02:00:00.000Z', channel: 'phone', summary: '问候' })).toBe(OTHERS);
    expect(await refusedKey(zhang, 'contracts:delete', { id: b.contract })).toBe(OTHERS);
    expect(await refusedKey(zhang, 'renewals:setStage', { contractId: b.contract, stage: 'contacted' })).toBe(OTHERS);
    expect(await refusedKey(zhang, 'customers:create', { name: '新客户', ownerId: b.owner })).toBe(OTHERS);
    expect(await refusedKey(zhang, 'customers:merge', { from: a.customer, into: b.customer })).toBe(OTHERS);

    // Nor may a term of their own customer be handed to the other owner.
    expect(await refusedKey(zhang, 'contracts:create', { customerId: a.customer, number: 'K-给别人', endsOn: '2027-06-30', ownerId: b.owner })).toBe(OTHERS);
    expect((await call(zhang, 'contracts:create', { customerId: a.customer, number: 'K-自己', endsOn: '2027-06-30', ownerId: a.owner })).number).toBe('K-自己');

    // A new customer without an owner becomes the manager's own; their own writes go through.
    const mine = await call(zhang, 'customers:create', { name: '新客户' });
    expect((await call(boss, 'customers:list', { ownerId: a.owner })).items.map((c: any) => c.name).sort()).toEqual(['新客户', '甲公司']);
    await call(zhang, 'contacts:create', { customerId: mine.id, name: '赵六' });
    // Another manager's undo token is theirs alone.
    const deleted = await call(zhang, 'customers:delete', { id: mine.id });
    expect(await refusedKey(li, 'customers:undoDelete', { undoToken: deleted.undoToken })).toBe(OTHERS);
    await call(zhang, 'customers:undoDelete', { undoToken: deleted.undoToken });

    // The message is worded in the catalogue's languages.
    expect((refused as any).error.message).toContain('只看自己的客户');
    // The admin may change anyone's customer.
    expect((await call(boss, 'customers:update', { id: b.customer, version, name: '乙公司（改）' })).name).toBe('乙公司（改）');
  });
});
