import { DatabaseOutlined, ImportOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useApiMutation } from '../../api/useApi.ts';
import { todayIso } from '../../format/dates.ts';
import { useI18n } from '../../i18n/useI18n.ts';

/** A new archive: nothing to count yet; import a sheet or look around with the demo data. */
export function DashboardEmpty() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const demo = useApiMutation('system:demo', {
    onSuccess: (r) => void message.success(t('firstRun.demoLoaded', { n: r.customersCreated })),
    onError: (e) => void message.error(e.message),
  });
  return (
    <Card>
      <Result
        icon={<DatabaseOutlined style={{ color: '#1668dc' }} />}
        title={t('dashboard.emptyTitle')}
        subTitle={t('dashboard.emptyHint')}
        extra={
          <Flex gap={12} justify="center" wrap>
            <Button type="primary" size="large" icon={<ImportOutlined />} onClick={() => void navigate('/import')}>
              {t('dashboard.import')}
            </Button>
            <Button size="large" icon={<DatabaseOutlined />} loading={demo.isPending} onClick={() => demo.mutate({ today: todayIso() })}>
              {t('firstRun.loadDemo')}
            </Button>
          </Flex>
        }
      />
    </Card>
  );
}
