import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Empty, Flex, Form, Input, List, Modal, Popconfirm, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useApiMutation, useApiQuery } from '../../../api/useApi.ts';
import { useI18n } from '../../../i18n/useI18n.ts';
import { useSignalUndo } from './useSignalUndo.tsx';

interface EventFormValues {
  happenedOn: Dayjs;
  text: string;
  contractId?: string;
}

/** 竞品动态: dated competitor events, added and removed by hand. */
export function CompetitorSection({ customerId, contracts }: { customerId: string; contracts: readonly { id: string; number: string }[] }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const offerUndo = useSignalUndo();
  const list = useApiQuery('competitorEvents:list', { customerId });
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<EventFormValues>();
  const add = useApiMutation('competitorEvents:add', {
    onSuccess: (r) => {
      setAdding(false);
      offerUndo(t('signals.competitor.added'), r.undoToken);
    },
    onError: (e) => void message.error(e.message),
  });
  const remove = useApiMutation('competitorEvents:remove', {
    onSuccess: (r) => offerUndo(t('signals.competitor.removed'), r.undoToken),
    onError: (e) => void message.error(e.message),
  });
  const items = list.data?.items ?? [];
  return (
    <Flex vertical gap={8} data-testid="competitor-section">
      <Flex justify="space-between" align="center">
        <Typography.Text strong>{t('signals.competitor.title')}</Typography.Text>
        <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('signals.competitor.add')}
        </Button>
      </Flex>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('signals.competitor.empty')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(e) => (
            <List.Item
              actions={[
                <Popconfirm
                  key="remove"
                  title={t('signals.competitor.removeConfirm')}
                  okText={t('signals.competitor.remove')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => remove.mutate({ id: e.id })}
                >
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('signals.competitor.remove')} />
                </Popconfirm>,
              ]}
            >
              <Flex vertical>
                <span>{e.text}</span>
                <Typography.Text type="secondary">
                  {e.happenedOn}
                  {e.contractNo ? ` · ${e.contractNo}` : ''}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
      <Modal
        open={adding}
        title={t('signals.competitor.add')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={add.isPending}
        destroyOnHidden
        onCancel={() => setAdding(false)}
        onOk={() =>
          void form.validateFields().then((v) =>
            add.mutate({ customerId, happenedOn: v.happenedOn.format('YYYY-MM-DD'), text: v.text, ...(v.contractId ? { contractId: v.contractId } : {}) }),
          )
        }
      >
        <Form form={form} layout="vertical" initialValues={{ happenedOn: dayjs() }} preserve={false}>
          <Form.Item name="happenedOn" label={t('signals.competitor.date')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="text" label={t('signals.competitor.text')} rules={[{ required: true, whitespace: true, message: t('signals.eventTextRequired') }]}>
            <Input maxLength={500} placeholder={t('signals.competitor.textPlaceholder')} />
          </Form.Item>
          <Form.Item name="contractId" label={t('signals.competitor.contract')}>
            <Select allowClear options={contracts.map((c) => ({ value: c.id, label: c.number }))} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
