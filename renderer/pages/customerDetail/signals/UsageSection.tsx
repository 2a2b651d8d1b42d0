import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Empty, Flex, Form, InputNumber, Modal, Popconfirm, Select, Table, Typography, type TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { UsageFigure } from '../../../../shared/api/signals.contract.ts';
import { USAGE_PERIOD_KINDS, type UsagePeriodKind } from '../../../../shared/domain/enums.ts';
import { usageDrop } from '../../../../shared/domain/riskSignals.ts';
import { useApiMutation, useApiQuery } from '../../../api/useApi.ts';
import { useI18n } from '../../../i18n/useI18n.ts';
import { useSignalUndo } from './useSignalUndo.tsx';

interface UsageFormValues {
  periodKind: UsagePeriodKind;
  period: Dayjs;
  value: number;
}

/** The customer's usage figures (one per period), add or edit a period, remove one, and the drop against the previous 3. */
export function UsageSection({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const offerUndo = useSignalUndo();
  const list = useApiQuery('usage:list', { customerId });
  const [editing, setEditing] = useState<Partial<UsageFormValues> | null>(null);
  const [form] = Form.useForm<UsageFormValues>();
  const set = useApiMutation('usage:set', {
    onSuccess: (r) => {
      setEditing(null);
      offerUndo(t('signals.usage.saved', { period: r.figure.periodStart }), r.undoToken);
    },
    onError: (e) => void message.error(e.message),
  });
  const remove = useApiMutation('usage:remove', {
    onSuccess: (r) => offerUndo(t('signals.usage.removed'), r.undoToken),
    onError: (e) => void message.error(e.message),
  });
  const items = list.data?.items ?? [];
  const unit = list.data?.unit || t('signals.usage.unitDefault');
  const monthly = items.filter((f) => f.periodKind === 'month').map((f) => ({ period: f.periodStart, value: f.value }));
  const drop = usageDrop(monthly);

  const columns: TableProps<UsageFigure>['columns'] = [
    { title: t('signals.usage.period'), key: 'period', render: (_, f) => `${f.periodStart} · ${t(`signals.period.${f.periodKind}`)}` },
    { title: t('signals.usage.value'), key: 'value', align: 'right', render: (_, f) => `${f.value} ${f.unit || t('signals.usage.unitDefault')}` },
    {
      key: 'actions',
      width: 80,
      render: (_, f) => (
        <Flex gap={4}>
          <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('signals.usage.edit')} onClick={() => setEditing({ periodKind: f.periodKind, period: dayjs(f.periodStart), value: f.value })} />
          <Popconfirm
            title={t('signals.usage.removeConfirm', { period: f.periodStart })}
            okText={t('signals.usage.remove')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove.mutate({ id: f.id })}
          >
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('signals.usage.remove')} />
          </Popconfirm>
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={8} data-testid="usage-section">
      <Flex justify="space-between" align="center">
        <Typography.Text strong>
          {t('signals.usage.title')} ({unit})
        </Typography.Text>
        <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({ periodKind: 'month', period: dayjs().startOf('month') })}>
          {t('signals.usage.add')}
        </Button>
      </Flex>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('signals.usage.empty')} />
      ) : (
        <>
          <Typography.Text type="secondary">
            {drop.kind === 'measured'
              ? t('signals.usage.dropMeasured', {
                  average: drop.average,
                  percent: Math.abs(drop.dropPercent),
                  direction: t(drop.dropPercent >= 0 ? 'signals.usage.dropDown' : 'signals.usage.dropUp'),
                })
              : drop.kind === 'noBaseline'
                ? t('signals.usage.noBaseline')
                : t('signals.usage.notEnoughData')}
          </Typography.Text>
          <Table<UsageFigure> rowKey="id" size="small" pagination={{ pageSize: 6, hideOnSinglePage: true }} columns={columns} dataSource={items} />
        </>
      )}
      <Modal
        open={editing !== null}
        title={t('signals.usage.add')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={set.isPending}
        destroyOnHidden
        onCancel={() => setEditing(null)}
        onOk={() =>
          void form.validateFields().then((v) =>
            set.mutate({ customerId, periodKind: v.periodKind, periodOn: v.period.format('YYYY-MM-DD'), value: v.value }),
          )
        }
      >
        <Form form={form} layout="vertical" initialValues={editing ?? undefined} preserve={false}>
          <Form.Item name="periodKind" label={t('signals.usage.periodKind')} rules={[{ required: true }]}>
            <Select options={USAGE_PERIOD_KINDS.map((k) => ({ value: k, label: t(`signals.period.${k}`) }))} />
          </Form.Item>
          <Form.Item name="period" label={t('signals.usage.period')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="value" label={`${t('signals.usage.value')} (${unit})`} rules={[{ required: true }]}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
