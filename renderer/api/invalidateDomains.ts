import type { QueryClient } from '@tanstack/react-query';
import type { ApiDomain } from '../../shared/api/apiContract.ts';

/**
 * Marks every query of the named domains stale and refetches the ones on screen. The domains come from the
 * contract's declaration of what the write changed, dependent views included.
 */
export function invalidateDomains(queryClient: QueryClient, domains: readonly ApiDomain[]): Promise<void> {
  const changed = new Set<unknown>(domains);
  return queryClient.invalidateQueries({ predicate: (query) => changed.has(query.queryKey[0]) });
}
