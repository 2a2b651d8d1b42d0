// One import from start to end: open the file, map the headers, stream rows through normalization into the
// kind's importer chunk by chunk, all inside one transaction. A dry run, or --strict with a bad row, rolls the
// transaction back on purpose, so what the preview reports is exactly what a commit would do.
import { listTiers } from '../../../db/repositories/tiersRepo.ts';
import { tierLabelIn } from '../../../shared/tiers/tierTable.ts';
import { withImportSession, type ChainSettlement } from '../../../db/import/index.ts';
import type { Tx } from '../../../db/handle.ts';
import { localDateOf } from '../../../shared/domain/dates.ts';
import { settleNewTermReminders, type NewTermsSummary } from '../reminders/newTermReminders.ts';
import { classifyImportedCustomers } from '../tiers/tierClassification.ts';
import { newId } from '../../../db/newId.ts';
import type { ImportResult } from '../../../shared/api/import.contract.ts';
import { proposeKind, type ColumnOverride, type HeaderMapping } from '../../../shared/importExport/headerAliases.ts';
import { FIELD_HEADERS, type ImportField, type ImportKind } from '../../../shared/importExport/importFields.ts';
import type { RowLayout } from '../../../shared/importExport/normalizeRow.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { archiveLocale } from '../archiveLocale.ts';
import { withSafetyBackup } from '../system/withSafetyBackup.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { applyRecords } from './apply/applyRecords.ts';
import { columnMapping } from './mapping/columnMapping.ts';
import { ImportReport } from './report/importReport.ts';
import { ISSUES_SHOWN, writeIssuesReport } from './report/issuesReport.ts';
import type { EncodingChoice } from './source/detectEncoding.ts';
import { encodingWarnings, invalidBytesSummary } from './source/encodingWarnings.ts';
import { headerOf, openImportSource } from './source/openImportSource.ts';

export interface ImportOptions {
  file: string;
  /** Reported name (an upload's original name). */
  fileName?: string | undefined;
  kind?: ImportKind | undefined;
  encoding: EncodingChoice;
  sheet?: string | undefined;
  dryRun: boolean;
  strict: boolean;
  override?: ColumnOverride | undefined;
  /** Tags progress events, so a window can follow its own import. */
  progressId?: string | undefined;
  /** Runs inside the transaction of a committed import (`tx`), so what it writes commits with the rows. */
  onCommit?: ((info: { kind: ImportKind; headers: string[]; mapping: HeaderMapping }, tx: Tx) => Promise<void>) | undefined;
}

const PROGRESS_EVERY_MS = 100;

class Rollback extends Error {}

