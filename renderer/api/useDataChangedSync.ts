import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { bridge } from './bridge.ts';
import { invalidateDomains } from './invalidateDomains.ts';

/** Refetches what another window, the CLI or the scheduler changed, as announced by 'data:changed'. */
export function useDataChangedSync(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      bridge.on('data:changed', (payload) => {
        void invalidateDomains(queryClient, payload.domains);
      }),
    [queryClient],
  );
}
