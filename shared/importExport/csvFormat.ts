// The CSV dialect every export writes: comma, CRLF between records, RFC 4180 quoting, LF inside a cell, and
// formula escaping. Excel and WPS open it as UTF-8 because of the BOM the writer puts first.
import { escapeFormula } from './formulaEscape.ts';

export const CSV_BOM = '\uFEFF';
export const CSV_EOL = '\r\n';

export function csvField(value: string): string {
  const cell = escapeFormula(value.replace(/\r\n/g, '\n'));
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function csvRecord(cells: readonly string[]): string {
  return cells.map(csvField).join(',') + CSV_EOL;
}
