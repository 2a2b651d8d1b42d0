import type { QueryClient } from '@tanstack/react-query';
import { apiQueryKey } from '../api/useApi.ts';

/**
 * After a sign-out (or a session ended elsewhere): drops every cached answer, so the next person to sign in on this
 * window never sees the last one's lists (an account manager scoped to their own customers after the admin), and
 * asks again only whether a login is needed. Refetching every open page instead only drew a refusal from each.
 */
export function forgetSignedInData(queryClient: QueryClient): void {
  const status = apiQueryKey('accounts:status', {});
  queryClient.removeQueries({ predicate: (query) => query.queryKey[1] !== status[1] && query.queryKey[1] !== 'settings:get' });
  void queryClient.invalidateQueries({ queryKey: status });
}
