import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseEncoding, detectBytesEncoding, detectFileEncoding } from './detectEncoding.ts';
import { decodeTextStream } from './decodeTextStream.ts';
import { openImportSource } from './openImportSource.ts';
import { seededRandom } from '../../../../test-support/import/seededRandom.ts';
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

describe('detectEncoding: BOM, then UTF-8, then GB18030', () => {
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

/** A UTF-8 renewal sheet of `rows` Chinese rows (about 20 three-byte characters each). */
function utf8Sheet(rows: number): string[] {
  const lines = ['客户名称,联系人,合同编号,到期日期,合同金额'];
  for (let i = 1; i <= rows; i++) lines.push(`杭州云启网络科技有限公司${i},张伟,HT-${i},2026-12-31,12800`);
  return lines;
}
/** `lines` joined by `eol`, with `bad` put in after the first cell of each line numbered in `at` (1-based). */
function withBadBytes(lines: readonly string[], at: Record<number, number[]>, eol = '\n'): Buffer {
  return Buffer.concat(
    lines.flatMap((text, i) => {
      const bad = at[i + 1];
      if (!bad) return [utf8(text + eol)];
      const cut = text.indexOf(',');
      return [utf8(text.slice(0, cut)), Buffer.from(bad), utf8(text.slice(cut) + eol)];
    }),
  );
}
async function chosen(bytes: Uint8Array, choice: 'auto' | 'utf8' | 'gb18030' = 'auto') {
  const file = path.join(dir, `f${n++}.csv`);
  fs.writeFileSync(file, bytes);
  const c = await chooseEncoding(file, choice);
  return { used: c.used, reason: c.detected.reason, invalid: c.invalid && { count: c.invalid.count, lines: c.invalid.lines } };
}

describe('detectEncoding: a few invalid bytes in UTF-8 (at most 1% among at least 20 characters)', () => {
  it('keeps a UTF-8 sheet with one bad byte among many Chinese cells UTF-8, and names the bad byte\'s line', async () => {
    const bytes = withBadBytes(utf8Sheet(60), { 37: [0xff] });
    expect(await both(bytes)).toEqual({ encoding: 'utf8', reason: 'mostly-utf8' });
    expect(await chosen(bytes)).toEqual({ used: 'utf8', reason: 'mostly-utf8', invalid: { count: 1, lines: [{ line: 37, count: 1 }] } });
    // A GBK character pasted into the sheet (张 = D5 C5): two invalid sequences, on the line it sits on.
    const pasted = withBadBytes(utf8Sheet(300), { 2: [0xd5, 0xc5], 250: [0xe5, 0xae] }, '\r\n');
    expect(await chosen(pasted)).toEqual({
      used: 'utf8',
      reason: 'mostly-utf8',
      invalid: { count: 3, lines: [{ line: 2, count: 2 }, { line: 250, count: 1 }] },
    });
  });

  it('draws the line at 1% of the non-ASCII sequences', async () => {
    // 99 characters and one invalid byte: 1% exactly. One character less: over.
    const sheet = (characters: number) => Buffer.concat([utf8(`名\n${'客'.repeat(characters - 1)}\n`), Buffer.from([0xff, 0x0a])]);
    expect(await both(sheet(99))).toEqual({ encoding: 'utf8', reason: 'mostly-utf8' });
    expect(await both(sheet(98))).toEqual({ encoding: 'gb18030', reason: 'invalid-utf8' });
  });

  it('reads a GBK sheet that is mostly digits, with a few Chinese cells, as GB18030', async () => {
    const lines = ['name,phone,contract,ends,amount'];
    for (let i = 0; i < 400; i++) lines.push(`${i % 50 === 0 ? '张伟' : `C${i}`},13800138${String(i).padStart(3, '0')},HT-${i},20261231,12800`);
    expect(await both(encodeGb18030(`${lines.join('\r\n')}\r\n`))).toEqual({ encoding: 'gb18030', reason: 'invalid-utf8' });
    // GBK pairs that pass for UTF-8 (系统 = "ϵͳ") can bring the invalid share under 1% (客户 gives two
    // invalid sequences among 401 "characters"); with no three-byte character the GB2312 check then decides.
    expect(await both(encodeGb18030(`系统,客户\r\n${'系统,1\r\n'.repeat(200)}`))).toEqual({ encoding: 'gb18030', reason: 'gbk-lookalike' });
  });

  it('keeps a small file that is strictly valid UTF-8 UTF-8, however few its characters', async () => {
    expect(await both(utf8('客户名称\n甲\n'))).toEqual({ encoding: 'utf8', reason: 'valid-utf8' });
    expect(await chosen(utf8('客户名称\n甲\n'))).toEqual({ used: 'utf8', reason: 'valid-utf8', invalid: { count: 0, lines: [] } });
  });

  it('lets a BOM decide, and still lists the bytes its encoding cannot read', async () => {
    // GBK 客户名称 is six invalid UTF-8 sequences, 张伟 two (the decoder writes as many U+FFFD).
    const gbkBody = encodeGb18030('客户名称\n张伟\n');
    expect(await chosen(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), gbkBody]))).toEqual({
      used: 'utf8',
      reason: 'bom',
      invalid: { count: 8, lines: [{ line: 1, count: 6 }, { line: 2, count: 2 }] },
    });
    expect(await chosen(Buffer.concat([Buffer.from([0x84, 0x31, 0x95, 0x33]), utf8('客户名称\n')]))).toMatchObject({ used: 'gb18030', reason: 'bom' });
  });

  it('counts physical lines as the CSV reader does: in quoted cells, after bare CRs, deep in a large file', async () => {
    const quoted = Buffer.concat([utf8(`${utf8Sheet(30).join('\n')}\n甲,"第一行\n第二`), Buffer.from([0xff]), utf8('行"\n')]);
    expect((await chosen(quoted)).invalid?.lines).toEqual([{ line: 33, count: 1 }]);
    expect((await chosen(withBadBytes(utf8Sheet(30), { 5: [0xff] }, '\r'))).invalid?.lines).toEqual([{ line: 5, count: 1 }]);
    // Past the first 1 MiB chunk, and a sequence cut by the line break is reported on its own line.
    const big = withBadBytes(utf8Sheet(40_000), { 39_000: [0xe5, 0xae] });
    expect(big.length).toBeGreaterThan(2 << 20);
    expect(await chosen(big)).toEqual({ used: 'utf8', reason: 'mostly-utf8', invalid: { count: 1, lines: [{ line: 39_000, count: 1 }] } });
  });

  it('tallies the encoding chosen over detection, listing the first 100 lines and counting the rest', async () => {
    const gbk = encodeGb18030(`客户名称\n${'张伟\n'.repeat(150)}`);
    const forced = await chosen(gbk, 'utf8');
    expect(forced).toMatchObject({ used: 'utf8', reason: 'invalid-utf8', invalid: { count: 6 + 2 * 150 } });
    expect(forced.invalid?.lines).toHaveLength(100);
    expect(forced.invalid?.lines.at(-1)).toEqual({ line: 100, count: 2 });
  });
});

