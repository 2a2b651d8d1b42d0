import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { CUSTOMER_SORTS, CustomerListInput } from '../../../shared/api/customers.contract.ts';
import type { Tier } from '../../../shared/domain/enums.ts';
import { TIER_CODE_RE } from '../../../shared/api/fields.ts';

export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

// Mirrors the contract's list without importing it at runtime, which would pull zod into the bundle.
const SORTS = ['nextExpiryOn', 'name', 'updatedAt', 'createdAt'] as const satisfies readonly CustomerSort[];

export interface CustomerListParams {
  search: string;
  tier: Tier | null;
  ownerId: string | null;
  tagId: string | null;
  withinDays: number | null;
  archived: boolean;
  sort: CustomerSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const DEFAULT_PAGE_SIZE = 20;

/** A tier code from the address (the tier table decides whether it exists; an unknown one lists nothing). */
const tierParam = (value: string | null): Tier | null => (value !== null && TIER_CODE_RE.test(value) ? value : null);

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

function positiveInt(value: string | null): number | null {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n >= 0 ? n : null;
}

/** The list's filters live in the URL, so going back from a customer returns to the same page and filters. */
export function useCustomerListParams() {
  const [searchParams, setSearchParams] = useSearchParams();

  const params: CustomerListParams = useMemo(
    () => ({
      search: searchParams.get('q') ?? '',
      tier: tierParam(searchParams.get('tier')),
      ownerId: searchParams.get('owner'),
      tagId: searchParams.get('tag'),
      withinDays: positiveInt(searchParams.get('within')),
      archived: searchParams.get('archived') === '1',
      sort: oneOf(searchParams.get('sort'), SORTS) ?? 'nextExpiryOn',
      order: searchParams.get('order') === 'desc' ? 'desc' : 'asc',
      page: Math.max(1, positiveInt(searchParams.get('page')) ?? 1),
      pageSize: positiveInt(searchParams.get('size')) || DEFAULT_PAGE_SIZE,
    }),
    [searchParams],
  );

  /** Any change other than paging starts again at page 1. */
  const update = useCallback(
    (patch: Partial<CustomerListParams>) => {
      const next = { ...params, ...(patch.page === undefined ? { page: 1 } : {}), ...patch };
      const out = new URLSearchParams();
      if (next.search) out.set('q', next.search);
      if (next.tier) out.set('tier', next.tier);
      if (next.ownerId) out.set('owner', next.ownerId);
      if (next.tagId) out.set('tag', next.tagId);
      if (next.withinDays !== null) out.set('within', String(next.withinDays));
      if (next.archived) out.set('archived', '1');
      if (next.sort !== 'nextExpiryOn') out.set('sort', next.sort);
      if (next.order !== 'asc') out.set('order', next.order);
      if (next.page > 1) out.set('page', String(next.page));
      if (next.pageSize !== DEFAULT_PAGE_SIZE) out.set('size', String(next.pageSize));
      setSearchParams(out, { replace: true });
    },
    [params, setSearchParams],
  );

  const hasFilters =
    params.search !== '' || params.tier !== null || params.ownerId !== null || params.tagId !== null || params.withinDays !== null || params.archived;

  return { params, update, hasFilters };
}

export function toListInput(p: CustomerListParams): CustomerListInput {
  return {
    ...(p.search.trim() ? { search: p.search.trim() } : {}),
    ...(p.tier ? { tier: p.tier } : {}),
    ...(p.ownerId ? { ownerId: p.ownerId } : {}),
    ...(p.tagId ? { tagId: p.tagId } : {}),
    ...(p.withinDays !== null ? { expiringWithinDays: p.withinDays } : {}),
    archived: p.archived ? 'archived' : 'active',
    sort: p.sort,
    order: p.order,
    offset: (p.page - 1) * p.pageSize,
    limit: p.pageSize,
  };
}
