import { describe, expect, it } from 'vitest';
import { normalizeAmount } from './normalizeAmount.ts';
import { msg, renderIn, type Message } from '../i18n/message.ts';

/** A refusal with its reason worded the way a zh-CN archive shows it. */
function zh<R extends object | null>(r: R) {
  return r !== null && 'message' in r && typeof r.message === 'object' && r.message !== null ? { ...r, message: renderIn('zh-CN', r.message as Message) } : r;
}

const fen = (n: number, rounded = false) => ({ ok: true, fen: n, rounded });

describe('normalizeAmount', () => {
  it('reads the forms the issue lists, with or without spaces', () => {
    expect(normalizeAmount('12800')).toEqual(fen(1_280_000));
    expect(normalizeAmount('12,800.00')).toEqual(fen(1_280_000));
    expect(normalizeAmount('¥12,800')).toEqual(fen(1_280_000));
    expect(normalizeAmount('￥12800元')).toEqual(fen(1_280_000));
    expect(normalizeAmount('1.28万')).toEqual(fen(1_280_000));
    expect(normalizeAmount('1.28万元')).toEqual(fen(1_280_000));
    expect(normalizeAmount('RMB 12800')).toEqual(fen(1_280_000));
    expect(normalizeAmount('RMB12800')).toEqual(fen(1_280_000));
    expect(normalizeAmount('rmb 12,800.00')).toEqual(fen(1_280_000));
    expect(normalizeAmount('¥ 12 800')).toEqual(fen(1_280_000));
    expect(normalizeAmount('  12800 ')).toEqual(fen(1_280_000));
    expect(normalizeAmount('CNY 88,000.50')).toEqual(fen(8_800_050));
    expect(normalizeAmount('１２８００')).toEqual(fen(1_280_000));
    expect(normalizeAmount('32万')).toEqual(fen(32_000_000));
    expect(normalizeAmount('0')).toEqual(fen(0));
    expect(normalizeAmount('19800.8')).toEqual(fen(1_980_080));
  });

  it('is exact where binary floating point is not', () => {
    expect(normalizeAmount('0.29')).toEqual(fen(29));
    expect(normalizeAmount('1.005万')).toEqual(fen(1_005_000));
    expect(normalizeAmount('1.2345678万')).toEqual(fen(1_234_568, true));
  });

  it('rounds more than two decimals half-up to the fen and says so', () => {
    expect(normalizeAmount('12800.005')).toEqual(fen(1_280_001, true));
    expect(normalizeAmount('12800.004')).toEqual(fen(1_280_000, true));
    expect(normalizeAmount('0.125')).toEqual(fen(13, true));
    expect(normalizeAmount('12800.000')).toEqual(fen(1_280_000, false));
  });

  it('treats a blank cell as no amount', () => {
    expect(normalizeAmount('')).toBeNull();
    expect(normalizeAmount(' \u3000')).toBeNull();
  });

  it('refuses negatives and text, naming the value', () => {
    expect(zh(normalizeAmount('-3,500.00'))).toEqual({ ok: false, message: '合同金额不能为负数：-3,500.00' });
    expect(zh(normalizeAmount('-1200'))).toMatchObject({ ok: false, message: expect.stringContaining('负数') });
    expect(zh(normalizeAmount('¥-1200'))).toMatchObject({ ok: false, message: expect.stringContaining('负数') });
    expect(zh(normalizeAmount('面议'))).toEqual({ ok: false, message: '合同金额不是数字：面议' });
    expect(normalizeAmount('面议')).toEqual({ ok: false, message: { key: 'reasons.amountNotNumber', params: { text: '面议' } } });
    expect(renderIn('en-US', msg('reasons.amountNotNumber', { text: '面议' }))).toBe('The amount is not a number: 面议');
    expect(normalizeAmount('N/A')).toMatchObject({ ok: false });
    expect(normalizeAmount('12,80')).toMatchObject({ ok: false });
    expect(normalizeAmount('1.2.3')).toMatchObject({ ok: false });
    expect(normalizeAmount('万')).toMatchObject({ ok: false });
    expect(zh(normalizeAmount('99999999999999'))).toMatchObject({ ok: false, message: expect.stringContaining('过大') });
  });
});
