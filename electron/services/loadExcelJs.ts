import type ExcelJS from 'exceljs';

/** exceljs takes most of a second to load; only .xlsx imports and exports pay for it, not every CLI call. */
export async function loadExcelJs(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
