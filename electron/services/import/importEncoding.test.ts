import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeGb18030 } from '../../../test-support/import/encodeGb18030.ts';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';

// The wizard's path through the real handler table: upload, preview (in an encoding), run.
let t: TestContext;
beforeEach(async () => {
  t = await openTestContext();
});
afterEach(async () => {
  await t.close();
});

/** Text as a decoder of `label` reads the bytes `bytes` (mojibake when they are in another encoding). */
const readAs = (label: string, bytes: Buffer) => new TextDecoder(label).decode(bytes);

async function upload(bytes: Buffer, fileName = '续费表.csv'): Promise<string> {
  return (await t.call('import:upload', { fileName, offset: 0, dataBase64: bytes.toString('base64') })).uploadId;
}

/** A UTF-8 renewal sheet: `blankLines` empty lines, the header, then `rows` rows; `damage` puts bytes into row cells by row number. */
function utf8Sheet(rows: number, damage: Record<number, Buffer> = {}, blankLines = 0): Buffer {
  const parts: Buffer[] = [Buffer.from(`${'\n'.repeat(blankLines)}客户名称,合同编号,到期日期,合同金额\n`)];
  for (let i = 1; i <= rows; i++) {
    parts.push(Buffer.from(`杭州云启网络科技有限公司${i}`));
    const bad = damage[i];
    if (bad) parts.push(bad);
    parts.push(Buffer.from(`,HT-${i},2026-12-31,12800\n`));
  }
  return Buffer.concat(parts);
}

describe('a few invalid bytes in a UTF-8 sheet', () => {
  it('no longer turn the file into GB18030: it imports as UTF-8, and the preview and the report name the line', async () => {
    // One blank line, the header on line 2, row 18 on line 20 with one byte that is not UTF-8.
    const uploadId = await upload(utf8Sheet(40, { 18: Buffer.from([0xff]) }, 1));
    const preview = await t.call('import:preview', { uploadId });
    expect(preview).toMatchObject({
      encoding: 'utf8',
      encodingDetected: 'utf8',
      headerLine: 2,
      headers: ['客户名称', '合同编号', '到期日期', '合同金额'],
      columns: ['customerName', 'contractNumber', 'endsOn', 'amount'],
      invalidBytes: { encoding: 'utf8', sequences: 1, lines: 1 },
      otherEncoding: 'gb18030',
      encodingSuggestion: null,
    });
    const warning = { line: 20, column: null, key: 'encoding.invalidBytes', params: { count: 1, encoding: 'UTF-8' }, message: '有 1 处字节不是有效的 UTF-8，已替换为 �（U+FFFD）' };
    expect(preview.encodingWarnings).toEqual([warning]);

    const result = await t.call('import:run', { uploadId, kind: 'contracts', columns: preview.columns });
    expect(result).toMatchObject({ committed: true, encoding: 'utf8', rows: 40, contractsCreated: 40, rejectedRows: 0, invalidBytes: { sequences: 1, lines: 1 } });
    expect(result.warnings).toEqual([warning]);
    const damaged = await t.call('customers:list', { search: '有限公司18' });
    expect(damaged.items.map((c: { name: string }) => c.name)).toEqual(['杭州云启网络科技有限公司18\uFFFD']);
  });
});

