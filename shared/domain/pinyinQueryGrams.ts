// Which grams of the bigram index a pinyin query can ask for (pinyinSearch.ts has the matching rules). A customer
// the query matches, by its name's reading or by its text, must hold them, or the list would lose it.
//
// A letter run of the query is read by the name's positions one after another, each taking a SEGMENT of the run:
//   - a Han position takes one letter (its reading's first), zh/ch/sh, a whole syllable, or, at the end of the
//     query, the start of a syllable (PINYIN_SYLLABLES holds every syllable the index can hold);
//   - a Latin letter run of the name (#abc) takes one letter, the whole run, or at the end its start: so ANY
//     letters, which is why few grams of a long run are certain.
// What the index then holds for a split of the run into segments (pinyinGramsOf, and the text's bigrams):
//   - each segment's first two letters (a one-letter segment: its letter and the next segment's first letter);
//   - each segment's first letter followed by the next segment's first letter;
//   - every two adjacent letters inside a Latin segment (the name's text holds the run).
// A gram is certain when every split holds it. For `hangzhouyun` that is only `ha`: a name like 汉GZ后云 reads
// han|gz|hou|yun and holds no `zh`. But every split holds `zh` or `gz` (the only segments across the z–h seam
// are Latin ones holding `gz`), and `yu` or `uy`. So the query asks for CLAUSES: grams of which a match holds at
// least one. A clause is kept only when no split avoids all of its grams (a search over the splits, below), so
// the clauses are exact consequences of the rules above, not guesses; pinyinQueryGrams.test.ts checks them
// against the index with random names and queries.

import { PINYIN_SYLLABLES } from './pinyinSyllables.ts';

const LETTERS = /^[a-z]$/;

const SYLLABLES: ReadonlySet<string> = new Set(PINYIN_SYLLABLES);
/** Starts of syllables, two letters or more (whole syllables included): what a query may end in. */
const SYLLABLE_STARTS: ReadonlySet<string> = new Set(PINYIN_SYLLABLES.flatMap((s) => Array.from({ length: s.length - 1 }, (_, k) => s.slice(0, k + 2))));
const TWO_LETTER_INITIALS: ReadonlySet<string> = new Set(['zh', 'ch', 'sh']);

/** Longer letter runs (a pasted word, not typed pinyin) ask only for their first two letters. */
const MAX_SEARCHED_RUN = 40;

/**
 * Clauses every name the pinyin query matches satisfies: each clause is a list of grams, at least one of which
 * the name's index entries hold. Clauses of one gram come first. A query of Han characters with letters gets no
 * gram from its Han characters: its reading may match a name whose two characters stand apart (杭 州).
 */
