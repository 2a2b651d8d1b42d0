import { describe, expect, it } from 'vitest';
import { joinLostReason, normalizeChannel, normalizeCycle, normalizeFollowUpKind, normalizeRenewalStage, normalizeTier, splitLostReason } from './normalizeEnums.ts';
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
  it('map 咨询/工单 (issue 13) and 短信 in both languages', () => {
    expect(codes(normalizeChannel, ['短信', 'SMS'])).toEqual(['sms', 'sms']);
    expect(codes(normalizeFollowUpKind, ['咨询', 'Inquiry', '工单', 'ticket'])).toEqual(['inquiry', 'inquiry', 'ticket', 'ticket']);
  });
});

describe('normalizeRenewalStage', () => {
  it('reads the sheet’s 续费状态 words, the stage labels the export writes, codes and English', () => {
    expect(codes(normalizeRenewalStage, ['已续费', '续费中', '未续费'])).toEqual(['renewed', 'negotiating', 'pending']);
    expect(codes(normalizeRenewalStage, ['待跟进', '已联系', '谈判中', '已续费', '已流失'])).toEqual(['pending', 'contacted', 'negotiating', 'renewed', 'lost']);
    expect(codes(normalizeRenewalStage, ['pending', 'Contacted', 'NEGOTIATING', ' renewed ', 'Lost'])).toEqual(['pending', 'contacted', 'negotiating', 'renewed', 'lost']);
    expect(normalizeRenewalStage('  ')).toBeNull();
  });
  it('refuses an unknown word, naming the words it takes', () => {
    expect(zh(normalizeRenewalStage('作废'))).toEqual({
      ok: false,
      message: '无法识别的续费状态「作废」（可填：待跟进、已联系、谈判中、已续费、已流失，或 未续费、续费中）',
    });
    expect(normalizeRenewalStage('作废')).toEqual({ ok: false, message: msg('reasons.unknownRenewalStatus', { text: '作废' }) });
  });
});

describe('流失原因', () => {
  it('splits "reason：note" at the first colon, full-width or ASCII, and joins it back with the full-width one', () => {
    expect(splitLostReason('价格：预算削减: 一半')).toEqual({ reason: '价格', note: '预算削减: 一半' });
    expect(splitLostReason('竞品:换了本地服务商')).toEqual({ reason: '竞品', note: '换了本地服务商' });
    expect(splitLostReason('竞品')).toEqual({ reason: '竞品', note: null });
    expect(splitLostReason('其他：')).toEqual({ reason: '其他', note: null });
    expect(joinLostReason('价格', '预算削减')).toBe('价格：预算削减');
    expect(joinLostReason('竞品', null)).toBe('竞品');
    expect(joinLostReason(null, null)).toBeNull();
    expect(splitLostReason(joinLostReason(null, '只有说明')!)).toEqual({ reason: '', note: '只有说明' });
  });
});
