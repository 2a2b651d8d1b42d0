import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { bridge } from './bridge.ts';
import { invalidateDomains } from './invalidateDomains.ts';

/**
 * The one place the renderer refetches: 'data:changed' names the domains a write changed, whether this window,
 * another one, the CLI or the reminder scheduler made it.
 */
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
