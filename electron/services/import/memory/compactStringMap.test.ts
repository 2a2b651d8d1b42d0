import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompactStringMap } from './compactStringMap.ts';

describe('CompactStringMap', () => {
  it('answers exactly like a Map for any keys, through growth', () => {
    const key = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('', 'XF000001', '深圳凯旋医疗器械有限责任公司'));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.nat({ max: 0xffffffff })), { maxLength: 400 }), fc.array(key, { maxLength: 50 }), (writes, probes) => {
        const map = new CompactStringMap(16);
        const expected = new Map<string, number>();
        for (const [k, v] of writes) {
          map.set(k, v);
          expected.set(k, v);
        }
        expect(map.size).toBe(expected.size);
        for (const k of [...expected.keys(), ...probes]) expect(map.get(k)).toBe(expected.get(k));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a hundred thousand similar keys apart, and long keys too', () => {
    const map = new CompactStringMap();
    for (let i = 0; i < 100_000; i++) map.set(`XF${String(i).padStart(6, '0')}`, i * 4 + (i % 3));
    const long = '备注'.repeat(2000);
    map.set(long, 7);
    expect(map.size).toBe(100_001);
    for (let i = 0; i < 100_000; i += 997) expect(map.get(`XF${String(i).padStart(6, '0')}`)).toBe(i * 4 + (i % 3));
    expect(map.get('XF100000')).toBeUndefined();
    expect(map.get(long)).toBe(7);
    expect(map.get(long.slice(1))).toBeUndefined();
    expect(() => map.set('x', -1)).toThrow(RangeError);
  });
});