describe('a header that does not map', () => {
  it('read in the wrong encoding, names the other encoding with the header as each reads it', async () => {
    // GBK names pasted into 10 of 40 rows of a UTF-8 sheet: far over 1% invalid, so detection says GB18030.
    const damage = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [i * 4 + 1, encodeGb18030('张伟')]));
    const uploadId = await upload(utf8Sheet(40, damage, 1));
    const preview = await t.call('import:preview', { uploadId });
    const mojibake = readAs('gb18030', Buffer.from('客户名称,合同编号,到期日期,合同金额')).split(',');
    expect(mojibake.slice(0, 3)).toEqual(['瀹㈡埛鍚嶇О', '鍚堝悓缂栧彿', '鍒版湡鏃ユ湡']);
    expect(preview).toMatchObject({
      encoding: 'gb18030',
      headers: mojibake,
      encodingSuggestion: { encoding: 'utf8', headers: ['客户名称', '合同编号', '到期日期', '合同金额'] },
      otherEncoding: 'utf8',
    });
    const refused = await t.envelope('import:run', { uploadId, kind: 'contracts', columns: preview.columns });
    expect(refused.error).toMatchObject({ code: 'VALIDATION', field: 'columns', key: 'encoding.headerInOtherEncoding', params: { line: 2, flag: 'utf8' } });
    expect(refused.error.message).toBe(
      `文件第 2 行的表头里没有「客户名称」、「到期日期」列。按 GB18030 读到的表头是：${mojibake.map((h) => `「${h}」`).join('、')}，像是乱码；` +
        '按 UTF-8 读取则是：「客户名称」、「合同编号」、「到期日期」、「合同金额」，能对上。请改用 UTF-8 读取这个文件（在导入向导里换编码，或在命令行加 --encoding utf8）',
    );

    // Read as suggested, it maps and imports; the GBK names are reported line by line.
    const again = await t.call('import:preview', { uploadId, encoding: 'utf8' });
    expect(again).toMatchObject({ encoding: 'utf8', columns: ['customerName', 'contractNumber', 'endsOn', 'amount'], invalidBytes: { sequences: 20, lines: 10 } });
    const result = await t.call('import:run', { uploadId, kind: 'contracts', encoding: 'utf8', columns: again.columns });
    expect(result).toMatchObject({ committed: true, contractsCreated: 40 });
    expect(result.warnings.map((w: { line: number }) => w.line)).toEqual([3, 7, 11, 15, 19, 23, 27, 31, 35, 39]);
  });

  it('of a GBK file read as UTF-8, suggests GB18030, in English for an English archive', async () => {
    await t.call('settings:set', { locale: 'en-US' });
    const uploadId = await upload(encodeGb18030('客户名称,到期日期\r\n甲公司,2026-12-31\r\n'));
    const preview = await t.call('import:preview', { uploadId, encoding: 'utf8' });
    expect(preview).toMatchObject({ encoding: 'utf8', encodingDetected: 'gb18030', encodingSuggestion: { encoding: 'gb18030', headers: ['客户名称', '到期日期'] } });
    // GBK 客户名称 read as UTF-8 is six U+FFFD and one Greek-looking letter, 到期日期 eight U+FFFD, 甲公司 two.
    const [customer, endsOn] = readAs('utf-8', encodeGb18030('客户名称,到期日期')).split(',');
    expect([customer, endsOn]).toEqual(['\uFFFDͻ\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD', '\uFFFD'.repeat(8)]);
    expect(preview.encodingWarnings).toMatchObject([
      { line: 1, message: '14 byte sequences not valid UTF-8, replaced by � (U+FFFD)' },
      { line: 2, message: '2 byte sequences not valid UTF-8, replaced by � (U+FFFD)' },
    ]);
    const refused = await t.envelope('import:run', { uploadId, kind: 'contracts', encoding: 'utf8', columns: preview.columns });
    expect(refused.error.message).toBe(
      `The header on line 1 has no column for “Customer”, “Ends on”. Read as UTF-8, the header is “${customer}”, “${endsOn}”, ` +
        'which looks garbled; read as GB18030, it is “客户名称”, “到期日期”, which maps. Read the file as GB18030 (change the encoding in the import wizard, or add --encoding gb18030 on the command line)',
    );
  });

  it('in the right encoding, says what the header reads, on the header\'s own line', async () => {
    const uploadId = await upload(Buffer.from('\n\n公司,合同,截止\n甲公司,HT-1,2026-12-31\n'));
    const preview = await t.call('import:preview', { uploadId });
    expect(preview).toMatchObject({ encoding: 'utf8', headerLine: 3, encodingSuggestion: null, invalidBytes: null, encodingWarnings: [] });
    const refused = await t.envelope('import:run', { uploadId, kind: 'contracts', columns: preview.columns });
    expect(refused.error).toMatchObject({
      key: 'encoding.headerNotMapped',
      message: '文件第 3 行的表头里没有「客户名称」、「到期日期」列。按 UTF-8 读到的表头是：「公司」、「合同」、「截止」。请检查表头，或在导入向导里指定对应的列',
    });
  });
});
