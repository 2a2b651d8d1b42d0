// UTF-8 read byte by byte the way the WHATWG decoder (Node's TextDecoder) reads it, counting what detection
// needs: the characters of two or more bytes, and each invalid sequence (the decoder's U+FFFD) with its line.
import { InvalidSequences } from './invalidSequences.ts';

export class Utf8Tally {
  readonly invalid = new InvalidSequences();
  /** Well-formed sequences of two to four bytes. */
  valid = 0;
  /** A character of three or four bytes (U+0800 and up) was read: what Chinese UTF-8 is made of. */
  wide = false;
  /** A two-byte character of the scripts a GBK byte pair can pass for (C1 controls, U+0100–U+07FF). */
  lookalike = false;
  private needed = 0;
  private seen = 0;
  private codePoint = 0;
  private lower = 0x80;
  private upper = 0xbf;

  /** Reads bytes[from, to), all on `line`; an ASCII byte between characters needs no step. */
  scan(bytes: Uint8Array, from: number, to: number, line: number): void {
    for (let i = from; i < to; i++) {
      const b = bytes[i]!;
      if (b >= 0x80 || this.needed !== 0) this.step(b, line);
    }
  }

  step(b: number, line: number): void {
    if (this.needed === 0) {
      if (b < 0x80) return;
      if (b >= 0xc2 && b <= 0xdf) {
        this.needed = 1;
        this.codePoint = b & 0x1f;
      } else if (b >= 0xe0 && b <= 0xef) {
        if (b === 0xe0) this.lower = 0xa0;
        else if (b === 0xed) this.upper = 0x9f;
        this.needed = 2;
        this.codePoint = b & 0x0f;
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b === 0xf0) this.lower = 0x90;
        else if (b === 0xf4) this.upper = 0x8f;
        this.needed = 3;
        this.codePoint = b & 0x07;
      } else {
        this.invalid.add(line);
      }
      return;
    }
    if (b < this.lower || b > this.upper) {
      // The sequence so far is one U+FFFD; this byte is read again as the start of the next.
      this.reset();
      this.invalid.add(line);
      this.step(b, line);
      return;
    }
    this.lower = 0x80;
    this.upper = 0xbf;
    this.codePoint = (this.codePoint << 6) | (b & 0x3f);
    if (++this.seen < this.needed) return;
    this.valid++;
    if (this.needed > 1) this.wide = true;
    else if (this.codePoint < 0xa0 || this.codePoint >= 0x100) this.lookalike = true;
    this.reset();
  }

  /** The file ended: a sequence cut short is one more U+FFFD. */
  end(line: number): void {
    if (this.needed === 0) return;
    this.reset();
    this.invalid.add(line);
  }

  private reset(): void {
    this.needed = 0;
    this.seen = 0;
    this.lower = 0x80;
    this.upper = 0xbf;
  }
}
