export interface BackupEntry {
  file: string;
  createdAt: string;
}

/** Which backups to delete so that only the newest `keep` remain. Pure, so the policy is tested alone. */
export function backupsToPrune(entries: readonly BackupEntry[], keep: number): BackupEntry[] {
  if (keep < 1) throw new Error('keep must be at least 1');
  const newestFirst = [...entries].sort((a, b) =>
    a.createdAt === b.createdAt ? b.file.localeCompare(a.file) : b.createdAt.localeCompare(a.createdAt),
  );
  return newestFirst.slice(keep);
}
