import { DatabaseOutlined } from '@ant-design/icons';
import { Card, Descriptions, Skeleton, Tag, Typography, type DescriptionsProps } from 'antd';
import { useApiQuery } from '../../api/useApi.ts';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { useI18n } from '../../i18n/useI18n.ts';

export function DataCard() {
  const { t } = useI18n();
  const info = useApiQuery('system:info', {});

  let body;
  if (info.isPending) body = <Skeleton active />;
  else if (info.isError) body = <QueryErrorAlert error={info.error} onRetry={() => void info.refetch()} />;
  else {
    const d = info.data;
    const items: DescriptionsProps['items'] = [
      { key: 'file', label: t('settings.dataFile'), span: 'filled', children: <Typography.Text copyable code>{d.dataFile}</Typography.Text> },
      { key: 'backups', label: t('settings.backupsDir'), span: 'filled', children: <Typography.Text copyable code>{d.backupsDir}</Typography.Text> },
      { key: 'schema', label: t('settings.schemaVersion'), children: d.schemaVersion },
      { key: 'app', label: t('settings.appVersion'), children: d.appVersion },
      { key: 'customers', label: t('settings.customerCount'), children: d.customerCount },
      {
        key: 'integrity',
        label: t('settings.integrity'),
        children: d.integrity === 'ok' ? <Tag color="green">{t('settings.integrityOk')}</Tag> : <Tag color="red">{d.integrity}</Tag>,
      },
    ];
    body = <Descriptions items={items} column={{ xs: 1, md: 2 }} size="small" />;
  }

  return <Card title={<><DatabaseOutlined /> {t('settings.data')}</>}>{body}</Card>;
}
