// How customer search text is normalized and cut into bigrams; the index and the query must agree exactly.

/** Full-width letters and digits become half-width and letters lowercase, so Ａ１ finds a1. */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase().trim();
}

/** Distinct 2-character windows (by code point) of each part; windows never span two parts. */
export function bigramsOf(parts: readonly string[]): string[] {
  const out = new Set<string>();
  for (const part of parts) {
    const chars = Array.from(normalizeSearchText(part));
    for (let i = 0; i + 1 < chars.length; i++) {
      const gram = chars[i]! + chars[i + 1]!;
      if (!/\s/.test(gram)) out.add(gram);
    }
  }
  return [...out];
}

/** A query made only of digits and phone punctuation searches phones by their digits. */
export function phoneDigitsQuery(query: string): string | null {
  const t = query.trim();
  if (!/^[\d\s+\-()]+$/.test(t)) return null;
  const digits = t.replace(/\D/g, '');
  return digits.length > 0 ? digits : null;
}

export const SEARCH_PART_SEPARATOR = '\n';
