import { DatePicker, Form, Input, Radio, Select, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Contract } from '../../../shared/api/contracts.contract.ts';
import { FOLLOW_UP_CHANNELS, FOLLOW_UP_KINDS } from '../../../shared/domain/enums.ts';
import { followUpChannelLabels, followUpKindLabels, labelOf } from '../../../shared/i18n/enumLabels.ts';
import { DATE_FORMAT, PICKER_DATE_RANGE } from '../../format/dates.ts';
import { maxRule, requiredRule } from '../../forms/fieldRules.ts';
import { useI18n } from '../../i18n/useI18n.ts';

interface Props {
  form: FormInstance;
  contracts?: Contract[];
  autoFocus?: boolean;
}

/** Quick picks for the next follow-up, in days from today. */
const PRESETS = [3, 7, 14, 30];

/** The fields of a follow-up entry; the surrounding <Form> (inline card or modal) owns submission. */
export function FollowUpFields({ form, contracts, autoFocus }: Props) {
  const { t, locale } = useI18n();
  return (
    <>
      <Form.Item name="channel" label={t('followUp.channel')}>
        <Radio.Group
          optionType="button"
          size="small"
          options={FOLLOW_UP_CHANNELS.map((c) => ({ value: c, label: labelOf(followUpChannelLabels, c, locale) }))}
        />
      </Form.Item>
      <Form.Item name="kind" label={t('followUp.kind')}>
        <Radio.Group
          optionType="button"
          size="small"
          options={FOLLOW_UP_KINDS.map((k) => ({ value: k, label: labelOf(followUpKindLabels, k, locale) }))}
        />
      </Form.Item>
      <Form.Item
        name="summary"
        label={t('followUp.summary')}
        rules={[requiredRule(t, t('followUp.summary')), maxRule(t, 5000)]}
        extra={t('followUp.submitHint')}
      >
        <Input.TextArea
          autoFocus={autoFocus}
          autoSize={{ minRows: 3, maxRows: 8 }}
          placeholder={t('followUp.summaryPlaceholder')}
          onKeyDown={(e) => {
            // Enter makes a new line in a note; Ctrl/Cmd+Enter saves it.
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              form.submit();
            }
          }}
        />
      </Form.Item>
      <Form.Item name="nextFollowUpOn" label={t('followUp.next')}>
        <DatePicker
          format={DATE_FORMAT}
          style={{ width: '100%' }}
          placeholder={t('followUp.nextPlaceholder')}
          disabledDate={(d: Dayjs) => d.isBefore(dayjs(), 'day')}
          {...PICKER_DATE_RANGE}
          presets={PRESETS.map((n) => ({ label: t('followUp.inDays', { n }), value: dayjs().add(n, 'day') }))}
        />
      </Form.Item>
      {contracts && contracts.length > 0 ? (
        <Form.Item name="contractId" label={t('followUp.contract')}>
          <Select
            allowClear
            placeholder={t('followUp.contractPlaceholder')}
            options={contracts.map((c) => ({ value: c.id, label: c.service ? `${c.number} · ${c.service}` : c.number }))}
          />
        </Form.Item>
      ) : null}
    </>
  );
}
