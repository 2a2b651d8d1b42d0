import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import type { Cycle, Tier } from '../../../shared/domain/enums.ts';
import { addDaysIso, parseIsoDate } from '../../../shared/domain/dates.ts';
import { differenceInCalendarDays } from 'date-fns';
import { reportTerms } from '../../../db/repositories/reports/reportTermsQuery.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { periodOf } from './renewalReport.service.ts';

/**
 * Days from the day after a term's end to the start of the term that renews it: 0 for a seamless renewal,
 * positive for a gap, negative for an early renewal. Null when not renewed or when the start is unknown.
 */
export function gapDaysOf(endsOn: string, renewalStartsOn: string | null): number | null {
  if (renewalStartsOn === null) return null;
  return differenceInCalendarDays(parseIsoDate(renewalStartsOn), parseIsoDate(addDaysIso(endsOn, 1)));
}

/** The due terms behind a report's number, one page. */
export async function reportTermsPage(ctx: ServiceContext, input: ApiParsedInput<'reports:terms'>): Promise<ApiOutput<'reports:terms'>> {
  const period = periodOf(input.period);
  const page = await reportTerms(ctx.db, {
    from: period.from,
    to: period.to,
    ownerId: input.ownerId,
    tier: input.tier,
    cycle: input.cycle,
    outcome: input.outcome,
    offset: input.offset,
    limit: input.limit,
  });
  const items = page.rows.map((r) => ({
    contractId: r.contractId,
    contractNo: r.contractNo,
    customerId: r.customerId,
    customerName: r.customerName,
    tier: r.tier as Tier,
    ownerName: r.ownerName,
    cycle: r.cycle as Cycle | null,
    endsOn: r.endsOn,
    amountFen: r.amountFen,
    outcome: r.outcome,
    renewalAmountFen: r.renewalAmountFen,
    gapDays: gapDaysOf(r.endsOn, r.renewalStartsOn),
    lostReason: r.lostReason,
  }));
  return { items, total: page.total };
}
