import { AlertOutlined, FileSyncOutlined, ImportOutlined, ScheduleOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { Badge, Flex, Layout, Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useApiQuery } from '../api/useApi.ts';
import { todayIso } from '../format/dates.ts';
import { useI18n } from '../i18n/useI18n.ts';

const FIVE_MINUTES = 5 * 60_000;

function selectedKey(pathname: string): string {
  if (pathname.startsWith('/due')) return '/due';
  if (pathname.startsWith('/renewals')) return '/renewals';
  if (pathname.startsWith('/reminders')) return '/reminders';
  if (pathname.startsWith('/settings')) return '/settings';
  if (pathname.startsWith('/import')) return '/import';
  return '/customers';
}

export function SideMenu() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  // Only the count is needed; the interval rolls the badge over at midnight.
  const due = useApiQuery('followups:due', { today: todayIso(), limit: 1 }, { refetchInterval: FIVE_MINUTES });
  const dueCount = due.data?.total ?? 0;

  const items = [
    { key: '/customers', icon: <TeamOutlined />, label: t('nav.customers') },
    {
      key: '/due',
      icon: <ScheduleOutlined />,
      label: (
        <Flex justify="space-between" align="center">
          <span>{t('nav.due')}</span>
          <Badge count={dueCount} overflowCount={99} size="small" aria-label={t('nav.dueBadge', { n: dueCount })} />
        </Flex>
      ),
    },
    { key: '/renewals', icon: <FileSyncOutlined />, label: '续约' },
    { key: '/import', icon: <ImportOutlined />, label: '导入导出' },
    { key: '/reminders', icon: <AlertOutlined />, label: '提醒规则' },
    { key: '/settings', icon: <SettingOutlined />, label: t('nav.settings') },
  ];

  return (
    <Layout.Sider
      width={208}
      breakpoint="lg"
      collapsedWidth={64}
      style={{ borderRight: '1px solid #eef0f3' }}
    >
      <nav aria-label={t('nav.label')} style={{ position: 'sticky', top: 56 }}>
        <Menu
          mode="inline"
          selectedKeys={[selectedKey(location.pathname)]}
          items={items}
          onClick={({ key }) => void navigate(key)}
          style={{ borderInlineEnd: 'none', paddingTop: 12 }}
        />
      </nav>
    </Layout.Sider>
  );
}
