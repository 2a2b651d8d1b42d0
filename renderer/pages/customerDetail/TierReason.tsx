import { PushpinOutlined } from '@ant-design/icons';
import { App, Button, Flex, Tag, Typography } from 'antd';
import type { CustomerDetail } from '../../../shared/api/customers.contract.ts';
import { renderMessage } from '../../../shared/i18n/message.ts';
import { useApiMutation } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/useI18n.ts';

/** Why the customer is in its tier (the rules' reason), or that it is pinned, with the way to unpin it. */
export function TierReason({ customer }: { customer: CustomerDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const unpin = useApiMutation('tiers:unpin', { onError: (e) => void message.error(e.message) });
  const reason = customer.tierReason ? renderMessage(t, customer.tierReason) : t('tiersUi.notClassified');
  return (
    <Flex gap={8} align="center" wrap data-testid="tier-reason">
      {customer.tierPinned && (
        <Tag icon={<PushpinOutlined />} color="gold">
          {customer.tierPinned === 'import' ? t('tiersUi.pinnedImport') : t('tiersUi.pinnedManual')}
        </Tag>
      )}
      <Typography.Text type={customer.tierPinned ? 'secondary' : undefined}>{customer.tierPinned ? t('tiersUi.pinnedHint') : reason}</Typography.Text>
      {customer.tierPinned && (
        <Button size="small" loading={unpin.isPending} onClick={() => unpin.mutate({ id: customer.id })}>
          {t('tiersUi.unpin')}
        </Button>
      )}
    </Flex>
  );
}
