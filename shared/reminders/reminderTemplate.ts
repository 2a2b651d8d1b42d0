import type { BuiltinTier } from '../domain/enums.ts';
import type { Locale } from '../i18n/enumLabels.ts';

// Reminder wording per tier, with merge fields the user knows from their own spreadsheet.
export const MERGE_FIELDS = ['客户名称', '联系人', '合同编号', '到期日期', '剩余天数', '合同金额', '负责人'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export type MergeValues = Record<MergeField, string>;

/** The same fields by English names, for wording written in English; any template may use either name. */
export const MERGE_FIELD_NAMES_EN = {
  客户名称: 'customer',
  联系人: 'contact',
  合同编号: 'contractNo',
  到期日期: 'endDate',
  剩余天数: 'daysLeft',
  合同金额: 'amount',
  负责人: 'owner',
} as const satisfies Record<MergeField, string>;

export type MergeFieldEn = (typeof MERGE_FIELD_NAMES_EN)[MergeField];

/** Merge values given by the fields' English names, for code that has no business with the Chinese ones. */
export function mergeValuesOf(byName: Record<MergeFieldEn, string>): MergeValues {
  return Object.fromEntries(MERGE_FIELDS.map((f) => [f, byName[MERGE_FIELD_NAMES_EN[f]]])) as MergeValues;
}

// Messages to the customer (issue 14, shared/messages/customerMessages.ts) add fields of their own, filled only
// where they mean something (a holiday's name in a holiday greeting); a field without a value stays as typed.
export const CARE_MERGE_FIELDS = ['节日', '优惠', '分期', '赠品', '生日'] as const;
export type CareMergeField = (typeof CARE_MERGE_FIELDS)[number];
export const CARE_FIELD_NAMES_EN = { 节日: 'holiday', 优惠: 'offer', 分期: 'instalments', 赠品: 'gift', 生日: 'birthday' } as const satisfies Record<
  CareMergeField,
  string
>;
/** Shorter names for the same fields, as a message to the customer reads them: {客户}, {到期日}, {金额}. */
export const MERGE_FIELD_SHORT_NAMES = { 客户: '客户名称', 到期日: '到期日期', 金额: '合同金额' } as const satisfies Record<string, MergeField>;
export type AnyMergeField = MergeField | CareMergeField;
/** Values for a message to the customer: the reminder's fields and any of the care fields. */
export type CareMergeValues = MergeValues & Partial<Record<CareMergeField, string>>;
export type CareFieldEn = (typeof CARE_FIELD_NAMES_EN)[CareMergeField];

/** A message's values from the reminder's and the care fields' English names (undefined: not known here). */
export function careValuesOf(base: MergeValues, extra: Partial<Record<CareFieldEn, string>>): CareMergeValues {
  const out: CareMergeValues = { ...base };
  for (const f of CARE_MERGE_FIELDS) {
    const v = extra[CARE_FIELD_NAMES_EN[f]];
    if (v !== undefined) out[f] = v;
  }
  return out;
}

const FIELD_BY_NAME = new Map<string, MergeField>([
  ...MERGE_FIELDS.map((f) => [f, f] as const),
  ...MERGE_FIELDS.map((f) => [MERGE_FIELD_NAMES_EN[f], f] as const),
]);

const CARE_FIELD_BY_NAME = new Map<string, AnyMergeField>([
  ...FIELD_BY_NAME,
  ...CARE_MERGE_FIELDS.map((f) => [f, f] as const),
  ...CARE_MERGE_FIELDS.map((f) => [CARE_FIELD_NAMES_EN[f], f] as const),
  ...Object.entries(MERGE_FIELD_SHORT_NAMES),
]);

/** The names the template editor offers, in the UI's language. */
export function mergeFieldNames(locale: Locale): string[] {
  return MERGE_FIELDS.map((f) => (locale === 'zh-CN' ? f : MERGE_FIELD_NAMES_EN[f]));
}

// VIP wording asks for a personal call by the owner; the standard wording is a plain heads-up.
export const DEFAULT_TEMPLATES: Record<BuiltinTier, string> = {
  vip: '【VIP】{客户名称}的合同 {合同编号}（{合同金额}）将于 {到期日期} 到期，剩余 {剩余天数} 天。请 {负责人} 亲自致电 {联系人} 商谈续约。',
  important: '重要客户 {客户名称} 的合同 {合同编号} 将于 {到期日期} 到期（剩余 {剩余天数} 天），金额 {合同金额}，请 {负责人} 跟进 {联系人}。',
  normal: '{客户名称} 的合同 {合同编号} 将于 {到期日期} 到期，剩余 {剩余天数} 天。负责人：{负责人}。',
};

export const DEFAULT_TEMPLATES_EN: Record<BuiltinTier, string> = {
  vip: '[VIP] {customer}: contract {contractNo} ({amount}) ends on {endDate}, in {daysLeft} days. {owner}, please call {contact} in person about the renewal.',
  important: 'Key customer {customer}: contract {contractNo} ends on {endDate} ({daysLeft} days left), worth {amount}. {owner}, please follow up with {contact}.',
  normal: '{customer}: contract {contractNo} ends on {endDate}, {daysLeft} days left. Owner: {owner}.',
};

/** The wording used while a tier has none of its own: in the archive's language. */
export function defaultTemplates(locale: Locale): Record<BuiltinTier, string> {
  return locale === 'zh-CN' ? DEFAULT_TEMPLATES : DEFAULT_TEMPLATES_EN;
}

const FIELD_RE = /\{([^{}]{1,20})\}/g;

/** Replaces each known {字段}; unknown ones stay as typed, so a typo is visible instead of silently blank. */
export function renderTemplate(template: string, values: MergeValues): string {
  return fillFields(template, values, FIELD_BY_NAME);
}

/** A message to the customer: the same filling, with the care fields and the short names too. */
export function renderCareMessage(template: string, values: CareMergeValues): string {
  return fillFields(template, values, CARE_FIELD_BY_NAME);
}

function fillFields(template: string, values: CareMergeValues, names: ReadonlyMap<string, AnyMergeField>): string {
  return template.replace(FIELD_RE, (whole, name: string) => {
    const field = names.get(name);
    return field ? (values[field] ?? whole) : whole;
  });
}

/** The names a message template may use, in the UI's language (short names in Chinese). */
export function careMergeFieldNames(locale: Locale): string[] {
  if (locale !== 'zh-CN') return [...MERGE_FIELDS.map((f) => MERGE_FIELD_NAMES_EN[f]), ...CARE_MERGE_FIELDS.map((f) => CARE_FIELD_NAMES_EN[f])];
  const short = new Map<string, string>(Object.entries(MERGE_FIELD_SHORT_NAMES).map(([s, f]) => [f, s]));
  return [...MERGE_FIELDS.map((f) => short.get(f) ?? f), ...CARE_MERGE_FIELDS];
}

/** Field names in braces that a message to the customer does not know. */
export function unknownCareFields(template: string): string[] {
  return [...new Set([...template.matchAll(FIELD_RE)].map((m) => m[1]!).filter((n) => !CARE_FIELD_BY_NAME.has(n)))];
}

/** Field names in braces that are not merge fields, for the template editor's warning. */
export function unknownMergeFields(template: string): string[] {
  const out = new Set<string>();
  for (const m of template.matchAll(FIELD_RE)) {
    if (!FIELD_BY_NAME.has(m[1]!)) out.add(m[1]!);
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

const SAMPLE_MERGE_VALUES_EN: MergeValues = {
  ...SAMPLE_MERGE_VALUES,
  客户名称: 'Northwind Cloud Ltd',
  联系人: 'Wang Jianhua',
  负责人: 'Li Na',
};

export function sampleMergeValues(locale: Locale): MergeValues {
  return locale === 'zh-CN' ? SAMPLE_MERGE_VALUES : SAMPLE_MERGE_VALUES_EN;
}

// A template is written for the usual case: an owner, days still to go. Two cases read wrong when filled as
// is: no owner ("负责人：负责人。") and a term already past its end ("剩余 -185 天"). These rewrite the template
// first, for the standard phrasings in either language and for a user's template that reuses them.
const FIELD_NAMES = (field: MergeField) => `(?:${field}|${MERGE_FIELD_NAMES_EN[field]})`;
const OVERDUE_REWRITES: readonly [RegExp, string][] = [
  [new RegExp(`剩余\\s*\\{${FIELD_NAMES('剩余天数')}\\}\\s*天`, 'g'), '已逾期 {剩余天数} 天'],
  [new RegExp(`将于\\s*\\{${FIELD_NAMES('到期日期')}\\}\\s*到期`, 'g'), '已于 {到期日期} 到期'],
  [new RegExp(`in \\{${FIELD_NAMES('剩余天数')}\\} days`, 'g'), '{剩余天数} days ago'],
  [new RegExp(`\\{${FIELD_NAMES('剩余天数')}\\} days left`, 'g'), '{剩余天数} days overdue'],
  [new RegExp(`ends on \\{${FIELD_NAMES('到期日期')}\\}`, 'g'), 'ended on {到期日期}'],
];

/** Drops a field that has no value: a "label：{field}。" sentence whole, otherwise the field and its comma. */
function withoutField(template: string, field: MergeField): string {
  const name = FIELD_NAMES(field);
  return template
    .replace(new RegExp(`[^。！？.!?{}]*[：:]\\s*\\{${name}\\}\\s*[。.]?\\s*`, 'g'), '')
    .replace(new RegExp(`\\{${name}\\}[,，]\\s*`, 'g'), '')
    .replace(new RegExp(`\\s?\\{${name}\\}\\s?`, 'g'), '')
    .replace(/([.!?]\s+)([a-z])/g, (_all, stop: string, letter: string) => stop + letter.toUpperCase())
    .trim();
}

/**
 * A reminder's text: `values` as for renderTemplate, with an empty value meaning "none" (no owner), and
 * `daysLeft` the signed days to the end date (negative once overdue, shown as a count of days overdue).
 */
export function renderReminder(template: string, values: MergeValues, daysLeft: number): string {
  let text = template;
  const filled = { ...values };
  if (daysLeft < 0) {
    for (const [pattern, replacement] of OVERDUE_REWRITES) text = text.replace(pattern, replacement);
    filled.剩余天数 = String(Math.abs(daysLeft));
  }
  for (const field of MERGE_FIELDS) if (filled[field] === '') text = withoutField(text, field);
  return renderTemplate(text, filled);
}
