// .xlsx export through exceljs's streaming writer: the same columns as the CSV, with dates as real date
// cells and amounts as numbers formatted 0.00. Text cells are typed strings, so no formula escaping is needed.
import fs from 'node:fs';
import type ExcelJS from 'exceljs';
import type { ExportCell } from '../../../shared/importExport/exportCells.ts';
import { loadExcelJs } from '../loadExcelJs.ts';
import type { SheetSink } from './exportCsv.ts';
import { fixZipEntryTimes } from './zipEntryTimes.ts';

function utcDate(date: string, time = '00:00:00'): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm, ss] = time.split(':').map(Number) as [number, number, number];
  // exceljs writes a Date's UTC fields as the sheet's wall-clock value.
  return new Date(Date.UTC(y, m - 1, d, hh, mm, ss));
}

/** The document's created and modified time: the zip entries' fixed time (zipEntryTimes.ts), 1980-01-01. */
const FIXED_TIME = new Date(Date.UTC(1980, 0, 1));

/** A sheet's cell: the export cells, or a plain count (the archive workbook's row counts). */
export type XlsxCell = ExportCell | number;

/** One sheet of a streaming workbook: rows are written as they come; commit() finishes the sheet. */
export interface XlsxSheet {
  header(cells: readonly string[]): void;
  row(cells: readonly XlsxCell[]): void;
  commit(): void;
}

function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheetName: string): XlsxSheet {
  const sheet = workbook.addWorksheet(sheetName);
  return {
    header(cells) {
      const widths = cells.map((c) => Math.max(10, c.length * 2 + 2));
      sheet.columns = cells.map((header, i) => ({ header, key: String(i), width: widths[i] }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).commit();
    },
    row(cells) {
      const row = sheet.addRow(
        cells.map((cell) => {
          if (cell === null || typeof cell === 'number') return cell;
          if (typeof cell === 'string') return cell;
          if ('date' in cell) return utcDate(cell.date);
          if ('dateTime' in cell) {
            const [d, t] = cell.dateTime.split(' ') as [string, string];
            return utcDate(d, t);
          }
          return cell.amountFen / 100;
        }),
      );
      cells.forEach((cell, i) => {
        if (cell === null || typeof cell === 'string' || typeof cell === 'number') return;
        row.getCell(i + 1).numFmt = 'date' in cell ? 'yyyy-mm-dd' : 'dateTime' in cell ? 'yyyy-mm-dd hh:mm:ss' : '0.00';
      });
      row.commit();
    },
    commit() {
      sheet.commit();
    },
  };
}

/** A workbook of several sheets, streamed to `file` (written under a temporary name, renamed when complete). */
export async function xlsxWorkbook(file: string): Promise<{ sheet(name: string): XlsxSheet; close(): Promise<void> }> {
  const tmp = `${file}.partial`;
  const excel = await loadExcelJs();
  const workbook = new excel.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: false });
  // The same rows give the same bytes: no "now" in the document properties or in the zip's entry times.
  workbook.created = FIXED_TIME;
  workbook.modified = FIXED_TIME;
  return {
    sheet: (name) => addSheet(workbook, name),
    async close() {
      await workbook.commit();
      fixZipEntryTimes(tmp);
      fs.renameSync(tmp, file);
    },
  };
}

export async function xlsxSink(file: string, sheetName: string): Promise<SheetSink> {
  const workbook = await xlsxWorkbook(file);
  const sheet = workbook.sheet(sheetName);
  return {
    header: (cells) => sheet.header(cells),
    row: (cells) => sheet.row(cells),
    async close() {
      sheet.commit();
      await workbook.close();
    },
  };
}
