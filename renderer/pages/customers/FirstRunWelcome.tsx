import { DatabaseOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Result, Typography } from 'antd';
import { useApiMutation } from '../../api/useApi.ts';
import { todayIso } from '../../format/dates.ts';
import { useI18n } from '../../i18n/useI18n.ts';

interface Props {
  onCreate: () => void;
}

/** Shown while the archive holds no customer at all: start from scratch or explore with demo data. */
export function FirstRunWelcome({ onCreate }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  // The list replaces this panel as soon as the demo's customers arrive, often before the answer does.
  const demo = useApiMutation('system:demo', {
    onSuccess: (r) => void message.success(t('firstRun.demoLoaded', { n: r.customersCreated })),
    onError: (e) => void message.error(e.message),
  });

  const loadDemo = () => demo.mutate({ today: todayIso() });

  return (
    <Card>
      <Result
        icon={<DatabaseOutlined style={{ color: '#1668dc' }} />}
        title={t('firstRun.title')}
        subTitle={
          <Flex vertical gap={4}>
            <span>{t('firstRun.subtitle')}</span>
            <Typography.Text type="secondary">{t('firstRun.demoHint')}</Typography.Text>
          </Flex>
        }
        extra={
          <Flex gap={12} justify="center" wrap>
            <Button type="primary" size="large" icon={<PlusOutlined />} onClick={onCreate}>
              {t('customers.new')}
            </Button>
            <Button size="large" icon={<DatabaseOutlined />} loading={demo.isPending} onClick={loadDemo}>
              {t('firstRun.loadDemo')}
            </Button>
          </Flex>
        }
      />
    </Card>
  );
}
