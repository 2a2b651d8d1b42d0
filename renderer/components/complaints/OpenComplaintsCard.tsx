import { Button, Card, Empty, Flex, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApiQuery } from '../../api/useApi.ts';
import { formatInstant } from '../../format/dates.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { ComplaintFormModal } from './ComplaintFormModal.tsx';
import { ComplaintSeverityTag, ComplaintStepTag, OverdueTag } from './complaintTags.tsx';

/** The customer's open complaints (step, severity, deadline), 登记投诉, and a link to all of its complaints. */
export function OpenComplaintsCard({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const [creating, setCreating] = useState(false);
  const open = useApiQuery('complaints:list', { customerId, open: true });
  const items = open.data?.items ?? [];
  return (
    <Card
      title={t('complaints.openOfCustomer')}
      size="small"
      loading={open.isPending}
      extra={
        <Space size={4}>
          <Button size="small" onClick={() => setCreating(true)}>
            {t('complaints.new')}
          </Button>
          <Link to={`/complaints?customer=${customerId}`}>{t('complaints.viewAll')}</Link>
        </Space>
      }
      data-testid="open-complaints"
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('complaints.noneOpen')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(c) => (
            <List.Item key={c.id}>
              <Flex vertical gap={2} style={{ width: '100%' }}>
                <Link to={`/complaints?id=${c.id}`}>{c.summary}</Link>
                <Space size={4} wrap>
                  <ComplaintStepTag step={c.step} />
                  <ComplaintSeverityTag severity={c.severity} />
                  {c.overdue ? <OverdueTag /> : null}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('complaints.dueIn', { dueAt: formatInstant(c.dueAt, true) })} · {c.handlerName}
                  </Typography.Text>
                </Space>
              </Flex>
            </List.Item>
          )}
        />
      )}
      <ComplaintFormModal open={creating} onClose={() => setCreating(false)} customerId={customerId} />
    </Card>
  );
}
