import { describe, expect, it } from 'vitest';
import { normalizeChannel, normalizeCycle, normalizeFollowUpKind, normalizeTier } from './normalizeEnums.ts';
import { msg, renderIn, type Message } from '../i18n/message.ts';

/** A refusal with its reason worded the way a zh-CN archive shows it. */
function zh<R extends object | null>(r: R) {
  return r !== null && 'message' in r && typeof r.message === 'object' && r.message !== null ? { ...r, message: renderIn('zh-CN', r.message as Message) } : r;
}

const codes = (f: (s: string) => unknown, words: string[]) => words.map((w) => (f(w) as { value?: string } | null)?.value);

describe('normalizeCycle', () => {
  it('maps Chinese and English cycle words, ignoring case and spaces', () => {
    expect(codes(normalizeCycle, ['月', '月度', '每月', 'monthly', 'Monthly'])).toEqual(Array(5).fill('month'));
    expect(codes(normalizeCycle, ['季', '季度', 'quarterly', 'QUARTERLY'])).toEqual(Array(4).fill('quarter'));
    expect(codes(normalizeCycle, ['半年', '半年度', 'semiannual', 'Semi-Annual'])).toEqual(Array(4).fill('half_year'));
    expect(codes(normalizeCycle, ['年', '年度', '每年', 'annual', 'yearly', 'Yearly '])).toEqual(Array(6).fill('year'));
    expect(codes(normalizeCycle, ['一次性', 'one-time', 'once', 'One Time'])).toEqual(Array(4).fill('once'));
  });
  it('refuses unknown words and passes blanks', () => {
    expect(zh(normalizeCycle('两年'))).toMatchObject({ ok: false, message: expect.stringContaining('两年') });
    expect(normalizeCycle(' ')).toBeNull();
  });
});

describe('normalizeTier', () => {
  it('keeps the three tiers apart', () => {
    expect(codes(normalizeTier, ['VIP', 'vip', '重要', '普通', 'Important', 'normal'])).toEqual([
      'vip',
      'vip',
      'important',
      'normal',
      'important',
      'normal',
    ]);
    expect(zh(normalizeTier('金牌'))).toMatchObject({ ok: false, message: expect.stringContaining('VIP、重要、普通') });
    expect(normalizeTier('金牌')).toEqual({ ok: false, message: { key: 'reasons.unknownTier', params: { text: '金牌' } } });
    expect(renderIn('en-US', msg('reasons.unknownTier', { text: 'gold' }))).toBe('Unknown tier “gold” (use VIP, key or standard)');
  });
});

describe('follow-up channel and kind', () => {
  it('map their labels in both languages', () => {
    expect(codes(normalizeChannel, ['电话', '微信', 'WeChat', '拜访', '邮件', '其他'])).toEqual(['phone', 'wechat', 'wechat', 'visit', 'email', 'other']);
    expect(codes(normalizeFollowUpKind, ['回访', '续约沟通', 'Complaint', '其他'])).toEqual(['revisit', 'renewal', 'complaint', 'other']);
  });
});
