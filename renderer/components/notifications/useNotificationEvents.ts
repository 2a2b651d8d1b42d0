import { App } from 'antd';
import { useEffect } from 'react';
import { bridge } from '../../api/bridge.ts';

/** Raises an in-app toast when the scheduler fires; the centre itself refetches on 'data:changed'. */
export function useNotificationEvents(): void {
  const { notification } = App.useApp();
  useEffect(
    () =>
      bridge.on('reminders:fired', (e) => {
        notification.info({ message: e.title, description: e.body, placement: 'bottomRight', duration: 6 });
      }),
    [notification],
  );
}
