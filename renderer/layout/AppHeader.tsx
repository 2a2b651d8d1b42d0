import { CalendarOutlined } from '@ant-design/icons';
import { Flex, Layout, Typography } from 'antd';
import { todayIso } from '../format/dates.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { NotificationBell } from '../components/notifications/NotificationBell.tsx';

function BrandMark() {
  return (
    <svg width="28" height="28" viewBox="0 0 64 64" aria-hidden="true">
      <rect width="64" height="64" rx="14" fill="#1668dc" />
      <path d="M20 18h24a4 4 0 0 1 4 4v26a4 4 0 0 1-4 4H20a4 4 0 0 1-4-4V22a4 4 0 0 1 4-4z" fill="#fff" />
      <path d="M22 12v10M42 12v10" stroke="#fff" strokeWidth="5" strokeLinecap="round" />
      <path d="M24 36l6 6 11-12" stroke="#1668dc" strokeWidth="5" fill="none" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function AppHeader() {
  const { t } = useI18n();
  return (
    <Layout.Header style={{ display: 'flex', alignItems: 'center', position: 'sticky', top: 0, zIndex: 10 }}>
      <Flex align="center" gap={10} style={{ flex: 1 }}>
        <BrandMark />
        <Typography.Text strong style={{ color: '#fff', fontSize: 18, letterSpacing: 1 }}>
          {t('app.name')}
        </Typography.Text>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.55)', fontSize: 13 }}>{t('app.tagline')}</Typography.Text>
      </Flex>
      <Flex align="center" gap={16}>
        <NotificationBell />
        <Typography.Text style={{ color: 'rgba(255,255,255,0.75)' }}>
          <CalendarOutlined /> {t('app.today', { date: todayIso() })}
        </Typography.Text>
      </Flex>
    </Layout.Header>
  );
}
