// Cycle, tier, channel and follow-up kind from the words people write; English words ignore case.
import type { Cycle, FollowUpChannel, FollowUpKind, Tier } from '../domain/enums.ts';
import { toHalfWidth } from './halfWidth.ts';
import type { MessageKey } from '../i18n/createTranslator.ts';
import { msg, type Message } from '../i18n/message.ts';

export type EnumResult<T> = { ok: true; value: T } | { ok: false; message: Message };

function table<T extends string>(entries: Record<T, readonly string[]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [code, words] of Object.entries(entries) as [T, readonly string[]][]) {
    map.set(key(code), code);
    for (const w of words) map.set(key(w), code);
  }
  return map;
}
const key = (s: string) => toHalfWidth(s).trim().toLowerCase().replace(/[\s_-]/g, '');

const CYCLES = table<Cycle>({
  month: ['月', '月度', '每月', '月付', '按月', 'monthly', 'month'],
  quarter: ['季', '季度', '每季', '每季度', '季付', '按季', 'quarterly', 'quarter'],
  half_year: ['半年', '半年度', '每半年', '半年付', 'semiannual', 'semi-annual', 'semiannually', 'half-year', 'half year', 'halfyearly'],
  year: ['年', '年度', '每年', '年付', '按年', 'annual', 'annually', 'yearly', 'year'],
  once: ['一次性', '单次', 'one-time', 'onetime', 'one time', 'once'],
});

const TIERS = table<Tier>({
  vip: ['VIP', 'vip客户'],
  important: ['重要', '重要客户', 'important', 'key'],
  normal: ['普通', '普通客户', '一般', 'normal', 'standard'],
});

const CHANNELS = table<FollowUpChannel>({
  phone: ['电话', '致电', '打电话', 'phone', 'call'],
  wechat: ['微信', 'wechat', 'weixin'],
  visit: ['拜访', '上门', '面谈', 'visit', 'meeting'],
  email: ['邮件', '电子邮件', 'email', 'e-mail', 'mail'],
  other: ['其他', '其它', 'other'],
});

const FOLLOW_UP_KINDS = table<FollowUpKind>({
  revisit: ['回访', 'check-in', 'checkin', 'revisit'],
  renewal: ['续约沟通', '续约', '续费', 'renewal', 'renewal talk'],
  complaint: ['投诉', 'complaint'],
  other: ['其他', '其它', 'other'],
});

/** `unknown`: the reason, naming the words the field accepts. */
function lookup<T>(map: Map<string, T>, text: string, unknown: MessageKey): EnumResult<T> | null {
  const k = key(text);
  if (k === '') return null;
  const value = map.get(k);
  return value === undefined ? { ok: false, message: msg(unknown, { text: text.trim() }) } : { ok: true, value };
}

export const normalizeCycle = (text: string) => lookup(CYCLES, text, 'reasons.unknownCycle');
export const normalizeTier = (text: string) => lookup(TIERS, text, 'reasons.unknownTier');
export const normalizeChannel = (text: string) => lookup(CHANNELS, text, 'reasons.unknownChannel');
export const normalizeFollowUpKind = (text: string) => lookup(FOLLOW_UP_KINDS, text, 'reasons.unknownFollowUpKind');
