import type { ApiParsedInput } from '../../../shared/api/apiContract.ts';
import {
  NO_CYCLE_KEY,
  NO_OWNER_KEY,
  type RenewalReport,
  type ReportGrouping,
} from '../../../shared/api/reports.contract.ts';
import { CYCLES, type Cycle } from '../../../shared/domain/enums.ts';
import { tierLabelIn } from '../../../shared/tiers/tierTable.ts';
import { listTiers } from '../../../db/repositories/tiersRepo.ts';
import { cycleLabels, labelOf, type Locale } from '../../../shared/i18n/enumLabels.ts';
import { msg, renderIn } from '../../../shared/i18n/message.ts';
import { parseReportPeriod, type ReportPeriod } from '../../../shared/reports/reportPeriod.ts';
import type { Executor } from '../../../db/handle.ts';
import { dueTallies, ownerNames, type DueTermFilter, type TallyRow } from '../../../db/repositories/reports/renewalTallies.ts';
import { archiveLocale } from '../archiveLocale.ts';
import type { ServiceContext } from '../serviceContext.ts';

// The renewal report: how the terms due in a period went (definitions in shared/api/reports.contract.ts).

type Tally = RenewalReport['due'];
type Rates = RenewalReport['rate'];
export type ReportFigures = Pick<RenewalReport, 'due' | 'renewed' | 'lost' | 'pending' | 'rate'>;

/** A ratio, or null when there is nothing to divide by. */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

export function ratesOf(due: Tally, renewed: Tally): Rates {
  return { byCount: ratio(renewed.count, due.count), byAmount: ratio(renewed.amountFen, due.amountFen) };
}

const EMPTY_ROW: Omit<TallyRow, 'key'> = {
  dueCount: 0,
  dueAmount: 0,
  renewedCount: 0,
  renewedAmount: 0,
  lostCount: 0,
  lostAmount: 0,
  pendingCount: 0,
  pendingAmount: 0,
  unknownCount: 0,
  netChange: 0,
};

/** Adds tally rows (the groups of one query) into one. */
export function sumRows(rows: readonly Omit<TallyRow, 'key'>[]): Omit<TallyRow, 'key'> {
  const total = { ...EMPTY_ROW };
  for (const row of rows) {
    for (const field of Object.keys(EMPTY_ROW) as (keyof typeof EMPTY_ROW)[]) total[field] += Number(row[field] ?? 0);
  }
  return total;
}

export function figuresOf(row: Omit<TallyRow, 'key'>): ReportFigures {
  const due = { count: Number(row.dueCount), amountFen: Number(row.dueAmount) };
  const renewed = { count: Number(row.renewedCount), amountFen: Number(row.renewedAmount) };
  return {
    due,
    renewed,
    lost: { count: Number(row.lostCount), amountFen: Number(row.lostAmount) },
    pending: { count: Number(row.pendingCount), amountFen: Number(row.pendingAmount) },
    rate: ratesOf(due, renewed),
  };
}

export function reportOf(period: ReportPeriod, rows: readonly TallyRow[]): RenewalReport {
  const total = sumRows(rows);
  return {
    period: { from: period.from, to: period.to },
    ...figuresOf(total),
    unknownAmount: { count: total.unknownCount },
    netChangeFen: total.netChange,
  };
}

/** The period a validated input names (the contract already refused any other text). */
export function periodOf(text: string): ReportPeriod {
  const period = parseReportPeriod(text);
  if (!period) throw new Error(`not a report period: ${text}`);
  return period;
}

function groupOrder(by: ReportGrouping, key: string, label: string, tierRanks: ReadonlyMap<string, number>): string {
  // Tiers by the tier table's rank (a removed tier's code last, by name).
  if (by === 'tier') return `${String(tierRanks.get(key) ?? 999_999_999).padStart(9, '0')}${label}`;
  if (by === 'cycle') return key === NO_CYCLE_KEY ? '99' : String(CYCLES.indexOf(key as Cycle)).padStart(2, '0');
  return key === NO_OWNER_KEY ? '\uffff' : label;
}

/** The label of each group key: an owner's name, or the tier's or cycle's label in the archive's language. */
export async function groupLabels(x: Executor, by: ReportGrouping, keys: readonly string[], locale: Locale): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  if (by === 'owner') {
    const names = await ownerNames(x, keys.filter((k) => k !== NO_OWNER_KEY));
    for (const key of keys) labels.set(key, key === NO_OWNER_KEY ? renderIn(locale, msg('reportFigures.noOwner')) : (names.get(key) ?? key));
  } else if (by === 'tier') {
    const tiers = await listTiers(x);
    for (const key of keys) labels.set(key, tierLabelIn(tiers, key, locale));
  } else {
    for (const key of keys) {
      labels.set(key, key === NO_CYCLE_KEY ? renderIn(locale, msg('reportFigures.noCycle')) : labelOf(cycleLabels, key as Cycle, locale));
    }
  }
  return labels;
}

/** The report of a period, with its groups when `by` is given. */
export async function renewalReportOf(x: Executor, period: ReportPeriod, by: ReportGrouping | undefined, locale: Locale): Promise<RenewalReport> {
  const filter: DueTermFilter = { from: period.from, to: period.to };
  const rows = await dueTallies(x, filter, by);
  const report = reportOf(period, rows);
  if (!by) return report;
  const labels = await groupLabels(x, by, rows.map((r) => r.key), locale);
  const groups = rows.map((row) => ({ key: row.key, label: labels.get(row.key) ?? row.key, ...figuresOf(row) }));
  const tierRanks = by === 'tier' ? new Map((await listTiers(x)).map((t) => [t.code, t.rank])) : new Map<string, number>();
  groups.sort((a, b) => groupOrder(by, a.key, a.label, tierRanks).localeCompare(groupOrder(by, b.key, b.label, tierRanks)) || a.key.localeCompare(b.key));
  return { ...report, groups };
}

export async function renewalReport(ctx: ServiceContext, input: ApiParsedInput<'reports:renewal'>): Promise<RenewalReport> {
  const locale = input.by ? await archiveLocale(ctx.db) : 'zh-CN';
  return renewalReportOf(ctx.db, periodOf(input.period), input.by, locale);
}

/** Cohorts: the due terms of the period by their own signing year (signed, else started; '' when unknown). */
export async function cohortReport(ctx: ServiceContext, input: ApiParsedInput<'reports:cohorts'>) {
  const period = periodOf(input.period);
  const rows = await dueTallies(ctx.db, { from: period.from, to: period.to }, 'signedYear');
  const items = rows.map((row) => {
    const { due, renewed, lost, pending, rate } = figuresOf(row);
    return { signedYear: row.key, due, renewed, lost, pending, rate };
  });
  items.sort((a, b) => (a.signedYear === '' ? 1 : b.signedYear === '' ? -1 : a.signedYear.localeCompare(b.signedYear)));
  return { items };
}
