import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectBytesEncoding, detectFileEncoding } from './detectEncoding.ts';
import { encodeGb18030 } from '../../../../test-support/import/encodeGb18030.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'detect-encoding-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
async function both(bytes: Uint8Array) {
  const file = path.join(dir, `f${n++}.csv`);
  fs.writeFileSync(file, bytes);
  const fromFile = await detectFileEncoding(file);
  expect(detectBytesEncoding(bytes)).toEqual(fromFile);
  return fromFile;
}
const utf8 = (s: string) => Buffer.from(s, 'utf8');

describe('detectEncoding: BOM, then strict UTF-8, then GB18030', () => {
  it('trusts a BOM first', async () => {
    expect(await both(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('客户名称\r\n')]))).toEqual({ encoding: 'utf8', reason: 'bom' });
    expect(await both(Buffer.from([0xff, 0xfe, 0x2d, 0x5b]))).toEqual({ encoding: 'utf16le', reason: 'bom' });
    expect(await both(Buffer.from([0xfe, 0xff, 0x5b, 0x2d]))).toEqual({ encoding: 'utf16be', reason: 'bom' });
    expect(await both(Buffer.concat([Buffer.from([0x84, 0x31, 0x95, 0x33]), encodeGb18030('客户')]))).toEqual({
      encoding: 'gb18030',
      reason: 'bom',
    });
  });

  it('reads valid UTF-8 as UTF-8, including Latin-1 symbols people type (¥, é, °, ×)', async () => {
    expect(await both(utf8('客户名称,金额\n杭州云启,¥12800\n'))).toEqual({ encoding: 'utf8', reason: 'valid-utf8' });
    expect(await both(utf8('Customer,Amount\nCafé Zoë,¥12800 × 2, 25°\n'))).toEqual({ encoding: 'utf8', reason: 'valid-utf8' });
    expect(await both(utf8('Customer,Amount\nACME,12800\n'))).toEqual({ encoding: 'utf8', reason: 'ascii' });
  });

  it('reads ordinary GBK as GB18030: Chinese GBK is invalid UTF-8 within a few characters', async () => {
    expect(await both(encodeGb18030('客户名称,联系人,到期日期\r\n杭州云启,张伟,2025-03-01\r\n'))).toEqual({
      encoding: 'gb18030',
      reason: 'invalid-utf8',
    });
  });

  it('finds UTF-8 damage deep in a large file, not only in the first chunk', async () => {
    const body = Buffer.from('a,b\n'.repeat(700_000));
    expect(await both(Buffer.concat([body, encodeGb18030('张伟\n')]))).toMatchObject({ encoding: 'gb18030' });
  });

  // The GBK-that-is-valid-UTF-8 cases, written down.
  it('case A: GBK that happens to be valid UTF-8 Greek/Cyrillic (系统 = CF B5 CD B3 = "ϵͳ") is GB18030', async () => {
    const bytes = encodeGb18030('系统\r\n');
    expect(bytes.toString('hex')).toBe('cfb5cdb30d0a');
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe('ϵͳ\r\n');
    expect(await both(bytes)).toEqual({ encoding: 'gb18030', reason: 'gbk-lookalike' });
  });

  it('case B: a lookalike next to real UTF-8 Chinese is UTF-8 (the three-byte characters prove it)', async () => {
    expect(await both(utf8('名称,希腊字母\nϵͳ,α\n'))).toEqual({ encoding: 'utf8', reason: 'valid-utf8' });
  });

  it('case C: genuine UTF-8 Greek/Cyrillic stays UTF-8: its trail bytes (80–A0) are not GB2312', async () => {
    expect(await both(utf8('Customer\nΑθήνα ΑΕ\nООО Ромашка\n'))).toEqual({ encoding: 'utf8', reason: 'valid-utf8' });
  });

  it('case D (accepted limit): GBK bytes that read as Latin-1 letters (录 = C2 BC = "¼") stay UTF-8', async () => {
    // Only when the whole file is such characters plus ASCII; any ordinary Chinese header breaks UTF-8 first.
    // The wizard's preview shows the result and the encoding can be overridden (--encoding gb18030).
    const bytes = encodeGb18030('录\n');
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe('¼\n');
    expect(await both(bytes)).toEqual({ encoding: 'utf8', reason: 'valid-utf8' });
    expect(await both(encodeGb18030('客户名称\n录\n'))).toMatchObject({ encoding: 'gb18030' });
  });

  it('case E: UTF-8 read as GBK and saved again as GBK (double encoding) comes back as the UTF-8 text', async () => {
    const mojibake = new TextDecoder('gb18030').decode(utf8('客户名称'));
    expect(mojibake).toBe('瀹㈡埛鍚嶇О');
    const bytes = encodeGb18030(mojibake);
    expect(bytes.equals(utf8('客户名称'))).toBe(true);
    expect(await both(bytes)).toEqual({ encoding: 'utf8', reason: 'valid-utf8' });
  });
});
