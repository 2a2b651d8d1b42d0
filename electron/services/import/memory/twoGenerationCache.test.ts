import { describe, expect, it } from 'vitest';
import { TwoGenerationCache } from './twoGenerationCache.ts';

describe('TwoGenerationCache', () => {
  it('never holds more than its limit and always keeps the most recent half', () => {
    const cache = new TwoGenerationCache<number>(10);
    for (let i = 0; i < 1000; i++) {
      cache.set(`k${i}`, i);
      expect(cache.size).toBeLessThanOrEqual(10);
      for (let j = Math.max(0, i - 4); j <= i; j++) expect(cache.get(`k${j}`)).toBe(j);
    }
    expect(cache.get('k0')).toBeUndefined();
    expect(cache.has('k995')).toBe(true);
  });

  it('replaces a value wherever it lives and forgets deleted keys', () => {
    const cache = new TwoGenerationCache<string>(4);
    cache.set('a', 'old');
    cache.set('b', 'b'); // the young generation is full: a and b move to the old one
    cache.set('a', 'new');
    expect(cache.get('a')).toBe('new');
    expect(cache.size).toBe(2);
    cache.delete('a');
    cache.delete('b');
    expect(cache.has('a')).toBe(false);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
