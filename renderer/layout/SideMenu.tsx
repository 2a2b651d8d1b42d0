import { CrownOutlined, SmileOutlined, CustomerServiceOutlined, CarryOutOutlined, LineChartOutlined, AlertOutlined, SafetyCertificateOutlined, WarningOutlined, BarChartOutlined, HeartOutlined, BellOutlined, FileSyncOutlined, HomeOutlined, ImportOutlined, ScheduleOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { Badge, Flex, Layout, Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useApiQuery } from '../api/useApi.ts';
import { todayIso } from '../format/dates.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { selectedSection } from './menuSections.ts';

const FIVE_MINUTES = 5 * 60_000;

export function SideMenu() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  // Only the count is needed; the interval rolls the badge over at midnight.
  const due = useApiQuery('followups:due', { today: todayIso(), limit: 1 }, { refetchInterval: FIVE_MINUTES });
  const dueCount = due.data?.total ?? 0;
  const selected = selectedSection(location.pathname);

  const items = [
    { key: '/', icon: <HomeOutlined />, label: t('nav.home') },
    { key: '/customers', icon: <TeamOutlined />, label: t('nav.customers') },
    {
      key: '/due',
      icon: <ScheduleOutlined />,
      label: (
        <Flex justify="space-between" align="center">
          <span>{t('nav.due')}</span>
          {dueCount > 0 ? (
            <span role="status" aria-label={t('nav.dueBadge', { n: dueCount })}>
              <Badge count={dueCount} overflowCount={99} size="small" />
            </span>
          ) : null}
        </Flex>
      ),
    },
    { key: '/renewals', icon: <FileSyncOutlined />, label: t('nav.renewals') },
    { key: '/reports', icon: <BarChartOutlined />, label: t('nav.reports') },
    { key: '/retention', icon: <HeartOutlined />, label: t('nav.retention') },
    { key: '/import', icon: <ImportOutlined />, label: t('nav.import') },
    { key: '/reminders', icon: <AlertOutlined />, label: t('nav.reminders') },
    { key: '/notifications', icon: <BellOutlined />, label: t('nav.notifications') },
    { key: '/settings', icon: <SettingOutlined />, label: t('nav.settings') },
    { key: '/hygiene', icon: <SafetyCertificateOutlined />, label: t('nav.hygiene') },
    { key: '/risk', icon: <WarningOutlined />, label: t('nav.risk') },
    { key: '/prediction', icon: <LineChartOutlined />, label: t('nav.prediction') },
    { key: '/key-customers', icon: <CrownOutlined />, label: t('nav.keyCustomers') },
    { key: '/visits', icon: <CarryOutOutlined />, label: t('nav.visits') },
    { key: '/complaints', icon: <CustomerServiceOutlined />, label: t('nav.complaints') },
    { key: '/surveys', icon: <SmileOutlined />, label: t('nav.surveys') },
  ];

  return (
    <Layout.Sider width={208} breakpoint="lg" collapsedWidth={64} style={{ borderRight: '1px solid #eef0f3' }}>
      <nav aria-label={t('nav.label')} style={{ position: 'sticky', top: 56 }}>
        <Menu
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          items={items}
          onClick={({ key }) => void navigate(key)}
          style={{ borderInlineEnd: 'none', paddingTop: 12 }}
        />
      </nav>
    </Layout.Sider>
  );
}
