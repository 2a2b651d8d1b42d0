import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, defaultTemplates, mergeFieldNames, renderReminder, renderTemplate, SAMPLE_MERGE_VALUES, sampleMergeValues, unknownMergeFields } from './reminderTemplate.ts';

describe('renderTemplate', () => {
  it('fills every merge field, as often as it appears', () => {
    const text = renderTemplate('{客户名称}|{联系人}|{合同编号}|{到期日期}|{剩余天数}|{合同金额}|{负责人}|{客户名称}', SAMPLE_MERGE_VALUES);
    expect(text).toBe('杭州云启科技有限公司|王建华|HT-00042|2026-12-31|30|¥128,000.00|李娜|杭州云启科技有限公司');
  });

  it('leaves unknown fields visible and lists them for the editor', () => {
    expect(renderTemplate('{客户名}：{剩余天数} 天', SAMPLE_MERGE_VALUES)).toBe('{客户名}：30 天');
    expect(unknownMergeFields('{客户名} {剩余天数} {金额}')).toEqual(['客户名', '金额']);
  });

  it('does not treat values as templates (a customer named “{负责人}” stays literal)', () => {
    expect(renderTemplate('{客户名称}', { ...SAMPLE_MERGE_VALUES, 客户名称: '{负责人}$&' })).toBe('{负责人}$&');
  });

  it('words VIP reminders differently from standard ones', () => {
    const vip = renderTemplate(DEFAULT_TEMPLATES.vip, SAMPLE_MERGE_VALUES);
    const normal = renderTemplate(DEFAULT_TEMPLATES.normal, SAMPLE_MERGE_VALUES);
    expect(vip).toMatch(/^【VIP】杭州云启科技有限公司/);
    expect(vip).toContain('亲自致电 王建华');
    expect(normal).not.toContain('VIP');
    expect(normal).toBe('杭州云启科技有限公司 的合同 HT-00042 将于 2026-12-31 到期，剩余 30 天。负责人：李娜。');
  });

  it('knows every field by its English name too, in the same template as the Chinese one', () => {
    expect(renderTemplate('{customer}|{contact}|{contractNo}|{endDate}|{daysLeft}|{amount}|{owner}|{客户名称}', SAMPLE_MERGE_VALUES)).toBe(
      '杭州云启科技有限公司|王建华|HT-00042|2026-12-31|30|¥128,000.00|李娜|杭州云启科技有限公司',
    );
    expect(unknownMergeFields('{customer} {Customer} {daysleft}')).toEqual(['Customer', 'daysleft']);
    expect(mergeFieldNames('en-US')).toEqual(['customer', 'contact', 'contractNo', 'endDate', 'daysLeft', 'amount', 'owner']);
  });

  it('has English default wording that uses only known fields and renders without Chinese', () => {
    for (const template of Object.values(defaultTemplates('en-US'))) {
      expect(unknownMergeFields(template)).toEqual([]);
      const text = renderTemplate(template, sampleMergeValues('en-US'));
      expect(text).not.toMatch(/[\u4e00-\u9fff{}]/);
    }
    expect(renderTemplate(defaultTemplates('en-US').normal, sampleMergeValues('en-US'))).toBe(
      'Northwind Cloud Ltd: contract HT-00042 ends on 2026-12-31, 30 days left. Owner: Li Na.',
    );
    expect(defaultTemplates('zh-CN')).toBe(DEFAULT_TEMPLATES);
  });
});

describe('renderReminder', () => {
  const noOwner = { ...SAMPLE_MERGE_VALUES, 负责人: '' };
  it('leaves the owner out when there is none, instead of "负责人：负责人。"', () => {
    expect(renderReminder(DEFAULT_TEMPLATES.normal, noOwner, 30)).toBe('杭州云启科技有限公司 的合同 HT-00042 将于 2026-12-31 到期，剩余 30 天。');
    expect(renderReminder(DEFAULT_TEMPLATES.vip, noOwner, 30)).toContain('请亲自致电 王建华 商谈续约。');
    expect(renderReminder(defaultTemplates('en-US').important, { ...sampleMergeValues('en-US'), 负责人: '' }, 30)).toContain('worth ¥128,000.00. Please follow up with Wang Jianhua.');
  });
  it('says how many days overdue, never a negative number of days left', () => {
    const text = renderReminder(DEFAULT_TEMPLATES.normal, { ...SAMPLE_MERGE_VALUES, 剩余天数: '-185' }, -185);
    expect(text).toBe('杭州云启科技有限公司 的合同 HT-00042 已于 2026-12-31 到期，已逾期 185 天。负责人：李娜。');
    expect(renderReminder(defaultTemplates('en-US').normal, sampleMergeValues('en-US'), -3)).toContain('ended on 2026-12-31, 3 days overdue.');
    expect(renderReminder('{客户名称} 剩余 {daysLeft} 天', SAMPLE_MERGE_VALUES, -2)).toBe('杭州云启科技有限公司 已逾期 2 天');
  });
  it('fills the usual case exactly as renderTemplate does', () => {
    for (const t of Object.values(DEFAULT_TEMPLATES)) expect(renderReminder(t, SAMPLE_MERGE_VALUES, 30)).toBe(renderTemplate(t, SAMPLE_MERGE_VALUES));
  });
});
