// Checks a byte tally against the platform's decoder. Segments are written one per line (each ended by LF,
// which is never part of a character in these encodings); the invalid sequences the tally counts on each
// line must equal the U+FFFD the decoder writes on it. Callers leave out segments holding an LF (it would
// end the line early) and the encoding's own code for U+FFFD (a character, not an error).
import type { ByteTally } from '../../electron/services/import/source/detectEncoding.ts';

export interface TallyMismatch {
  line: number;
  segment: string;
  tally: number;
  decoder: number;
}

/** Segments written straight into one growing buffer, one per line. */
export class SegmentBuffer {
  private bytes = new Uint8Array(1 << 20);
  private length = 0;
  segments = 0;

  /** One segment of up to four bytes (fixed arity: millions of calls without an array each). */
  add(a: number, b = -1, c = -1, d = -1): void {
    this.reserve(5);
    this.bytes[this.length++] = a;
    if (b >= 0) this.bytes[this.length++] = b;
    if (c >= 0) this.bytes[this.length++] = c;
    if (d >= 0) this.bytes[this.length++] = d;
    this.end();
  }

  addAll(segment: readonly number[]): void {
    this.reserve(segment.length + 1);
    for (const b of segment) this.bytes[this.length++] = b;
    this.end();
  }

  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }

  private end(): void {
    this.bytes[this.length++] = 0x0a;
    this.segments++;
  }

  private reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    grown.set(this.bytes);
    this.bytes = grown;
  }
}

/** The first 10 lines where the tally and the decoder disagree. */
export function tallyAgainstDecoder(label: string, tally: ByteTally, segments: SegmentBuffer): TallyMismatch[] {
  const bytes = segments.view();
  const written = new Int32Array(segments.segments + 2);
  const text = new TextDecoder(label).decode(bytes);
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) line++;
    else if (c === 0xfffd) written[line]!++;
  }
  const counted = new Int32Array(segments.segments + 2);
  const starts = [0];
  line = 1;
  for (let i = 0; i < bytes.length; i++) {
    const before = tally.invalid.count;
    tally.scan(bytes, i, i + 1, line);
    counted[line]! += tally.invalid.count - before;
    if (bytes[i] === 0x0a) {
      line++;
      starts.push(i + 1);
    }
  }
  const mismatches: TallyMismatch[] = [];
  for (let l = 1; l <= segments.segments && mismatches.length < 10; l++) {
    if (counted[l] === written[l]) continue;
    const segment = Buffer.from(bytes.subarray(starts[l - 1], starts[l]! - 1)).toString('hex');
    mismatches.push({ line: l, segment, tally: counted[l]!, decoder: written[l]! });
  }
  return mismatches;
}
