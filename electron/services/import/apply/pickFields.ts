/** The named fields of `source`, as a change record holds them. */
export function pickFields<T extends object, K extends keyof T>(source: T, keys: Iterable<K>): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) out[k] = source[k];
  return out;
}
