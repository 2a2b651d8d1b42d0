import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Empty, Flex, Input, InputNumber, List, Popconfirm, Select, Statistic, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessageOf } from '../../api/ApiCallError.ts';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';
import { DATE_FORMAT, PICKER_DATE_RANGE } from '../../format/dates.ts';
import { useI18n } from '../../i18n/useI18n.ts';

/** Loyalty points (dated entries with a reason, and the balance) and referrals of one customer (issue 14). */
export function LoyaltyCard({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const loyalty = useApiQuery('loyalty:get', { customerId });
  const onError = (e: Parameters<typeof errorMessageOf>[0]) => void message.error(errorMessageOf(e, t));
  const addPoints = useApiMutation('loyalty:addPoints', { onSuccess: () => void message.success(t('loyalty.added')), onError });
  const addReferral = useApiMutation('loyalty:addReferral', { onSuccess: () => void message.success(t('loyalty.referralAdded')), onError });
  const remove = useApiMutation('loyalty:remove', { onSuccess: () => void message.success(t('loyalty.removed')), onError });
  const [points, setPoints] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [on, setOn] = useState<Dayjs>(dayjs());
  const [search, setSearch] = useState('');
  const [referred, setReferred] = useState<string | undefined>(undefined);
  const [reward, setReward] = useState('');
  const candidates = useApiQuery('customers:list', { search, limit: 20 }, { enabled: search.trim() !== '' });
  const data = loyalty.data;

  return (
    <Card title={t('loyalty.title')} loading={loyalty.isPending} data-testid="loyalty-card">
      <Statistic title={t('loyalty.balance')} value={data?.balance ?? 0} />
      {data?.referredBy.map((r) => (
        <Typography.Paragraph key={r.id} type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('loyalty.referredBy', { name: r.referrerName, date: r.referredOn })}
        </Typography.Paragraph>
      ))}
      <List
        size="small"
        style={{ marginTop: 8 }}
        dataSource={data?.entries ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('loyalty.emptyPoints')} /> }}
        renderItem={(e) => (
          <List.Item
            actions={[
              <Popconfirm key="remove" title={t('loyalty.removeConfirm')} onConfirm={() => remove.mutate({ what: 'points', id: e.id })}>
                <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('loyalty.remove')} />
              </Popconfirm>,
            ]}
          >
            <Flex gap={12} style={{ width: '100%' }}>
              <Typography.Text type="secondary">{e.occurredOn}</Typography.Text>
              {/* Plain text: antd's success and danger colours fail axe's contrast check on white. */}
              <Typography.Text strong>{e.points > 0 ? `+${e.points}` : e.points}</Typography.Text>
              <Typography.Text>{e.reason}</Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      <Flex gap={8} wrap style={{ marginTop: 8 }}>
        <DatePicker aria-label={t('loyalty.date')} format={DATE_FORMAT} value={on} onChange={(d) => d && setOn(d)} allowClear={false} {...PICKER_DATE_RANGE} />
        <InputNumber aria-label={t('loyalty.points')} placeholder={t('loyalty.points')} value={points} onChange={(v) => setPoints(v)} style={{ width: 100 }} />
        <Input aria-label={t('loyalty.reason')} placeholder={t('loyalty.reason')} value={reason} onChange={(e) => setReason(e.target.value)} style={{ flex: 1, minWidth: 120 }} />
        <Button
          disabled={!points || reason.trim() === ''}
          loading={addPoints.isPending}
          onClick={() =>
            addPoints.mutate(
              { customerId, occurredOn: on.format('YYYY-MM-DD'), points: points!, reason: reason.trim() },
              {
                onSuccess: () => {
                  setPoints(null);
                  setReason('');
                },
              },
            )
          }
        >
          {t('loyalty.add')}
        </Button>
      </Flex>

      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {t('loyalty.referrals')}
      </Typography.Title>
      <List
        size="small"
        dataSource={data?.referrals ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('loyalty.emptyReferrals')} /> }}
        renderItem={(r) => (
          <List.Item
            actions={[
              <Popconfirm key="remove" title={t('loyalty.removeConfirm')} onConfirm={() => remove.mutate({ what: 'referral', id: r.id })}>
                <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('loyalty.remove')} />
              </Popconfirm>,
            ]}
          >
            <Flex gap={12} wrap>
              <Typography.Text type="secondary">{r.referredOn}</Typography.Text>
              <Link to={`/customers/${r.referredId}`}>{r.referredName}</Link>
              {r.reward ? <Typography.Text>{`${t('loyalty.reward')}: ${r.reward}`}</Typography.Text> : null}
            </Flex>
          </List.Item>
        )}
      />
      <Flex gap={8} wrap style={{ marginTop: 8 }}>
        <Select
          showSearch={{ filterOption: false, onSearch: setSearch }}
          aria-label={t('loyalty.referred')}
          placeholder={t('loyalty.pickCustomer')}
          value={referred}
          onChange={setReferred}
          style={{ minWidth: 180, flex: 1 }}
          loading={candidates.isFetching}
          options={(candidates.data?.items ?? []).filter((c) => c.id !== customerId).map((c) => ({ value: c.id, label: c.name }))}
        />
        <Input aria-label={t('loyalty.reward')} placeholder={t('loyalty.reward')} value={reward} onChange={(e) => setReward(e.target.value)} style={{ width: 140 }} />
        <Button
          disabled={!referred}
          loading={addReferral.isPending}
          onClick={() =>
            addReferral.mutate(
              { referrerId: customerId, referredId: referred!, referredOn: on.format('YYYY-MM-DD'), reward: reward.trim() },
              {
                onSuccess: () => {
                  setReferred(undefined);
                  setReward('');
                },
              },
            )
          }
        >
          {t('loyalty.addReferral')}
        </Button>
      </Flex>
    </Card>
  );
}