/** Where the decoded text has U+FFFD: [line, how many] per line, lines counted by LF as the CSV reader counts. */
async function replacedByDecoder(file: string, encoding: 'utf8' | 'gb18030', bareCr: boolean | undefined, chunkBytes?: number) {
  const found = new Map<number, number>();
  let line = 1;
  for await (const text of decodeTextStream(file, encoding, { ...(bareCr === undefined ? {} : { bareCr }), ...(chunkBytes ? { chunkBytes } : {}) })) {
    for (const ch of text) {
      if (ch === '\n') line++;
      else if (ch === '\uFFFD') found.set(line, (found.get(line) ?? 0) + 1);
    }
  }
  return [...found];
}

describe('detectEncoding and the decoder agree on where the U+FFFD are', () => {
  it('lists each replaced sequence on the line the decoded text has it, for LF, CRLF, bare-CR and mixed files', async () => {
    const r = seededRandom(20);
    const pieces = [utf8('客户'), utf8('a,b'), utf8('"x'), Buffer.from([0xff]), Buffer.from([0xe5, 0xae]), Buffer.from([0xd5, 0xc5]), utf8('\n'), utf8('\r\n'), utf8('\r')];
    for (let n = 0; n < 150; n++) {
      const bytes = Buffer.concat(Array.from({ length: r.int(1, 40) }, () => r.pick(pieces)));
      const file = path.join(dir, `lines${n}.csv`);
      fs.writeFileSync(file, bytes);
      for (const encoding of ['utf8', 'gb18030'] as const) {
        const { invalid, bareCr } = await chooseEncoding(file, encoding);
        const expected = await replacedByDecoder(file, encoding, bareCr, r.int(1, 8));
        expect(invalid?.lines.map((l) => [l.line, l.count]), `${encoding} ${bytes.toString('hex')}`).toEqual(expected);
      }
    }
  });

  it('agrees in a large bare-CR file whose later lines end with CRLF or LF (CRs at chunk ends included)', async () => {
    const head = utf8('客户名称,金额\r'.repeat(7_000));
    const tail = Buffer.concat(Array.from({ length: 3000 }, (_, i) => Buffer.concat([utf8('甲'), i % 97 === 0 ? Buffer.from([0xff]) : utf8(''), utf8(i % 3 ? ',1\r\n' : ',1\n')])));
    const file = path.join(dir, 'bare-cr.csv');
    fs.writeFileSync(file, Buffer.concat([head, tail]));
    const { invalid, bareCr } = await chooseEncoding(file, 'utf8');
    expect(bareCr).toBe(true);
    expect(invalid?.lines).toHaveLength(31);
    expect(invalid?.lines.map((l) => [l.line, l.count])).toEqual(await replacedByDecoder(file, 'utf8', bareCr, 61));
  });
});

describe('UTF-16 line ends', () => {
  it('are decided from the text, not the bytes: a bare-CR UTF-16 file keeps its lines though 上 is the bytes 0A 4E', async () => {
    const file = path.join(dir, 'utf16-cr.txt');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('客户名称\t备注\r甲公司\t上午\r乙公司\t下午\r', 'utf16le')]));
    const source = await openImportSource(file, { encoding: 'auto' });
    const records = [];
    for await (const batch of source.records) records.push(...batch.map((r) => [r.line, r.cells]));
    expect([source.encoding, source.header?.cells]).toEqual(['utf16le', ['客户名称', '备注']]);
    expect(records).toEqual([
      [2, ['甲公司', '上午']],
      [3, ['乙公司', '下午']],
    ]);
  });
});
