import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect } from 'react';
import { bridge } from '../../api/bridge.ts';
import { invalidateDomains } from '../../api/invalidateDomains.ts';

/** Keeps the notification centre live: the scheduler's events refetch it and raise an in-app toast. */
export function useNotificationEvents(): void {
  const queryClient = useQueryClient();
  const { notification } = App.useApp();
  useEffect(() => {
    const offChanged = bridge.on('notifications:changed', () => void invalidateDomains(queryClient, ['notifications', 'reminders']));
    const offFired = bridge.on('reminders:fired', (e) => {
      void invalidateDomains(queryClient, ['notifications', 'reminders', 'renewals']);
      notification.info({ message: e.title, description: e.body, placement: 'bottomRight', duration: 6 });
    });
    return () => {
      offChanged();
      offFired();
    };
  }, [queryClient, notification]);
}
