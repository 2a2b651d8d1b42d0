import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext();
});
afterEach(async () => {
  await t.close();
});

describe('customers', () => {
  it('rejects invalid input with a typed zh-CN error naming the field, before any write', async () => {
    const empty = await t.envelope('customers:create', { name: '   ' });
    expect(empty).toEqual({ ok: false, error: { code: 'VALIDATION', field: 'name', key: 'validation.nameBlank', params: { label: { key: 'label.customerName', params: {} } }, message: '客户名称不能为空' } });
    const badTier = await t.envelope('customers:create', { name: '甲公司', tier: 'gold' });
    expect(badTier.error).toMatchObject({ code: 'VALIDATION', field: 'tier' });
    const badPhone = await t.envelope('customers:create', { name: '甲公司', primaryContact: { name: '张三', phone: 'call me' } });
    expect(badPhone.error).toMatchObject({ code: 'VALIDATION', field: 'primaryContact.phone' });
    expect((await t.call('customers:list', {})).total).toBe(0);
  });

  it('keeps names unique among live customers after trimming', async () => {
    await t.call('customers:create', { name: '杭州云启科技有限公司' });
    const dup = await t.envelope('customers:create', { name: '  杭州云启科技有限公司\u3000' });
    expect(dup.error).toMatchObject({ code: 'DUPLICATE', field: 'name' });
  });

  it('finds customers by a Chinese substring of the name, a contact name or a phone', async () => {
    const target = await t.call('customers:create', {
      name: '杭州云启科技有限公司',
      primaryContact: { name: '欧阳娜娜', phone: '138-0013-8000' },
    });
    await t.call('customers:create', { name: '上海恒达贸易有限公司', primaryContact: { name: '李雷', phone: '13911112222' } });
    await t.call('customers:create', { name: '云南白药大药房' });
    const names = async (search: string) => (await t.call('customers:list', { search })).items.map((c: any) => c.name);
    expect(await names('云启')).toEqual(['杭州云启科技有限公司']);
    expect(await names('云启科技')).toEqual(['杭州云启科技有限公司']);
    expect(await names('云')).toEqual(expect.arrayContaining(['杭州云启科技有限公司', '云南白药大药房']));
    expect(await names('欧阳')).toEqual(['杭州云启科技有限公司']);
    expect(await names('00138')).toEqual(['杭州云启科技有限公司']);
    expect(await names('有限公司')).toHaveLength(2);
    expect(await names('启科云')).toEqual([]);
    // Renaming moves the customer in the index.
    await t.call('customers:update', { id: target.id, name: '杭州星河科技有限公司' });
    expect(await names('云启')).toEqual([]);
    expect(await names('星河')).toEqual(['杭州星河科技有限公司']);
  });

  it('filters by tier, owner, tag and expiring-within-days, with paging and totals', async () => {
    const owner = await t.call('owners:create', { name: '张伟' });
    const tag = await t.call('tags:create', { name: '老客户' });
    for (let i = 0; i < 7; i++) {
      const c = await t.call('customers:create', {
        name: `客户${i}`,
        tier: i % 2 ? 'vip' : 'normal',
        ownerId: i < 4 ? owner.id : null,
        tags: i === 0 ? [tag.name] : [],
      });
      await t.call('contracts:create', { customerId: c.id, number: `HT-${i}`, endsOn: `2026-12-0${i + 1}` });
    }
    const list = (input: object) => t.call('customers:list', input);
    expect((await list({ tier: 'vip' })).total).toBe(3);
    expect((await list({ ownerId: owner.id })).total).toBe(4);
    expect((await list({ tagId: tag.id })).items.map((c: any) => c.name)).toEqual(['客户0']);
    expect((await list({ expiringWithinDays: 10 })).total).toBe(7 - 4); // today 2026-11-23 + 10 = 12-03
    const page = await list({ limit: 2, offset: 2 });
    expect(page.total).toBe(7);
    expect(page.items.map((c: any) => c.nextExpiryOn)).toEqual(['2026-12-03', '2026-12-04']);
  });

  it('keeps next_expiry_on as the earliest active end date on every contract write', async () => {
    const c = await t.call('customers:create', { name: '甲公司' });
    const a = await t.call('contracts:create', { customerId: c.id, number: 'A', endsOn: '2027-03-01' });
    const b = await t.call('contracts:create', { customerId: c.id, number: 'B', endsOn: '2026-10-01' });
    const expiry = async () => (await t.call('customers:get', { id: c.id })).nextExpiryOn;
    expect(await expiry()).toBe('2026-10-01'); // overdue counts
    await t.call('contracts:update', { id: b.id, status: 'renewed' });
    expect(await expiry()).toBe('2027-03-01');
    await t.call('contracts:delete', { id: a.id });
    expect(await expiry()).toBeNull();
  });

  it('deletes with undo: the customer and its contacts, contracts and follow-ups come back', async () => {
    const c = await t.call('customers:create', { name: '乙公司', primaryContact: { name: '王芳' } });
    await t.call('contracts:create', { customerId: c.id, number: 'HT-1', endsOn: '2027-01-01' });
    await t.call('followups:create', { customer: c.id, summary: '电话回访', nextFollowUpOn: '2026-11-23' });
    const { undoToken, name } = await t.call('customers:delete', { id: c.id });
    expect(name).toBe('乙公司');
    expect((await t.call('customers:list', {})).total).toBe(0);
    expect((await t.envelope('customers:get', { id: c.id })).error.code).toBe('NOT_FOUND');
    expect((await t.call('customers:list', { search: '乙公司' })).total).toBe(0);

    const restored = await t.call('customers:undoDelete', { undoToken });
    expect(restored.name).toBe('乙公司');
    const detail = await t.call('customers:get', { id: c.id });
    expect(detail.contacts.map((x: any) => x.name)).toEqual(['王芳']);
    expect(detail.contracts.map((x: any) => x.number)).toEqual(['HT-1']);
    expect(detail.nextExpiryOn).toBe('2027-01-01');
    expect((await t.call('followups:due', {})).total).toBe(1);
    expect((await t.call('customers:list', { search: '乙公' })).total).toBe(1);
    expect((await t.envelope('customers:undoDelete', { undoToken })).error.code).toBe('UNDO_CONFLICT');
  });

  it('refuses an undo that would clash with a customer created since, and changes nothing', async () => {
    const c = await t.call('customers:create', { name: '丙公司' });
    const { undoToken } = await t.call('customers:delete', { id: c.id });
    await t.call('customers:create', { name: '丙公司' });
    const undo = await t.envelope('customers:undoDelete', { undoToken });
    expect(undo.error).toMatchObject({ code: 'UNDO_CONFLICT' });
    expect(undo.error.message).toContain('丙公司');
    expect((await t.call('customers:list', {})).total).toBe(1);
  });

  it('refuses a stale version instead of overwriting', async () => {
    const c = await t.call('customers:create', { name: '丁公司' });
    await t.call('customers:update', { id: c.id, version: 1, notes: '第一次' });
    const stale = await t.envelope('customers:update', { id: c.id, version: 1, notes: '覆盖' });
    expect(stale.error).toMatchObject({ code: 'CONFLICT', field: 'version' });
    expect((await t.call('customers:get', { id: c.id })).notes).toBe('第一次');
  });

  it('archives and restores, hiding archived customers from the default list', async () => {
    const c = await t.call('customers:create', { name: '戊公司' });
    await t.call('customers:archive', { id: c.id });
    expect((await t.call('customers:list', {})).total).toBe(0);
    expect((await t.call('customers:list', { archived: 'archived' })).items[0].archived).toBe(true);
    await t.call('customers:unarchive', { id: c.id });
    expect((await t.call('customers:list', {})).total).toBe(1);
  });

  it('takes tag names: an existing live tag is reused, a new name becomes a tag; trimmed, each once, blanks ignored', async () => {
    const existing = await t.call('tags:create', { name: '老客户' });
    const c = await t.call('customers:create', { name: '庚公司', tags: [' 老客户 ', '高意向', '高意向\u3000', '', '  '] });
    expect(c.tags.map((tag: any) => tag.name).sort()).toEqual(['老客户', '高意向'].sort());
    expect(c.tags.find((tag: any) => tag.name === '老客户').id).toBe(existing.id);
    expect((await t.call('tags:list')).items.map((tag: any) => tag.name).sort()).toEqual(['老客户', '高意向'].sort());
    expect((await t.call('customers:list', { tagId: existing.id })).items.map((x: any) => x.name)).toEqual(['庚公司']);
    const tooLong = await t.envelope('customers:create', { name: '辛公司', tags: ['长'.repeat(31)] });
    expect(tooLong.error).toMatchObject({ code: 'VALIDATION', field: 'tags' });
  });

  it('creates the customer and its new tags in one transaction: a failure after the tags leaves no new tag behind', async () => {
    await t.call('customers:create', { name: '壬公司' });
    await t.call('tags:create', { name: '老客户' });
    const dup = await t.envelope('customers:create', { name: '壬公司', tags: ['老客户', '新标签'] });
    expect(dup.error).toMatchObject({ code: 'DUPLICATE', field: 'name' });
    const badOwner = await t.envelope('customers:create', { name: '癸公司', ownerId: 'nobody', tags: ['又一个新标签'] });
    expect(badOwner.error).toMatchObject({ code: 'NOT_FOUND', field: 'ownerId' });
    expect((await t.call('tags:list')).items.map((tag: any) => tag.name)).toEqual(['老客户']);
    expect((await t.call('customers:list', {})).total).toBe(1);
  });

  it('replaces tags by name on update, in the same transaction as the rest of the change', async () => {
    const c = await t.call('customers:create', { name: '子公司', tags: ['老客户'] });
    const renamed = await t.call('customers:update', { id: c.id, version: c.version, notes: '改备注' });
    expect(renamed.tags.map((tag: any) => tag.name)).toEqual(['老客户']); // absent: kept
    const stale = await t.envelope('customers:update', { id: c.id, version: c.version, tags: ['高意向'] });
    expect(stale.error).toMatchObject({ code: 'CONFLICT', field: 'version' });
    expect((await t.call('tags:list')).items.map((tag: any) => tag.name)).toEqual(['老客户']);
    const retagged = await t.call('customers:update', { id: c.id, version: renamed.version, tags: ['高意向', ' 老客户'] });
    expect(retagged.tags.map((tag: any) => tag.name).sort()).toEqual(['老客户', '高意向'].sort());
    const cleared = await t.call('customers:update', { id: c.id, tags: [] });
    expect(cleared.tags).toEqual([]);
  });

  it('stores custom fields and notes', async () => {
    const c = await t.call('customers:create', { name: '己公司', customFields: { 开票抬头: '己公司', 税号: '9133' }, notes: '老客户' });
    const got = await t.call('customers:get', { id: c.id });
    expect(got.customFields).toEqual({ 开票抬头: '己公司', 税号: '9133' });
    expect(got.notes).toBe('老客户');
  });
});
