import { Card, Descriptions, Flex, Tag, Typography, type DescriptionsProps } from 'antd';
import type { CustomerDetail } from '../../../shared/api/customers.contract.ts';
import { ExpiryDate } from '../../components/ExpiryDate.tsx';
import { TierTag } from '../../components/TierTag.tsx';
import { formatInstant } from '../../format/dates.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { TierReason } from './TierReason.tsx';
import { CustomerAliases } from './CustomerAliases.tsx';
import { useApiQuery } from '../../api/useApi.ts';

const dash = <Typography.Text type="secondary">—</Typography.Text>;

export function CustomerBasicsCard({ customer }: { customer: CustomerDetail }) {
  const { t } = useI18n();
  const custom = Object.entries(customer.customFields);
  const aliases = useApiQuery('customers:aliases', { customerId: customer.id }).data?.items ?? [];

  const items: DescriptionsProps['items'] = [
    { key: 'tier', label: t('customer.tier'), children: <TierTag tier={customer.tier} /> },
    { key: 'tierReason', label: t('tiersUi.reasonLabel'), span: 2, children: <TierReason customer={customer} /> },
    { key: 'owner', label: t('customer.owner'), children: customer.ownerName ?? dash },
    { key: 'industry', label: t('customer.industry'), children: customer.industry ?? dash },
    { key: 'source', label: t('customer.source'), children: customer.source ?? dash },
    { key: 'code', label: t('customer.code'), children: customer.code ?? dash },
    { key: 'nextExpiry', label: t('customers.colNextExpiry'), children: <ExpiryDate date={customer.nextExpiryOn} /> },
    { key: 'lastFollowUp', label: t('customers.colLastFollowUp'), children: formatInstant(customer.lastFollowUpAt) },
    { key: 'created', label: t('customer.createdAt'), children: formatInstant(customer.createdAt) },
    {
      key: 'tags',
      label: t('customer.tags'),
      span: 'filled',
      children:
        customer.tags.length > 0 ? (
          <Flex gap={4} wrap>
            {customer.tags.map((tag) => (
              <Tag key={tag.id} color={tag.color ?? 'processing'}>
                {tag.name}
              </Tag>
            ))}
          </Flex>
        ) : (
          dash
        ),
    },
    ...custom.map(([key, value]) => ({ key: `cf-${key}`, label: key, children: value })),
    ...(aliases.length > 0 ? [{ key: 'aliases', label: t('aliases.title'), span: 'filled' as const, children: <CustomerAliases aliases={aliases} /> }] : []),
    {
      key: 'notes',
      label: t('customer.notes'),
      span: 'filled' as const,
      children: customer.notes ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{customer.notes}</Typography.Paragraph> : dash,
    },
  ];

  return (
    <Card title={t('customer.basics')}>
      <Descriptions items={items} column={{ xs: 1, sm: 2, lg: 3 }} size="small" />
    </Card>
  );
}
