import type { SaveFileResult } from '../../../shared/api/apiBridge.ts';
import type { ExportResult } from '../../../shared/api/export.contract.ts';
import { bridge } from '../../api/bridge.ts';
import { invoke } from '../../api/invoke.ts';

export type ExportKind = 'contracts' | 'customers' | 'followups';

/** An export saved, or not, where the user chose (the desktop's save dialog; a browser's download). */
export interface SavedExport extends ExportResult {
  saved: SaveFileResult;
}

/** Keeps an export's bytes as a file: the app never writes to a folder the user did not pick. */
export async function saveExport(result: ExportResult): Promise<SavedExport> {
  const saved = await bridge.saveFile({ fileName: result.fileName, contentBase64: result.contentBase64 });
  return { ...result, saved };
}

/** Asks the app for the sheet and saves it. */
export async function downloadExport(kind: ExportKind, format: 'csv' | 'xlsx', headers: 'zh' | 'en'): Promise<SavedExport> {
  const input = { format, headers };
  const result =
    kind === 'contracts'
      ? await invoke('export:contracts', input)
      : kind === 'customers'
        ? await invoke('export:customers', input)
        : await invoke('export:followups', input);
  return saveExport(result);
}
