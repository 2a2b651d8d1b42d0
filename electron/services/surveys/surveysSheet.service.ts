// `export surveys`: one row per live survey of a live customer (by date, then customer): customer, contract number,
// date, channel, each dimension's score (retired ones too: their history is in the sheet), the average and the
// comment. Headers in Chinese or English; a built-in dimension never renamed is named by the catalogue.
import type { ApiParsedInput } from '../../../shared/api/apiContract.ts';
import type { ExportResult } from '../../../shared/api/export.contract.ts';
import { localDateOf } from '../../../shared/domain/dates.ts';
import { surveyAverage } from '../../../shared/domain/surveyScores.ts';
import { followUpChannelLabels, labelOf, type Locale } from '../../../shared/i18n/enumLabels.ts';
import { msg, renderIn } from '../../../shared/i18n/message.ts';
import type { MessageKey } from '../../../shared/i18n/zhCN.ts';
import type { ExportCell } from '../../../shared/importExport/exportCells.ts';
import { listDimensions, listSurveysForExport, type StoredDimension } from '../../../db/repositories/surveysRepo.ts';
import { writeSheetFile } from '../export/sheetFile.ts';
import type { ServiceContext } from '../serviceContext.ts';

export function dimensionLabel(d: Pick<StoredDimension, 'code' | 'name'>, locale: Locale): string {
  if (d.name !== null) return d.name;
  return renderIn(locale, msg(`surveys.dim.${d.code ?? 'productQuality'}` as MessageKey));
}

/** An average in a cell: two decimals, as text (exact figures are in the score columns). */
const averageCell = (scores: Record<string, number>): string | null => {
  const a = surveyAverage(scores);
  return a === null ? null : a.toFixed(2);
};

export async function exportSurveys(ctx: ServiceContext, input: ApiParsedInput<'export:surveys'>): Promise<ExportResult> {
  const locale: Locale = input.headers === 'en' ? 'en-US' : 'zh-CN';
  const t = (key: MessageKey) => renderIn(locale, msg(key));
  const sheetName = t('surveys.sheet.name');
  const dimensions = await listDimensions(ctx.db);
  return writeSheetFile(ctx, {
    fileName: `${sheetName}-${localDateOf(ctx.now())}.${input.format}`,
    sheetName,
    format: input.format,
    write: async (sink) => {
      sink.header([
        t('surveys.sheet.customer'),
        t('surveys.sheet.contractNo'),
        t('surveys.sheet.date'),
        t('surveys.sheet.channel'),
        ...dimensions.map((d) => dimensionLabel(d, locale)),
        t('surveys.sheet.average'),
        t('surveys.sheet.comment'),
      ]);
      const rows = await listSurveysForExport(ctx.db, input.ownerId);
      for (const r of rows) {
        const cells: ExportCell[] = [
          r.customerName,
          r.contractNo,
          { date: r.onDate },
          labelOf(followUpChannelLabels, r.channel, locale),
          ...dimensions.map((d) => (r.scores[d.id] === undefined ? null : String(r.scores[d.id]))),
          averageCell(r.scores),
          r.comment,
        ];
        sink.row(cells);
      }
      return rows.length;
    },
  });
}
