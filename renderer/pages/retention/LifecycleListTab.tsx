import { useState, type ReactNode } from 'react';
import type { LifecycleItem } from '../../../shared/api/lifecycle.contract.ts';
import type { ComputedStage } from '../../../shared/domain/lifecycleRules.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { LifecycleTable, PAGE_SIZE, type LifecycleColumn } from './LifecycleTable.tsx';

/** The lists a 留存 tab shows; each reads one page of lifecycle items. */
export type LifecycleList = { name: 'lifecycle:warning' } | { name: 'lifecycle:winBack' } | { name: 'lifecycle:list'; stage?: ComputedStage };

interface Props {
  list: LifecycleList;
  columns: readonly LifecycleColumn[];
  empty: string;
  /** Above the table (a filter); changing `list` goes back to the first page. */
  toolbar?: ReactNode;
  onFollowUp?: (item: LifecycleItem) => void;
  followUpBusy?: string | null;
}

/**
 * One 留存 tab: the page of `list` it is on, its query (the previous page kept while the next loads), its error
 * with a retry, and the table with the tab's columns.
 */
export function LifecycleListTab({ list, columns, empty, toolbar, onFollowUp, followUpBusy }: Props) {
  const listKey = JSON.stringify(list);
  const [paging, setPaging] = useState({ listKey, page: 1 });
  const page = paging.listKey === listKey ? paging.page : 1;
  const range = { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE };
  const q = useLifecyclePage(list, range);
  if (q.error) return <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <>
      {toolbar}
      <LifecycleTable
        items={q.data?.items ?? []}
        total={q.data?.total ?? 0}
        loading={q.isPending}
        columns={columns}
        empty={empty}
        page={page}
        onPage={(p) => setPaging({ listKey, page: p })}
        {...(onFollowUp ? { onFollowUp } : {})}
        {...(followUpBusy !== undefined ? { followUpBusy } : {})}
      />
    </>
  );
}

/** The three lists share their page shape; one hook call whichever the tab shows (hooks run in a fixed order). */
function useLifecyclePage(list: LifecycleList, range: { offset: number; limit: number }) {
  const input = list.name === 'lifecycle:list' && list.stage ? { ...range, stage: list.stage } : range;
  return useApiQuery(list.name, input, { keepPrevious: true });
}
