// Inputs for the reader fuzz: real sheets (a renewal sheet as UTF-8, UTF-8 with BOM and GBK CSV, and an .xlsx
// written by exceljs with dates, numbers, formulas, rich text and errors) broken in the ways files arrive broken:
// random bytes, flipped bits, cut short, junk spliced in, an encoding cut mid-character, unclosed quotes, huge
// fields and rows; for .xlsx, damaged or missing zip entries, malformed XML, entity bombs, cells that point
// nowhere, relationships aimed outside the package, a highly compressed sheet. Each case from its own seed.
import ExcelJS from 'exceljs';
import { encodeGb18030 } from '../import/encodeGb18030.ts';
import { generateRenewalSheet, renewalSheetCsv, SHEET_HEADER } from '../import/renewalSheetGenerator.ts';
import { seededRandom, type Random } from '../import/seededRandom.ts';
import { localHeaderOffsets, readZip, writeZip, type ZipEntry } from './zipEntries.ts';

export interface ReaderSamples {
  csvUtf8: Buffer;
  csvBom: Buffer;
  csvGbk: Buffer;
  xlsx: Buffer;
}

export interface ReaderCase {
  kind: string;
  bytes: Buffer;
  encoding: 'auto' | 'utf8' | 'gb18030';
  sheet?: string;
}

export async function readerSamples(seed: number): Promise<ReaderSamples> {
  const rows = generateRenewalSheet({ rows: 40, seed });
  const text = renewalSheetCsv(rows, { seed });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('续费表');
  ws.addRow(SHEET_HEADER.filter((h) => h !== ''));
  for (const r of rows.slice(0, 25)) ws.addRow(r.cells.slice(0, 14));
  ws.addRow(['富文本公司', { richText: [{ text: '乙' }, { text: '公司' }] }, new Date(Date.UTC(2026, 11, 31)), 12800.5, { formula: 'D2*2', result: 25601 }, true, { error: '#N/A' }]);
  wb.addWorksheet('Sheet2').addRow(['备注', '第二张表']);
  wb.created = wb.modified = new Date(Date.UTC(2026, 10, 23));
  return {
    csvUtf8: Buffer.from(text),
    csvBom: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
    csvGbk: encodeGb18030(text),
    // Rewritten entry by entry: exceljs stamps the zip with the time of writing, and a case must be the same bytes every run.
    xlsx: writeZip(readZip(Buffer.from(await wb.xlsx.writeBuffer()))),
  };
}

const randomBytes = (r: Random, n: number) => Buffer.from(Array.from({ length: n }, () => r.int(0, 255)));

function flipBits(r: Random, b: Buffer): Buffer {
  const out = Buffer.from(b);
  for (let i = r.int(1, 24); i > 0 && out.length > 0; i--) out[r.int(0, out.length - 1)]! ^= 1 << r.int(0, 7);
  return out;
}

const truncate = (r: Random, b: Buffer) => b.subarray(0, r.int(0, Math.max(0, b.length - 1)));

function splice(r: Random, b: Buffer, junk: Buffer): Buffer {
  const at = r.int(0, b.length);
  return Buffer.concat([b.subarray(0, at), junk, b.subarray(at + r.int(0, 16))]);
}

/**
 * How big the extreme cases get. CI keeps them small (an unclosed quote is re-parsed per chunk, quadratic up to
 * the 8M-character cap: seconds per case); `npm run fuzz` reaches the caps.
 */
export interface CaseSizes {
  longFieldChars: number;
  rows: number;
  columns: number;
  bombBytes: number;
  sheets: number;
  depth: number;
}
export const CI_SIZES: CaseSizes = { longFieldChars: 300_000, rows: 10_000, columns: 10_000, bombBytes: 4 << 20, sheets: 40, depth: 5_000 };
export const BIG_SIZES: CaseSizes = { longFieldChars: 3 << 20, rows: 60_000, columns: 60_000, bombBytes: 40 << 20, sheets: 300, depth: 50_000 };

