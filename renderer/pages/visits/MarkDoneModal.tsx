import { App, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { FOLLOW_UP_CHANNELS, type FollowUpChannel } from '../../../shared/domain/enums.ts';
import { invoke } from '../../api/invoke.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { DATE_FORMAT, fromDayjs, toDayjs, todayIso } from '../../format/dates.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { followUpChannelLabels, labelOf } from '../../../shared/i18n/enumLabels.ts';

interface Values {
  on: Dayjs;
  channel: FollowUpChannel;
  summary?: string;
}

export interface MarkTarget {
  customerId: string;
  customerName: string;
  /** A day inside the visit's period (today for a due one, its last day for a missed one). */
  on: string;
}

/** 记录回访: marks a planned visit done by recording a 回访 follow-up on the customer (undoable). */
export function MarkDoneModal({ target, onClose, onDone }: { target: MarkTarget | null; onClose: () => void; onDone: (undoToken: string) => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const today = todayIso();
  const finish = (v: Values) => {
    if (!target) return;
    setSaving(true);
    void invoke('visits:markDone', { customerId: target.customerId, on: fromDayjs(v.on) ?? today, channel: v.channel, summary: v.summary ?? null })
      .then(
        (r) => {
          onDone(r.undoToken);
          onClose();
        },
        (e: Error) => void message.error(e.message),
      )
      .finally(() => setSaving(false));
  };
  return (
    <FormModal<Values>
      name="markVisitDone"
      title={target ? t('visits.markTitle', { name: target.customerName }) : ''}
      open={target !== null}
      form={form}
      onCancel={onClose}
      onFinish={finish}
      saving={saving}
      okText={t('visits.markOk')}
      initialValues={{ on: toDayjs(target && target.on < today ? target.on : today) ?? undefined, channel: 'visit' }}
    >
      <Form.Item name="on" label={t('visits.markOn')} rules={[{ required: true }]}>
        <DatePicker format={DATE_FORMAT} disabledDate={(d) => (fromDayjs(d) ?? '') > today} />
      </Form.Item>
      <Form.Item name="channel" label={t('visits.markChannel')}>
        <Select options={FOLLOW_UP_CHANNELS.map((c) => ({ value: c, label: labelOf(followUpChannelLabels, c, locale) }))} />
      </Form.Item>
      <Form.Item name="summary" label={t('visits.markSummary')}>
        <Input.TextArea rows={3} maxLength={1000} placeholder={t('visits.doneSummary')} />
      </Form.Item>
    </FormModal>
  );
}
