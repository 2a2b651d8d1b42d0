import { describe, expect, it } from 'vitest';
import { sniffDelimiter } from './sniffDelimiter.ts';

describe('sniffDelimiter', () => {
  it('finds comma, tab, semicolon and pipe', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(sniffDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
    expect(sniffDelimiter('a;b;c\n1;2;3\n')).toBe(';');
    expect(sniffDelimiter('a|b|c\n1|2|3\n')).toBe('|');
  });

  it('does not count delimiters inside quotes', () => {
    const tsv = '客户名称\t金额\t备注\n"甲,乙,丙"\t"12,800"\t"a,b,c,d"\n丁\t1\t"x\ny"\n';
    expect(sniffDelimiter(tsv)).toBe('\t');
  });

  it('prefers the delimiter consistent with the header over one that appears in amounts', () => {
    const csv = '客户,金额;备注\n甲,1;2\n乙,"3;4;5"\n';
    expect(sniffDelimiter(csv)).toBe(',');
  });

  it('falls back to comma for a single column', () => {
    expect(sniffDelimiter('客户名称\n甲\n乙\n')).toBe(',');
  });
});
