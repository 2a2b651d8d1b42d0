// .xlsx export through exceljs's streaming writer: the same columns as the CSV, with dates as real date
// cells and amounts as numbers formatted 0.00. Text cells are typed strings, so no formula escaping is needed.
import fs from 'node:fs';
import { loadExcelJs } from '../loadExcelJs.ts';
import type { SheetSink } from './exportCsv.ts';

function utcDate(date: string, time = '00:00:00'): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm, ss] = time.split(':').map(Number) as [number, number, number];
  // exceljs writes a Date's UTC fields as the sheet's wall-clock value.
  return new Date(Date.UTC(y, m - 1, d, hh, mm, ss));
}

export async function xlsxSink(file: string, sheetName: string): Promise<SheetSink> {
  const tmp = `${file}.partial`;
  const excel = await loadExcelJs();
  const workbook = new excel.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  let widths: number[] = [];
  return {
    header(cells) {
      widths = cells.map((c) => Math.max(10, c.length * 2 + 2));
      sheet.columns = cells.map((header, i) => ({ header, key: String(i), width: widths[i] }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).commit();
    },
    row(cells) {
      const row = sheet.addRow(
        cells.map((cell) => {
          if (cell === null) return null;
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
        if (cell === null || typeof cell === 'string') return;
        row.getCell(i + 1).numFmt = 'date' in cell ? 'yyyy-mm-dd' : 'dateTime' in cell ? 'yyyy-mm-dd hh:mm:ss' : '0.00';
      });
      row.commit();
    },
    async close() {
      sheet.commit();
      await workbook.commit();
      fs.renameSync(tmp, file);
    },
  };
}
