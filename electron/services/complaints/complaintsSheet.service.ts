// `export complaints`: every live complaint, one row each (open ones by deadline first, then closed, newest first),
// through the one sheet writer of every export (CSV or .xlsx). Headers, steps and severities are the catalogue's words
// in the header language; times are local 'YYYY-MM-DD HH:mm'.
import { format } from 'date-fns';
import type { ApiParsedInput } from '../../../shared/api/apiContract.ts';
import type { ExportResult } from '../../../shared/api/export.contract.ts';
import { isComplaintOverdue } from '../../../shared/domain/complaints.ts';
import { localDateOf } from '../../../shared/domain/dates.ts';
import type { MessageKey } from '../../../shared/i18n/createTranslator.ts';
import { msg, renderIn } from '../../../shared/i18n/message.ts';
import { listComplaints, type ComplaintRow } from '../../../db/repositories/complaintsRepo.ts';
import { writeSheetFile } from '../export/sheetFile.ts';
import type { ServiceContext } from '../serviceContext.ts';

const COLUMNS: readonly MessageKey[] = [
  'complaints.field.customer',
  'complaints.field.contract',
  'complaints.field.summary',
  'complaints.field.category',
  'complaints.field.severity',
  'complaints.field.step',
  'complaints.field.handler',
  'complaints.field.receivedAt',
  'complaints.field.dueAt',
  'complaints.overdue',
  'complaints.field.closedAt',
  'complaints.field.satisfaction',
];

const at = (iso: string | null) => (iso === null ? '' : format(new Date(iso), 'yyyy-MM-dd HH:mm'));

export async function exportComplaints(ctx: ServiceContext, input: ApiParsedInput<'export:complaints'>): Promise<ExportResult> {
  const locale = input.headers === 'en' ? 'en-US' : 'zh-CN';
  const word = (key: MessageKey) => renderIn(locale, msg(key));
  const sheetName = word('complaints.tab.list');
  const now = ctx.now();
  const cells = (c: ComplaintRow) => [
    c.customerName,
    c.contractNo ?? '',
    c.summary,
    c.category,
    word(`complaints.severity.${c.severity}`),
    word(`complaints.step.${c.step}`),
    c.handlerName,
    at(c.receivedAt),
    at(c.dueAt),
    isComplaintOverdue(c, now) ? word('complaints.overdue') : '',
    at(c.closedAt),
    c.satisfaction === null ? '' : String(c.satisfaction),
  ];
  return writeSheetFile(ctx, {
    fileName: `${sheetName}-${localDateOf(now)}.${input.format}`,
    sheetName,
    format: input.format,
    write: async (sink) => {
      sink.header(COLUMNS.map(word));
      const rows = await listComplaints(ctx.db, { ownerId: input.ownerId });
      for (const r of rows) sink.row(cells(r));
      return rows.length;
    },
  });
}
