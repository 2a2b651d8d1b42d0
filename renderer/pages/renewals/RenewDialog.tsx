import { Col, DatePicker, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef } from 'react';
import type { RenewalItem } from '../../../shared/api/renewals.contract.ts';
import { CYCLES, type Cycle } from '../../../shared/domain/enums.ts';
import { fenToYuanString, yuanStringToFen } from '../../../shared/domain/money.ts';
import { cycleLabels, labelOf } from '../../../shared/i18n/enumLabels.ts';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { DATE_FORMAT, fromDayjs, toDayjs } from '../../format/dates.ts';
import { useFormSubmit } from '../../forms/useFormSubmit.ts';

interface Values {
  number: string;
  startsOn: Dayjs | null;
  endsOn: Dayjs | null;
  amountYuan: string | null;
  /** Asked only when the current term's 续费周期 is unknown; left empty, the new term's stays unknown too. */
  cycle?: Cycle | undefined;
  discountNote: string | null;
  instalmentNote: string | null;
}

/** 续约: the next term with dates from the chain's anchor (Jan 31 monthly → Feb 28 → Mar 31), all editable. */
export function RenewDialog({ item, onClose }: { item: RenewalItem | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const cycleUnknown = item !== null && item.cycle === null;
  const chosenCycle = Form.useWatch('cycle', form);
  const defaults = useApiQuery(
    'renewals:renewDefaults',
    { contractId: item?.contractId ?? '', ...(cycleUnknown && chosenCycle ? { cycle: chosenCycle } : {}) },
    { enabled: item !== null },
  );
  const renew = useApiMutation('renewals:renew', ['contracts', 'customers', 'reminders', 'notifications']);
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
    fields: { startsOn: 'startsOn', endsOn: 'endsOn', number: 'number', amountFen: 'amountYuan' },
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
      }),
    successMessage: (r) => `已续约：新合同 ${r.number}，本期标记为已续费`,
    onSaved: close,
  });

  return (
    <FormModal<Values>
      name="renew"
      title={item ? `续约：${item.customerName} · ${item.contractNo}` : '续约'}
      open={item !== null}
      form={form}
      onCancel={close}
      onFinish={submit.onFinish}
      saving={submit.submitting}
      okText="确认续约"
      width={620}
    >
      {defaults.data?.anchorEndsOn ? (
        <Typography.Paragraph type="secondary">
          默认日期按首期到期日 {defaults.data.anchorEndsOn} 顺延整周期计算，月末合同不会越续越早。
        </Typography.Paragraph>
      ) : null}
      <Form.Item name="number" label="新合同编号" rules={[{ required: true, message: '请填写新合同编号' }]}>
        <Input maxLength={64} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="startsOn" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="endsOn" label="到期日期" rules={[{ required: (cycleUnknown ? chosenCycle : item?.cycle) !== 'once', message: '请选择到期日期' }]}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {cycleUnknown ? (
        <Form.Item name="cycle" label="续费周期" extra="本合同未填写续费周期。选择后按该周期推算到期日期；不选则新合同的续费周期也保持未填写。">
          <Select<Cycle> allowClear placeholder="未填写" options={CYCLES.map((c) => ({ value: c, label: labelOf(cycleLabels, c) }))} />
        </Form.Item>
      ) : null}
      <Form.Item name="amountYuan" label="合同金额（元）">
        <InputNumber<string> stringMode min="0" precision={2} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="discountNote" label="优惠说明">
        <Input maxLength={500} placeholder="例如：老客户续费 9 折" />
      </Form.Item>
      <Form.Item name="instalmentNote" label="分期付款">
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} placeholder="例如：签约付 50%，半年后付 50%" />
      </Form.Item>
    </FormModal>
  );
}
