import { describe, expect, it } from 'vitest';
import { NAME_SORT_KEY_TIE, nameSortKey } from './nameSortKey.ts';

/** The reading part of a key, before the tie-break. */
const reading = (name: string) => nameSortKey(name).split(NAME_SORT_KEY_TIE)[0];
/** SQLite's BINARY collation compares UTF-8 bytes; sort the way the database will. */
const byKey = (names: readonly string[]) =>
  [...names].sort((a, b) => Buffer.compare(Buffer.from(nameSortKey(a)), Buffer.from(nameSortKey(b))));

describe('nameSortKey', () => {
  it('reads place-name polyphones as the place is called', () => {
    expect(reading('长沙')).toBe('chang sha');
    expect(reading('重庆')).toBe('chong qing');
    expect(reading('厦门')).toBe('xia men');
    // The same characters read otherwise in other words: the reading is word-aware, not per character.
    expect(reading('重要')).toBe('zhong yao');
    expect(reading('大厦')).toBe('da sha');
    expect(reading('长大')).toBe('zhang da');
    expect(reading('银行')).toBe('yin hang');
    // Every tone mark goes, the rare ones on n and m too.
    expect(reading('嗯呣')).toBe('ng m');
  });

  it('orders the cities by pinyin with Latin names interleaved by letter', () => {
    const names = ['厦门鹭岛贸易', 'Zeta Labs', '上海浦江物流', 'Mango Ltd', '北京云帆科技', '重庆山城火锅', 'Apple Trading', '南京紫金软件', '长沙湘江传媒'];
    expect(byKey(names)).toEqual([
      'Apple Trading', '北京云帆科技', '长沙湘江传媒', '重庆山城火锅', 'Mango Ltd', '南京紫金软件', '上海浦江物流', '厦门鹭岛贸易', 'Zeta Labs',
    ]);
  });

  it('lowercases Latin letters, folds full-width forms and puts digits before letters', () => {
    expect(reading('Apple Trading')).toBe('apple trading');
    expect(reading('ＡＢＣ科技')).toBe('abc ke ji');
    expect(reading('  Mango \u3000 Ltd ')).toBe('mango ltd');
    expect(reading('3M中国')).toBe('3m zhong guo');
    expect(byKey(['apple', 'Banana', '8号仓库', 'Apple', '1号店'])).toEqual(['1号店', '8号仓库', 'Apple', 'apple', 'Banana']);
  });

  it('compares syllable by syllable: a shorter reading first, 西安 (xi an) before 先锋 (xian feng)', () => {
    expect(byKey(['北京大学', '先锋', '北京', '西安'])).toEqual(['北京', '北京大学', '西安', '先锋']);
    // ü reads as v, as typed on a keyboard: lv after every lu….
    expect(reading('绿地')).toBe('lv di');
    expect(byKey(['绿地', '路桥', '罗湖'])).toEqual(['路桥', '罗湖', '绿地']);
  });

  it('breaks ties between names that read the same by the name, so 同音 names still sort one way', () => {
    const a = nameSortKey('张三商行');
    const b = nameSortKey('章三商行');
    expect(reading('张三商行')).toBe(reading('章三商行'));
    expect(a).not.toBe(b);
    expect(a.endsWith(`${NAME_SORT_KEY_TIE}张三商行`)).toBe(true);
    expect(byKey(['章三商行', '张三商行'])).toEqual(byKey(['张三商行', '章三商行']));
    expect(nameSortKey('张三商行')).toBe(a);
  });
});
