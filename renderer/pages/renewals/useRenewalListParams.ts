import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { CYCLE_UNSET, RENEWAL_WINDOWS, RenewalListInput } from '../../../shared/api/renewals.contract.ts';
import { CYCLES, RENEWAL_STAGES, type Cycle, type RenewalStage, type Tier } from '../../../shared/domain/enums.ts';
import { TIER_CODE_RE } from '../../../shared/api/fields.ts';
import { isIsoDate } from '../../../shared/domain/dates.ts';

export type RenewalWindow = (typeof RENEWAL_WINDOWS)[number];
type CycleFilter = Cycle | typeof CYCLE_UNSET;

// Mirror the contract's lists without importing it at runtime, which would pull zod into the bundle.
const WINDOWS = ['overdue', '7', '30', '90', 'custom', 'history'] as const satisfies readonly RenewalWindow[];
const CYCLE_FILTERS = [...CYCLES, 'unset'] as const satisfies readonly CycleFilter[];

export interface RenewalListParams {
  window: RenewalWindow;
  from: string | null;
  to: string | null;
  ownerId: string | null;
  tier: Tier | null;
  cycle: CycleFilter | null;
  stage: RenewalStage | null;
  search: string;
  /** Only the contracts of this import batch (an import's summary links here). */
  batchId: string | null;
  page: number;
  pageSize: number;
}

const DEFAULT_WINDOW: RenewalWindow = '30';
const DEFAULT_PAGE_SIZE = 20;

/** A tier code from the address (the tier table decides whether it exists; an unknown one lists nothing). */
const tierParam = (value: string | null): Tier | null => (value !== null && TIER_CODE_RE.test(value) ? value : null);

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

function positiveInt(value: string | null): number | null {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n > 0 ? n : null;
}

const dateOrNull = (value: string | null) => (value !== null && isIsoDate(value) ? value : null);

/** The 续约 list's tab and filters live in the URL, like the customer list's: back, reload and links keep them. */
export function useRenewalListParams() {
  const [searchParams, setSearchParams] = useSearchParams();

  const params: RenewalListParams = useMemo(
    () => ({
      window: oneOf(searchParams.get('tab'), WINDOWS) ?? DEFAULT_WINDOW,
      from: dateOrNull(searchParams.get('from')),
      to: dateOrNull(searchParams.get('to')),
      ownerId: searchParams.get('owner'),
      tier: tierParam(searchParams.get('tier')),
      cycle: oneOf(searchParams.get('cycle'), CYCLE_FILTERS),
      stage: oneOf(searchParams.get('stage'), RENEWAL_STAGES),
      search: searchParams.get('q') ?? '',
      batchId: searchParams.get('batch'),
      page: positiveInt(searchParams.get('page')) ?? 1,
      pageSize: positiveInt(searchParams.get('size')) ?? DEFAULT_PAGE_SIZE,
    }),
    [searchParams],
  );

  /** Any change other than paging starts again at page 1. */
  const update = useCallback(
    (patch: Partial<RenewalListParams>) => {
      const next = { ...params, ...(patch.page === undefined ? { page: 1 } : {}), ...patch };
      const out = new URLSearchParams();
      if (next.window !== DEFAULT_WINDOW) out.set('tab', next.window);
      if (next.window === 'custom' && next.from) out.set('from', next.from);
      if (next.window === 'custom' && next.to) out.set('to', next.to);
      if (next.ownerId) out.set('owner', next.ownerId);
      if (next.tier) out.set('tier', next.tier);
      if (next.cycle) out.set('cycle', next.cycle);
      if (next.stage) out.set('stage', next.stage);
      if (next.search) out.set('q', next.search);
      if (next.batchId) out.set('batch', next.batchId);
      if (next.page > 1) out.set('page', String(next.page));
      if (next.pageSize !== DEFAULT_PAGE_SIZE) out.set('size', String(next.pageSize));
      setSearchParams(out, { replace: true });
    },
    [params, setSearchParams],
  );

  return { params, update };
}

/** The list's filters as renewals:list (and its export) take them, without paging. */
export function toRenewalFilters(p: RenewalListParams, today: string): RenewalListInput {
  return {
    window: p.window,
    today,
    ...(p.window === 'custom' && p.from ? { from: p.from } : {}),
    ...(p.window === 'custom' && p.to ? { to: p.to } : {}),
    ...(p.ownerId ? { ownerId: p.ownerId } : {}),
    ...(p.tier ? { tier: p.tier } : {}),
    ...(p.cycle ? { cycle: p.cycle } : {}),
    ...(p.stage ? { stage: p.stage } : {}),
    ...(p.search.trim() ? { search: p.search.trim() } : {}),
    ...(p.batchId ? { batchId: p.batchId } : {}),
  };
}
