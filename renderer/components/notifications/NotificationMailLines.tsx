import { Typography } from 'antd';
import type { NotificationItem } from '../../../shared/api/reminders.contract.ts';
import { formatInstant } from '../../format/dates.ts';
import { useI18n } from '../../i18n/useI18n.ts';

/** A notification's e-mail copies (issue 15): sent, waiting, failing with the next try, or given up. */
export function NotificationMailLines({ mail }: { mail: NotificationItem['mail'] }) {
  const { t } = useI18n();
  if (mail.length === 0) return null;
  return (
    <>
      {mail.map((m) => {
        const error = m.lastError ?? '';
        const [text, type] =
          m.status === 'sent'
            ? [t('mail.status.sent', { to: m.recipient }), 'secondary' as const]
            : m.status === 'failed'
              ? [t('mail.status.failed', { to: m.recipient, n: m.attempts, error }), 'danger' as const]
              : m.attempts > 0 && m.nextAttemptAt
                ? [t('mail.status.retrying', { to: m.recipient, n: m.attempts, at: formatInstant(m.nextAttemptAt, true), error }), 'warning' as const]
                : [t('mail.status.pending', { to: m.recipient }), 'secondary' as const];
        return (
          <Typography.Paragraph key={m.recipient} type={type} style={{ marginBottom: 0, fontSize: 12 }} data-testid="notification-mail">
            {text}
          </Typography.Paragraph>
        );
      })}
    </>
  );
}
