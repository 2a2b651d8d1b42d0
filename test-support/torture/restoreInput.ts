import path from 'node:path';

// The one place that knows system:restore's input shape: a backup named as the list names it. The backup the
// suite restores sits in the archive's own backups folder under a listed name.
export function restoreInput(backupFile: string): Record<string, string> {
  return { name: path.basename(backupFile) };
}
