import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Contract } from '../../../shared/api/contracts.contract.ts';
import { contractDateViolation } from '../../../shared/domain/contractRules.ts';
import { CONTRACT_STATUSES, CURRENCIES, CYCLES, type ContractStatus, type Currency, type Cycle } from '../../../shared/domain/enums.ts';
import { fenToYuanString, yuanStringToFen } from '../../../shared/domain/money.ts';
import { contractStatusLabels, cycleLabels, labelOf } from '../../../shared/i18n/enumLabels.ts';
import type { RenewalLinkSuggestion } from '../../../shared/api/renewals.contract.ts';
import { useApiMutation } from '../../api/useApi.ts';
import { invoke } from '../../api/invoke.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { OwnerSelect } from '../../components/OwnerSelect.tsx';
import { DATE_FORMAT, PICKER_DATE_RANGE, fromDayjs, toDayjs } from '../../format/dates.ts';
import { sameNames } from '../../forms/applyApiError.ts';
import { blankToNull } from '../../forms/blankToNull.ts';
import { maxRule, requiredRule } from '../../forms/fieldRules.ts';
import { useFormSubmit } from '../../forms/useFormSubmit.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { amountDigits } from '../../../shared/domain/typedInput.ts';
import { RenewalLinkDialog } from './RenewalLinkDialog.tsx';

interface Values {
  number: string;
  signedOn: Dayjs | null;
  startsOn: Dayjs | null;
  endsOn: Dayjs | null;
  amountYuan: string | null;
  currency: Currency;
  /** undefined: unknown (the Select was cleared, or an imported contract never had one). */
  cycle: Cycle | undefined;
  status: ContractStatus;
  ownerId: string | null;
  service?: string;
  notes?: string;
}

const FIELD_MAP = {
  ...sameNames('number', 'signedOn', 'startsOn', 'endsOn', 'currency', 'cycle', 'status', 'ownerId', 'service', 'notes'),
  amountFen: 'amountYuan',
};

/** Whether a save may have made the contract the renewal of an earlier term: a new one, or new dates or service. */
const mayLinkAfterSave = (before: Contract | null, after: Contract) =>
  before === null ||
  before.signedOn !== after.signedOn ||
  before.startsOn !== after.startsOn ||
  before.endsOn !== after.endsOn ||
  (before.service ?? '').trim() !== (after.service ?? '').trim();

const withThousands = (v: string | number | undefined) => {
  const [int = '', dec] = String(v ?? '').split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return dec === undefined ? grouped : `${grouped}.${dec}`;
};

interface Props {
  customerId: string;
  contract: Contract | null;
  open: boolean;
  onClose: () => void;
}

