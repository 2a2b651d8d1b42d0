import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../test-support/import/seededRandom.ts';
import { SegmentBuffer, tallyAgainstDecoder } from '../../../../test-support/import/tallyAgainstDecoder.ts';
import { Utf8Tally } from './utf8Tally.ts';

const LF = 0x0a;
/** Third bytes that stand for every case: ASCII, each continuation boundary, each kind of lead, never-valid bytes. */
const THIRD = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xef, 0xf0, 0xf4, 0xf5, 0xff];

describe('Utf8Tally counts what the UTF-8 decoder replaces', () => {
  it('agrees with TextDecoder on every byte and pair, and on every lead E0–F4 with any second byte', () => {
    const segments = new SegmentBuffer();
    for (let a = 0; a < 256; a++) {
      if (a === LF) continue;
      segments.add(a);
      for (let b = 0; b < 256; b++) {
        if (b === LF) continue;
        segments.add(a, b);
        if (a >= 0xe0 && a <= 0xf4) for (const c of THIRD) if (!(a === 0xef && b === 0xbf && c === 0xbd)) segments.add(a, b, c);
      }
    }
    expect(tallyAgainstDecoder('utf-8', new Utf8Tally(), segments)).toEqual([]);
  });

  it('agrees with TextDecoder on random runs of lead, continuation and ASCII bytes', () => {
    const r = seededRandom(8);
    const pool = [0x41, 0x2c, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xe5, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff];
    const segments = new SegmentBuffer();
    for (let n = 0; n < 50_000; n++) {
      const s = Array.from({ length: r.int(1, 7) }, () => (r.chance(0.2) ? r.int(0, 255) : r.pick(pool)));
      if (!s.includes(LF) && !Buffer.from(s).toString('hex').includes('efbfbd')) segments.addAll(s);
    }
    expect(tallyAgainstDecoder('utf-8', new Utf8Tally(), segments)).toEqual([]);
  });

  it('tells Chinese (three bytes) from the two-byte characters a GBK pair can pass for', () => {
    const read = (text: string) => {
      const t = new Utf8Tally();
      for (const b of Buffer.from(text)) t.step(b, 1);
      return { valid: t.valid, wide: t.wide, lookalike: t.lookalike };
    };
    expect(read('客户')).toEqual({ valid: 2, wide: true, lookalike: false });
    expect(read('é¥°')).toEqual({ valid: 3, wide: false, lookalike: false });
    expect(read('ϵͳ')).toEqual({ valid: 2, wide: false, lookalike: true });
  });
});
