import { describe, expect, it } from 'vitest';
import { createTranslator } from './createTranslator.ts';
import { joinWith } from './joinWith.ts';

describe('joinWith', () => {
  it('joins with the language’s punctuation', () => {
    expect(joinWith(createTranslator('zh-CN'), 'common.enumeration', ['甲', '乙', '丙'])).toBe('甲、乙、丙');
    expect(joinWith(createTranslator('en-US'), 'common.enumeration', ['a', 'b', 'c'])).toBe('a, b, c');
    expect(joinWith(createTranslator('en-US'), 'common.sentences', ['a', 'b'])).toBe('a; b');
  });

  it('gives one part as it is and nothing for none, and never reads a part as a template', () => {
    const t = createTranslator('en-US');
    expect(joinWith(t, 'common.clauses', ['only'])).toBe('only');
    expect(joinWith(t, 'common.clauses', [])).toBe('');
    expect(joinWith(t, 'common.clauses', ['{b}', '{a}'])).toBe('{b}, {a}');
  });
});
