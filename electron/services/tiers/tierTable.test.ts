import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LADDERS } from '../../../shared/reminders/reminderLadder.ts';
import { DEFAULT_TIER_RULES } from '../../../shared/tiers/tierRules.ts';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { exportTo, importFile, writeFixture } from '../../../test-support/import/importTestKit.ts';

// The tier table (migration 0019) through the real handler table: add, rename, reorder, remove with the
// customers moved (and undo), the ladder a new tier starts with, and the 客户等级 column in and out.

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext();
});
afterEach(async () => {
  await t.close();
});

const codes = async () => (await t.call('tiers:list', {})).items.map((i: { code: string }) => i.code);
const tierOf = async (id: string) => (await t.call('customers:get', { id })).tier;

describe('the tier table', () => {
  it('starts with the three built-ins, adds a tier last, renames and reorders, and keeps names unique as people read them', async () => {
    expect(await codes()).toEqual(['vip', 'important', 'normal']);
    const added = await t.call('tiers:create', { name: '战略', colour: 'purple' });
    expect(added).toMatchObject({ code: 'custom_1', name: '战略', label: '战略', colour: 'purple', builtin: false, customers: 0 });
    expect(await codes()).toEqual(['vip', 'important', 'normal', 'custom_1']);
    // Names are compared case- and width-insensitively, the built-ins' catalogue names included.
    expect(await t.envelope('tiers:create', { name: 'ｖｉｐ' })).toMatchObject({ ok: false, error: { code: 'DUPLICATE', field: 'name' } });
    expect(await t.envelope('tiers:create', { name: '重要' })).toMatchObject({ ok: false, error: { code: 'DUPLICATE' } });
    // A built-in renamed, then given its catalogue name back; a custom tier cannot lose its name.
    expect(await t.call('tiers:update', { code: 'important', name: '重点' })).toMatchObject({ name: '重点', label: '重点' });
    expect(await t.call('tiers:update', { code: 'important', name: null })).toMatchObject({ name: null, label: '重要' });
    expect(await t.envelope('tiers:update', { code: 'custom_1', name: null })).toMatchObject({ ok: false, error: { field: 'name' } });
    await t.call('tiers:move', { code: 'custom_1', direction: 'up' });
    await t.call('tiers:move', { code: 'custom_1', direction: 'up' });
    expect(await codes()).toEqual(['vip', 'custom_1', 'important', 'normal']);
    // A customer can be put in it; an unknown code is refused at the service.
    const c = await t.call('customers:create', { name: '甲公司', tier: 'custom_1' });
    expect(c.tier).toBe('custom_1');
    expect(await t.envelope('customers:create', { name: '乙公司', tier: 'custom_9' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'tier' } });
  });

  it('gives a new tier a copy of 普通\'s ladder and template, which its customers\' reminders then follow', async () => {
    await t.call('reminders:setSettings', { ladders: { normal: [45, 10, 0] }, templates: { normal: '普通 {客户名称}' } });
    const added = await t.call('tiers:create', { name: '战略' });
    expect(added).toMatchObject({ ladder: [45, 10, 0], template: '普通 {客户名称}' });
    // A copy: 普通 changing later leaves the new tier's ladder alone.
    await t.call('reminders:setSettings', { ladders: { normal: [...DEFAULT_LADDERS.normal] } });
    const updated = await t.call('tiers:update', { code: added.code, ladder: [20, 5] });
    expect(updated.ladder).toEqual([20, 5]);
    expect((await t.call('reminders:getSettings', {})).ladders[added.code]).toEqual([20, 5]);
    const c = await t.call('customers:create', { name: '甲公司', tier: added.code });
    await t.call('contracts:create', { customerId: c.id, number: 'HT-1', endsOn: '2027-06-30', cycle: 'year' });
    const preview = await t.call('reminders:preview', { contractNo: 'HT-1' });
    expect(preview.steps.map((s: { step: number }) => s.step)).toEqual([20, 5]);
    // A ladder for a tier that does not exist is refused.
    expect(await t.envelope('reminders:setSettings', { ladders: { custom_7: [3] } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('removes a custom tier moving its customers in one batch, undoably; refuses a built-in and a tier the rules name', async () => {
    const { code } = await t.call('tiers:create', { name: '战略' });
    const a = await t.call('customers:create', { name: '甲公司', tier: code });
    const b = await t.call('customers:create', { name: '乙公司', tier: code });
    const other = await t.call('customers:create', { name: '丙公司', tier: 'vip' });
    expect(await t.envelope('tiers:remove', { code: 'normal', moveTo: 'vip' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.envelope('tiers:remove', { code, moveTo: code })).toMatchObject({ ok: false, error: { field: 'moveTo' } });
    // Named by a rule (the tier moved to the top so the rule order holds): refused, saying so.
    await t.call('tiers:move', { code, direction: 'up' });
    await t.call('tiers:move', { code, direction: 'up' });
    await t.call('tiers:move', { code, direction: 'up' });
    const rules = { ...DEFAULT_TIER_RULES, rules: [{ tier: code, combine: 'any', conditions: [{ fact: 'annualValueFen', min: 99_000_000 }] }, ...DEFAULT_TIER_RULES.rules] };
    await t.call('tiers:setRules', rules);
    const refused = await t.envelope('tiers:remove', { code, moveTo: 'important' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(refused.error.message).toContain('战略');
    await t.call('tiers:setRules', DEFAULT_TIER_RULES);

    const removed = await t.call('tiers:remove', { code, moveTo: 'important' });
    expect(removed.moved).toBe(2);
    expect([await tierOf(a.id), await tierOf(b.id), await tierOf(other.id)]).toEqual(['important', 'important', 'vip']);
    expect(await codes()).not.toContain(code);
    expect(await t.envelope('customers:update', { id: a.id, tier: code })).toMatchObject({ ok: false, error: { field: 'tier' } });

    await t.call('tiers:undoRemove', { undoToken: removed.undoToken });
    expect([await tierOf(a.id), await tierOf(b.id), await tierOf(other.id)]).toEqual([code, code, 'vip']);
    expect((await t.call('tiers:list', {})).items.find((i: { code: string }) => i.code === code)).toMatchObject({ name: '战略', customers: 2 });
    // Only a removal's batch is undone here.
    expect(await t.envelope('tiers:undoRemove', { undoToken: a.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('imports 客户等级 by a custom tier\'s name (case and width folded), reports an unknown one, and exports the name', async () => {
    await t.call('tiers:create', { name: 'Gold Plus', code: 'gold_plus' });
    const csv = '客户名称,客户等级\n甲公司,ｇｏｌｄ ｐｌｕｓ\n乙公司,gold_plus\n丙公司,金牌\n丁公司,重要\n';
    const r = await importFile(t, writeFixture(t, csv), { kind: 'customers' });
    expect(r).toMatchObject({ rejectedRows: 1 });
    expect(r.rejected[0]).toMatchObject({ line: 4, column: '客户等级', message: expect.stringContaining('金牌') });
    expect(r.rejected[0].message).toContain('Gold Plus');
    const list = (await t.call('customers:list', { sort: 'name', order: 'asc' })).items;
    expect(Object.fromEntries(list.map((c: { name: string; tier: string }) => [c.name, c.tier]))).toEqual({ 甲公司: 'gold_plus', 乙公司: 'gold_plus', 丁公司: 'important' });
    expect(await codes()).toEqual(['vip', 'important', 'normal', 'gold_plus']);
    const sheet = fs.readFileSync(await exportTo(t, 'customers', 'csv'), 'utf8');
    expect(sheet).toMatch(/甲公司,[^\n]*Gold Plus/);
    expect(sheet).not.toContain('gold_plus');
  });
});