export async function runImport(ctx: ServiceContext, options: ImportOptions): Promise<ImportResult> {
  const started = Date.now();
  const source = await openImportSource(options.file, { encoding: options.encoding, sheet: options.sheet, fileName: options.fileName });
  const header = headerOf(source);
  const kind = options.kind ?? proposeKind(header.cells);
  const { headers, mapping } = await columnMapping(source, kind, options.override);
  const report = new ImportReport();
  report.warn(encodingWarnings(source));
  for (const d of mapping.duplicateColumns) {
    report.warn([{ line: header.line, column: d.header, message: msg('reasons.duplicateColumn', { header: headers[d.keptIndex] ?? '' }) }]);
  }
  // 客户等级 matches the tier table as it is when the import starts (a custom tier's name or code works too).
  const layout: RowLayout = { kind, headers, columns: mapping.columns, unescape: source.format === 'csv', tiers: await listTiers(ctx.db) };
  const columnHeader = (f: ImportField) => {
    const i = mapping.columns.indexOf(f);
    return i >= 0 ? headers[i]! : FIELD_HEADERS[f].zh;
  };
  const batchId = newId();
  let lastProgress = Date.now();
  const progress = (phase: 'reading' | 'done') =>
    ctx.emit('import:progress', {
      id: options.progressId ?? batchId,
      phase,
      rows: report.rows,
      bytesRead: source.counter.bytesRead,
      totalBytes: source.totalBytes,
    });

  let chains: ChainSettlement = { linked: 0, history: 0 };
  let newTerms: NewTermsSummary = { overdue: 0, insideLadder: 0 };
  // Committed (true) or rolled back on purpose (false: a dry run, or --strict with a bad row).
  const write = async () => {
    const meta = () => ({ batchId, at: ctx.now().toISOString(), actor: ctx.actor });
    return withImportSession(ctx.db, meta, async (session, tx) => {
      await applyRecords(layout, source.records, { session, report, header: columnHeader, tierLabel: (code) => tierLabelIn(layout.tiers ?? [], code, 'zh-CN') }, async () => {
        if (Date.now() - lastProgress < PROGRESS_EVERY_MS) return;
        lastProgress = Date.now();
        progress('reading');
        // Let IPC/SSE deliver the progress event; the connection stays ours (the transaction holds it).
        await new Promise((resolve) => setImmediate(resolve));
      });
      // Also in a dry run, so the preview says how many terms it will link and store as history.
      chains = await session.settleChains(localDateOf(ctx.now()));
      // Tiers by rule over the customers the rows touched, in the import's batch: undoing the import undoes them.
      let retiered = 0;
      await classifyImportedCustomers(ctx, tx, await session.touchedCustomers(), async (patches) => {
        retiered += await session.retier(patches);
      });
      newTerms = await settleNewTermReminders(ctx, tx, session.createdOrRedatedContracts(), { subjectId: batchId, url: `/renewals?batch=${batchId}` });
      if (options.dryRun || (options.strict && report.rejectedRows > 0)) throw new Rollback();
      await session.recordBatch({
        kind,
        fileName: source.fileName,
        format: source.format,
        encoding: source.encoding,
        rows: report.rows,
        summary: { ...report.counts(), duplicates: report.duplicates.length, chainsLinked: chains.linked, chainsHistory: chains.history, customersRetiered: retiered },
      });
      await options.onCommit?.({ kind, headers, mapping }, tx);
    }).then(
      () => true,
      (e: unknown) => {
        if (e instanceof Rollback) return false;
        throw e;
      },
    );
  };
  // A commit may change thousands of rows: it runs behind a backup, kept only if the batch committed.
  const committed = options.dryRun ? await write() : await withSafetyBackup(ctx, 'pre-import', write, (done) => done);
  progress('done');
  const locale = await archiveLocale(ctx.db);
  // Cell checks report as rows are read, record checks as chunks are applied: put them back in line order.
  const rejected = report.issues('rejected', locale);
  const warnings = report.issues('warnings', locale);
  const issuesReport = await writeIssuesReport(ctx, { rejected, warnings, duplicates: report.duplicates }, locale, source.fileName);
  return {
    batchId: committed ? batchId : null,
    committed,
    dryRun: options.dryRun,
    strictAborted: !options.dryRun && !committed,
    kind,
    file: source.fileName,
    format: source.format,
    encoding: source.encoding,
    encodingDetected: source.detected?.encoding ?? null,
    invalidBytes: invalidBytesSummary(source),
    delimiter: source.delimiter,
    sheet: source.sheet,
    ...report.counts(),
    rejected: rejected.slice(0, ISSUES_SHOWN),
    warnings: warnings.slice(0, ISSUES_SHOWN),
    duplicates: report.duplicates.slice(0, ISSUES_SHOWN),
    duplicateRows: report.duplicates.length,
    issueCounts: { rejected: rejected.length, warnings: warnings.length },
    issuesReport,
    ignoredColumns: mapping.ignoredColumns,
    columns: headers.map((header, i) => ({ header, field: mapping.columns[i] ?? null })),
    changes: report.changes,
    changesTruncated: report.changesTruncated,
    chains,
    newTerms,
    elapsedMs: Date.now() - started,
  };
}