export function ContractFormModal({ customerId, contract, open, onClose }: Props) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const create = useApiMutation('contracts:create');
  const update = useApiMutation('contracts:update');
  // The link the chain rule offers once the contract is saved; applied only when the user clicks 关联.
  const [linkOffer, setLinkOffer] = useState<RenewalLinkSuggestion | null>(null);
  const offerLink = async (saved: Contract) => {
    if (!mayLinkAfterSave(contract, saved) || saved.renewalOf !== null) return;
    const answer = await invoke('renewals:linkSuggestion', { contractId: saved.id }).catch(() => null);
    if (answer?.suggestion) setLinkOffer(answer.suggestion);
  };

  const save = async (v: Values) => {
    const amountFen = v.amountYuan === null || v.amountYuan === '' ? null : yuanStringToFen(String(v.amountYuan));
    const fields = {
      number: v.number,
      signedOn: fromDayjs(v.signedOn),
      startsOn: fromDayjs(v.startsOn),
      endsOn: fromDayjs(v.endsOn),
      amountFen,
      currency: v.currency,
      cycle: v.cycle ?? null,
      status: v.status,
      ownerId: v.ownerId ?? null,
      service: blankToNull(v.service),
      notes: blankToNull(v.notes),
    };
    return contract ? update.mutateAsync({ id: contract.id, version: contract.version, ...fields }) : create.mutateAsync({ customerId, ...fields });
  };
  const submit = useFormSubmit(form, {
    fields: FIELD_MAP,
    save,
    successMessage: (saved) => (contract ? t('common.saved') : t('contract.created', { number: saved.number })),
    onSaved: (saved) => {
      onClose();
      void offerLink(saved);
    },
  });

  // The same date rule the service enforces (shared/domain/contractRules.ts), checked as the user types.
  const endsOnRule = ({ getFieldValue }: { getFieldValue: (n: keyof Values) => unknown }) => ({
    validator(_: unknown, endsOn: Dayjs | null) {
      const violation = contractDateViolation({
        signedOn: fromDayjs(getFieldValue('signedOn') as Dayjs | null),
        startsOn: fromDayjs(getFieldValue('startsOn') as Dayjs | null),
        endsOn: fromDayjs(endsOn),
        cycle: (getFieldValue('cycle') as Cycle | undefined) ?? null,
      }, t);
      return violation ? Promise.reject(new Error(violation.message)) : Promise.resolve();
    },
  });

  const option = <T extends string>(labels: Record<T, Record<'zh-CN' | 'en-US', string>>) => (code: T) => ({
    value: code,
    label: labelOf(labels, code, locale),
  });

  return (
    <>
      <FormModal<Values>
        name="contract"
        title={contract ? t('contract.editTitle') : t('contract.new')}
        open={open}
        form={form}
        onCancel={onClose}
        onFinish={submit.onFinish}
        saving={submit.submitting}
        width={720}
        initialValues={{
          number: contract?.number ?? '',
          signedOn: toDayjs(contract?.signedOn),
          startsOn: toDayjs(contract?.startsOn),
          endsOn: toDayjs(contract?.endsOn),
          amountYuan: contract?.amountFen == null ? null : fenToYuanString(contract.amountFen),
          currency: contract?.currency ?? 'CNY',
          // A new contract typed by hand starts as 年; an existing one shows its cycle, or nothing when unknown.
          cycle: contract ? (contract.cycle ?? undefined) : 'year',
          status: contract?.status ?? 'active',
          ownerId: contract?.ownerId ?? null,
          service: contract?.service ?? '',
          notes: contract?.notes ?? '',
        }}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="number" label={t('contract.number')} rules={[requiredRule(t, t('contract.number')), maxRule(t, 64)]}>
              <Input autoFocus placeholder={t('contract.numberPlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="status" label={t('contract.status')}>
              <Select options={CONTRACT_STATUSES.map(option(contractStatusLabels))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="signedOn" label={t('contract.signedOn')}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} {...PICKER_DATE_RANGE} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="startsOn" label={t('contract.startsOn')}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} {...PICKER_DATE_RANGE} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="endsOn" label={t('contract.endsOn')} dependencies={['cycle', 'startsOn', 'signedOn']} rules={[endsOnRule]}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} {...PICKER_DATE_RANGE} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="amountYuan" label={t('contract.amountYuan')}>
              <InputNumber<string> stringMode min="0" precision={2} formatter={withThousands} parser={(v) => amountDigits(v ?? '')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="currency" label={t('contract.currency')}>
              <Select options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="cycle" label={t('contract.cycle')}>
              <Select allowClear placeholder={t('contract.cycleUnknown')} options={CYCLES.map(option(cycleLabels))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="ownerId" label={t('contract.owner')}>
              <OwnerSelect />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="service" label={t('contract.service')} rules={[maxRule(t, 500)]}>
              <Input placeholder={t('contract.servicePlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="notes" label={t('contract.notes')} rules={[maxRule(t, 5000)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </FormModal>
      <RenewalLinkDialog suggestion={linkOffer} onClose={() => setLinkOffer(null)} />
    </>
  );
}
