import { pinyin } from 'pinyin-pro';

/**
 * Ends the reading, before the name itself breaks ties between names that read the same (同音). It sorts below
 * the space between syllables, so a name whose reading is a prefix of another's comes first (北京 before 北京大学),
 * and the reading never holds one because whitespace is collapsed to single spaces.
 */
export const NAME_SORT_KEY_TIE = '\t';

// pinyin-pro's toneType 'none' runs nine regex passes per syllable, more than the conversion itself costs;
// the toned syllables are few, so each is stripped once and remembered. ü reads as v: 绿 (lv) after 路 (lu).
const TONELESS: Record<string, string> = {};
for (const [base, marked] of [['a', 'āáǎà'], ['o', 'ōóǒò'], ['e', 'ēéěèêếề'], ['i', 'īíǐì'], ['u', 'ūúǔù'], ['v', 'ǖǘǚǜü'], ['n', 'ńňǹ'], ['m', 'ḿ']] as const) {
  for (const ch of marked) TONELESS[ch] = base;
}
/** A toned vowel, or a combining mark (n̄ and m̄ have no precomposed form). */
const MARKED = /[āáǎàōóǒòēéěèêếềīíǐìūúǔùǖǘǚǜüńňǹḿ]|\p{Mn}/gu;
const strip = (part: string) => part.toLowerCase().replace(MARKED, (ch) => TONELESS[ch] ?? '');
/** Syllables are at most six letters (zhuang); longer parts are Latin runs, not worth remembering. */
const syllables = new Map<string, string>();
/** A pinyin syllable or Latin run, lowercase and without tone marks (ü as v). */
export function toneless(part: string): string {
  if (part.length > 6) return strip(part);
  let plain = syllables.get(part);
  if (plain === undefined) {
    if (syllables.size >= 8192) syllables.clear();
    syllables.set(part, (plain = strip(part)));
  }
  return plain;
}
const UNEVEN_SPACE = /^\s|\s$|\s\s|[^\S ]/;

/**
 * The stored key customer names sort by: Han characters by their toneless pinyin, word-aware so place-name
 * polyphones read right (长沙 chang sha, 重庆 chong qing, 厦门 xia men), one space between syllables; Latin
 * letters lowercased, so "Apple" sorts under a among the Chinese names; digits before letters (ASCII order).
 * Full-width forms are folded first (ＡＢＣ as abc, （ as ().
 */
export function nameSortKey(name: string): string {
  let reading = '';
  for (const part of pinyin(name.normalize('NFKC'), { nonZh: 'consecutive', type: 'array' })) {
    const plain = toneless(part);
    reading = reading === '' ? plain : `${reading} ${plain}`;
  }
  if (UNEVEN_SPACE.test(reading)) reading = reading.replace(/\s+/g, ' ').trim();
  return `${reading}${NAME_SORT_KEY_TIE}${name}`;
}
