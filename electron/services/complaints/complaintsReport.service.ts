// The complaints' report: over the complaints received in a period, the count, the open, closed and overdue ones,
// the time to resolve (受理 to 关闭, average and median hours), the average satisfaction, and the breakdown by
// category and by severity.
import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { COMPLAINT_SEVERITIES, isComplaintOverdue, resolveFigures } from '../../../shared/domain/complaints.ts';
import { addDaysIso, parseIsoDate } from '../../../shared/domain/dates.ts';
import { listComplaints } from '../../../db/repositories/complaintsRepo.ts';
import type { ServiceContext } from '../serviceContext.ts';

/** The instant a local date starts. */
const startOf = (date: string) => parseIsoDate(date).toISOString();

export async function complaintsReport(ctx: ServiceContext, input: ApiParsedInput<'complaints:report'>): Promise<ApiOutput<'complaints:report'>> {
  const now = ctx.now();
  const rows = (
    await listComplaints(ctx.db, {
      receivedFrom: input.from ? startOf(input.from) : undefined,
      receivedTo: input.to ? startOf(addDaysIso(input.to, 1)) : undefined,
    })
  ).map((r) => ({ ...r, overdue: isComplaintOverdue(r, now) }));
  const all = resolveFigures(rows);
  const rated = rows.filter((r) => r.satisfaction !== null).map((r) => r.satisfaction ?? 0);
  const categories = new Map<string, typeof rows>();
  for (const r of rows) categories.set(r.category, [...(categories.get(r.category) ?? []), r]);
  const byCategory = [...categories.entries()]
    .map(([category, of]) => {
      const f = resolveFigures(of);
      return { category, count: f.count, open: f.open, averageHours: f.averageHours };
    })
    .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));
  const bySeverity = COMPLAINT_SEVERITIES.map((severity) => {
    const of = rows.filter((r) => r.severity === severity);
    return { severity, count: of.length, overdue: of.filter((r) => r.overdue).length };
  });
  return {
    count: all.count,
    open: all.open,
    closed: all.closed,
    overdue: all.overdue,
    averageHours: all.averageHours,
    medianHours: all.medianHours,
    averageSatisfaction: rated.length === 0 ? null : rated.reduce((a, b) => a + b, 0) / rated.length,
    byCategory,
    bySeverity,
  };
}
