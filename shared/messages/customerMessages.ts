import type { BuiltinTier } from '../domain/enums.ts';
import type { Locale } from '../i18n/enumLabels.ts';
import type { CareMergeValues } from '../reminders/reminderTemplate.ts';

// Messages to the customer (issue 14): what the owner copies into WeChat or an SMS. One wording per tier and kind;
// a tier that has none of its own uses the built-in one below, in the archive's language. Rendered by the reminder
// template's engine (renderCareMessage), so the same {字段} names work in both.

export const MESSAGE_KINDS = ['expiry', 'birthday', 'holiday', 'survey', 'offer'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

type Wording = Record<MessageKind, string>;

const ZH: Wording = {
  expiry: '{联系人}您好，贵司（{客户}）的合同 {合同编号} 将于 {到期日} 到期。续约事宜我随时为您服务，如有需要请回复或来电。{负责人}',
  birthday: '{联系人}您好，今天是您的生日（{生日}），祝您生日快乐、身体健康、万事如意！感谢您一直以来对我们的支持。{负责人}',
  holiday: '{联系人}您好，{节日}将至，祝您和家人{节日}快乐、阖家幸福！感谢{客户}一直以来的信任与支持。{负责人}',
  survey: '{联系人}您好，为了把服务做得更好，想请您花一分钟为我们的产品质量、服务态度和问题解决效率打个分（1–5 分），直接回复即可，谢谢！{负责人}',
  offer: '{联系人}您好，贵司合同 {合同编号} 将于 {到期日} 到期。本次续约优惠：{优惠}。付款方式：{分期}。续约赠品：{赠品}。期待继续合作！{负责人}',
};

const ZH_VIP: Wording = {
  ...ZH,
  birthday: '尊敬的{联系人}，值此生日（{生日}）之际，谨代表公司全体同仁祝您生日快乐、事业兴旺！{客户}是我们最珍视的伙伴，感谢您的长期信任。{负责人}',
  holiday: '尊敬的{联系人}，{节日}将至，谨代表公司向您和{客户}全体同仁致以节日的问候，祝{节日}快乐、万事顺意！{负责人}',
};

const EN: Wording = {
  expiry: 'Hello {contact}, the contract {contractNo} of {customer} ends on {endDate}. I am happy to help with the renewal whenever suits you. {owner}',
  birthday: 'Hello {contact}, happy birthday ({birthday})! Wishing you health and every success, and thank you for your support. {owner}',
  holiday: 'Hello {contact}, {holiday} is coming: best wishes to you and your family for {holiday}, and thank you for the trust of {customer}. {owner}',
  survey: 'Hello {contact}, could you spare a minute to score our product quality, service attitude and problem-solving speed (1–5)? Just reply to this message. Thank you! {owner}',
  offer: 'Hello {contact}, contract {contractNo} ends on {endDate}. Renewal offer: {offer}. Payment: {instalments}. Gift: {gift}. We look forward to working with you again! {owner}',
};

const EN_VIP: Wording = {
  ...EN,
  birthday: 'Dear {contact}, on your birthday ({birthday}) all of us send our warmest wishes. {customer} is one of our most valued partners: thank you for your long trust. {owner}',
  holiday: 'Dear {contact}, as {holiday} approaches, we send our greetings to you and everyone at {customer}. Happy {holiday}! {owner}',
};

/** The built-in wording of a tier (VIP is more formal; every other tier has the plain one). */
export function defaultMessageTemplate(tier: string, kind: MessageKind, locale: Locale): string {
  const vip = tier === ('vip' satisfies BuiltinTier);
  if (locale === 'zh-CN') return (vip ? ZH_VIP : ZH)[kind];
  return (vip ? EN_VIP : EN)[kind];
}

/** A sentence about a blank optional field reads wrong ("续约赠品：。"): the whole sentence is dropped. */
const sentenceWith = (names: string) => new RegExp(`[^。！？.!?]*\\{(?:${names})\\}[^。！？.!?]*[。！？.!?]?\\s*`, 'g');
const OPTIONAL_PARTS: readonly [field: keyof CareMergeValues, pattern: RegExp][] = [
  ['优惠', sentenceWith('优惠|offer')],
  ['分期', sentenceWith('分期|instalments')],
  ['赠品', sentenceWith('赠品|gift')],
  ['生日', /\s?[（(]\{(?:生日|birthday)\}[）)]/g],
];

/** The template with the parts about blank optional fields removed, before it is filled. */
export function withoutBlankParts(template: string, values: CareMergeValues): string {
  let out = template;
  for (const [field, pattern] of OPTIONAL_PARTS) if (!values[field]) out = out.replace(pattern, '');
  return out;
}

/** Sample values for the settings preview, in the UI's language. */
export function sampleCareValues(locale: Locale): Partial<CareMergeValues> {
  return locale === 'zh-CN'
    ? { 节日: '中秋节', 优惠: '续约两年九折', 分期: '分 2 期：2027-01-01 ¥64,000.00，2027-07-01 ¥64,000.00', 赠品: '免费上门培训一次', 生日: '12 月 31 日' }
    : { 节日: 'Mid-Autumn Festival', 优惠: '10% off a two-year renewal', 分期: '2 instalments: 2027-01-01 ¥64,000.00, 2027-07-01 ¥64,000.00', 赠品: 'one free on-site training', 生日: '31 December' };
}

export interface GreetingSettings {
  /** How many days before a birthday or a holiday's first day the greeting reminder comes. */
  daysAhead: number;
  /** The tiers whose customers get holiday greeting reminders (every customer would be too many for most shops). */
  holidayTiers: string[];
}

export const MAX_GREETING_DAYS_AHEAD = 30;
export const DEFAULT_GREETING_SETTINGS: GreetingSettings = { daysAhead: 3, holidayTiers: ['vip'] };

/** The stored setting, each part falling back to its default when absent or malformed. */
export function greetingSettingsOf(stored: unknown): GreetingSettings {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Partial<GreetingSettings>;
  const days = s.daysAhead;
  return {
    daysAhead: typeof days === 'number' && Number.isInteger(days) && days >= 0 && days <= MAX_GREETING_DAYS_AHEAD ? days : DEFAULT_GREETING_SETTINGS.daysAhead,
    holidayTiers: Array.isArray(s.holidayTiers) && s.holidayTiers.every((t) => typeof t === 'string') ? [...s.holidayTiers] : [...DEFAULT_GREETING_SETTINGS.holidayTiers],
  };
}
