/**
 * Whether an imported value equals the stored one. Text typed in the app may hold CRLF where a sheet (and so
 * the export) holds LF; that is the same text, so re-importing an export changes nothing.
 */
export function sameValue(stored: unknown, imported: unknown): boolean {
  if (stored === imported) return true;
  return typeof stored === 'string' && typeof imported === 'string' && stored.replace(/\r\n/g, '\n') === imported;
}
