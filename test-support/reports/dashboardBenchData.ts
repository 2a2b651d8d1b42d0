import { mulberry32 } from '../../shared/domain/seededRandom.ts';
import { addDaysIso } from '../../shared/domain/dates.ts';
import type { ReportContractRow, ReportCustomerRow, ReportRenewalRow, ReportRows } from './loadReportRows.ts';

// A deterministic archive for the dashboard benchmark: 100k customers and about 150k contracts over five years
// of history, in chains (renewal_of) with their renewal records, as an import of a multi-year sheet leaves them:
// renewed terms (some with a record and a renewal amount), early and late renewals, gaps that start a new
// chain, lost terms, 已到期 history, overdue and upcoming terms, unknown amounts and cycles. Pure data.
export const DASHBOARD_BENCH_GENERATOR_VERSION = 1;
export const DASHBOARD_BENCH_TODAY = '2026-06-15';
export const DASHBOARD_BENCH_SIZES = { customers: 100_000, owners: 20 };

// [cycle, weight, days]
const CYCLES: [string | null, number, number][] = [
  ['year', 60, 365], ['half_year', 12, 182], ['quarter', 10, 91], ['month', 8, 30], ['once', 5, 30], [null, 5, 365],
];

export function generateDashboardBench(sizes = DASHBOARD_BENCH_SIZES, seed = 20260615): ReportRows {
  const rand = mulberry32(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const totalWeight = CYCLES.reduce((s, c) => s + c[1], 0);
  const pickCycle = () => {
    let r = rand() * totalWeight;
    for (const c of CYCLES) if ((r -= c[1]) < 0) return c;
    return CYCLES[0]!;
  };
  const dayCache = new Map<number, string>();
  const day = (offset: number) => {
    let s = dayCache.get(offset);
    if (s === undefined) dayCache.set(offset, (s = addDaysIso(DASHBOARD_BENCH_TODAY, offset)));
    return s;
  };
  const owners = Array.from({ length: sizes.owners }, (_, i) => ({ id: `owner-${i}`, name: `负责人${String(i + 1).padStart(2, '0')}` }));
  const customers: ReportCustomerRow[] = [];
  const contracts: ReportContractRow[] = [];
  const renewals: ReportRenewalRow[] = [];
  let seq = 0;
  const record = (contractId: string, stage: string, outcomeOn: string | null, outcomeAmountFen: number | null) =>
    renewals.push({ id: `r-${contractId}`, contractId, stage, outcomeOn, outcomeAmountFen, lostReason: stage === 'lost' ? '价格' : null });

  for (let i = 0; i < sizes.customers; i++) {
    const customerId = `cust-${i}`;
    const ownerId = rand() < 0.05 ? null : owners[int(owners.length)]!.id;
    const tierRoll = rand();
    customers.push({
      id: customerId,
      name: `客户${i}`,
      tier: tierRoll < 0.1 ? 'vip' : tierRoll < 0.4 ? 'important' : 'normal',
      ownerId,
      deleted: rand() < 0.005,
    });
    const roll = rand();
    const terms = roll < 0.6 ? 1 : roll < 0.9 ? 2 : 3;
    const [cycle, , cycleDays] = pickCycle();
    let start = -1825 + int(1825);
    let amount: number | null = (1 + int(500)) * 10_000;
    let previous: ReportContractRow | null = null;
    for (let k = 0; k < terms; k++) {
      const ends = start + cycleDays - 1;
      const id = `k-${++seq}`;
      const term: ReportContractRow = {
        id,
        customerId,
        number: `HT${String(seq).padStart(7, '0')}`,
        signedOn: day(start - int(15)),
        startsOn: day(start),
        endsOn: day(ends),
        amountFen: rand() < 0.03 ? null : amount,
        cycle,
        status: 'active',
        ownerId: rand() < 0.1 ? owners[int(owners.length)]!.id : null,
        renewalOf: null,
        deleted: rand() < 0.01,
      };
      contracts.push(term);
      if (previous) term.renewalOf = previous.id;
      // The next term: seamless (80%), early (10%) or after a gap (10%; over 92 days it starts a new chain).
      const r = rand();
      const nextStart = ends + 1 + (r < 0.8 ? 0 : r < 0.9 ? -int(30) : int(150));
      const last = k === terms - 1 || nextStart > 400;
      if (!last) {
        const linked = nextStart - ends - 1 <= 92;
        const nextAmount: number | null = amount === null ? null : Math.round((amount * (80 + int(50))) / 100 / 100) * 100;
        if (linked) {
          term.status = 'renewed';
          if (rand() < 0.7) record(id, 'renewed', day(nextStart), rand() < 0.5 ? null : nextAmount);
          previous = term;
        } else {
          if (rand() < 0.5) record(id, 'lost', day(ends), null);
          else term.status = 'expired';
          previous = null;
        }
        amount = nextAmount ?? (1 + int(500)) * 10_000;
        start = nextStart;
        continue;
      }
      // The chain's current term.
      const s = rand();
      if (s < 0.02) term.status = 'terminated';
      else if (ends < -92) {
        if (s < 0.5) term.status = 'expired';
        else if (s < 0.85) record(id, 'lost', day(ends), null);
        else if (s < 0.9) record(id, 'renewed', day(ends - int(20)), amount);
      } else if (s < 0.15) record(id, 'contacted', null, null);
      else if (s < 0.25) record(id, 'negotiating', null, null);
      else if (s < 0.35) record(id, 'renewed', day(Math.min(ends, 0)), amount);
      else if (s < 0.42) record(id, 'lost', day(Math.min(ends, 0)), null);
      break;
    }
  }
  return { owners, customers, contracts, renewals };
}
