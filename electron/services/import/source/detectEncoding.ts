// Which encoding a text file is in. A BOM decides. Otherwise the file is read as UTF-8 byte by byte
// (utf8Tally.ts), counting its well-formed multi-byte characters and its invalid sequences. A file that is
// valid UTF-8 throughout is UTF-8, however few characters it has. One with invalid bytes is still UTF-8 when
// it holds at least 20 well-formed multi-byte characters and the invalid sequences are at most 1% of its
// non-ASCII sequences (a damaged cell in a UTF-8 sheet): the decoder shows each as U+FFFD and the import
// reports its line. Otherwise it is GB18030 (a superset of the GBK that Excel and WPS write on Chinese
// Windows): GBK fails UTF-8 at nearly every Chinese character, so a GBK sheet that is mostly digits still has
// far more than 1% of its few non-ASCII sequences invalid.
//
// The count runs over the whole file, not a sample: the ratio is about the file, and damage deep in a big
// file must still be listed by line. It streams (one 1 MiB chunk in memory) and stops as soon as what is left
// of the file could not bring the ratio under 1%, so a GBK file is given up on within its first chunk or so.
// Whichever encoding is then used is tallied over the whole file (a second pass for GB18030), which is what
// lists the lines its decoder replaces. Measured on a 200k-row sheet: the UTF-8 pass takes about what the
// strict-UTF-8 check before it did (about as long as decoding the file); the GB18030 pass about 0.4 of
// decoding it, where a GBK file used to stop at its first Chinese character.
//
// GBK bytes are sometimes valid UTF-8 by accident: a GBK character whose lead byte is C2–DF and whose trail
// byte is 80–BF reads as one two-byte UTF-8 character (Latin, Greek, Cyrillic, Hebrew, Arabic). 系统 is
// CF B5 CD B3 in GBK, which UTF-8 reads as "ϵͳ". Real Chinese UTF-8 uses three-byte characters (U+0800 and
// up), so a "UTF-8" file with no three-byte character at all, that holds characters of those scripts,
// and whose bytes are well-formed GB2312 (common Chinese), is GBK. The cases are pinned in detectEncoding.test.ts.
import fs from 'node:fs';
import { Gb18030Tally } from './gb18030Tally.ts';
import type { InvalidSequences } from './invalidSequences.ts';
import { Utf8Tally } from './utf8Tally.ts';

export type TextEncodingName = 'utf8' | 'gb18030' | 'utf16le' | 'utf16be';
export type EncodingChoice = 'auto' | 'utf8' | 'gb18030';

export interface EncodingDetection {
  encoding: TextEncodingName;
  reason: 'bom' | 'valid-utf8' | 'mostly-utf8' | 'invalid-utf8' | 'gbk-lookalike' | 'ascii';
}

export const DECODER_LABEL: Record<TextEncodingName, string> = {
  utf8: 'utf-8',
  gb18030: 'gb18030',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
};

/** UTF-8 with invalid bytes needs this many well-formed multi-byte characters to stay UTF-8 … */
export const MIN_VALID_SEQUENCES = 20;
/** … and at most this share of invalid sequences among its non-ASCII ones. */
export const MAX_INVALID_SHARE = 0.01;

const CHUNK = 1 << 20;
/** The head whose line ends decide bare-CR files; decodeTextStream's first chunk is as long. */
export const LINE_STYLE_HEAD_BYTES = 1 << 17;

export function encodingFromBom(bytes: Uint8Array): TextEncodingName | null {
  const [a, b, c, d] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf8';
  if (a === 0xff && b === 0xfe) return 'utf16le';
  if (a === 0xfe && b === 0xff) return 'utf16be';
  if (a === 0x84 && b === 0x31 && c === 0x95 && d === 0x33) return 'gb18030';
  return null;
}

/** No LF and at least one CR in the head: lines end with a bare CR. LF and CR are never inside a character here. */
export function bareCrHead(head: Uint8Array): boolean {
  return head.indexOf(0x0a) < 0 && head.indexOf(0x0d) >= 0;
}

/**
 * Whether bytes are ordinary GB2312 text (ASCII, the symbol rows A1–A9, the hanzi rows B0–F7, trail bytes
 * A1–FE). Real GBK sheets are; UTF-8 Greek or Cyrillic is not, because its trail bytes run from 80.
 * `carry` holds a lead byte cut off at a chunk end.
 */
