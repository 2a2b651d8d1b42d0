// GB18030 read byte by byte the way the WHATWG decoder (Node's TextDecoder) reads it, counting each invalid
// sequence (the decoder's U+FFFD) with its line. Every two-byte code maps to a character, so only the shape
// of a sequence and the range of a four-byte code decide; the decoder's own tables are not needed.
import { InvalidSequences } from './invalidSequences.ts';

const inRange = (b: number, lo: number, hi: number) => b >= lo && b <= hi;

/** The four-byte codes the index defines: pointers up to 39419 (the BMP) and 189000–1237575 (the planes above). */
function fourByteCodeExists(first: number, second: number, third: number, fourth: number): boolean {
  const pointer = (first - 0x81) * 12600 + (second - 0x30) * 1260 + (third - 0x81) * 10 + (fourth - 0x30);
  return pointer <= 39419 || (pointer >= 189000 && pointer <= 1237575);
}

export class Gb18030Tally {
  readonly invalid = new InvalidSequences();
  private first = 0;
  private second = 0;
  private third = 0;

  /** Reads bytes[from, to), all on `line`; an ASCII byte between characters needs no step. */
  scan(bytes: Uint8Array, from: number, to: number, line: number): void {
    for (let i = from; i < to; i++) {
      const b = bytes[i]!;
      if (b >= 0x80 || this.first !== 0) this.step(b, line);
    }
  }

  step(b: number, line: number): void {
    if (this.third !== 0) {
      const { first, second, third } = this;
      this.first = this.second = this.third = 0;
      if (inRange(b, 0x30, 0x39)) {
        if (!fourByteCodeExists(first, second, third, b)) this.invalid.add(line);
        return;
      }
      // One U+FFFD; the decoder reads the second, third and this byte again (the second is an ASCII digit).
      this.invalid.add(line);
      this.step(third, line);
      this.step(b, line);
      return;
    }
    if (this.second !== 0) {
      if (inRange(b, 0x81, 0xfe)) {
        this.third = b;
        return;
      }
      this.first = this.second = 0;
      this.invalid.add(line);
      this.step(b, line);
      return;
    }
    if (this.first !== 0) {
      if (inRange(b, 0x30, 0x39)) {
        this.second = b;
        return;
      }
      this.first = 0;
      if (inRange(b, 0x40, 0x7e) || inRange(b, 0x80, 0xfe)) return;
      // No two-byte code: one U+FFFD, and an ASCII byte is read again as itself.
      this.invalid.add(line);
      return;
    }
    if (b <= 0x80) return;
    if (b <= 0xfe) this.first = b;
    else this.invalid.add(line);
  }

  /** The file ended inside a sequence: one more U+FFFD. */
  end(line: number): void {
    if (this.first === 0) return;
    this.first = this.second = this.third = 0;
    this.invalid.add(line);
  }
}
