// Cycle, tier, channel, follow-up kind and 续费状态 from the words people write; English words ignore case.
import type { Cycle, FollowUpChannel, FollowUpKind, RenewalStage, Tier } from '../domain/enums.ts';
import { isBuiltinTier, type BuiltinTier } from '../domain/enums.ts';
import { labelOf, tierLabels } from '../i18n/enumLabels.ts';
import { DEFAULT_TIER_TABLE, tierNameKey, type TierInfo } from '../tiers/tierTable.ts';
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

const CHANNELS = table<FollowUpChannel>({
  phone: ['电话', '致电', '打电话', 'phone', 'call'],
  wechat: ['微信', 'wechat', 'weixin'],
  visit: ['拜访', '上门', '面谈', 'visit', 'meeting'],
  email: ['邮件', '电子邮件', 'email', 'e-mail', 'mail'],
  sms: ['短信', '短消息', 'sms', 'text message'],
  other: ['其他', '其它', 'other'],
});

const FOLLOW_UP_KINDS = table<FollowUpKind>({
  revisit: ['回访', 'check-in', 'checkin', 'revisit'],
  renewal: ['续约沟通', '续约', '续费', 'renewal', 'renewal talk'],
  complaint: ['投诉', 'complaint'],
  inquiry: ['咨询', '问询', 'inquiry', 'enquiry'],
  ticket: ['工单', '服务工单', 'ticket', 'support ticket'],
  other: ['其他', '其它', 'other'],
});

/** The sheet's 续费状态 words (已续费/续费中/未续费), the stage labels (what the export writes) and their codes. */
const RENEWAL_STAGES = table<RenewalStage>({
  pending: ['待跟进', '未续费', '未续约', '待续费', '待续约', 'not renewed'],
  contacted: ['已联系', 'contacted'],
  negotiating: ['谈判中', '续费中', '续约中', '洽谈中', 'negotiating', 'in progress'],
  renewed: ['已续费', '已续约', 'renewed'],
  lost: ['已流失', '流失', '不续费', '不续约', 'lost', 'churned'],
});

/** `unknown`: the reason, naming the words the field accepts. */
function lookup<T>(map: Map<string, T>, text: string, unknown: MessageKey): EnumResult<T> | null {
  const k = key(text);
  if (k === '') return null;
  const value = map.get(k);
  return value === undefined ? { ok: false, message: msg(unknown, { text: text.trim() }) } : { ok: true, value };
}

export const normalizeCycle = (text: string) => lookup(CYCLES, text, 'reasons.unknownCycle');
// The words people write for the built-ins besides their names (what the import accepted before 0019).
const BUILTIN_WORDS: Record<BuiltinTier, readonly string[]> = {
  vip: ['VIP', 'vip客户'],
  important: ['重要', '重要客户', 'important', 'key'],
  normal: ['普通', '普通客户', '一般', 'normal', 'standard'],
};

/**
 * Every word that names a tier, by its key: the code, the current name, and for a built-in its catalogue names
 * in both languages and the usual synonyms. A name a custom tier took wins over a built-in's synonym.
 */
export function tierWords(tiers: readonly TierInfo[]): Map<string, Tier> {
  const words = new Map<string, Tier>();
  for (const t of tiers) {
    if (!isBuiltinTier(t.code)) continue;
    for (const w of [...BUILTIN_WORDS[t.code], labelOf(tierLabels, t.code, 'zh-CN'), labelOf(tierLabels, t.code, 'en-US')]) words.set(tierNameKey(w), t.code);
  }
  for (const t of tiers) words.set(tierNameKey(t.code), t.code);
  for (const t of tiers) if (t.name !== null) words.set(tierNameKey(t.name), t.code);
  return words;
}

/**
 * 客户等级 against the tier table (migration 0019): a code, a name (a renamed built-in's, a custom tier's) or a
 * built-in's usual words, case- and width-insensitive. An unknown word is the row's issue; no tier is created.
 */
export function normalizeTier(text: string, tiers: readonly TierInfo[] = DEFAULT_TIER_TABLE): EnumResult<Tier> | null {
  const k = tierNameKey(text);
  if (k === '') return null;
  const value = tierWords(tiers).get(k);
  if (value !== undefined) return { ok: true, value };
  const custom = tiers.filter((t) => !t.builtin && t.name !== null).map((t) => t.name!);
  return custom.length === 0
    ? { ok: false, message: msg('reasons.unknownTier', { text: text.trim() }) }
    : { ok: false, message: msg('reasons.unknownTierOrCustom', { text: text.trim(), custom: custom.join(' / ') }) };
}
export const normalizeChannel = (text: string) => lookup(CHANNELS, text, 'reasons.unknownChannel');
export const normalizeFollowUpKind = (text: string) => lookup(FOLLOW_UP_KINDS, text, 'reasons.unknownFollowUpKind');
export const normalizeRenewalStage = (text: string) => lookup(RENEWAL_STAGES, text, 'reasons.unknownRenewalStatus');

/** Between a lost reason and its note in the 流失原因 cell: what the export writes; an ASCII colon reads the same. */
export const LOST_REASON_SEPARATOR = '：';

/** 流失原因 as "reason" or "reason：note" (the first colon, full-width or ASCII, splits). */
export function splitLostReason(text: string): { reason: string; note: string | null } {
  const at = text.search(/[:：]/);
  if (at < 0) return { reason: text.trim(), note: null };
  const note = text.slice(at + 1).trim();
  return { reason: text.slice(0, at).trim(), note: note === '' ? null : note };
}

export function joinLostReason(reason: string | null, note: string | null): string | null {
  if (reason === null || reason === '') return note === null || note === '' ? null : `${LOST_REASON_SEPARATOR}${note}`;
  return note === null || note === '' ? reason : `${reason}${LOST_REASON_SEPARATOR}${note}`;
}
