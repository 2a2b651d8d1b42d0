import { endOfMonth, format, subMonths } from 'date-fns';
import type { ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { NO_OWNER_KEY, type Dashboard } from '../../../shared/api/reports.contract.ts';
import { addDaysIso, localDateOf, parseIsoDate } from '../../../shared/domain/dates.ts';
import { standardPeriods, type ReportPeriod } from '../../../shared/reports/reportPeriod.ts';
import type { Executor } from '../../../db/handle.ts';
import { historyTerms, openTerms, type OpenTermsRow } from '../../../db/repositories/reports/dashboardQueries.ts';
import { dueTallies, ownerNames } from '../../../db/repositories/reports/renewalTallies.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { figuresOf, reportOf, sumRows } from './renewalReport.service.ts';

// The 首页 dashboard: what is coming up, what is overdue, and how renewals went this month, quarter and year.

/** The twelve months ending with today's, oldest first, as 'yyyy-MM', and the period they span. */
export function trendMonths(today: string): { months: string[]; period: ReportPeriod } {
  const d = parseIsoDate(today);
  const months = Array.from({ length: 12 }, (_, i) => format(subMonths(d, 11 - i), 'yyyy-MM'));
  return { months, period: { from: `${months[0]}-01`, to: format(endOfMonth(d), 'yyyy-MM-dd') } };
}

export async function dashboardOf(x: Executor, today: string): Promise<Dashboard> {
  const periods = standardPeriods(today);
  const open = await openTerms(x, { today, d30: addDaysIso(today, 30), d90: addDaysIso(today, 90), d365: addDaysIso(today, 365) });
  const history = await historyTerms(x);
  // One pass over the due terms of the trend's months and the quarter, grouped by month, whether the term
  // ends by today, and owner: the month, quarter, year to date, trend and per-owner rates are sums of its groups.
  const { months, period: trendPeriod } = trendMonths(today);
  const span = { from: trendPeriod.from, to: periods.quarter.to > trendPeriod.to ? periods.quarter.to : trendPeriod.to };
  const cells = (await dueTallies(x, span, { monthPastOwner: today })).map((row) => {
    const [month = '', past = '0', owner = NO_OWNER_KEY] = row.key.split('|');
    return { month, past: past === '1', owner, row };
  });
  const within = (p: ReportPeriod, c: (typeof cells)[number]) => c.month >= p.from.slice(0, 7) && c.month <= p.to.slice(0, 7);
  const inYtd = (c: (typeof cells)[number]) => within(periods.yearToDate, c) && c.past;
  const reportOver = (p: ReportPeriod, keep: (c: (typeof cells)[number]) => boolean) =>
    reportOf(p, cells.filter(keep).map((c) => ({ ...c.row, key: '' })));
  const month = reportOver(periods.month, (c) => within(periods.month, c));
  const quarter = reportOver(periods.quarter, (c) => within(periods.quarter, c));
  const yearToDate = reportOver(periods.yearToDate, inYtd);
  const trend = months.map((m) => {
    const figures = figuresOf(sumRows(cells.filter((c) => c.month === m).map((c) => c.row)));
    return { month: m, due: figures.due.count, renewed: figures.renewed.count, rate: figures.rate };
  });
  const ownerYtd = new Map<string, Dashboard['owners'][number]['yearToDate']>();
  for (const key of new Set(cells.filter(inYtd).map((c) => c.owner))) {
    ownerYtd.set(key, figuresOf(sumRows(cells.filter((c) => inYtd(c) && c.owner === key).map((c) => c.row))).rate);
  }
  const ownerOpen = new Map(open.map((row) => [row.ownerKey, row]));
  const keys = [...new Set([...ownerOpen.keys(), ...ownerYtd.keys()])];
  const names = await ownerNames(x, keys.filter((k) => k !== NO_OWNER_KEY));
  const owners = keys.map((key) => {
    const row = ownerOpen.get(key);
    return {
      ownerId: key === NO_OWNER_KEY ? null : key,
      ownerName: key === NO_OWNER_KEY ? null : (names.get(key) ?? null),
      upcoming90: { count: Number(row?.c90 ?? 0), amountFen: Number(row?.a90 ?? 0) },
      overdue: { count: Number(row?.overdueCount ?? 0), amountFen: Number(row?.overdueAmount ?? 0) },
      yearToDate: ownerYtd.get(key) ?? { byCount: null, byAmount: null },
    };
  });
  owners.sort((a, b) => (a.ownerName === null ? 1 : b.ownerName === null ? -1 : a.ownerName.localeCompare(b.ownerName, 'zh-CN')));
  const sum = (count: keyof OpenTermsRow, amount: keyof OpenTermsRow) => ({
    count: open.reduce((n, row) => n + Number(row[count]), 0),
    amountFen: open.reduce((n, row) => n + Number(row[amount]), 0),
  });
  return {
    today,
    upcoming: { d30: sum('c30', 'a30'), d90: sum('c90', 'a90'), d365: sum('c365', 'a365') },
    overdue: sum('overdueCount', 'overdueAmount'),
    history,
    rates: { month, quarter, yearToDate },
    trend,
    owners,
  };
}

export async function dashboard(ctx: ServiceContext, input: ApiParsedInput<'reports:dashboard'>): Promise<Dashboard> {
  return dashboardOf(ctx.db, input.today ?? localDateOf(ctx.now()));
}
