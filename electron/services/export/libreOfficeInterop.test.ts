import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { importFile, writeFixture } from '../../../test-support/import/importTestKit.ts';
import { renewalColumnsCsv } from '../../../test-support/import/renewalColumnsFixture.ts';
import { CSV_UTF8, findSoffice, sofficeConvert } from '../../../test-support/libreOffice.ts';

// A real spreadsheet program reads and writes our exports: Debian's LibreOffice, headless. Without soffice the
// test is skipped on a developer's machine (saying so); in CI (CI set) it must run, so a missing soffice fails it.
const soffice = findSoffice();
const skip = soffice === null && !process.env['CI'];
if (skip) console.warn('[libreOfficeInterop] skipped: soffice not found (apt-get install libreoffice-calc-nogui); CI never skips it');

let a: TestContext;
let b: TestContext;
beforeAll(async () => {
  a = await openTestContext();
  b = await openTestContext();
  await importFile(a, writeFixture(a, renewalColumnsCsv()));
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

async function exportTo(t: TestContext, ext: 'csv' | 'xlsx', name: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(t.dir, `${name}-`));
  const out = path.join(dir, `${name}.${ext}`);
  const { contentBase64 } = await t.call('export:contracts', { format: ext, headers: 'zh' });
  fs.writeFileSync(out, Buffer.from(contentBase64, 'base64'));
  return out;
}

/** Cell values by row; our CSV's formula apostrophes are not in this fixture, so cells compare as written. */
const rowsOf = (text: string) => Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe.skipIf(skip)(`LibreOffice reads and writes our exports${skip ? ' (skipped: no soffice and not CI)' : ''}`, { timeout: 180_000 }, () => {
  it('turns the .xlsx export into a CSV with the values of the CSV export', async () => {
    const xlsx = await exportTo(a, 'xlsx', 'contracts');
    const csv = await exportTo(a, 'csv', 'contracts-csv');
    const converted = sofficeConvert(soffice!, xlsx, path.dirname(xlsx), `csv:Text - txt - csv (StarCalc):${CSV_UTF8}`);
    const theirs = rowsOf(fs.readFileSync(converted, 'utf8'));
    const ours = rowsOf(fs.readFileSync(csv, 'utf8'));
    expect(theirs[0]).toHaveLength(19);
    expect(theirs).toEqual(ours);
  });

  it('saves the CSV export as .xlsx that imports back to a byte-identical export', async () => {
    const csv = await exportTo(a, 'csv', 'contracts');
    const xlsx = sofficeConvert(soffice!, csv, path.dirname(csv), 'xlsx:Calc MS Excel 2007 XML', `CSV:${CSV_UTF8}`);
    const r = await importFile(b, xlsx);
    expect(r).toMatchObject({ committed: true, format: 'xlsx', rejectedRows: 0, ignoredColumns: [], contractsCreated: 12 });
    expect(fs.readFileSync(await exportTo(b, 'csv', 'again'), 'utf8')).toBe(fs.readFileSync(csv, 'utf8'));
  });
});
