import type { Tier } from '../domain/enums.ts';

// Reminder wording per tier, with merge fields the user knows from their own spreadsheet.
export const MERGE_FIELDS = ['客户名称', '联系人', '合同编号', '到期日期', '剩余天数', '合同金额', '负责人'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export type MergeValues = Record<MergeField, string>;

// VIP wording asks for a personal call by the owner; the standard wording is a plain heads-up.
export const DEFAULT_TEMPLATES: Record<Tier, string> = {
  vip: '【VIP】{客户名称}的合同 {合同编号}（{合同金额}）将于 {到期日期} 到期，剩余 {剩余天数} 天。请 {负责人} 亲自致电 {联系人} 商谈续约。',
  important: '重要客户 {客户名称} 的合同 {合同编号} 将于 {到期日期} 到期（剩余 {剩余天数} 天），金额 {合同金额}，请 {负责人} 跟进 {联系人}。',
  normal: '{客户名称} 的合同 {合同编号} 将于 {到期日期} 到期，剩余 {剩余天数} 天。负责人：{负责人}。',
};

const FIELD_RE = /\{([^{}]{1,20})\}/g;

/** Replaces each known {字段}; unknown ones stay as typed, so a typo is visible instead of silently blank. */
export function renderTemplate(template: string, values: MergeValues): string {
  return template.replace(FIELD_RE, (whole, name: string) =>
    (MERGE_FIELDS as readonly string[]).includes(name) ? values[name as MergeField] : whole,
  );
}

/** Field names in braces that are not merge fields, for the template editor's warning. */
export function unknownMergeFields(template: string): string[] {
  const out = new Set<string>();
  for (const m of template.matchAll(FIELD_RE)) {
    if (!(MERGE_FIELDS as readonly string[]).includes(m[1]!)) out.add(m[1]!);
  }
  return [...out];
}

/** Values for the live preview in settings, so the user sees real-looking text. */
export const SAMPLE_MERGE_VALUES: MergeValues = {
  客户名称: '杭州云启科技有限公司',
  联系人: '王建华',
  合同编号: 'HT-00042',
  到期日期: '2026-12-31',
  剩余天数: '30',
  合同金额: '¥128,000.00',
  负责人: '李娜',
};
