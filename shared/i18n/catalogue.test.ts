import { describe, expect, it } from 'vitest';
import { createTranslator, dictionaries } from './createTranslator.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogue', () => {
  const zh = dictionaries['zh-CN'];
  const en = dictionaries['en-US'];

  it('has the same keys in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('has the same {placeholders} per key in both languages', () => {
    const mismatched = Object.keys(zh).filter(
      (key) => placeholders(zh[key as keyof typeof zh]).join() !== placeholders(en[key as keyof typeof en]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('has no empty message', () => {
    const empty = Object.entries({ ...zh, ...en }).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = createTranslator('en-US');
    expect(t('customers.total', { n: 3 })).toBe('3 customers');
    expect(t('customers.total')).toBe('{n} customers');
  });
});