export function eucCnScanner() {
  let lead = -1;
  return {
    push(bytes: Uint8Array): boolean {
      for (const b of bytes) {
        if (lead >= 0) {
          if (b < 0xa1 || b > 0xfe) return false;
          lead = -1;
        } else if (b >= 0x80) {
          if (!((b >= 0xa1 && b <= 0xa9) || (b >= 0xb0 && b <= 0xf7))) return false;
          lead = b;
        }
      }
      return true;
    },
    end: () => lead < 0,
  };
}

/** A decoder read byte by byte: what it would replace with U+FFFD, and where. */
export interface ByteTally {
  readonly invalid: InvalidSequences;
  /** Reads bytes[from, to), all on `line` (a line break may be the last of them). */
  scan(bytes: Uint8Array, from: number, to: number, line: number): void;
  end(line: number): void;
}

/**
 * Feeds chunks to a tally one line at a time, numbering lines as decodeTextStream and the CSV reader will:
 * LF ends a line; in a bare-CR file CR does too, and an LF right after it does not. LF and CR are never part
 * of a character in UTF-8 or GB18030, so a sequence one of them cuts short is reported on the line it ends.
 * Line ends are found with indexOf (native), and the tally's loop over a line's bytes stays its own.
 */
class LineTracker {
  private line = 1;
  private previousCr = false;

  constructor(
    private readonly tally: ByteTally,
    private readonly bareCr: boolean,
  ) {}

  push(chunk: Uint8Array): void {
    let nextLf = -2;
    let nextCr = -2;
    let from = 0;
    while (from < chunk.length) {
      if (nextLf !== -1 && nextLf < from) nextLf = chunk.indexOf(0x0a, from);
      if (this.bareCr && nextCr !== -1 && nextCr < from) nextCr = chunk.indexOf(0x0d, from);
      const at = !this.bareCr || nextCr < 0 ? nextLf : nextLf < 0 ? nextCr : Math.min(nextLf, nextCr);
      const to = at < 0 ? chunk.length : at + 1;
      this.tally.scan(chunk, from, to, this.line);
      if (at >= 0) {
        const afterCr = at > 0 ? chunk[at - 1] === 0x0d : this.previousCr;
        if (!this.bareCr || chunk[at] === 0x0d || !afterCr) this.line++;
      }
      from = to;
    }
    if (chunk.length > 0) this.previousCr = chunk[chunk.length - 1] === 0x0d;
  }

  end(): void {
    this.tally.end(this.line);
  }
}

/** Whether UTF-8 with these invalid sequences is too damaged to be UTF-8. */
function tooDamaged(utf8: Utf8Tally, moreValidAtMost = 0): boolean {
  const invalid = utf8.invalid.count;
  if (invalid === 0) return false;
  const valid = utf8.valid + moreValidAtMost;
  return valid < MIN_VALID_SEQUENCES || invalid > MAX_INVALID_SHARE * (valid + invalid);
}

function verdict(bom: TextEncodingName | null, utf8: Utf8Tally, readsAsChinese: () => boolean): EncodingDetection {
  if (bom) return { encoding: bom, reason: 'bom' };
  if (tooDamaged(utf8)) return { encoding: 'gb18030', reason: 'invalid-utf8' };
  if (utf8.lookalike && !utf8.wide && readsAsChinese()) return { encoding: 'gb18030', reason: 'gbk-lookalike' };
  if (utf8.invalid.count > 0) return { encoding: 'utf8', reason: 'mostly-utf8' };
  return { encoding: 'utf8', reason: utf8.valid > 0 ? 'valid-utf8' : 'ascii' };
}

/** The decision for text held in memory (a test); `chooseEncoding` streams the same rule. */
export function detectBytesEncoding(bytes: Uint8Array): EncodingDetection {
  const bom = encodingFromBom(bytes);
  if (bom) return { encoding: bom, reason: 'bom' };
  const utf8 = new Utf8Tally();
  const tracker = new LineTracker(utf8, bareCrHead(bytes.subarray(0, LINE_STYLE_HEAD_BYTES)));
  tracker.push(bytes);
  tracker.end();
  return verdict(null, utf8, () => {
    const scanner = eucCnScanner();
    return scanner.push(bytes) && scanner.end();
  });
}

/**
 * A file read in chunks, as often as asked. One that fits in a chunk is read once and kept: most sheets
 * do, and each pass would otherwise open a stream of its own.
 */
class ChunkedFile {
  readonly size: number;
  private readonly whole: Buffer | null;

