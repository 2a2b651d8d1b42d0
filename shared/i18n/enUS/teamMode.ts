import type { teamModeZhCN } from '../zhCN/teamMode.ts';

export const teamModeEnUS: Record<keyof typeof teamModeZhCN, string> = {
  'migrateTo.needsTarget': 'migrate-to needs a target: postgres://user@host:5432/database or the path of a new .db file',
  'migrateTo.sameEngine': 'The source and the target are the same kind of database ({engine}): migrate-to moves between SQLite and PostgreSQL',
  'migrateTo.targetFileExists': 'The target file already exists: {file}. Give the path of a new file',
  'migrateTo.sourceMissing': 'The source data file does not exist: {file}',
  'migrateTo.sourceInUse': 'The data file is in use by another program (process {pid}). Close the desktop app or the web host before moving it',
  'migrateTo.targetNotEmpty': 'The target database is not empty ({tables} hold data). Use a new, empty database',
  'migrateTo.schemaMismatch': 'The source and the target have different tables, so the archive cannot be moved: {detail}',
  'migrateTo.replicationRoleDenied':
    'The target PostgreSQL role may not pause triggers during the copy (session_replication_role). Run it as a superuser, or have an administrator grant it: GRANT SET ON PARAMETER session_replication_role TO that role. ({detail})',
  'migrateTo.copying': 'Moving: {source} → {target}',
  'migrateTo.reportHeader': 'Table | Source rows | Target rows | SHA-256 (first 16) | Result',
  'migrateTo.reportRow': '{table} | {sourceRows} | {targetRows} | {hash} | {status}',
  'migrateTo.rowOk': 'equal',
  'migrateTo.rowMismatch': 'DIFFERENT',
  'migrateTo.done': 'Moved: {tables} tables, {rows} rows; every row count and content hash is equal.',
  'migrateTo.failed': 'Verification found differences: rolled back, the target database is as it was.',
};
