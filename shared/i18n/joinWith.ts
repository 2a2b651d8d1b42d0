import type { Translate } from './createTranslator.ts';

type Joiner = 'common.enumeration' | 'common.clauses' | 'common.sentences';

/** Joins parts the way the language does: 甲、乙 / "a, b"; 甲，乙 / "a, b"; 甲；乙 / "a; b". */
export function joinWith(t: Translate, joiner: Joiner, parts: readonly string[]): string {
  return parts.length === 0 ? '' : parts.reduce((a, b) => t(joiner, { a, b }));
}
