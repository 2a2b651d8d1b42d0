import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { toneless } from './nameSortKey.ts';
import { CJK } from '../../test-support/cjkCharacters.ts';
import { pinyinReadingOf } from './pinyinReading.ts';
import { decodeReading, NON_HAN_MARK } from './pinyinSearch.ts';
import { PINYIN_SYLLABLES } from './pinyinSyllables.ts';

describe('pinyin syllables', () => {
  it('hold every reading the index gives any character (all of the BMP and the ideograph planes, NFKC included)', () => {
    const known = new Set(PINYIN_SYLLABLES);
    const missing = new Map<string, string>();
    let read = 0;
    let cjk = 0;
    const visit = (cp: number) => {
      const ch = String.fromCodePoint(cp);
      if (CJK.test(ch)) cjk++;
      // The same function the index stores, so a character's word-aware reading and its other readings are both seen.
      for (const position of decodeReading(pinyinReadingOf(ch))) {
        if (position.char === NON_HAN_MARK) continue;
        read++;
        // A reading not starting with a letter (々 may read as itself) is never taken by a letter of a query.
        for (const r of position.readings) if (/^[a-z]/.test(r) && !known.has(r)) missing.set(r, ch);
      }
    };
    for (let cp = 0x80; cp <= 0xffff; cp++) if (cp < 0xd800 || cp > 0xdfff) visit(cp);
    for (let cp = 0x20000; cp <= 0x323af; cp++) visit(cp);
    expect(Object.fromEntries(missing)).toEqual({});
    expect(cjk).toBeGreaterThan(28_000);
    expect(read).toBeGreaterThan(20_000);
  });

  it("hold every toned syllable in pinyin-pro's data (its word dictionary gives the word-aware readings in context)", () => {
    const source = fs.readFileSync(createRequire(import.meta.url).resolve('pinyin-pro'), 'utf8');
    const known = new Set(PINYIN_SYLLABLES);
    const starts = new Set(PINYIN_SYLLABLES.map((s) => s[0]));
    const toned = new Set<string>();
    // Decomposed, a toned letter is a letter and a combining mark; each token is composed again for toneless.
    for (const m of source.normalize('NFD').matchAll(/(?:[a-z]|\p{M})+/gu)) if (/[^a-z]/.test(m[0])) toned.add(toneless(m[0].normalize('NFC')));
    // Its tables of finals (uan, ue, ün…) start with letters no syllable starts with; they are never a reading.
    const syllables = [...toned].filter((t) => starts.has(t[0]) && !/^e{3,}$/.test(t));
    expect(syllables.length).toBeGreaterThan(380);
    expect(syllables.filter((t) => !known.has(t))).toEqual([]);
  });

  it('are distinct lowercase letter strings', () => {
    expect(new Set(PINYIN_SYLLABLES).size).toBe(PINYIN_SYLLABLES.length);
    expect(PINYIN_SYLLABLES.filter((s) => !/^[a-z]{1,6}$/.test(s))).toEqual([]);
    for (const s of ['hang', 'zhou', 'yun', 'lve', 'ng', 'hng', 'm']) expect(PINYIN_SYLLABLES).toContain(s);
  });
});
