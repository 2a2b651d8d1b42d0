import { Alert, App } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { bridge } from '../api/bridge.ts';
import { useI18n } from '../i18n/useI18n.ts';

/**
 * Team mode: says plainly that the PostgreSQL server cannot be reached. The pages keep what they showed (the
 * reminders already listed among them), saving fails with its own message, and the backend dials again by itself;
 * when it is back, the banner goes and every list refetches (the backend announces every domain changed).
 */
export function ConnectionBanner() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [offline, setOffline] = useState(false);
  const wasOffline = useRef(false);
  useEffect(
    () =>
      bridge.on('backend:connection', (payload) => {
        const away = payload.state === 'offline';
        if (!away && wasOffline.current) void message.success(t('teamDb.onlineAgain'));
        wasOffline.current = away;
        setOffline(away);
      }),
    [message, t],
  );
  if (!offline) return null;
  return <Alert type="warning" showIcon banner role="alert" style={{ marginBottom: 16 }} message={t('teamDb.offlineBanner')} data-testid="connection-banner" />;
}
