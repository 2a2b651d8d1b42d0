import { MessageOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Form, Input, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ContractListItem } from '../../../shared/api/contracts.contract.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import { errorMessageOf } from '../../api/ApiCallError.ts';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';
import { CustomerMessageDialog, type MessageRequest } from '../../components/messages/CustomerMessageDialog.tsx';
import { useI18n } from '../../i18n/useI18n.ts';

/** The newest contract first: the term most likely being renewed. */
const latestFirst = (a: ContractListItem, b: ContractListItem) => (b.endsOn ?? '').localeCompare(a.endsOn ?? '');

/**
 * 续约方案 (issue 14): the discount and gift offered for a contract's renewal, its instalments (set in the 续约 dialog
 * or the 回款 tab) as the payment part, and the renewal-offer message to copy and mark sent.
 */
export function RenewalOfferCard({ customerId, contracts }: { customerId: string; contracts: ContractListItem[] }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const sorted = [...contracts].sort(latestFirst);
  const [contractId, setContractId] = useState<string | undefined>(sorted[0]?.id);
  const offer = useApiQuery('messages:getOffer', { contractId: contractId ?? '' }, { enabled: contractId !== undefined });
  const [discount, setDiscount] = useState('');
  const [gift, setGift] = useState('');
  const [note, setNote] = useState('');
  const [writing, setWriting] = useState<MessageRequest | null>(null);
  useEffect(() => {
    setDiscount(offer.data?.discount ?? '');
    setGift(offer.data?.gift ?? '');
    setNote(offer.data?.note ?? '');
  }, [offer.data]);
  const save = useApiMutation('messages:setOffer', {
    onSuccess: () => void message.success(t('offer.saved')),
    onError: (e) => void message.error(errorMessageOf(e, t)),
  });

  if (sorted.length === 0) {
    return (
      <Card title={t('offer.title')}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('offer.none')} />
      </Card>
    );
  }
  const data = offer.data;
  return (
    <Card
      title={t('offer.title')}
      data-testid="renewal-offer-card"
      extra={
        <Button icon={<MessageOutlined />} disabled={!contractId} onClick={() => setWriting({ kind: 'offer', customerId, ...(contractId ? { contractId } : {}) })} data-testid="offer-message">
          {t('offer.message')}
        </Button>
      }
    >
      <Form layout="vertical">
        <Form.Item label={t('offer.contract')}>
          <Select
            aria-label={t('offer.contract')}
            value={contractId}
            onChange={setContractId}
            options={sorted.map((c) => ({ value: c.id, label: c.endsOn ? `${c.number} · ${c.endsOn}` : c.number }))}
          />
        </Form.Item>
        <Form.Item label={t('offer.discount')}>
          <Input aria-label={t('offer.discount')} value={discount} maxLength={500} onChange={(e) => setDiscount(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('offer.gift')}>
          <Input aria-label={t('offer.gift')} value={gift} maxLength={500} onChange={(e) => setGift(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('offer.instalments')}>
          {data && data.instalments.length > 0 ? (
            <Flex vertical>
              {data.instalments.map((i) => (
                <Typography.Text key={i.dueOn}>{`${i.dueOn} ${formatMoney(i.dueAmountFen)}`}</Typography.Text>
              ))}
            </Flex>
          ) : (
            <Typography.Text type="secondary">{t('offer.noInstalments')}</Typography.Text>
          )}
        </Form.Item>
        <Form.Item label={t('offer.note')}>
          <Input aria-label={t('offer.note')} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
      </Form>
      <Flex justify="end">
        <Button
          type="primary"
          loading={save.isPending}
          disabled={!contractId || !data}
          onClick={() => contractId && save.mutate({ contractId, discount, gift, note, ...(data && data.version > 0 ? { version: data.version } : {}) })}
        >
          {t('offer.save')}
        </Button>
      </Flex>
      <CustomerMessageDialog request={writing} kinds={['offer', 'expiry', 'survey']} onClose={() => setWriting(null)} />
    </Card>
  );
}