export function pinyinQueryClauses(query: string): string[][] {
  const units = Array.from(query);
  const clauses: string[][] = [];
  for (let i = 0; i < units.length; ) {
    if (!LETTERS.test(units[i]!)) {
      i++;
      continue;
    }
    let end = i;
    while (end < units.length && LETTERS.test(units[end]!)) end++;
    clauses.push(...letterRunClauses(units.slice(i, end).join(''), end === units.length));
    i = end;
  }
  const units1 = new Set(clauses.filter((c) => c.length === 1).map((c) => c[0]!));
  const out: string[][] = [...units1].map((g) => [g]);
  const seen = new Set<string>();
  for (const c of clauses) {
    if (c.length === 1 || c.some((g) => units1.has(g))) continue;
    const key = [...c].sort().join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}

/** The grams every name the pinyin query matches holds (the one-gram clauses); empty when none is certain. */
export function pinyinQueryGrams(query: string): string[] {
  return pinyinQueryClauses(query)
    .filter((c) => c.length === 1)
    .map((c) => c[0]!);
}

/**
 * The clauses of one letter run that starts a name position (the query's start, or after a Han character);
 * `reachesEnd` when the query ends with it (then its last segment may be the start of a syllable).
 */
function letterRunClauses(run: string, reachesEnd: boolean): string[][] {
  const m = run.length;
  if (m < 2) return [];
  if (m > MAX_SEARCHED_RUN) return [[run.slice(0, 2)]];
  const pair = (k: number) => run[k]! + run[k + 1]!;
  // Grams as numbers (first letter × 26 + second), so the search below allocates nothing per step.
  const letter = Array.from(run, (ch) => ch.charCodeAt(0) - 97);
  const gramOf = (a: number, b: number) => letter[a]! * 26 + letter[b]!;
  // han[s * (m + 1) + e]: a Han position can take run[s..e) (two letters or more; syllables have at most six).
  const han = new Uint8Array((m + 1) * (m + 1));
  for (let s = 0; s < m; s++) {
    for (let e = s + 2; e <= Math.min(m, s + 6); e++) {
      const seg = run.slice(s, e);
      if (SYLLABLES.has(seg) || TWO_LETTER_INITIALS.has(seg) || (reachesEnd && e === m && SYLLABLE_STARTS.has(seg))) han[s * (m + 1) + e] = 1;
    }
  }
  const avoided = new Uint8Array(26 * 26);
  const hits = new Int32Array(m);
  const can = new Uint8Array(m + 1);

  /** Whether some split of the run holds none of `avoid`. */
  const splitAvoids = (avoid: readonly string[]): boolean => {
    avoided.fill(0);
    for (const g of avoid) avoided[(g.charCodeAt(0) - 97) * 26 + g.charCodeAt(1) - 97] = 1;
    // hits[k]: how many of the pairs at 0..k-1 are avoided, so a Latin segment's inner pairs are checked at once.
    for (let k = 0; k + 1 < m; k++) hits[k + 1] = hits[k]! + avoided[gramOf(k, k + 1)]!;
    can.fill(0);
    can[m] = 1;
    for (let s = m - 1; s >= 0; s--) {
      for (let e = s + 1; e <= m && can[s] === 0; e++) {
        if (can[e] === 0) continue;
        // The segment's first letter with the next segment's first letter.
        if (e < m && avoided[gramOf(s, e)] === 1) continue;
        if (e - s === 1) {
          can[s] = 1;
          continue;
        }
        // A Han position holds the segment's first two letters; a Latin run every pair inside it.
        const inner = han[s * (m + 1) + e] === 1 ? avoided[gramOf(s, s + 1)]! : hits[e - 1]! - hits[s]!;
        if (inner === 0) can[s] = 1;
      }
    }
    return can[0] === 1;
  };

  const clauses: string[][] = [];
  const certain = new Set<string>();
  for (let k = 0; k + 1 < m; k++) {
    const g = pair(k);
    if (!certain.has(g) && !splitAvoids([g])) {
      certain.add(g);
      clauses.push([g]);
    }
  }
  // Two neighbouring pairs: a split not starting a segment at k must cover k with a segment from before it.
  for (let k = 1; k + 1 < m; k++) {
    const a = pair(k - 1);
    const b = pair(k);
    if (a === b || certain.has(a) || certain.has(b)) continue;
    if (!splitAvoids([a, b])) clauses.push([b, a]);
  }
  return clauses;
}

/**
 * The query's clauses given how many customers hold each gram (search_bigram_df): a gram no customer holds is
 * left out of its clause, so a clause left with one gram is certain in this index (and may be the rarest), and
 * one left with none, like a certain gram no one holds, means no customer matches (null). The longer clauses
 * come ordered by the customers holding their grams, fewest first.
 */
export function clausesGivenCounts(
  clauses: readonly (readonly string[])[],
  holders: (gram: string) => number,
): { certain: string[]; eitherOf: string[][] } | null {
  const certain = new Set<string>();
  const eitherOf: { grams: string[]; n: number }[] = [];
  for (const clause of clauses) {
    const held = clause.filter((g) => holders(g) > 0);
    if (held.length === 0) return null;
    if (held.length === 1) certain.add(held[0]!);
    else eitherOf.push({ grams: held, n: held.reduce((sum, g) => sum + holders(g), 0) });
  }
  return {
    certain: [...certain],
    eitherOf: eitherOf.filter((e) => !e.grams.some((g) => certain.has(g))).sort((a, b) => a.n - b.n).map((e) => e.grams),
  };
}
