import { describe, expect, it } from 'vitest';
import { pinyinReadingOf } from './pinyinReading.ts';
import { pinyinGramsOf, pinyinMatches, pinyinQueryGrams, pinyinQueryOf } from './pinyinSearch.ts';

const matches = (name: string, query: string) => pinyinMatches(pinyinReadingOf(name), query);

describe('pinyin search', () => {
  it('matches initials, full pinyin, typed prefixes and Han characters mixed in, on syllable boundaries only', () => {
    const name = '杭州云启科技有限公司';
    for (const q of ['hzyq', 'yqkj', 'hangzhouyunqi', 'hangzhouyun', 'hangzho', 'hzyqkjyxgs', 'yunqkj', 'kejiyouxian', '杭州yq', '杭zyq', 'hzh', 'gs', 'gongsi']) {
      expect({ q, hit: matches(name, q) }).toEqual({ q, hit: true });
    }
    for (const q of ['angz', 'hzyqx', 'gsx', 'zyqk j', 'hzyql', 'ouy', '云q杭']) {
      expect({ q, hit: matches(name, q) }).toEqual({ q, hit: false });
    }
  });

  it('indexes every reading of a polyphone in common company names, word-aware reading first', () => {
    expect(pinyinReadingOf('重庆长沙厦门银行')).toBe('重chong,zhong 庆qing 长chang,zhang 沙sha 厦xia,sha 门men 银yin 行hang');
    for (const [name, queries] of [
      ['重庆火锅', ['cq', 'chongqing', 'zhongqing', 'zq', 'chq']],
      ['长沙湘江传媒', ['cs', 'changsha', 'zhangsha', 'csxj']],
      ['厦门鹭岛贸易', ['xm', 'xiamen', 'shamen', 'xmld']],
      ['招商银行', ['zsyh', 'yinhang', 'yh', 'yx', 'yinxing']],
    ] as const) {
      for (const q of queries) expect({ name, q, hit: matches(name, q) }).toEqual({ name, q, hit: true });
    }
    // At most 8 readings a name: past the cap a character keeps its word-aware reading only.
    expect(pinyinReadingOf('中国银行重庆长沙厦门分行')).toBe('中zhong 国guo 银yin 行hang,xing,heng 重chong,zhong 庆qing 长chang 沙sha 厦xia 门men 分fen 行xing');
  });

  it('keeps Latin letter runs as words and breaks at digits and punctuation', () => {
    const reading = pinyinReadingOf('ＡＢＣ Studio（上海）科技');
    expect(reading).toBe('#abc #studio # 上shang 海hai # 科ke 技ji');
    expect(pinyinMatches(reading, 'abcstudio')).toBe(true);
    expect(pinyinMatches(reading, 'as')).toBe(true);
    expect(pinyinMatches(reading, 'shkj')).toBe(false);
    expect(pinyinMatches(reading, 'kj')).toBe(true);
  });

  it('finds every match through the grams the query needs, and a two-letter query exactly through its gram', () => {
    const names = ['杭州云启科技有限公司', '重庆长沙厦门银行', 'ABC科技（上海）', '北京中关村软件园', '行长办公室', 'Zhang Wei 工作室'];
    const queries = ['hz', 'kj', 'hzyq', 'hangzhou', 'cs', 'zs', 'yh', 'zhang', 'zw', 'bj', 'rjy', 'ab', 'ak', 'xz', 'hz办', 'ws', 'zg'];
    for (const name of names) {
      const reading = pinyinReadingOf(name);
      const held = new Set(pinyinGramsOf(reading));
      for (const q of queries) {
        const query = pinyinQueryOf(q)!;
        const grams = pinyinQueryGrams(query);
        const hit = pinyinMatches(reading, query);
        if (hit) expect({ name, q, missing: grams.filter((g) => !held.has(g) && !/\p{Script=Han}/u.test(g)) }).toEqual({ name, q, missing: [] });
        if (/^[a-z]{2}$/.test(q)) expect({ name, q, hit }).toEqual({ name, q, hit: held.has(q) });
      }
    }
    expect(pinyinQueryOf('138')).toBeNull();
    expect(pinyinQueryOf('a b')).toBeNull();
    expect(pinyinQueryOf('科技')).toBeNull();
    // Not 杭州: the reading matches 杭 州 across a space, whose text holds no 杭州 (pinyinQueryGrams.test.ts).
    expect(pinyinQueryGrams('杭州yqkj')).toEqual(['yq']);
  });
});
