import { pinyin, polyphonic } from 'pinyin-pro';
import { toneless } from './nameSortKey.ts';
import { encodeReading, NON_HAN_MARK, type ReadingPosition } from './pinyinSearch.ts';

/** At most this many readings of a whole name: the product of the readings kept at each position. */
export const MAX_NAME_READINGS = 8;

/**
 * The stored pinyin reading of a name (format in pinyinSearch.ts). Each Han character gets its word-aware reading
 * first (重庆 chong, 长沙 chang, 厦门 xia, 银行 hang), then its other readings (重 zhong, 长 zhang, 厦 sha,
 * 行 xing/heng) while the name's readings stay within MAX_NAME_READINGS, earlier characters first. Latin letters
 * are kept as runs; whitespace only separates them; other characters become one mark that no letter matches.
 */
export function pinyinReadingOf(name: string): string {
  const chars = Array.from(name.normalize('NFKC').toLowerCase());
  const positions: ReadingPosition[] = [];
  let run = '';
  let combinations = 1;
  const endRun = () => {
    if (run !== '') positions.push({ char: NON_HAN_MARK, readings: [run] });
    run = '';
  };
  const other = (ch: string) => {
    if (/^[a-z]$/.test(ch)) {
      run += ch;
      return;
    }
    endRun();
    const last = positions[positions.length - 1];
    if (/^\s$/u.test(ch) || !last || (last.char === NON_HAN_MARK && last.readings.length === 0)) return;
    positions.push({ char: NON_HAN_MARK, readings: [] });
  };
  let at = 0;
  // One element per Han character (its word-aware reading), one per run of anything else (the run itself).
  for (const element of pinyin(chars.join(''), { type: 'array', nonZh: 'consecutive' })) {
    const width = Array.from(element).length;
    if (chars.slice(at, at + width).join('') === element) {
      for (const ch of chars.slice(at, at + width)) other(ch);
      at += width;
      continue;
    }
    endRun();
    const char = chars[at++]!;
    const readings = [toneless(element)];
    for (const r of otherReadingsOf(char)) {
      if (readings.includes(r)) continue;
      const next = (combinations / readings.length) * (readings.length + 1);
      if (next > MAX_NAME_READINGS) break;
      combinations = next;
      readings.push(r);
    }
    positions.push({ char, readings });
  }
  endRun();
  const last = positions[positions.length - 1];
  if (last && last.char === NON_HAN_MARK && last.readings.length === 0) positions.pop();
  return encodeReading(positions);
}

/** A character's readings, toneless and distinct, in pinyin-pro's order; few characters recur, so each is remembered. */
const readingsOfChar = new Map<string, string[]>();
function otherReadingsOf(char: string): string[] {
  let readings = readingsOfChar.get(char);
  if (readings === undefined) {
    if (readingsOfChar.size >= 16384) readingsOfChar.clear();
    readings = [...new Set((polyphonic(char, { type: 'array' })[0] ?? []).map(toneless))];
    readingsOfChar.set(char, readings);
  }
  return readings;
}
