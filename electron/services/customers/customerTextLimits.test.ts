import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext();
});
afterEach(async () => {
  await t.close();
});

describe('control characters in what a customer holds', () => {
  it('are refused on the field that holds them, worded in the archive language, and nothing is stored', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ name: '杭州云启\n科技' }, 'name', '客户名称只能填写一行，不能包含换行'],
      [{ name: '杭州云启科技', industry: '软件\u0000' }, 'industry', '不能包含控制字符 U+0000'],
      [{ name: '杭州云启科技', tags: ['老客户', '高\u0085意向'] }, 'tags.1', '标签名称不能包含控制字符 U+0085'],
      [{ name: '杭州云启科技', customFields: { 合同类型: '年度\u2028框架' } }, 'customFields.合同类型', '只能填写一行，不能包含换行'],
      [{ name: '杭州云启科技', notes: '第一行\n第二行\u001B' }, 'notes', '不能包含控制字符 U+001B'],
      [{ name: '杭州云启科技', primaryContact: { name: '王芳', title: '总经理\t' + '助理' } }, 'primaryContact.title', '不能包含控制字符 U+0009'],
    ];
    for (const [input, field, message] of cases) {
      const r = await t.envelope('customers:create', input);
      expect(r, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field, message } });
    }
    expect(await t.call('customers:list', {})).toMatchObject({ total: 0 });
  });

  it('keeps line breaks and tabs in notes and follow-up summaries', async () => {
    const c = await t.call('customers:create', { name: '杭州云启科技', notes: '第一行\r\n第二行\t备注' });
    expect(c.notes).toBe('第一行\n第二行\t备注');
    const f = await t.call('followups:create', { customer: c.id, summary: '电话回访\n客户满意' });
    expect(f.summary).toBe('电话回访\n客户满意');
    expect(await t.envelope('followups:create', { customer: c.id, summary: '电话回访\u0007' })).toMatchObject({ ok: false, error: { field: 'summary' } });
  });
});
