// Pinyin search over a stored reading of a customer name: which grams the index holds for it, which of them a
// query needs, and whether the query matches. No pinyin-pro here: the reading is computed when a name is
// written (pinyinReading.ts) and only parsed here, so a search never loads the dictionaries.
//
// A reading is one position per Han character or Latin letter run, separated by spaces. A Han position is the
// character followed by its toneless readings, comma-separated, the word-aware one first (杭hang, 重chong,zhong);
// a letter run is '#' and the run (#abc); anything else (digits, punctuation) is a bare '#' no letter matches.
//
// A query of letters (and Han characters) matches when, from some position on, each position in turn is taken
// by a Han character equal to its own, by one of its readings in full, by the reading's first letter or its
// zh/ch/sh initial, or, at the end of the query, by a prefix of a reading: hzyq, yqkj, hangzhouyunqi, 杭州yq
// and hangzhouyun all find 杭州云启科技有限公司.

const POSITION_SEPARATOR = ' ';
const READING_SEPARATOR = ',';
export const NON_HAN_MARK = '#';

export interface ReadingPosition {
  /** The Han character, or '#' for anything else. */
  char: string;
  /** Lowercase letter readings; empty for digits and punctuation. */
  readings: string[];
}

export function encodeReading(positions: readonly ReadingPosition[]): string {
  return positions.map((p) => p.char + p.readings.join(READING_SEPARATOR)).join(POSITION_SEPARATOR);
}

export function decodeReading(reading: string): ReadingPosition[] {
  if (reading === '') return [];
  return reading.split(POSITION_SEPARATOR).map((part) => {
    const char = String.fromCodePoint(part.codePointAt(0)!);
    const rest = part.slice(char.length);
    return { char, readings: rest === '' ? [] : rest.split(READING_SEPARATOR) };
  });
}

/**
 * The grams a reading puts in the bigram index, in the same namespace as the text's bigrams: from each position,
 * the first two letters of each reading, and each reading's first letter followed by the next position's first
 * letters. Every letter run of a matching query begins with one of them, and a two-letter query matches exactly
 * the names holding its gram (so it needs no check beyond the index, like a two-character Han query).
 */
export function pinyinGramsOf(reading: string): string[] {
  const positions = decodeReading(reading);
  const out = new Set<string>();
  for (let i = 0; i < positions.length; i++) {
    const next = positions[i + 1]?.readings ?? [];
    for (const r of positions[i]!.readings) {
      if (r.length >= 2) out.add(r.slice(0, 2));
      for (const n of next) out.add(r[0]! + n[0]!);
    }
  }
  return [...out];
}

const LETTERS = /^[a-z]$/;
const PINYIN_QUERY = /^[a-z\p{Script=Han}]+$/u;

/** The normalized query as a pinyin query (letters, optionally with Han characters), or null. */
export function pinyinQueryOf(normalized: string): string | null {
  return PINYIN_QUERY.test(normalized) && /[a-z]/.test(normalized) ? normalized : null;
}

export { pinyinQueryClauses, pinyinQueryGrams } from './pinyinQueryGrams.ts';

/** Whether the pinyin query matches the reading from some position on (see the top of this file). */
export function pinyinMatches(reading: string, query: string): boolean {
  if (reading === '' || query === '') return false;
  const positions = decodeReading(reading);
  const units = Array.from(query);
  const n = units.length;
  // For each unit: whether it is a letter, and the letter run from it to the next Han character or the end.
  const letter = units.map((u) => LETTERS.test(u));
  const runs: string[] = new Array<string>(n + 1).fill('');
  for (let u = n - 1; u >= 0; u--) runs[u] = letter[u] ? units[u]! + runs[u + 1]! : '';
  const from = (u: number, p: number): boolean => {
    if (u === n) return true;
    const position = positions[p];
    if (!position) return false;
    const unit = units[u]!;
    if (!letter[u]) return unit === position.char && from(u + 1, p + 1);
    const run = runs[u]!;
    const runReachesEnd = u + run.length === n;
    for (const r of position.readings) {
      if (r.charCodeAt(0) !== unit.charCodeAt(0)) continue;
      if (from(u + 1, p + 1)) return true;
      const second = r.charCodeAt(1);
      if (second === 104 /* h */ && run.charCodeAt(1) === 104 && (unit === 'z' || unit === 'c' || unit === 's') && from(u + 2, p + 1)) return true;
      if (r.length > 1 && run.startsWith(r) && from(u + r.length, p + 1)) return true;
      // A reading cut short by the end of the query: the user is still typing it.
      if (runReachesEnd && run.length < r.length && r.startsWith(run)) return true;
    }
    return false;
  };
  for (let p = 0; p < positions.length; p++) if (from(0, p)) return true;
  return false;
}
