import { DatePicker, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { invoke } from '../../api/invoke.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { DATE_FORMAT, PICKER_DATE_RANGE, fromDayjs } from '../../format/dates.ts';
import { useFormSubmit } from '../../forms/useFormSubmit.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useSurveyUndo } from './useSurveyDimensions.ts';

interface Values {
  onDate: Dayjs | null;
  text: string;
  doneBy: string | null;
}

/** 改进措施: what was done for a customer below the threshold, when and by whom; recorded under its latest survey. */
export function ImprovementModal({ target, onClose }: { target: { latestSurveyId: string; customerName: string } | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const offerUndo = useSurveyUndo();
  const submit = useFormSubmit(form, {
    fields: { onDate: 'onDate', text: 'text', doneBy: 'doneBy' },
    save: (v: Values) => invoke('surveys:addAction', { surveyId: target?.latestSurveyId ?? '', onDate: fromDayjs(v.onDate) ?? '', text: v.text, doneBy: v.doneBy || null }),
    successMessage: () => null,
    onSaved: (r) => {
      offerUndo(t('surveys.actionAdded'), r.undoToken);
      onClose();
    },
  });
  return (
    <FormModal<Values> name="surveyAction" title={t('surveys.improveTitle', { customer: target?.customerName ?? '' })} open={target !== null} form={form} onCancel={onClose} onFinish={submit.onFinish} saving={submit.submitting} width={480} initialValues={{ onDate: dayjs(), text: '', doneBy: null }}>
      <Typography.Paragraph type="secondary">{t('surveys.improveHint')}</Typography.Paragraph>
      <Form.Item name="text" label={t('surveys.actionText')} rules={[{ required: true, whitespace: true, message: t('surveys.actionTextRequired') }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
      </Form.Item>
      <Form.Item name="onDate" label={t('surveys.actionDate')} rules={[{ required: true, message: t('surveys.dateRequired') }]}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} {...PICKER_DATE_RANGE} />
      </Form.Item>
      <Form.Item name="doneBy" label={t('surveys.doneBy')} extra={t('surveys.doneByHint')}>
        <Input maxLength={40} />
      </Form.Item>
    </FormModal>
  );
}