function csvCase(r: Random, s: ReaderSamples, z: CaseSizes): { kind: string; bytes: Buffer } {
  const base = r.pick([s.csvUtf8, s.csvBom, s.csvGbk]);
  const head = Buffer.from('公司名称,合同号,合同到期日\n');
  const kinds: [string, () => Buffer][] = [
    ['randomBytes', () => randomBytes(r, r.int(0, 4096))],
    ['flipBits', () => flipBits(r, base)],
    ['truncate', () => truncate(r, base)],
    ['spliceJunk', () => splice(r, base, randomBytes(r, r.int(1, 64)))],
    ['nulBytes', () => splice(r, base, Buffer.alloc(r.int(1, 300)))],
    ['gbkCut', () => s.csvGbk.subarray(0, 2 * r.int(1, s.csvGbk.length >> 1) - 1)],
    ['mixedEncodings', () => Buffer.concat([s.csvUtf8.subarray(0, s.csvUtf8.length >> 1), s.csvGbk.subarray(s.csvGbk.length >> 1)])],
    ['unclosedQuote', () => Buffer.concat([head, Buffer.from('"甲公司,HT-1,2026-12-31\n'), base])],
    ['longField', () => Buffer.concat([head, Buffer.from(`"${'长'.repeat(r.int(1000, z.longFieldChars))}",HT-1,2026-12-31\n`)])],
    ['manyColumns', () => Buffer.from(`${'列,'.repeat(r.int(100, z.columns))}\n${'x,'.repeat(r.int(0, z.columns))}\n`)],
    ['manyRows', () => Buffer.concat([head, Buffer.from('甲,HT,2026-12-31\n'.repeat(r.int(100, z.rows)))])],
    ['loneCr', () => Buffer.from(base.toString('latin1').replace(/\r?\n/g, '\r'), 'latin1')],
    ['otherBoms', () => Buffer.concat([Buffer.from(r.pick([[0xfe, 0xff], [0xff, 0xfe, 0, 0], [0, 0, 0xfe, 0xff], [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], [0x2b, 0x2f, 0x76]])), base])],
    ['utf16', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s.csvUtf8.toString('utf8'), 'utf16le')])],
    ['onlyDelimiters', () => Buffer.from(r.pick([',', ';', '\t', '|', '"', '\n', '\r\n']).repeat(r.int(1, 5000)))],
    ['oldXlsMagic', () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), randomBytes(r, 512)])],
  ];
  const [kind, make] = r.pick(kinds);
  return { kind: `csv:${kind}`, bytes: make() };
}

const SHEET = 'xl/worksheets/sheet1.xml';
const WORKSHEET_OPEN = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const WORKSHEET_CLOSE = '</sheetData></worksheet>';

function withEntry(entries: ZipEntry[], name: string, data: string | Buffer): ZipEntry[] {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  return entries.some((e) => e.name === name) ? entries.map((e) => (e.name === name ? { name, data: bytes } : e)) : [...entries, { name, data: bytes }];
}

function badCellsXml(r: Random): string {
  const cells = [
    '<c r="A1" t="s"><v>99999</v></c>',
    '<c r="B1" t="s"><v>-1</v></c>',
    '<c r="C1" t="n"><v>1e309</v></c>',
    '<c r="D1" t="n"><v>NaN</v></c>',
    '<c r="E1" t="d"><v>not a date</v></c>',
    '<c r="F1" t="e"><v>#REF!</v></c>',
    '<c r="G1" t="inlineStr"><is><t>内联</t></is></c>',
    '<c r="XFD1"><v>1</v></c>',
    '<c r="A0"><v>1</v></c>',
    '<c r="ZZZZZ9"><v>1</v></c>',
    '<c r="A1" s="99999"><v>45658</v></c>',
    '<c r="H1"><f>1/0</f></c>',
    '<c><v>no ref</v></c>',
  ];
  const rowNumber = r.pick(['1', '0', '-5', '1048576', '99999999999', 'x', '']);
  return `${WORKSHEET_OPEN}<row r="${rowNumber}">${cells.filter(() => r.chance(0.6)).join('')}</row>${WORKSHEET_CLOSE}`;
}

