import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../test-support/import/seededRandom.ts';
import { SegmentBuffer, tallyAgainstDecoder } from '../../../../test-support/import/tallyAgainstDecoder.ts';
import { Gb18030Tally } from './gb18030Tally.ts';

const LF = 0x0a;
/** GB18030's own code for U+FFFD: a character, not an error. */
const isLiteralFffd = (a: number, b: number, c: number, d: number) => a === 0x84 && b === 0x31 && c === 0xa4 && d === 0x37;

describe('Gb18030Tally counts what the GB18030 decoder replaces', () => {
  it('agrees with TextDecoder on every byte, every lead with any byte, and every lead-digit-any triple', () => {
    const segments = new SegmentBuffer();
    for (let a = 0; a < 256; a++) if (a !== LF) segments.add(a);
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let b = 0; b < 256; b++) {
        if (b === LF) continue;
        segments.add(lead, b);
        if (b >= 0x30 && b <= 0x39) for (let c = 0; c < 256; c++) if (c !== LF) segments.add(lead, b, c);
      }
    }
    expect(tallyAgainstDecoder('gb18030', new Gb18030Tally(), segments)).toEqual([]);
  });

  it('agrees with TextDecoder on every four-byte code under the first bytes around the ranges that have no character', () => {
    // Codes exist up to 84 31 A4 39 and from 90 30 81 30 to E3 32 9A 35: every code under these first bytes.
    const segments = new SegmentBuffer();
    for (const a of [0x81, 0x83, 0x84, 0x85, 0x8f, 0x90, 0x91, 0xe3, 0xe4, 0xfe]) {
      for (let b = 0x30; b <= 0x39; b++) {
        for (let c = 0x81; c <= 0xfe; c++) for (let d = 0x30; d <= 0x39; d++) if (!isLiteralFffd(a, b, c, d)) segments.add(a, b, c, d);
      }
    }
    expect(tallyAgainstDecoder('gb18030', new Gb18030Tally(), segments)).toEqual([]);
  });

  it('agrees with TextDecoder on random runs of lead, trail, digit and ASCII bytes', () => {
    const r = seededRandom(18030);
    const pool = [0x30, 0x35, 0x39, 0x3a, 0x40, 0x41, 0x7e, 0x7f, 0x80, 0x81, 0x84, 0x85, 0x8f, 0x90, 0xa4, 0xe3, 0xe4, 0xfe, 0xff];
    const segments = new SegmentBuffer();
    for (let n = 0; n < 50_000; n++) {
      const s = Array.from({ length: r.int(1, 9) }, () => (r.chance(0.2) ? r.int(0, 255) : r.pick(pool)));
      if (!s.includes(LF) && !Buffer.from(s).toString('hex').includes('8431a437')) segments.addAll(s);
    }
    expect(tallyAgainstDecoder('gb18030', new Gb18030Tally(), segments)).toEqual([]);
  });
});
