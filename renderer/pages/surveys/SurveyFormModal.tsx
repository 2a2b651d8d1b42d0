import { DatePicker, Form, Input, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { Survey } from '../../../shared/api/surveys.contract.ts';
import { FOLLOW_UP_CHANNELS, type FollowUpChannel } from '../../../shared/domain/enums.ts';
import { followUpChannelLabels, labelOf } from '../../../shared/i18n/enumLabels.ts';
import { invoke } from '../../api/invoke.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { DATE_FORMAT, PICKER_DATE_RANGE, fromDayjs } from '../../format/dates.ts';
import { useFormSubmit } from '../../forms/useFormSubmit.ts';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useDimensionLabel, useSurveyDimensions, useSurveyUndo } from './useSurveyDimensions.ts';

interface Values {
  customerId: string | null;
  contractId: string | null;
  onDate: Dayjs | null;
  channel: FollowUpChannel;
  scores: Record<string, number | undefined>;
  comment: string | null;
}

interface Props {
  open: boolean;
  onClose: () => void;
  /** Fixed customer (the customer page); else a picker. */
  customerId?: string | undefined;
  /** Editing this survey. */
  survey?: Survey | null;
}

/** 记录调查 / 编辑调查: a customer (and optionally a contract), a date, a channel, a 1–5 score per dimension, a comment. */
export function SurveyFormModal({ open, onClose, customerId, survey }: Props) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const label = useDimensionLabel();
  const { all } = useSurveyDimensions();
  const offerUndo = useSurveyUndo();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search, 250);
  const picked = Form.useWatch('customerId', form) ?? customerId ?? survey?.customerId ?? null;
  const customers = useApiQuery('customers:list', { search: debounced || undefined, limit: 20, sort: 'name' }, { enabled: open && !customerId && !survey, keepPrevious: true });
  const detail = useApiQuery('customers:get', { id: picked ?? '' }, { enabled: open && picked !== null });
  // A retired dimension stays on a survey that scored it; a new survey offers only those in use.
  const shown = all.filter((d) => d.retiredOn === null || survey?.scores[d.id] !== undefined);

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({
      customerId: survey?.customerId ?? customerId ?? null,
      contractId: survey?.contractId ?? null,
      onDate: survey ? dayjs(survey.onDate) : dayjs(),
      channel: survey?.channel ?? 'phone',
      scores: survey?.scores ?? {},
      comment: survey?.comment ?? null,
    });
  }, [open, survey, customerId, form]);

  const submit = useFormSubmit(form, {
    fields: { customerId: 'customerId', contractId: 'contractId', onDate: 'onDate', scores: 'scores', comment: 'comment' },
    save: (v: Values) => {
      const scores = Object.fromEntries(Object.entries(v.scores ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number'));
      return invoke('surveys:save', {
        ...(survey ? { id: survey.id, version: survey.version } : {}),
        customerId: v.customerId ?? '',
        contractId: v.contractId ?? null,
        onDate: fromDayjs(v.onDate) ?? '',
        channel: v.channel,
        scores,
        comment: v.comment || null,
      });
    },
    successMessage: () => null,
    onSaved: (r) => {
      offerUndo(t(survey ? 'surveys.updated' : 'surveys.recorded'), r.undoToken);
      onClose();
    },
  });

  return (
    <FormModal<Values>
      name="survey"
      title={t(survey ? 'surveys.editTitle' : 'surveys.recordTitle')}
      open={open}
      form={form}
      onCancel={onClose}
      onFinish={submit.onFinish}
      saving={submit.submitting}
      width={560}
    >
      {customerId || survey ? (
        <Form.Item name="customerId" hidden>
          <Input />
        </Form.Item>
      ) : (
        <Form.Item name="customerId" label={t('surveys.customer')} rules={[{ required: true, message: t('surveys.customerRequired') }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder={t('surveys.customerPlaceholder')}
            options={(customers.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            onChange={() => form.setFieldValue('contractId', null)}
            loading={customers.isFetching}
          />
        </Form.Item>
      )}
      <Form.Item name="contractId" label={t('surveys.contract')}>
        <Select allowClear placeholder={t('surveys.contractNone')} options={(detail.data?.contracts ?? []).map((k) => ({ value: k.id, label: k.number }))} />
      </Form.Item>
      <Form.Item name="onDate" label={t('surveys.date')} rules={[{ required: true, message: t('surveys.dateRequired') }]}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} {...PICKER_DATE_RANGE} />
      </Form.Item>
      <Form.Item name="channel" label={t('surveys.channel')}>
        <Radio.Group optionType="button" size="small" options={FOLLOW_UP_CHANNELS.map((c) => ({ value: c, label: labelOf(followUpChannelLabels, c, locale) }))} />
      </Form.Item>
      <Typography.Paragraph type="secondary">{t('surveys.scoreHint')}</Typography.Paragraph>
      {shown.map((d) => (
        <Form.Item key={d.id} name={['scores', d.id]} label={label(d)}>
          <Radio.Group optionType="button" size="small" aria-label={label(d)} options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n) }))} />
        </Form.Item>
      ))}
      <Form.Item name="comment" label={t('surveys.comment')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
