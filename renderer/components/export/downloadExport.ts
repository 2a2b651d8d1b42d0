import type { ExportResult } from '../../../shared/api/export.contract.ts';
import { invoke } from '../../api/invoke.ts';

export type ExportKind = 'contracts' | 'customers' | 'followups';

const MIME = { csv: 'text/csv;charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/** Hands an export's bytes to the browser (or Electron) as a download. */
export function saveExport(result: ExportResult): void {
  const bytes = Uint8Array.from(atob(result.contentBase64 ?? ''), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: MIME[result.format] }));
  const a = document.createElement('a');
  a.href = url;
  a.download = result.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Asks the app for the sheet and hands it to the browser (or Electron) as a download. */
export async function downloadExport(kind: ExportKind, format: 'csv' | 'xlsx', headers: 'zh' | 'en'): Promise<ExportResult> {
  const input = { format, headers };
  const result =
    kind === 'contracts'
      ? await invoke('export:contracts', input)
      : kind === 'customers'
        ? await invoke('export:customers', input)
        : await invoke('export:followups', input);
  saveExport(result);
  return result;
}
