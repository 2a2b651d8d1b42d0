// Exit codes beyond "0 ok, 1 failed" that a command's contract promises. The import's (issue 5):
// 0 committed (even with rejected rows), 1 when --strict aborted (the JSON still goes to stdout with
// committed: false), 2 for a usage error (a bad flag value) or an unreadable file, sheet or map file.
import type { AppErrorData } from '../../shared/api/appError.ts';
import type { ApiName } from '../../shared/api/apiContract.ts';

const USAGE_FIELDS: Partial<Record<ApiName, readonly string[]>> = {
  'import:run': ['file', 'mapFile', 'mapping', 'sheet', 'kind', 'encoding', 'columns', 'uploadId'],
  'export:contracts': ['out'],
  'export:customers': ['out'],
  'export:followups': ['out'],
  'export:payments': ['out'],
  'export:usage': ['out'],
  'export:visits': ['out'],
  'export:keyReview': ['out'],
  'export:complaints': ['out'],
  'export:surveys': ['out'],
  'export:calendar': ['out'],
  'export:renewals': ['out'],
  'export:archive': ['out', 'format'],
  'system:restoreUpload': ['file', 'passphraseFile'],
  'system:exportEncrypted': ['out', 'passphraseFile'],
};

export function exitCodeForError(name: ApiName, error: AppErrorData): number {
  return error.code === 'VALIDATION' && error.field !== null && USAGE_FIELDS[name]?.includes(error.field) ? 2 : 1;
}

export function exitCodeForData(name: ApiName, data: unknown): number {
  if (name === 'import:run' && (data as { strictAborted?: boolean }).strictAborted) return 1;
  return 0;
}
