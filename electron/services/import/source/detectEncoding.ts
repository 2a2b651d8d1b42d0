// Which encoding a text file is in: a BOM decides; otherwise a file that is valid UTF-8 throughout is UTF-8;
// otherwise it is GB18030 (a superset of the GBK that Excel and WPS write on Chinese Windows).
//
// GBK bytes are sometimes valid UTF-8 by accident: a GBK character whose lead byte is C2–DF and whose trail
// byte is 80–BF reads as one two-byte UTF-8 character (Latin, Greek, Cyrillic, Hebrew, Arabic). 系统 is
// CF B5 CD B3 in GBK, which UTF-8 reads as "ϵͳ". Real Chinese UTF-8 uses three-byte characters (U+0800 and
// up), so a "valid UTF-8" file with no three-byte character at all, that holds characters of those scripts,
// and whose bytes are well-formed GB2312 (common Chinese), is GBK. The cases are pinned in detectEncoding.test.ts.
import fs from 'node:fs';

export type TextEncodingName = 'utf8' | 'gb18030' | 'utf16le' | 'utf16be';
export type EncodingChoice = 'auto' | 'utf8' | 'gb18030';

export interface EncodingDetection {
  encoding: TextEncodingName;
  reason: 'bom' | 'valid-utf8' | 'invalid-utf8' | 'gbk-lookalike' | 'ascii' | 'chosen';
}

export const DECODER_LABEL: Record<TextEncodingName, string> = {
  utf8: 'utf-8',
  gb18030: 'gb18030',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
};

const CHUNK = 1 << 20;

export function encodingFromBom(bytes: Uint8Array): TextEncodingName | null {
  const [a, b, c, d] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf8';
  if (a === 0xff && b === 0xfe) return 'utf16le';
  if (a === 0xfe && b === 0xff) return 'utf16be';
  if (a === 0x84 && b === 0x31 && c === 0x95 && d === 0x33) return 'gb18030';
  return null;
}

/** Characters a two-byte UTF-8 sequence yields that Chinese business sheets practically never contain. */
const LOOKALIKE_SCRIPTS = /[\u0080-\u009F\u0100-\u07FF]/;
const WIDE = /[\u0800-\uFFFF]/;

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

/** The decision for text held in memory (an upload, a test); `detectFileEncoding` streams the same rule. */
export function detectBytesEncoding(bytes: Uint8Array): EncodingDetection {
  const bom = encodingFromBom(bytes);
  if (bom) return { encoding: bom, reason: 'bom' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { encoding: 'gb18030', reason: 'invalid-utf8' };
  }
  return utf8Verdict(!WIDE.test(text) && LOOKALIKE_SCRIPTS.test(text), /[\u0080-\uFFFF]/.test(text), () => {
    const scanner = eucCnScanner();
    return scanner.push(bytes) && scanner.end();
  });
}

function utf8Verdict(lookalike: boolean, nonAscii: boolean, readsAsChinese: () => boolean): EncodingDetection {
  if (lookalike && readsAsChinese()) return { encoding: 'gb18030', reason: 'gbk-lookalike' };
  return { encoding: 'utf8', reason: nonAscii ? 'valid-utf8' : 'ascii' };
}

async function* fileChunks(file: string): AsyncGenerator<Buffer> {
  for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK })) yield chunk as Buffer;
}

/** Streams the file once (twice in the rare lookalike case); memory stays at one chunk. */
export async function detectFileEncoding(file: string): Promise<EncodingDetection> {
  const strict = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  let wide = false;
  let odd = false;
  let nonAscii = false;
  try {
    for await (const chunk of fileChunks(file)) {
      if (first) {
        const bom = encodingFromBom(chunk);
        if (bom) return { encoding: bom, reason: 'bom' };
        first = false;
      }
      const text = strict.decode(chunk, { stream: true });
      if (!wide && WIDE.test(text)) wide = true;
      if (!odd && LOOKALIKE_SCRIPTS.test(text)) odd = true;
      if (!nonAscii && /[\u0080-\uFFFF]/.test(text)) nonAscii = true;
    }
    strict.decode();
  } catch (e) {
    if (e instanceof TypeError) return { encoding: 'gb18030', reason: 'invalid-utf8' };
    throw e;
  }
  if (!(odd && !wide)) return utf8Verdict(false, nonAscii, () => false);
  const scanner = eucCnScanner();
  let plausible = true;
  for await (const chunk of fileChunks(file)) {
    if (!scanner.push(chunk)) {
      plausible = false;
      break;
    }
  }
  return utf8Verdict(true, nonAscii, () => plausible && scanner.end());
}

export async function chooseEncoding(file: string, choice: EncodingChoice): Promise<{ used: TextEncodingName; detected: EncodingDetection }> {
  const detected = await detectFileEncoding(file);
  if (choice === 'auto') return { used: detected.encoding, detected };
  return { used: choice, detected };
}
