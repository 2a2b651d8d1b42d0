import { Col, DatePicker, Form, Input, InputNumber, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { Instalment } from '../../../shared/api/payments.contract.ts';
import { fenToYuanString, formatMoney, yuanStringToFen } from '../../../shared/domain/money.ts';
import { invoke } from '../../api/invoke.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { DATE_FORMAT, PICKER_DATE_RANGE, fromDayjs, toDayjs, todayIso } from '../../format/dates.ts';
import { useFormSubmit } from '../../forms/useFormSubmit.ts';
import { useI18n } from '../../i18n/useI18n.ts';

/** What the payments tab does after a write: offer 撤销 with this title. */
export type OfferUndo = (title: string, undoToken: string) => void;

interface InstalmentValues {
  dueOn: Dayjs | null;
  dueYuan: string | null;
  invoiceNo: string | null;
  invoiceOn: Dayjs | null;
  note: string | null;
}

/** Add an instalment (`editing` null) or edit one's due date, amount, invoice and note. */
export function InstalmentFormModal({
  contractId,
  editing,
  open,
  onClose,
  offerUndo,
}: {
  contractId: string;
  editing: Instalment | null;
  open: boolean;
  onClose: () => void;
  offerUndo: OfferUndo;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<InstalmentValues>();
  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({
      dueOn: toDayjs(editing?.dueOn ?? null),
      dueYuan: editing ? fenToYuanString(editing.dueAmountFen) : null,
      invoiceNo: editing?.invoiceNo ?? null,
      invoiceOn: toDayjs(editing?.invoiceOn ?? null),
      note: editing?.note ?? null,
    });
  }, [open, editing, form]);
  const submit = useFormSubmit(form, {
    fields: { dueOn: 'dueOn', dueAmountFen: 'dueYuan', invoiceNo: 'invoiceNo', invoiceOn: 'invoiceOn', note: 'note' },
    save: (v: InstalmentValues) =>
      invoke('payments:set', {
        ...(editing ? { id: editing.id, version: editing.version } : {}),
        contractId,
        dueOn: fromDayjs(v.dueOn) ?? '',
        dueAmountFen: yuanStringToFen(String(v.dueYuan ?? '')) ?? -1,
        invoiceNo: v.invoiceNo || null,
        invoiceOn: fromDayjs(v.invoiceOn),
        note: v.note || null,
      }),
    successMessage: () => null,
    onSaved: (r) => {
      offerUndo(t(editing ? 'payments.saved' : 'payments.added', { date: r.instalment.dueOn }), r.undoToken);
      onClose();
    },
  });
  return (
    <FormModal<InstalmentValues>
      name="instalment"
      title={t(editing ? 'payments.editTitle' : 'payments.addTitle')}
      open={open}
      form={form}
      onCancel={onClose}
      onFinish={submit.onFinish}
      saving={submit.submitting}
      okText={t('payments.save')}
      width={520}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="dueOn" label={t('payments.column.dueOn')} rules={[{ required: true, message: t('payments.column.dueOn') }]}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} {...PICKER_DATE_RANGE} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="dueYuan" label={t('payments.amount')} rules={[{ required: true, message: t('payments.amountInvalid') }]}>
            <InputNumber<string> stringMode min="0" precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="invoiceNo" label={t('payments.invoiceNo')}>
            <Input maxLength={64} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="invoiceOn" label={t('payments.invoiceOn')}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} {...PICKER_DATE_RANGE} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('payments.note')}>
        <Input maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

interface PaymentValues {
  amountYuan: string | null;
  paidOn: Dayjs | null;
}

/** 记录回款: an amount and its date, added to the instalment's paid amount. */
export function RecordPaymentModal({ instalment, onClose, offerUndo }: { instalment: Instalment | null; onClose: () => void; offerUndo: OfferUndo }) {
  const { t } = useI18n();
  const [form] = Form.useForm<PaymentValues>();
  useEffect(() => {
    if (!instalment) return;
    form.setFieldsValue({ amountYuan: fenToYuanString(instalment.outstandingFen), paidOn: toDayjs(todayIso()) });
  }, [instalment, form]);
  const submit = useFormSubmit(form, {
    fields: { amountFen: 'amountYuan', paidOn: 'paidOn' },
    save: (v: PaymentValues) =>
      invoke('payments:record', { id: instalment?.id ?? '', amountFen: yuanStringToFen(String(v.amountYuan ?? '')) ?? 0, paidOn: fromDayjs(v.paidOn) ?? '' }),
    successMessage: () => null,
    onSaved: (r) => {
      offerUndo(t('payments.recorded', { amount: formatMoney(r.instalment.paidAmountFen - (instalment?.paidAmountFen ?? 0)) }), r.undoToken);
      onClose();
    },
  });
  return (
    <FormModal<PaymentValues>
      name="recordPayment"
      title={instalment ? t('payments.recordTitle', { date: instalment.dueOn, amount: formatMoney(instalment.dueAmountFen) }) : t('payments.record')}
      open={instalment !== null}
      form={form}
      onCancel={onClose}
      onFinish={submit.onFinish}
      saving={submit.submitting}
      okText={t('payments.save')}
      width={420}
    >
      <Form.Item name="amountYuan" label={t('payments.amount')} rules={[{ required: true, message: t('payments.amountInvalid') }]}>
        <InputNumber<string> stringMode min="0.01" precision={2} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="paidOn" label={t('payments.paidOn')} rules={[{ required: true, message: t('payments.paidOn') }]}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} {...PICKER_DATE_RANGE} />
      </Form.Item>
    </FormModal>
  );
}
