// Which test files the vitest `postgres` project runs a second time, on a PostgreSQL archive: every db/ and services
// test that opens its archive through openTestContext, except the ones listed below with the reason they stay on
// SQLite. A new test of that kind runs on both engines without anyone adding it to a list.
import fs from 'node:fs';
import path from 'node:path';

/** Test files that open their archive through openTestContext but test something only the SQLite engine has. */
export const SQLITE_ONLY_TEST_FILES: Readonly<Record<string, string>> = {
  'db/archiveCopy/copyArchive.test.ts': 'opens both engines itself (SQLite to PostgreSQL and back)',
  'db/archiveCopy/copyAttachments.test.ts': "opens both engines itself (an SQLite archive's attachment files to PostgreSQL and back)",
  'db/migrations/0013_report_terms.test.ts': "an SQLite migration's own steps; PostgreSQL starts from its baseline",
  'db/migrations/0014_customer_pinyin_search.test.ts': "an SQLite migration's own steps; PostgreSQL starts from its baseline",
  'db/migrations/0018_customer_scoped_bigrams.test.ts': "an SQLite migration's own steps; PostgreSQL starts from its baseline",
  'db/repositories/customerScopedBigrams.test.ts':
    "SQLite's bulk scope mover: it drops and recreates 0018's stored triggers around TEMP triggers (sqlite_master, schema_version); PostgreSQL moves postings by its row trigger, held to their truth by customerSearchIndex.test.ts",
  'electron/services/export/exportBothEngines.test.ts': 'opens both engines itself and compares their sheets',
  'electron/services/handlerFuzz.test.ts':
    "its traced child (strace) serves an SQLite file in a workspace whatever the project: a second pass would repeat the same run; the handlers' PostgreSQL side is what the other files here exercise",
  'electron/services/reminders/reminderCrash.test.ts':
    "SIGKILLs a child mid-tick on a copied SQLite file: it tests that file's journal rolling the claim back; a PostgreSQL server rolls back a dropped connection's transaction itself",
  'electron/services/system/exportAttachments.test.ts':
    "restores the encrypted export, attachment files and all, into an SQLite archive on a new laptop; a team archive refuses restores, and its export's attachments (from its table) are checked by teamArchiveBackup.test.ts",
  'electron/services/system/exportEncrypted.test.ts':
    'restores the encrypted export into an archive; a team archive refuses restores (its admin uses pg_restore or migrate-to); its own encrypted export is checked by teamArchiveBackup.test.ts',
  'electron/services/system/restoreBackup.test.ts':
    "restores and swaps the SQLite data file; a team archive refuses a file restore (its admin uses pg_restore or migrate-to): teamArchiveBackup.test.ts",
  'electron/services/system/withSafetyBackup.test.ts':
    "the SQLite file's copy before a risky operation; a team archive takes none (its server's dumps back it up): teamArchiveBackup.test.ts",
  'electron/services/torture/diskFull.test.ts': "fills the SQLite file's disk; a server's disk is the server's",
};

const ROOTS = ['db', 'electron/services'];

function testFilesUnder(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...testFilesUnder(root, rel));
    else if (entry.name.endsWith('.test.ts')) out.push(rel);
  }
  return out;
}

/** Repository-relative paths (posix), sorted. */
export function postgresProjectFiles(repoRoot: string): string[] {
  return ROOTS.flatMap((r) => testFilesUnder(repoRoot, r))
    .filter((f) => !(f in SQLITE_ONLY_TEST_FILES))
    .filter((f) => fs.readFileSync(path.join(repoRoot, f), 'utf8').includes('openTestContext'))
    .sort();
}
