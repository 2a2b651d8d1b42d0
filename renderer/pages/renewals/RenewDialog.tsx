import { Alert, Col, DatePicker, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef } from 'react';
import type { RenewalItem } from '../../../shared/api/renewals.contract.ts';
import { CYCLES, type Cycle } from '../../../shared/domain/enums.ts';
import { fenToYuanString, yuanStringToFen } from '../../../shared/domain/money.ts';
import { cycleLabels, labelOf } from '../../../shared/i18n/enumLabels.ts';
import { errorMessageOf } from '../../api/ApiCallError.ts';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { DATE_FORMAT, PICKER_DATE_RANGE, fromDayjs, toDayjs } from '../../format/dates.ts';
import { useFormSubmit } from '../../forms/useFormSubmit.ts';
import { useI18n } from '../../i18n/useI18n.ts';

/** The term to renew, from the 续约 list or a customer's contracts card. */
export type RenewTarget = Pick<RenewalItem, 'contractId' | 'contractNo' | 'customerName' | 'cycle'>;

interface Values {
  number: string;
  startsOn: Dayjs | null;
  endsOn: Dayjs | null;
  amountYuan: string | null;
  /** Asked only when the current term's 续费周期 is unknown; left empty, the new term's stays unknown too. */
  cycle?: Cycle | undefined;
  discountNote: string | null;
  instalmentNote: string | null;
  /** 分期付款: N equal instalments from the first due date, one period apart; empty = none. */
  instalmentCount: number | null;
  firstDueOn: Dayjs | null;
  everyMonths: number | null;
}

/** 续约: the next term with dates from the chain's anchor (Jan 31 monthly → Feb 28 → Mar 31), all editable. */
export function RenewDialog({ item, onClose }: { item: RenewTarget | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const cycleUnknown = item !== null && item.cycle === null;
  const chosenCycle = Form.useWatch('cycle', form);
  const planCount = Form.useWatch('instalmentCount', form);
  const defaults = useApiQuery(
    'renewals:renewDefaults',
    { contractId: item?.contractId ?? '', ...(cycleUnknown && chosenCycle ? { cycle: chosenCycle } : {}) },
    { enabled: item !== null },
  );
  const renew = useApiMutation('renewals:renew');
  const filledFor = useRef<string | null>(null);

  useEffect(() => {
    const d = defaults.data;
    if (!d || !item) return;
    // Picking a cycle for a term whose cycle was unknown only moves the suggested end date; the rest stays as typed.
    if (filledFor.current === item.contractId) {
      form.setFieldsValue({ endsOn: toDayjs(d.endsOn) });
      return;
    }
    filledFor.current = item.contractId;
    form.setFieldsValue({
      number: d.number,
      startsOn: toDayjs(d.startsOn),
      endsOn: toDayjs(d.endsOn),
      amountYuan: d.amountFen === null ? null : fenToYuanString(d.amountFen),
    });
  }, [defaults.data, item, form]);

  const close = () => {
    filledFor.current = null;
    onClose();
  };

  const submit = useFormSubmit(form, {
    fields: { startsOn: 'startsOn', endsOn: 'endsOn', number: 'number', amountFen: 'amountYuan', instalmentPlan: 'instalmentCount' },
    save: (v: Values) =>
      renew.mutateAsync({
        contractId: item?.contractId ?? '',
        number: v.number,
        startsOn: fromDayjs(v.startsOn) ?? '',
        endsOn: fromDayjs(v.endsOn),
        amountFen: v.amountYuan === null || v.amountYuan === '' ? null : yuanStringToFen(String(v.amountYuan)),
        ...(cycleUnknown ? { cycle: v.cycle ?? null } : {}),
        discountNote: v.discountNote || null,
        instalmentNote: v.instalmentNote || null,
        instalmentPlan: v.instalmentCount
          ? { kind: 'equal', count: v.instalmentCount, firstDueOn: fromDayjs(v.firstDueOn) ?? '', everyMonths: v.everyMonths ?? 1 }
          : null,
      }),
    successMessage: (r) => t('renew.done', { number: r.number }),
    onSaved: close,
  });

  return (
    <FormModal<Values>
      name="renew"
      title={item ? t('renew.title', { customer: item.customerName, contractNo: item.contractNo }) : t('renewals.renew')}
      open={item !== null}
      form={form}
      onCancel={close}
      onFinish={submit.onFinish}
      saving={submit.submitting}
      okText={t('renew.ok')}
      width={620}
    >
      {/* No defaults to fill, such as a next term past the supported dates: the reason, and the fields stay open. */}
      {defaults.error ? <Alert type="warning" showIcon title={errorMessageOf(defaults.error, t)} style={{ marginBottom: 16 }} /> : null}
      {defaults.data?.anchorEndsOn ? (
        <Typography.Paragraph type="secondary">
          {t('renew.anchorHint', { date: defaults.data.anchorEndsOn })}
        </Typography.Paragraph>
      ) : null}
      <Form.Item name="number" label={t('renew.number')} rules={[{ required: true, message: t('renew.numberRequired') }]}>
        <Input maxLength={64} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="startsOn" label={t('contract.startsOn')} rules={[{ required: true, message: t('renew.startsOnRequired') }]}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} {...PICKER_DATE_RANGE} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="endsOn"
            label={t('contract.endsOn')}
            rules={[{ required: (cycleUnknown ? chosenCycle : item?.cycle) !== 'once', message: t('renew.endsOnRequired') }]}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} {...PICKER_DATE_RANGE} />
          </Form.Item>
        </Col>
      </Row>
      {cycleUnknown ? (
        <Form.Item name="cycle" label={t('contract.cycle')} extra={t('renew.cycleHint')}>
          <Select<Cycle> allowClear placeholder={t('contract.cycleUnknown')} options={CYCLES.map((c) => ({ value: c, label: labelOf(cycleLabels, c, locale) }))} />
        </Form.Item>
      ) : null}
      <Form.Item name="amountYuan" label={t('contract.amountYuan')}>
        <InputNumber<string> stringMode min="0" precision={2} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="discountNote" label={t('renew.discount')}>
        <Input maxLength={500} placeholder={t('renew.discountPlaceholder')} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="instalmentCount" label={t('renew.instalments')} extra={t('payments.plan.hint')}>
            <InputNumber<number> min={1} max={120} precision={0} placeholder={t('payments.plan.countPlaceholder')} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="firstDueOn"
            label={t('payments.plan.firstDueOn')}
            rules={[{ required: Boolean(planCount), message: t('payments.plan.firstDueRequired') }]}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabled={!planCount} {...PICKER_DATE_RANGE} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="everyMonths" label={t('payments.plan.everyMonths')} initialValue={1}>
            <InputNumber<number> min={1} max={60} precision={0} disabled={!planCount} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="instalmentNote" label={t('payments.plan.note')}>
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} placeholder={t('renew.instalmentsPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
