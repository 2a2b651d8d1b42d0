// Found by the reader fuzz: exceljs's streaming reader, given an .xlsx as Excel and exceljs write it, turned a
// Chinese character split between two chunks into U+FFFD, parked worksheets in the OS temp folder, and stalled
// for good on a damaged entry. Read through readXlsxInOrder (openImportSource does), none of that happens.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AppError } from '../../../../shared/api/appError.ts';
import { openImportSource } from './openImportSource.ts';

let dir: string;
let file: string;
const names = Array.from({ length: 3000 }, (_, i) => `杭州云启科技有限公司第${i}号分公司`);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-order-'));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('续费表');
  ws.addRow(['客户名称', '备注']);
  names.forEach((name, i) => ws.addRow([name, { richText: [{ text: `备注${i}：续费需老板签字` }] }]));
  file = path.join(dir, 'sheet.xlsx');
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function readAll(f: string): Promise<string[][]> {
  const source = await openImportSource(f, { encoding: 'auto' });
  const rows: string[][] = [];
  for await (const batch of source.records) for (const r of batch) rows.push(r.cells);
  return rows;
}

it('reads every Chinese character of a large sheet intact, and writes nothing to the OS temp folder', async () => {
  const temp = fs.mkdtempSync(path.join(dir, 'tmp-'));
  const before = process.env['TMPDIR'];
  process.env['TMPDIR'] = temp;
  try {
    const rows = await readAll(file);
    expect(rows.map((r) => r[0])).toEqual(names);
    expect(rows.filter((r, i) => r[1] !== `备注${i}：续费需老板签字`)).toEqual([]);
    expect(fs.readdirSync(temp)).toEqual([]);
  } finally {
    if (before === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = before;
  }
});

it('refuses a damaged worksheet entry at once as a damaged .xlsx instead of stalling', async () => {
  const bytes = fs.readFileSync(file);
  const sheet = bytes.indexOf('xl/worksheets/sheet1.xml', 0, 'latin1');
  for (let i = 200; i < 260; i++) bytes[sheet + i] = (bytes[sheet + i]! * 7 + 13) & 0xff;
  const damaged = path.join(dir, 'damaged.xlsx');
  fs.writeFileSync(damaged, bytes);
  const error = await readAll(damaged).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code: 'VALIDATION', detail: { key: 'importErrors.unreadable', params: { why: { key: 'importErrors.xlsxDamaged' } } } });
}, 20_000);
