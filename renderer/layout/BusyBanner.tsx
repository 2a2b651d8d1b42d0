import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { isMessageKey } from '../../shared/i18n/message.ts';
import { bridge } from '../api/bridge.ts';
import { useApiQuery } from '../api/useApi.ts';
import { useI18n } from '../i18n/useI18n.ts';

/**
 * Says that the archive is busy with a long write (an import in this window, another window or the CLI): saving
 * waits until it commits, while lists and search keep answering.
 */
export function BusyBanner() {
  const { t } = useI18n();
  const status = useApiQuery('system:status', {});
  const [live, setLive] = useState<string | null | undefined>(undefined);
  useEffect(() => bridge.on('backend:busy', (payload) => setLive(payload.operation)), []);
  const operation = live === undefined ? (status.data?.busy?.operation ?? null) : live;
  if (operation === null) return null;
  const key = `busy.${operation}`;
  const what = t(isMessageKey(key) ? key : 'busy.other');
  // Floats above the page rather than pushing it down: a list being read or clicked must not move under the pointer.
  return (
    <Alert
      type="info"
      showIcon
      role="status"
      style={{ position: 'fixed', bottom: 24, left: '50%', transform: 'translateX(-50%)', zIndex: 1000, boxShadow: '0 6px 16px rgba(0,0,0,0.12)' }}
      message={t('busy.banner', { what })}
    />
  );
}
