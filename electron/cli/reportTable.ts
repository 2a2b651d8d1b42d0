import { renewalReportSchema, type RenewalReport } from '../../shared/api/reports.contract.ts';
import type { Translate } from '../../shared/i18n/createTranslator.ts';
import { formatMoney } from '../../shared/domain/money.ts';

// `renewal-desk report` without --json: the report as a small table in the archive's language, one row per
// group (with --by) and a total row, then the unknown amounts and the net change.

/** Columns a terminal gives a character: two for CJK and full-width forms, one otherwise. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

const pad = (text: string, width: number, right: boolean) => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
};

function percent(rate: number | null, t: Translate): string {
  return rate === null ? t('reportFigures.noRate') : `${(rate * 100).toFixed(1)}%`;
}

type Row = Pick<RenewalReport, 'due' | 'renewed' | 'lost' | 'pending' | 'rate'> & { label: string };

function cells(row: Row, t: Translate): string[] {
  const cell = (x: { count: number; amountFen: number }) => t('reportFigures.cell', { count: x.count, amount: formatMoney(x.amountFen) });
  return [row.label, cell(row.due), cell(row.renewed), cell(row.lost), cell(row.pending), percent(row.rate.byCount, t), percent(row.rate.byAmount, t)];
}

export function reportTable(report: RenewalReport, t: Translate): string {
  const header = ['colGroup', 'colDue', 'colRenewed', 'colLost', 'colPending', 'colRateCount', 'colRateAmount'].map((k) =>
    t(`reportFigures.${k}` as Parameters<Translate>[0]),
  );
  const rows = [...(report.groups ?? []).map((g) => cells(g, t)), cells({ ...report, label: t('reportFigures.rowTotal') }, t)];
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))));
  const render = (r: string[]) => r.map((c, i) => pad(c, widths[i]!, i > 0)).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [
    t('reportFigures.title', { from: report.period.from, to: report.period.to }),
    '',
    render(header),
    rule,
    ...rows.slice(0, -1).map(render),
    ...(report.groups?.length ? [rule] : []),
    render(rows.at(-1)!),
    '',
    t('reportFigures.unknownAmount', { n: report.unknownAmount.count }),
    t('reportFigures.netChange', { amount: formatMoney(report.netChangeFen) }),
  ].join('\n');
}

/** The table when `data` is a renewal report, else null. */
export function reportTableOf(data: unknown, t: Translate): string | null {
  const parsed = renewalReportSchema.safeParse(data);
  return parsed.success ? reportTable(parsed.data, t) : null;
}
