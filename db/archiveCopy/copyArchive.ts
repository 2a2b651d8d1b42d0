import { sql } from 'kysely';
import { AppError } from '../../shared/api/appError.ts';
import { msg } from '../../shared/i18n/message.ts';
import { engineOf, makeTx, q, type Db, type Tx } from '../handle.ts';
import { withTransaction } from '../withTransaction.ts';
import { archiveTables, inForeignKeyOrder, type CopyTable } from './archiveTables.ts';
import { batchSizeFor, digestTable, insertRows, TableDigest, tableRowBatches } from './tableRows.ts';
import { advanceIdentitySequences } from '../postgres/identitySequences.ts';
import { silenceTriggers } from './targetTriggers.ts';
import { ATTACHMENT_BLOBS_TABLE, copyAttachmentBytes, type AttachmentCopyFolders } from './copyAttachments.ts';

/**
 * Tables a new archive's own migrations fill (the built-in tiers, visit standards and survey dimensions). They do
 * not make a target "not empty": the copy replaces their rows with the source's. archiveCopy.test.ts checks that
 * a new archive on either engine holds rows in these tables and no other.
 */
export const SEEDED_BY_MIGRATIONS: ReadonlySet<string> = new Set(['tiers', 'visit_standards', 'survey_dimensions']);

export interface TableCopyReport {
  table: string;
  sourceRows: number;
  targetRows: number;
  sourceSha256: string;
  targetSha256: string;
  ok: boolean;
  /** The attachments' bytes only: contents attachment rows reference that the source holds nowhere (copyAttachments.ts). */
  missing?: number;
}

/** Thrown when what was written does not read back equal; the target's transaction has been rolled back. */
export class ArchiveCopyMismatch extends Error {
  constructor(readonly tables: readonly TableCopyReport[]) {
    super(`archive copy verification failed: ${tables.filter((t) => !t.ok).map((t) => t.table).join(', ')}`);
  }
}

function sameShape(source: readonly CopyTable[], target: readonly CopyTable[]): string[] {
  const targetByName = new Map(target.map((t) => [t.name, t]));
  const problems: string[] = [];
  for (const s of source) {
    const t = targetByName.get(s.name);
    if (!t) {
      problems.push(`${s.name}: missing in target`);
      continue;
    }
    const missing = s.columns.filter((c) => !t.columns.includes(c));
    const extra = t.columns.filter((c) => !s.columns.includes(c));
    if (missing.length > 0 || extra.length > 0) problems.push(`${s.name}: columns ${[...missing, ...extra].join(', ')}`);
    if (s.primaryKey.join() !== t.primaryKey.join()) problems.push(`${s.name}: primary key`);
  }
  for (const t of target) if (!source.some((s) => s.name === t.name)) problems.push(`${t.name}: missing in source`);
  return problems;
}

async function tablesWithRows(tx: Tx, tables: readonly CopyTable[]): Promise<string[]> {
  const held: string[] = [];
  for (const t of tables) {
    if (SEEDED_BY_MIGRATIONS.has(t.name)) continue;
    const { rows } = await sql`SELECT 1 AS one FROM ${sql.table(t.name)} LIMIT 1`.execute(q(tx));
    if (rows.length > 0) held.push(t.name);
  }
  return held;
}

/**
 * The source read in one consistent snapshot: SQLite's write lock for the copy's length (nothing changes under it),
 * PostgreSQL's repeatable read (every table as of one moment, other sessions carrying on).
 */
function withSourceSnapshot<T>(source: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (engineOf(source) === 'sqlite') return withTransaction(source, work);
  return q(source)
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((trx) => work(makeTx(trx, 'postgres')));
}

/**
 * Copies every table of `source` into the empty archive `target` (either engine to the other), in foreign-key order
 * and in batches, inside one transaction on the target; then reads each table back from the target and compares its
 * row count and SHA-256 with the source's. Any difference rolls the whole copy back (ArchiveCopyMismatch). A target
 * that holds data is refused before anything is written. The attachments' bytes move from where the source keeps
 * them to where the target does (folder or table, copyAttachments.ts), checked by their SHA-256 the same way.
 */
export async function copyArchive(source: Db, target: Db, options: { batchSize?: number; attachments?: AttachmentCopyFolders } = {}): Promise<TableCopyReport[]> {
  const ceiling = options.batchSize ?? 500;
  return withSourceSnapshot(source, async (from) => {
    const allSourceTables = inForeignKeyOrder(await archiveTables(from));
    const sourceTables = allSourceTables.filter((t) => t.name !== ATTACHMENT_BLOBS_TABLE);
    return withTransaction(target, async (to) => {
      const targetTables = new Map((await archiveTables(to)).map((t) => [t.name, t]));
      const problems = sameShape(allSourceTables, [...targetTables.values()]);
      if (problems.length > 0) throw new AppError('VALIDATION', msg('migrateTo.schemaMismatch', { detail: problems.join('; ') }));
      const held = await tablesWithRows(to, [...targetTables.values()]);
      if (held.length > 0) throw new AppError('CONFLICT', msg('migrateTo.targetNotEmpty', { tables: held.join(', ') }));

      const restoreTriggers = await silenceTriggers(to);
      for (const t of [...sourceTables].reverse()) {
        if (SEEDED_BY_MIGRATIONS.has(t.name)) await sql`DELETE FROM ${sql.table(t.name)}`.execute(q(to));
      }
      const sourceDigests = new Map<string, { rows: number; sha256: string }>();
      for (const table of sourceTables) {
        const into = targetTables.get(table.name)!;
        const digest = new TableDigest(table);
        for await (const rows of tableRowBatches(from, table, batchSizeFor(table, ceiling))) {
          digest.add(rows);
          await insertRows(to, into, rows);
        }
        sourceDigests.set(table.name, { rows: digest.rows, sha256: digest.digest() });
      }
      await restoreTriggers();
      await advanceIdentitySequences(to);
      const attachments = await copyAttachmentBytes(source, from, target, to, options.attachments);

      const report: TableCopyReport[] = [];
      for (const table of sourceTables) {
        const s = sourceDigests.get(table.name)!;
        const t = await digestTable(to, targetTables.get(table.name)!, batchSizeFor(table, ceiling));
        report.push({ table: table.name, sourceRows: s.rows, targetRows: t.rows, sourceSha256: s.sha256, targetSha256: t.sha256, ok: s.rows === t.rows && s.sha256 === t.sha256 });
      }
      report.push(attachments);
      if (report.some((r) => !r.ok)) throw new ArchiveCopyMismatch(report);
      return report;
    });
  });
}
