import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, csvRecord } from './csvFormat.ts';
import { escapeFormula, unescapeFormula } from './formulaEscape.ts';

describe('formula escaping', () => {
  it('prefixes a cell that a spreadsheet would run, and nothing else', () => {
    expect(escapeFormula('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(escapeFormula('+86 138 0013 8000')).toBe("'+86 138 0013 8000");
    expect(escapeFormula('-3500')).toBe("'-3500");
    expect(escapeFormula('@cmd')).toBe("'@cmd");
    expect(escapeFormula('\tx')).toBe("'\tx");
    expect(escapeFormula('\rx')).toBe("'\rx");
    expect(escapeFormula('杭州云启')).toBe('杭州云启');
    expect(escapeFormula("it's")).toBe("it's");
    expect(escapeFormula('a=b')).toBe('a=b');
    expect(escapeFormula('')).toBe('');
  });

  it('import removes exactly the apostrophe export added', () => {
    expect(unescapeFormula("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(unescapeFormula("'+86")).toBe('+86');
    expect(unescapeFormula("'hello")).toBe("'hello");
    expect(unescapeFormula("''=x")).toBe("'=x");
  });

  it('is a bijection: unescape(escape(x)) === x for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', 'a', '中', ' ') }), (s) => {
        expect(unescapeFormula(escapeFormula(s))).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('csv fields', () => {
  it('quotes delimiters, quotes and line breaks, writes LF inside a cell and CRLF between records', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line1\r\nline2')).toBe('"line1\nline2"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('=1,1')).toBe(`"'=1,1"`);
    expect(csvRecord(['a', 'b'])).toBe('a,b\r\n');
  });
});
