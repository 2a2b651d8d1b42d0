import { Flex, Typography } from 'antd';
import { daysFromToday } from '../format/dates.ts';
import { useI18n } from '../i18n/useI18n.ts';

/** Renewal window: anything ending within 30 days needs attention now. */
const SOON_DAYS = 30;

function useExpiry(date: string) {
  const { t } = useI18n();
  const days = daysFromToday(date);
  const type = days < 0 ? ('danger' as const) : days <= SOON_DAYS ? ('warning' as const) : undefined;
  const hint =
    days < 0 ? t('expiry.overdue', { n: -days }) : days === 0 ? t('expiry.today') : days <= SOON_DAYS ? t('expiry.inDays', { n: days }) : null;
  return { type, hint };
}

/** Only the distance ("25 天后到期"), coloured the same way; nothing when the date is far off. */
export function ExpiryHint({ date }: { date: string }) {
  const { type, hint } = useExpiry(date);
  return hint ? (
    <Typography.Text type={type} style={{ fontSize: 12 }}>
      {hint}
    </Typography.Text>
  ) : null;
}

/** An expiry date, red once overdue and orange within the next 30 days, with the distance spelled out. */
export function ExpiryDate({ date }: { date: string | null }) {
  if (!date) return <Typography.Text type="secondary">—</Typography.Text>;
  return <KnownExpiryDate date={date} />;
}

function KnownExpiryDate({ date }: { date: string }) {
  const { type, hint } = useExpiry(date);
  return (
    <Flex vertical>
      <Typography.Text type={type} strong={type !== undefined}>
        {date}
      </Typography.Text>
      {hint ? (
        <Typography.Text type={type} style={{ fontSize: 12 }}>
          {hint}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
