import { describe, expect, it } from 'vitest';
import { excelSerialToDate, normalizeDate, parseDateTime } from './normalizeDate.ts';
import { renderIn, type Message } from '../i18n/message.ts';

/** A refusal with its reason worded the way a zh-CN archive shows it. */
function zh<R extends object | null>(r: R) {
  return r !== null && 'message' in r && typeof r.message === 'object' && r.message !== null ? { ...r, message: renderIn('zh-CN', r.message as Message) } : r;
}

const ok = (value: string) => ({ ok: true, value });

describe('normalizeDate', () => {
  it('reads every way the sheets write a date', () => {
    expect(normalizeDate('2025-03-01')).toEqual(ok('2025-03-01'));
    expect(normalizeDate('2025/3/1')).toEqual(ok('2025-03-01'));
    expect(normalizeDate('2025/03/01')).toEqual(ok('2025-03-01'));
    expect(normalizeDate('2025.3.1')).toEqual(ok('2025-03-01'));
    expect(normalizeDate('2025年3月1日')).toEqual(ok('2025-03-01'));
    expect(normalizeDate('2025 年 3 月 1 号')).toEqual(ok('2025-03-01'));
    expect(normalizeDate('20250301')).toEqual(ok('2025-03-01'));
    expect(normalizeDate('45717')).toEqual(ok('2025-03-01'));
    expect(normalizeDate('  2025/3/1 0:00:00 ')).toEqual(ok('2025-03-01'));
    expect(normalizeDate('２０２５－０３－０１')).toEqual(ok('2025-03-01'));
    expect(normalizeDate('\u30002025-03-01\u3000')).toEqual(ok('2025-03-01'));
  });

  it('treats a blank cell as no value', () => {
    expect(normalizeDate('')).toBeNull();
    expect(normalizeDate(' \u3000 ')).toBeNull();
  });

  it('refuses impossible dates, naming them', () => {
    expect(zh(normalizeDate('2025-02-30'))).toEqual({ ok: false, message: '日期不存在：2025-02-30' });
    expect(zh(normalizeDate('2025年4月31日'))).toMatchObject({ ok: false, message: expect.stringContaining('日期不存在') });
    expect(normalizeDate('2025/13/01')).toMatchObject({ ok: false });
    expect(normalizeDate('20250229')).toMatchObject({ ok: false });
    expect(normalizeDate('20240229')).toEqual(ok('2024-02-29'));
    expect(zh(normalizeDate('1899-12-31'))).toMatchObject({ ok: false, message: expect.stringContaining('超出范围') });
  });

  it('refuses text, ambiguous orders and mixed separators', () => {
    expect(zh(normalizeDate('下月底'))).toMatchObject({ ok: false, message: expect.stringContaining('无法识别的日期：下月底') });
    expect(normalizeDate('3/1/2025')).toMatchObject({ ok: false });
    expect(normalizeDate('01/03/2025')).toMatchObject({ ok: false });
    expect(normalizeDate('2025-3/1')).toMatchObject({ ok: false });
    expect(normalizeDate('2025031')).toMatchObject({ ok: false });
    expect(normalizeDate('202503011')).toMatchObject({ ok: false });
  });

  it('counts Excel serials with the phantom 1900-02-29 (serial 60) refused', () => {
    expect(excelSerialToDate(1)).toBe('1900-01-01');
    expect(excelSerialToDate(59)).toBe('1900-02-28');
    expect(excelSerialToDate(60)).toBeNull();
    expect(excelSerialToDate(61)).toBe('1900-03-01');
    expect(excelSerialToDate(45717)).toBe('2025-03-01');
    expect(excelSerialToDate(0)).toBeNull();
    expect(zh(normalizeDate('60'))).toMatchObject({ ok: false, message: expect.stringContaining('1900-02-29') });
    expect(normalizeDate('0')).toMatchObject({ ok: false });
    expect(normalizeDate('45717.75')).toEqual(ok('2025-03-01'));
  });

  it('takes dates from 1900-01-01 to 2199-12-31 only, in every way of writing one, and says which range', () => {
    for (const text of ['9999-12-31', '2200/1/1', '2200年1月1日', '22000101', '1899.12.31', '18991231']) {
      expect(zh(normalizeDate(text)), text).toEqual({ ok: false, message: `日期超出范围（仅支持 1900-01-01 至 2199-12-31）：${text}` });
    }
    expect(normalizeDate('2199-12-31')).toEqual(ok('2199-12-31'));
    expect(normalizeDate('1900-01-01')).toEqual(ok('1900-01-01'));
    expect(zh(parseDateTime('2200-01-01 09:00'))).toMatchObject({ ok: false, message: expect.stringContaining('仅支持 1900-01-01 至 2199-12-31') });
  });

  it('reads Excel serials up to 2199-12-31 and refuses later ones as out of range', () => {
    expect(excelSerialToDate(100_000)).toBe('2173-10-14');
    expect(normalizeDate('109574')).toEqual(ok('2199-12-31'));
    expect(normalizeDate('109574.5')).toEqual(ok('2199-12-31'));
    expect(zh(normalizeDate('109575'))).toEqual({ ok: false, message: '日期超出范围（仅支持 1900-01-01 至 2199-12-31）：109575' });
    expect(zh(normalizeDate('2958465'))).toMatchObject({ ok: false, message: expect.stringContaining('无法识别的日期') });
  });

  it('keeps the time of day when there is one', () => {
    expect(parseDateTime('2025-03-01 14:30')).toEqual({ ok: true, date: '2025-03-01', seconds: 14 * 3600 + 30 * 60 });
    expect(parseDateTime('2025/3/1 9:05:07')).toEqual({ ok: true, date: '2025-03-01', seconds: 9 * 3600 + 5 * 60 + 7 });
    expect(parseDateTime('2025-03-01')).toEqual({ ok: true, date: '2025-03-01', seconds: null });
    expect(parseDateTime('45717.5')).toEqual({ ok: true, date: '2025-03-01', seconds: 12 * 3600 });
    expect(parseDateTime('2025-03-01 24:00')).toMatchObject({ ok: false });
    expect(parseDateTime('2025-03-01 12:61')).toMatchObject({ ok: false });
  });
});
