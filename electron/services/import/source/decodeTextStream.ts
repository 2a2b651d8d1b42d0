// File bytes → text chunks in a given encoding, with line breaks unified to LF: CRLF becomes LF (so an
// in-cell CRLF is LF too), and a file that uses bare CR for lines (old Mac Excel) has CR become LF. A lone CR
// inside a CRLF or LF file is data and is kept. Memory: one chunk.
import fs from 'node:fs';
import { DECODER_LABEL, type TextEncodingName } from './detectEncoding.ts';

export const READ_CHUNK_BYTES = 1 << 17;

export interface ByteCounter {
  bytesRead: number;
}

export interface DecodeOptions {
  counter?: ByteCounter;
  chunkBytes?: number;
  /**
   * Whether lines end with a bare CR, when the caller has decided it from the file's first
   * LINE_STYLE_HEAD_BYTES (so its line numbers agree with these); otherwise decided from the first chunk.
   */
  bareCr?: boolean;
}

export async function* decodeTextStream(file: string, encoding: TextEncodingName, options: DecodeOptions = {}): AsyncGenerator<string> {
  const { counter = { bytesRead: 0 }, chunkBytes = READ_CHUNK_BYTES } = options;
  const decoder = new TextDecoder(DECODER_LABEL[encoding]);
  let first = true;
  let bareCr = options.bareCr ?? false;
  let heldCr = false;
  const unify = (raw: string): string => {
    let text = raw;
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      bareCr = options.bareCr ?? (text.indexOf('\n') < 0 && text.indexOf('\r') >= 0);
    }
    if (heldCr) {
      text = `\r${text}`;
      heldCr = false;
    }
    if (text.indexOf('\r') < 0) return text;
    // A CR at the very end may be the first half of a CRLF split across chunks (one line break, not two).
    if (text.endsWith('\r')) {
      heldCr = true;
      text = text.slice(0, -1);
    }
    return bareCr ? text.replace(/\r\n?/g, '\n') : text.replace(/\r\n/g, '\n');
  };
  for await (const chunk of fs.createReadStream(file, { highWaterMark: chunkBytes })) {
    counter.bytesRead += (chunk as Buffer).length;
    const text = unify(decoder.decode(chunk as Buffer, { stream: true }));
    if (text !== '') yield text;
  }
  let tail = unify(decoder.decode());
  if (heldCr) {
    tail += bareCr ? '\n' : '\r';
    heldCr = false;
  }
  if (tail !== '') yield tail;
}
