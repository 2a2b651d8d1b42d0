// .xlsx rows → records, through exceljs's streaming reader (SheetJS's npm build is frozen at a vulnerable
// version). `line` is the sheet's row number. Typed cells become the text a CSV would hold: dates as
// YYYY-MM-DD (with the time when there is one), numbers without binary noise, formulas as their results.
import type { Readable } from 'node:stream';
import { loadExcelJs } from '../../loadExcelJs.ts';
import type { SourceRecord } from './readCsvRecords.ts';

const pad = (n: number) => String(n).padStart(2, '0');

function dateText(d: Date): string {
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const seconds = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
  return seconds === 0 ? date : `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

function numberText(n: number): string {
  // 0.1 + 0.2 style noise from a computed cell: at most 10 significant decimals is what Excel shows anyway.
  const rounded = Number(n.toFixed(10));
  return String(rounded);
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : dateText(value);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string; sharedString?: number };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error !== undefined) return '';
  }
  return String(value);
}

export interface XlsxReadOptions {
  /** Sheet name; the first sheet when absent. */
  sheet?: string | undefined;
  onSheet?: (chosen: string, all: string[]) => void;
}

interface SheetRef {
  name: string;
  rId: string;
}
interface Relationship {
  Id: string;
  Target: string;
}
const isSheetRef = (v: unknown): v is SheetRef =>
  typeof v === 'object' && v !== null && 'name' in v && typeof v.name === 'string' && 'rId' in v && typeof v.rId === 'string';
const isRelationship = (v: unknown): v is Relationship =>
  typeof v === 'object' && v !== null && 'Id' in v && typeof v.Id === 'string' && 'Target' in v && typeof v.Target === 'string';

/**
 * Sheet names by worksheet file number. exceljs's streaming reader fills its workbook model and relationships
 * as it reads, outside its typings; they are read here with checks.
 */
function sheetNames(reader: object): { byFile: Map<string, string>; all: string[] } {
  const model = 'model' in reader && typeof reader.model === 'object' && reader.model !== null ? reader.model : {};
  const sheets = 'sheets' in model && Array.isArray(model.sheets) ? model.sheets.filter(isSheetRef) : [];
  const rels = 'workbookRels' in reader && Array.isArray(reader.workbookRels) ? reader.workbookRels.filter(isRelationship) : [];
  const byFile = new Map<string, string>();
  for (const s of sheets) {
    const target = rels.find((r) => r.Id === s.rId)?.Target ?? '';
    const m = /sheet(\d+)\.xml$/.exec(target);
    if (m) byFile.set(m[1]!, s.name);
  }
  return { byFile, all: sheets.map((s) => s.name) };
}

/** A worksheet reader's id (its file number), set by exceljs but not in its typings. */
const worksheetId = (ws: object): string => ('id' in ws && (typeof ws.id === 'number' || typeof ws.id === 'string') ? String(ws.id) : '');

/**
 * exceljs's streaming reader (through unzipper 0.10) now and then ends the zip before its last entry; when
 * that entry is xl/workbook.xml (exceljs itself writes it last) the first sheet fails on a missing workbook
 * model, or a sheet goes missing. About 1 read in 100; nothing has been yielded by then, so read again.
 */
function isZipEndRace(e: unknown): boolean {
  return (e instanceof TypeError && /'sheets'/.test(e.message)) || (e as { code?: string }).code === 'SHEET_NOT_FOUND';
}

export async function* readXlsxRecords(
  open: () => string | Readable,
  options: XlsxReadOptions = {},
): AsyncGenerator<SourceRecord[]> {
  for (let attempt = 1; ; attempt++) {
    let yielded = false;
    try {
      for await (const batch of readOnce(open(), options)) {
        yielded = true;
        yield batch;
      }
      return;
    } catch (e) {
      if (yielded || attempt >= 3 || !isZipEndRace(e)) throw e;
    }
  }
}

async function* readOnce(input: string | Readable, options: XlsxReadOptions): AsyncGenerator<SourceRecord[]> {
  const excel = await loadExcelJs();
  const reader = new excel.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let found = false;
  for await (const ws of reader) {
    const names = sheetNames(reader);
    const id = worksheetId(ws);
    const name = names.byFile.get(id) ?? `Sheet${id}`;
    if (found || (options.sheet !== undefined && options.sheet !== name)) {
      // Drain the entry so the zip stream moves on to the next sheet.
      for await (const _row of ws) void _row;
      continue;
    }
    found = true;
    options.onSheet?.(name, names.all);
    let batch: SourceRecord[] = [];
    for await (const row of ws) {
      const values = row.values as unknown[];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      batch.push({ line: row.number, cells });
      if (batch.length >= 2000) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
  if (!found && options.sheet !== undefined) throw Object.assign(new Error(`sheet not found: ${options.sheet}`), { code: 'SHEET_NOT_FOUND' });
}
