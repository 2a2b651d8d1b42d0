// A backup's file name says when it was taken (local wall-clock time, to the millisecond) and why:
// renewal-desk-20261123-091500-123-pre-import.db. The list, a restore and retention all go by it. A team archive's
// backup (pg_dump of its PostgreSQL database) ends in .pgdump instead.

export const BACKUP_NAME_RE = /^renewal-desk-(\d{8})-(\d{6})-(\d{3})(?:-([a-z0-9][a-z0-9-]{0,59}))?\.(?:db|pgdump)$/;

export interface ParsedBackupName {
  /** Local wall-clock time: `YYYY-MM-DDTHH:mm:ss.SSS`. */
  takenAt: string;
  /** manual, auto, pre-import, pre-migrate-v9, … (a clash of names adds -1, -2). */
  reason: string;
}

export function parseBackupName(name: string): ParsedBackupName | null {
  const m = BACKUP_NAME_RE.exec(name);
  if (!m) return null;
  const d = m[1] ?? '';
  const t = m[2] ?? '';
  return {
    takenAt: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}.${m[3] ?? '000'}`,
    reason: m[4] ?? 'manual',
  };
}

/** What the UI calls a reason: a known one by its code (a clash suffix dropped), pre-migrate with its version. */
export function backupReasonCode(reason: string): { code: string; version?: number } {
  const migrate = /^pre-migrate-v(\d+)/.exec(reason);
  if (migrate) return { code: 'pre-migrate', version: Number(migrate[1]) };
  return { code: reason.replace(/-\d+$/, '') };
}
