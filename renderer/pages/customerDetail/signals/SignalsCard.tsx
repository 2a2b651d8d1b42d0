import { Card, Divider, Empty, Flex, Table, Typography } from 'antd';
import { useApiQuery } from '../../../api/useApi.ts';
import { useI18n } from '../../../i18n/useI18n.ts';
import { CompetitorSection } from './CompetitorSection.tsx';
import { UsageSection } from './UsageSection.tsx';

/** 信号 (issue 13): usage figures, competitor events and the 咨询/工单 per month, each dated. */
export function SignalsCard({ customerId, contracts }: { customerId: string; contracts: readonly { id: string; number: string }[] }) {
  const { t } = useI18n();
  return (
    <Card title={t('signals.title')} size="small" data-testid="signals-card">
      <Flex vertical gap={4}>
        <Typography.Text type="secondary">{t('signals.hint')}</Typography.Text>
        <UsageSection customerId={customerId} />
        <Divider style={{ margin: '8px 0' }} />
        <CompetitorSection customerId={customerId} contracts={contracts} />
        <Divider style={{ margin: '8px 0' }} />
        <InteractionsSection customerId={customerId} />
      </Flex>
    </Card>
  );
}

function InteractionsSection({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const q = useApiQuery('usage:interactions', { customerId, months: 12 });
  const months = (q.data?.months ?? []).filter((m) => m.inquiries + m.tickets > 0).reverse();
  const change = q.data?.change;
  return (
    <Flex vertical gap={8} data-testid="interactions-section">
      <Typography.Text strong>{t('signals.interactions.title')}</Typography.Text>
      {months.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('signals.interactions.empty')} />
      ) : (
        <>
          {change ? (
            <Typography.Text type={change.kind === 'rise' || change.kind === 'drop' ? 'warning' : 'secondary'}>
              {t(`signals.interactions.${change.kind}`, { latest: change.latest ?? 0, mean: change.mean ?? 0 })}
            </Typography.Text>
          ) : null}
          <Table
            rowKey="month"
            size="small"
            pagination={false}
            dataSource={months}
            columns={[
              { title: t('signals.interactions.month'), dataIndex: 'month' },
              { title: t('signals.interactions.inquiries'), dataIndex: 'inquiries', align: 'right' },
              { title: t('signals.interactions.tickets'), dataIndex: 'tickets', align: 'right' },
            ]}
          />
        </>
      )}
    </Flex>
  );
}
