// export report: a renewal report of a period as a sheet, through the export sinks: its figures (a row per
// group, then the total), or with `list` the due terms behind them.
import type { ApiParsedInput } from '../../../shared/api/apiContract.ts';
import type { ExportResult } from '../../../shared/api/export.contract.ts';
import type { RenewalReport } from '../../../shared/api/reports.contract.ts';
import type { MessageKey } from '../../../shared/i18n/createTranslator.ts';
import { tierLabelIn } from '../../../shared/tiers/tierTable.ts';
import { listTiers } from '../../../db/repositories/tiersRepo.ts';
import { cycleLabels, labelOf, renewalStageLabels, type Locale } from '../../../shared/i18n/enumLabels.ts';
import type { ExportCell } from '../../../shared/importExport/exportCells.ts';
import { msg, renderIn } from '../../../shared/i18n/message.ts';
import { renewalReportOf, periodOf } from '../reports/renewalReport.service.ts';
import { reportTermsPage } from '../reports/reportTerms.service.ts';
import type { ServiceContext } from '../serviceContext.ts';
import type { SheetSink } from './exportCsv.ts';
import { writeSheetFile } from './sheetFile.ts';

const PAGE = 500;

const FIGURE_COLUMNS: MessageKey[] = [
  'reportFigures.colGroup',
  'reportFigures.colDueCount',
  'reportFigures.colDueAmount',
  'reportFigures.colRenewedCount',
  'reportFigures.colRenewedAmount',
  'reportFigures.colLostCount',
  'reportFigures.colLostAmount',
  'reportFigures.colPendingCount',
  'reportFigures.colPendingAmount',
  'reportFigures.colRateCount',
  'reportFigures.colRateAmount',
  'reportFigures.colUnknownAmount',
  'reportFigures.colNetChange',
];
const TERM_COLUMNS: MessageKey[] = [
  'reportFigures.colCustomer',
  'reportFigures.colContractNo',
  'reportFigures.colTier',
  'reportFigures.colOwner',
  'reportFigures.colCycle',
  'reportFigures.colEndsOn',
  'reportFigures.colAmount',
  'reportFigures.colOutcome',
  'reportFigures.colRenewalAmount',
  'reportFigures.colGapDays',
  'reportFigures.colLostReason',
];

/** A rate as a percentage with one decimal ("44.4%"), blank when there is none. */
const percent = (rate: number | null): ExportCell => (rate === null ? null : `${(rate * 100).toFixed(1)}%`);
const amount = (fen: number | null): ExportCell => (fen === null ? null : { amountFen: fen });

function figureRow(label: string, x: Pick<RenewalReport, 'due' | 'renewed' | 'lost' | 'pending' | 'rate'>, totals?: RenewalReport): ExportCell[] {
  return [
    label,
    String(x.due.count), amount(x.due.amountFen),
    String(x.renewed.count), amount(x.renewed.amountFen),
    String(x.lost.count), amount(x.lost.amountFen),
    String(x.pending.count), amount(x.pending.amountFen),
    percent(x.rate.byCount), percent(x.rate.byAmount),
    totals ? String(totals.unknownAmount.count) : null,
    totals ? amount(totals.netChangeFen) : null,
  ];
}

async function writeFigures(ctx: ServiceContext, input: ApiParsedInput<'export:report'>, locale: Locale, sink: SheetSink): Promise<number> {
  const report = await renewalReportOf(ctx.db, periodOf(input.period), input.by, locale);
  const t = (key: MessageKey) => renderIn(locale, msg(key));
  sink.header(FIGURE_COLUMNS.map(t));
  for (const g of report.groups ?? []) sink.row(figureRow(g.label, g));
  sink.row(figureRow(t('reportFigures.rowTotal'), report, report));
  return (report.groups?.length ?? 0) + 1;
}

async function writeTerms(ctx: ServiceContext, input: ApiParsedInput<'export:report'>, locale: Locale, sink: SheetSink): Promise<number> {
  const t = (key: MessageKey) => renderIn(locale, msg(key));
  sink.header(TERM_COLUMNS.map(t));
  const tiers = await listTiers(ctx.db);
  let n = 0;
  for (let offset = 0; ; offset += PAGE) {
    const page = await reportTermsPage(ctx, { period: input.period, outcome: input.list ?? 'due', ownerId: input.ownerId, offset, limit: PAGE });
    for (const k of page.items) {
      sink.row([
        k.customerName,
        k.contractNo,
        tierLabelIn(tiers, k.tier, locale),
        k.ownerName,
        k.cycle === null ? null : labelOf(cycleLabels, k.cycle, locale),
        { date: k.endsOn },
        amount(k.amountFen),
        k.outcome === 'pending' ? t('reportFigures.outcomePending') : labelOf(renewalStageLabels, k.outcome, locale),
        amount(k.renewalAmountFen),
        k.gapDays === null ? null : String(k.gapDays),
        k.lostReason,
      ]);
    }
    n += page.items.length;
    if (page.items.length < PAGE) return n;
  }
}

export async function exportReport(ctx: ServiceContext, input: ApiParsedInput<'export:report'>): Promise<ExportResult> {
  const locale: Locale = input.headers === 'en' ? 'en-US' : 'zh-CN';
  const period = periodOf(input.period);
  const sheetName = renderIn(locale, msg(input.list ? 'reportFigures.sheetListName' : 'reportFigures.sheetName'));
  const format = input.format;
  const fileName = `${sheetName}-${period.from}-${period.to}.${format}`;
  return writeSheetFile(ctx, {
    fileName,
    sheetName,
    format,
    write: (sink) => (input.list ? writeTerms(ctx, input, locale, sink) : writeFigures(ctx, input, locale, sink)),
  });
}