function xlsxCase(r: Random, s: ReaderSamples, z: CaseSizes): { kind: string; bytes: Buffer; sheet?: string } {
  const entries = readZip(s.xlsx);
  const sheetXml = entries.find((e) => e.name === SHEET)?.data.toString('utf8') ?? '';
  const kinds: [string, () => Buffer][] = [
    ['flipBits', () => flipBits(r, s.xlsx)],
    ['truncate', () => truncate(r, s.xlsx)],
    ['spliceJunk', () => splice(r, s.xlsx, randomBytes(r, r.int(1, 200)))],
    [
      'entryDataDamage',
      () => {
        const out = Buffer.from(s.xlsx);
        const at = r.pick(localHeaderOffsets(out));
        for (let i = 0; i < r.int(1, 40); i++) {
          const p = at + r.int(0, 120);
          if (p < out.length) out[p] = r.int(0, 255);
        }
        return out;
      },
    ],
    ['noCentralDirectory', () => s.xlsx.subarray(0, s.xlsx.lastIndexOf('PK\u0001\u0002', undefined, 'latin1') - r.int(0, 50))],
    ['dropEntry', () => writeZip(entries.filter((e) => e.name !== r.pick([SHEET, 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml'])))],
    ['xmlTruncated', () => writeZip(withEntry(entries, r.pick([SHEET, 'xl/workbook.xml', 'xl/sharedStrings.xml']), sheetXml.slice(0, r.int(0, sheetXml.length))))],
    ['xmlGarbage', () => writeZip(withEntry(entries, r.pick([SHEET, 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml']), randomBytes(r, r.int(0, 2000))))],
    ['xmlDeep', () => writeZip(withEntry(entries, SHEET, `${WORKSHEET_OPEN}<row r="1">${'<c>'.repeat(z.depth)}${'</c>'.repeat(z.depth)}</row>${WORKSHEET_CLOSE}`))],
    ['badCells', () => writeZip(withEntry(entries, SHEET, badCellsXml(r)))],
    [
      'entityBomb',
      () => {
        const lol = `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`;
        return writeZip(withEntry(entries, r.pick([SHEET, 'xl/sharedStrings.xml']), `<?xml version="1.0"?>${lol}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;&xxe;</t></si></sst>`));
      },
    ],
    ['compressedBomb', () => writeZip(withEntry(entries, SHEET, `${WORKSHEET_OPEN}${' '.repeat(r.int(z.bombBytes >> 3, z.bombBytes))}<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>${WORKSHEET_CLOSE}`))],
    ['relTraversal', () => writeZip(withEntry(entries, 'xl/_rels/workbook.xml.rels', (entries.find((e) => e.name === 'xl/_rels/workbook.xml.rels')?.data.toString('utf8') ?? '').replace(/Target="worksheets\/sheet1\.xml"/, `Target="${r.pick(['../../../../etc/passwd', '/etc/shadow', 'worksheets/../../../x.xml', 'C:\\\\Windows\\\\win.ini'])}"`)))],
    [
      'manySheets',
      () => {
        const more = Array.from({ length: r.int(2, z.sheets) }, (_, i) => ({ name: `xl/worksheets/sheet${i + 3}.xml`, data: Buffer.from(`${WORKSHEET_OPEN}${WORKSHEET_CLOSE}`) }));
        return writeZip([...entries, ...more]);
      },
    ],
    ['methodChange', () => {
      const out = Buffer.from(s.xlsx);
      for (const at of localHeaderOffsets(out)) if (r.chance(0.3)) out.writeUInt16LE(r.pick([1, 9, 12, 14, 99, 0xffff]), at + 8);
      return out;
    }],
    ['emptyZip', () => writeZip([])],
  ];
  const [kind, make] = r.pick(kinds);
  const sheet = r.chance(0.15) ? r.pick(['续费表', 'Sheet2', '不存在', '', '../etc', 'x'.repeat(100)]) : undefined;
  return { kind: `xlsx:${kind}`, bytes: make(), ...(sheet !== undefined ? { sheet } : {}) };
}

/** Case `index` of a run seeded with `seed`: the same bytes every time, however the run was split. */
export function readerCase(seed: number, index: number, samples: ReaderSamples, sizes: CaseSizes = CI_SIZES): ReaderCase {
  const r = seededRandom((seed * 1_000_003 + index) >>> 0);
  const encoding = r.pick(['auto', 'auto', 'utf8', 'gb18030'] as const);
  const made = r.chance(0.5) ? csvCase(r, samples, sizes) : xlsxCase(r, samples, sizes);
  return { ...made, encoding };
}
