import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiInput, ApiName, ApiOutput } from '../../shared/api/apiContract.ts';
import type { ApiCallError } from './ApiCallError.ts';
import { invalidateDomains } from './invalidateDomains.ts';
import { invoke } from './invoke.ts';

export function domainOf(name: ApiName): string {
  return name.slice(0, name.indexOf(':'));
}

export function apiQueryKey<N extends ApiName>(name: N, input: ApiInput<N>) {
  return [domainOf(name), name, input] as const;
}

interface QueryOptions {
  enabled?: boolean;
  /** Keep showing the previous page while the next one loads (paging, filtering). */
  keepPrevious?: boolean;
  refetchInterval?: number;
}

export function useApiQuery<N extends ApiName>(name: N, input: ApiInput<N>, options: QueryOptions = {}) {
  return useQuery<ApiOutput<N>, ApiCallError>({
    queryKey: apiQueryKey(name, input),
    queryFn: () => invoke(name, input),
    enabled: options.enabled ?? true,
    ...(options.keepPrevious ? { placeholderData: keepPreviousData } : {}),
    ...(options.refetchInterval ? { refetchInterval: options.refetchInterval } : {}),
  });
}

/** A mutation for one operation; on success it refreshes its own domain (plus `alsoInvalidate`). */
export function useApiMutation<N extends ApiName>(name: N, alsoInvalidate: readonly string[] = []) {
  const queryClient = useQueryClient();
  return useMutation<ApiOutput<N>, ApiCallError, ApiInput<N>>({
    mutationFn: (input) => invoke(name, input),
    // Not awaited: the caller's own onSuccess (a message, closing a modal) should not wait for the refetch,
    // and the refetch may unmount the caller, which would drop those callbacks.
    onSuccess: () => void invalidateDomains(queryClient, [domainOf(name), ...alsoInvalidate]),
  });
}
