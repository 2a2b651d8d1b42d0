// An import's whole list of problems as one CSV in the staging folder. The result carries the first 1000 of each
// list: 60,000 worded rejections are 12 MB that every host would copy and parse (stalling its other calls for
// half a second) and no one reads on a paged table; the wizard and the CLI fetch the whole list as a file to fix
// the sheet from. Kept a day, like uploads.
import fs from 'node:fs';
import path from 'node:path';
import { newId } from '../../../../db/newId.ts';
import { AppError } from '../../../../shared/api/appError.ts';
import type { ExportResult } from '../../../../shared/api/export.contract.ts';
import type { ImportIssue, ImportResult } from '../../../../shared/api/import.contract.ts';
import type { Locale } from '../../../../shared/i18n/enumLabels.ts';
import { msg, renderIn, type Message } from '../../../../shared/i18n/message.ts';
import { csvSink } from '../../export/exportCsv.ts';
import type { ServiceContext } from '../../serviceContext.ts';
import { removeDayOldFiles, STAGED_ID } from '../uploads/uploadStaging.ts';

/** How many entries of each list an import's result carries. */
export const ISSUES_SHOWN = 1000;

export interface IssueLists {
  rejected: readonly ImportIssue[];
  warnings: readonly ImportIssue[];
  duplicates: ImportResult['duplicates'];
}

type IssueKind = 'rejected' | 'warning' | 'duplicate';
const KIND_LABELS = { rejected: 'issuesReport.rejected', warning: 'issuesReport.warning', duplicate: 'issuesReport.duplicate' } as const;

interface Meta {
  fileName: string;
  rows: number;
}

const reportsDir = (ctx: ServiceContext) => path.join(ctx.stagingDir, 'import-issues');

function paths(ctx: ServiceContext, reportId: string) {
  if (!STAGED_ID.test(reportId)) throw new AppError('VALIDATION', msg('importErrors.issuesReportId'), 'reportId');
  const dir = reportsDir(ctx);
  return { csv: path.join(dir, `${reportId}.csv`), meta: path.join(dir, `${reportId}.json`) };
}

/** Writes every entry of the three lists, in line order, worded in `locale`; the report's id, or null if all are empty. */
export async function writeIssuesReport(ctx: ServiceContext, lists: IssueLists, locale: Locale, sourceName: string): Promise<string | null> {
  if (lists.rejected.length + lists.warnings.length + lists.duplicates.length === 0) return null;
  const word = (m: Message) => renderIn(locale, m);
  const entries: { line: number; column: string | null; kind: IssueKind; reason: string }[] = [
    ...lists.rejected.map((i) => ({ line: i.line, column: i.column, kind: 'rejected' as const, reason: i.message })),
    ...lists.warnings.map((i) => ({ line: i.line, column: i.column, kind: 'warning' as const, reason: i.message })),
    ...lists.duplicates.map((d) => ({ line: d.line, column: null, kind: 'duplicate' as const, reason: word(msg('issuesReport.supersededBy', { line: d.supersededBy })) })),
  ].sort((a, b) => a.line - b.line);

  const dir = reportsDir(ctx);
  fs.mkdirSync(dir, { recursive: true });
  removeDayOldFiles(dir, ctx.now().getTime());
  const reportId = newId();
  const p = paths(ctx, reportId);
  const sink = csvSink(p.csv);
  sink.header([msg('issuesReport.colLine'), msg('issuesReport.colColumn'), msg('issuesReport.colKind'), msg('issuesReport.colReason')].map(word));
  const wholeRow = word(msg('report.wholeRow'));
  const kinds = { rejected: word(msg(KIND_LABELS.rejected)), warning: word(msg(KIND_LABELS.warning)), duplicate: word(msg(KIND_LABELS.duplicate)) };
  for (const e of entries) sink.row([String(e.line), e.column ?? wholeRow, kinds[e.kind], e.reason]);
  await sink.close();
  const meta: Meta = { fileName: word(msg('issuesReport.fileName', { name: path.parse(sourceName).name })), rows: entries.length };
  fs.writeFileSync(p.meta, JSON.stringify(meta));
  return reportId;
}

export function readIssuesReport(ctx: ServiceContext, reportId: string): ExportResult {
  const p = paths(ctx, reportId);
  try {
    const meta = JSON.parse(fs.readFileSync(p.meta, 'utf8')) as Meta;
    return { fileName: meta.fileName, format: 'csv', rows: meta.rows, contentBase64: fs.readFileSync(p.csv).toString('base64') };
  } catch {
    throw new AppError('NOT_FOUND', msg('importErrors.issuesReportExpired'), 'reportId');
  }
}
