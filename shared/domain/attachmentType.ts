import type { AttachmentMime } from '../api/attachments.contract.ts';

// What a file is, read from its first bytes: an attachment's extension is a claim, its signature is the fact.
// PDF (%PDF-), JPEG (FF D8 FF), PNG (its 8-byte signature), WebP (RIFF….WEBP) and HEIC/HEIF (an ISO-BMFF `ftyp`
// box whose brand is one of the HEIF brands phones write).

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
const JPEG = [0xff, 0xd8, 0xff] as const;
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

/** The attachment type of `bytes`, or null when they are none of the allowed kinds. */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentMime | null {
  if (ascii(bytes, 0, 5) === '%PDF-') return 'application/pdf';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(bytes, 4, 8) === 'ftyp' && HEIF_BRANDS.has(ascii(bytes, 8, 12))) return 'image/heic';
  return null;
}
