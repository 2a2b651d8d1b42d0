import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { domainOf, type ApiInput, type ApiName, type ApiOutput } from '../../shared/api/apiContract.ts';
import type { ApiCallError } from './ApiCallError.ts';
import { invoke } from './invoke.ts';

/** Query keys start with the operation's domain, the unit 'data:changed' names (useDataChangedSync). */
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

/**
 * A mutation for one operation. It refreshes nothing itself: the app announces what the write changed in a
 * 'data:changed' event, before the answer arrives, and useDataChangedSync refetches those domains.
 */
export function useApiMutation<N extends ApiName>(name: N, outcome: MutationOutcome<N> = {}) {
  return useMutation<ApiOutput<N>, ApiCallError, ApiInput<N>>({
    mutationFn: (input) => invoke(name, input),
    ...outcome,
  });
}

/**
 * What to say when the write ends, for a component the write itself may remove: the 'data:changed' event can
 * re-render the page before the answer arrives, and callbacks given to `mutate` are dropped once their
 * component unmounts, while these run in any case.
 */
export interface MutationOutcome<N extends ApiName> {
  onSuccess?: (data: ApiOutput<N>) => void;
  onError?: (error: ApiCallError) => void;
}
