import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clausesGivenCounts } from './pinyinQueryGrams.ts';
import { pinyinReadingOf } from './pinyinReading.ts';
import { decodeReading, NON_HAN_MARK, pinyinGramsOf, pinyinMatches, pinyinQueryClauses, pinyinQueryGrams, pinyinQueryOf } from './pinyinSearch.ts';
import { bigramsOf, normalizeSearchText } from './searchText.ts';

/** What the index holds for a customer of this name and no contacts (searchDocumentOf: text bigrams and reading grams). */
const indexed = (name: string) => new Set([...bigramsOf([name]), ...pinyinGramsOf(pinyinReadingOf(name))]);
/** The clauses of the query none of whose grams the name's index entries hold (a match must leave none). */
const unmet = (name: string, query: string) => {
  const held = indexed(name);
  return pinyinQueryClauses(query).filter((clause) => !clause.some((g) => held.has(g)));
};

describe('pinyin query grams', () => {
  it('asks a full-pinyin run for its first two letters and, clause by clause, for the grams at each syllable seam', () => {
    expect(pinyinQueryClauses('hangzhouyun')).toEqual([['ha'], ['zh', 'gz'], ['ho', 'zh'], ['yu', 'uy'], ['un', 'yu']]);
    expect(pinyinQueryGrams('hangzhouyun')).toEqual(['ha']);
    expect(pinyinQueryClauses('hzyq')).toEqual([['hz'], ['yq', 'zy']]);
    expect(pinyinQueryClauses('kj')).toEqual([['kj']]);
    expect(pinyinQueryClauses('k')).toEqual([]);
    // Why zh is not certain: a Latin run of the name takes any letters. 汉GZ后云 reads han|gz|hou|yun.
    expect(pinyinMatches(pinyinReadingOf('汉GZ后云'), 'hangzhouyun')).toBe(true);
    expect(indexed('汉GZ后云').has('zh')).toBe(false);
    expect(unmet('汉GZ后云', 'hangzhouyun')).toEqual([]);
    expect(unmet('杭州云启科技', 'hangzhouyun')).toEqual([]);
    // A name holding ha but read no way as hangzhou… fails a clause, which is what lets the list skip it.
    expect(unmet('海南航空', 'hangzhouyun')).not.toEqual([]);
  });

  it('leaves out of each clause the grams no customer holds: one left is certain, none left matches nobody', () => {
    const holders = new Map([['ha', 21], ['zh', 57], ['gz', 8], ['ho', 3], ['yu', 19]]);
    const given = clausesGivenCounts(pinyinQueryClauses('hangzhouyun'), (g) => holders.get(g) ?? 0);
    expect(given).toEqual({ certain: ['ha', 'yu'], eitherOf: [['ho', 'zh'], ['zh', 'gz']] });
    expect(clausesGivenCounts(pinyinQueryClauses('hangzhouyun'), (g) => (['yu', 'uy', 'un'].includes(g) ? 0 : 1))).toBeNull();
    expect(clausesGivenCounts([['科技']], () => 0)).toBeNull();
  });

  it('takes no gram from a pinyin query’s Han characters: the reading matches them across a space', () => {
    expect(pinyinMatches(pinyinReadingOf('杭 州云启'), '杭州yq')).toBe(true);
    expect(indexed('杭 州云启').has('杭州')).toBe(false);
    expect(pinyinQueryClauses('杭州yqkj')).toEqual([['yq'], ['kj', 'qk']]);
    expect(unmet('杭 州云启科技', '杭州yqkj')).toEqual([]);
  });

  it('never leaves out a name the query matches, by reading or by text (random names and queries from them)', () => {
    const han = Array.from('杭州云启科技有限公司重庆长沙厦门银行中国北京汉后海欧阳娜张伟网络软件园贸易传媒上嗯哼呣略女儿啊鹅哦安昂恩');
    const latin = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABZ'), minLength: 1, maxLength: 6 });
    const piece = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...han) },
      { weight: 2, arbitrary: latin },
      { weight: 2, arbitrary: fc.constantFrom(' ', ' ', '1', '（', '-', 'Ｋ') },
    );
    const name = fc.array(piece, { minLength: 1, maxLength: 9 }).map((pieces) => pieces.join(''));
    let derived = 0;
    let byText = 0;
    fc.assert(
      fc.property(name, fc.array(fc.nat(), { minLength: 12, maxLength: 12 }), (name, choice) => {
        const reading = pinyinReadingOf(name);
        const positions = decodeReading(reading);
        // A query read off the name: from some position, each position in turn as its character, a reading's first
        // letter, zh/ch/sh, a whole reading or (last) a reading's start, as pinyinSearch.ts allows.
        let query = '';
        const from = choice[0]! % Math.max(1, positions.length);
        const count = 1 + (choice[1]! % 5);
        for (let i = 0; i < count; i++) {
          const p = positions[from + i];
          if (!p || p.readings.length === 0) break;
          const r = p.readings[choice[2 + i]! % p.readings.length]!;
          const last = i === count - 1 || !positions[from + i + 1]?.readings.length;
          const forms = [r[0]!, r, ...(/^[zcs]h/.test(r) ? [r.slice(0, 2)] : []), ...(p.char !== NON_HAN_MARK ? [p.char, p.char] : [])];
          if (last) forms.push(r.slice(0, 1 + (choice[8]! % r.length)));
          query += forms[choice[7 + i]! % forms.length];
        }
        const pinyin = pinyinQueryOf(normalizeSearchText(query));
        if (pinyin !== null) {
          expect({ name, pinyin, matches: pinyinMatches(reading, pinyin) }).toEqual({ name, pinyin, matches: true });
          expect({ name, pinyin, unmet: unmet(name, pinyin) }).toEqual({ name, pinyin, unmet: [] });
          derived++;
        }
        // A piece of the text itself (the list also matches a pinyin query as a substring of the text).
        const text = Array.from(normalizeSearchText(name));
        const at = choice[9]! % Math.max(1, text.length);
        const piece = text.slice(at, at + 2 + (choice[10]! % 6)).join('');
        const asText = pinyinQueryOf(piece);
        if (asText !== null) {
          expect({ name, asText, unmet: unmet(name, asText) }).toEqual({ name, asText, unmet: [] });
          byText++;
        }
      }),
      { numRuns: 3000, seed: 12 },
    );
    expect(derived).toBeGreaterThan(2000);
    expect(byText).toBeGreaterThan(300);
  });
});