  constructor(private readonly file: string) {
    this.size = fs.statSync(file).size;
    this.whole = this.size <= CHUNK ? fs.readFileSync(file) : null;
  }

  head(): Buffer {
    if (this.whole) return this.whole.subarray(0, LINE_STYLE_HEAD_BYTES);
    const fd = fs.openSync(this.file, 'r');
    try {
      const head = Buffer.alloc(LINE_STYLE_HEAD_BYTES);
      return head.subarray(0, fs.readSync(fd, head, 0, head.length, 0));
    } finally {
      fs.closeSync(fd);
    }
  }

  async *chunks(): AsyncGenerator<Buffer> {
    if (this.whole) {
      yield this.whole;
      return;
    }
    for await (const chunk of fs.createReadStream(this.file, { highWaterMark: CHUNK })) yield chunk as Buffer;
  }
}

/**
 * Streams the file through a tally. `giveUp(bytesLeft)` may end it early, when what is left of the file
 * cannot change the answer; returns whether the whole file was read.
 */
async function tallyFile(file: ChunkedFile, tally: ByteTally, bareCr: boolean, giveUp: (bytesLeft: number) => boolean = () => false): Promise<boolean> {
  const tracker = new LineTracker(tally, bareCr);
  let left = file.size;
  for await (const chunk of file.chunks()) {
    tracker.push(chunk);
    left -= chunk.length;
    if (left > 0 && giveUp(left)) return false;
  }
  tracker.end();
  return true;
}

async function gbkPlausible(file: ChunkedFile): Promise<boolean> {
  const scanner = eucCnScanner();
  for await (const chunk of file.chunks()) if (!scanner.push(chunk)) return false;
  return scanner.end();
}

/** The file's encoding by the rule above, and the UTF-8 tally when it read the whole file. */
async function detectWithTally(file: ChunkedFile, head: Buffer, bareCr: boolean): Promise<{ detection: EncodingDetection; utf8: Utf8Tally | null }> {
  const bom = encodingFromBom(head);
  if (bom) return { detection: { encoding: bom, reason: 'bom' }, utf8: null };
  const utf8 = new Utf8Tally();
  // Every multi-byte character takes two bytes or more (one completes a character cut at the chunk's end):
  // stop once even a rest of the file made of them could not pass.
  const whole = await tallyFile(file, utf8, bareCr, (left) => tooDamaged(utf8, Math.floor(left / 2) + 1));
  if (!whole) return { detection: { encoding: 'gb18030', reason: 'invalid-utf8' }, utf8: null };
  const lookalike = utf8.lookalike && !utf8.wide && !tooDamaged(utf8) && (await gbkPlausible(file));
  return { detection: verdict(null, utf8, () => lookalike), utf8 };
}

export async function detectFileEncoding(path: string): Promise<EncodingDetection> {
  const file = new ChunkedFile(path);
  const head = file.head();
  return (await detectWithTally(file, head, bareCrHead(head))).detection;
}

export interface ChosenEncoding {
  used: TextEncodingName;
  detected: EncodingDetection;
  /** Where the decoder of `used` replaces bytes with U+FFFD; null for UTF-16 (not scanned). */
  invalid: InvalidSequences | null;
  /**
   * Lines end with a bare CR (old Mac Excel), decided from the bytes as decodeTextStream would from the text,
   * so lines agree; undefined for UTF-16, whose CR and LF are two bytes (decodeTextStream decides from the text).
   */
  bareCr: boolean | undefined;
}

/**
 * Detects the encoding (the UTF-8 pass stops early on a GBK file), then makes sure the encoding used has
 * been tallied over the whole file: a second pass for GB18030, or for UTF-8 when detection stopped early.
 */
export async function chooseEncoding(path: string, choice: EncodingChoice): Promise<ChosenEncoding> {
  const file = new ChunkedFile(path);
  const head = file.head();
  const bareCr = bareCrHead(head);
  const { detection, utf8 } = await detectWithTally(file, head, bareCr);
  const used = choice === 'auto' ? detection.encoding : choice;
  let tally: ByteTally | null = null;
  if (used === 'utf8') tally = utf8 ?? new Utf8Tally();
  else if (used === 'gb18030') tally = new Gb18030Tally();
  if (tally && tally !== utf8) await tallyFile(file, tally, bareCr);
  return { used, detected: detection, invalid: tally?.invalid ?? null, bareCr: tally ? bareCr : undefined };
}
