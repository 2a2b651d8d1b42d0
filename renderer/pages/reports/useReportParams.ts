import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { NO_CYCLE_KEY, NO_OWNER_KEY } from '../../../shared/api/reports.contract.ts';
import { CYCLES, type Cycle, type Tier } from '../../../shared/domain/enums.ts';
import { TIER_CODE_RE } from '../../../shared/api/fields.ts';
import { parseReportPeriod } from '../../../shared/reports/reportPeriod.ts';
import type { TermOutcome } from './reportLinks.ts';

// Mirrors the contract's lists without importing it at runtime, which would pull zod into the bundle.
export const GROUPINGS = ['owner', 'tier', 'cycle'] as const;
export type Grouping = (typeof GROUPINGS)[number];
/** The group keys for "no owner" and "cycle unknown", as the contract names them. */
export const NO_OWNER = 'none' satisfies typeof NO_OWNER_KEY;
export const NO_CYCLE = 'unset' satisfies typeof NO_CYCLE_KEY;
export const OUTCOMES = ['due', 'renewed', 'lost', 'pending'] as const satisfies readonly TermOutcome[];

export interface ReportParams {
  /** As the API takes it: 2026, 2026-Q3, 2026-07 or 2026-01-01..2026-06-30. */
  period: string;
  by: Grouping;
  outcome: TermOutcome;
  ownerId: string | null;
  tier: Tier | null;
  cycle: Cycle | typeof NO_CYCLE | null;
  page: number;
}

/** A tier code from the address (the tier table decides whether it exists; an unknown one lists nothing). */
const tierParam = (value: string | null): Tier | null => (value !== null && TIER_CODE_RE.test(value) ? value : null);

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** The report's period, grouping and list live in the URL, so a dashboard number can open it, and Back works. */
export function useReportParams(today: string) {
  const [searchParams, setSearchParams] = useSearchParams();
  const params: ReportParams = useMemo(() => {
    const period = searchParams.get('period');
    return {
      period: period && parseReportPeriod(period) ? period : today.slice(0, 4),
      by: oneOf(searchParams.get('by'), GROUPINGS) ?? 'owner',
      outcome: oneOf(searchParams.get('outcome'), OUTCOMES) ?? 'due',
      ownerId: searchParams.get('owner'),
      tier: tierParam(searchParams.get('tier')),
      cycle: oneOf(searchParams.get('cycle'), [...CYCLES, NO_CYCLE]),
      page: Math.max(1, Number(searchParams.get('page')) || 1),
    };
  }, [searchParams, today]);

  /** Any change other than paging starts the list again at page 1. */
  const update = useCallback(
    (patch: Partial<ReportParams>) => {
      const next = { ...params, ...(patch.page === undefined ? { page: 1 } : {}), ...patch };
      const out = new URLSearchParams({ period: next.period });
      if (next.by !== 'owner') out.set('by', next.by);
      if (next.outcome !== 'due') out.set('outcome', next.outcome);
      if (next.ownerId) out.set('owner', next.ownerId);
      if (next.tier) out.set('tier', next.tier);
      if (next.cycle) out.set('cycle', next.cycle);
      if (next.page > 1) out.set('page', String(next.page));
      setSearchParams(out, { replace: true });
    },
    [params, setSearchParams],
  );
  return { params, update };
}
