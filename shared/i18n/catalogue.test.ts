import { describe, expect, it } from 'vitest';
import { createTranslator, dictionaries, placeholdersOf } from './createTranslator.ts';

describe('message catalogue', () => {
  const zh = dictionaries['zh-CN'];
  const en = dictionaries['en-US'];

  it('has the same keys in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('has the same {placeholders} per key in both languages', () => {
    const mismatched = Object.keys(zh)
      .map((key) => key as keyof typeof zh)
      .filter((key) => placeholdersOf(zh[key]).join() !== placeholdersOf(en[key]).join())
      .map((key) => `${key}: ${zh[key]} / ${en[key]}`);
    expect(mismatched).toEqual([]);
  });
});

describe('createTranslator', () => {
  const t = createTranslator('en-US');

  it('fills placeholders and leaves one without a parameter visible', () => {
    expect(t('app.today', { date: '2026-03-01' })).toBe('Today 2026-03-01');
    expect(t('app.today')).toBe('Today {date}');
  });

  it('picks the singular or plural word by the number', () => {
    expect(t('customers.total', { n: 1 })).toBe('1 customer');
    expect(t('customers.total', { n: 3 })).toBe('3 customers');
    expect(t('customers.total', { n: 0 })).toBe('0 customers');
  });

  it('counts a plural choice as its parameter', () => {
    expect(placeholdersOf('{n} {n|day|days} before {date}')).toEqual(['date', 'n']);
  });
});
