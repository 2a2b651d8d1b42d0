import { AppError } from '../../../shared/api/appError.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { readLocalFile } from './readLocalFile.ts';

export const MAX_MAPPING_FILE_BYTES = 1024 * 1024;

/** Line and column of a JSON.parse failure, from the position V8 names; never the text around it. */
function positionOf(error: unknown, text: string): { line: number; column: number } | null {
  const m = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  if (!m) return null;
  const before = text.slice(0, Number(m[1]));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/**
 * A `--map-file` ({ "kind"?: …, "columns": { "表头": "字段" } }), read by the CLI and sent as content; the
 * contract checks kind and targets. A parse error says where, never what the file holds: a mistyped path to a
 * secret must not print the secret.
 */
export function readMappingFile(file: string): { kind?: unknown; columns: Record<string, unknown> } {
  const text = readLocalFile(file, MAX_MAPPING_FILE_BYTES, 'mapFile').toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const at = positionOf(e, text);
    throw new AppError('VALIDATION', at ? msg('cliFiles.mapFileJsonAt', { file, ...at }) : msg('cliFiles.mapFileJson', { file }), 'mapFile');
  }
  if (typeof parsed !== 'object' || parsed === null || !('columns' in parsed) || typeof parsed.columns !== 'object' || parsed.columns === null || Array.isArray(parsed.columns)) {
    throw new AppError('VALIDATION', msg('importErrors.mapFileShape'), 'mapFile');
  }
  const columns: Record<string, unknown> = { ...parsed.columns };
  return 'kind' in parsed ? { kind: parsed.kind, columns } : { columns };
}
